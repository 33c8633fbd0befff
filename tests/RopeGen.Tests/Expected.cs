using System;
using System.Linq;

namespace RopeGen.Tests;

/// <summary>
/// Expectations that do not come from the code under test: rope-math.md's formulas written out in another form, and
/// its published data.
/// </summary>
internal static class Expected
{
    /// <summary>RoFormer's θ_i = b^(−2i/d) as exp(−(2i/d)·ln b) (the code computes 1 / b^(2i/d)).</summary>
    public static double[] DefaultTheta(double b, int d) =>
        Enumerable.Range(0, d / 2).Select(i => Math.Exp(-2.0 * i / d * Math.Log(b))).ToArray();

    public static void Close(double expected, double actual, double relative = 1e-12) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    public static void Close(double[] expected, double[] actual, double relative = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relative * Math.Abs(expected[i]), $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }

    /// <summary>Phi-3-mini-128k-instruct's <c>short_factor</c> (rope-math §9, current revision).</summary>
    public static readonly double[] Phi3ShortFactors =
    {
        1.1, 1.1, 1.1, 1.3000000000000003, 1.3500000000000003, 1.3500000000000003, 1.4000000000000004, 1.5500000000000005,
        2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001,
        2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001,
        2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.0500000000000007,
        2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.1000000000000005,
        2.1000000000000005, 2.1500000000000004, 2.25, 2.25, 2.25, 2.25, 2.25, 2.3999999999999995, 2.4499999999999993,
        2.499999999999999, 2.6999999999999984, 2.6999999999999984, 2.7499999999999982, 2.799999999999998, 2.8999999999999977,
        3.049999999999997,
    };

    /// <summary>Phi-3-mini-128k-instruct's <c>long_factor</c> (rope-math §9, current revision).</summary>
    public static readonly double[] Phi3LongFactors =
    {
        1.0700000524520874, 1.1200000047683716, 1.149999976158142, 1.4199999570846558, 1.5699999332427979, 1.7999999523162842,
        2.129999876022339, 2.129999876022339, 3.009999990463257, 5.910000324249268, 6.950000286102295, 9.070000648498535,
        9.930000305175781, 10.710000038146973, 11.130000114440918, 14.609999656677246, 15.409998893737793, 19.809999465942383,
        37.279998779296875, 38.279998779296875, 38.599998474121094, 40.12000274658203, 46.20000457763672, 50.940006256103516,
        53.66000747680664, 54.9373893737793, 56.89738845825195, 57.28738784790039, 59.98738479614258, 60.86738586425781,
        60.887386322021484, 61.71739196777344, 62.91739273071289, 62.957393646240234, 63.41739273071289, 63.8173942565918,
        63.83739471435547, 63.897396087646484, 63.93739700317383, 64.06739807128906, 64.11434936523438, 64.12435150146484,
        64.15435028076172, 64.19435119628906, 64.24435424804688, 64.57435607910156, 64.69000244140625, 64.76000213623047,
    };

    /// <summary>Phi-3-mini-128k-instruct as config.json gives it: head dim 96, rope_theta 10000, longrope,
    /// original_max_position_embeddings 4096, max_position_embeddings 131072.</summary>
    public static RotaryConfig Phi3Mini128k(RotaryLayout layout = RotaryLayout.HalfSplit) => new(96, 10000, RopeScaling.LongRope)
    {
        OriginalMaxPositions = 4096,
        MaxPositions = 131072,
        ShortFactors = Phi3ShortFactors,
        LongFactors = Phi3LongFactors,
        Layout = layout,
    };

    /// <summary>Llama-3.1-8B: rope_theta 500000, llama3 factor 8, low 1, high 4, original 8192.</summary>
    public static RotaryConfig Llama31(RotaryLayout layout = RotaryLayout.HalfSplit) => new(128, 500000, RopeScaling.Llama3)
    {
        Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192, Layout = layout,
    };

    /// <summary>DeepSeek-V2's rope slice: 64 interleaved dims, yarn factor 40, original 4096, mscale = mscale_all_dim = 0.707.</summary>
    public static RotaryConfig DeepSeekV2 => new(64, 10000, RopeScaling.Yarn)
    {
        Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707, YarnMScaleAllDim = 0.707, Layout = RotaryLayout.Interleaved,
    };
}
