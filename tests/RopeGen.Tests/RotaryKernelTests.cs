using System;
using System.Linq;

namespace RopeGen.Tests;

/// <summary>The runtime-configured kernel against the double-precision reference.</summary>
public class RotaryKernelTests
{
    private static readonly RotaryConfig[] Configs =
    {
        new(64),
        new(64) { Layout = RotaryLayout.Interleaved },
        new(80) { RotaryDim = 32 },
        new(80, 10000, RopeScaling.Linear) { Factor = 4, Layout = RotaryLayout.Interleaved },
        new(96) { RotaryDim = 24 },
        new(96, 10000, RopeScaling.NtkAware) { Factor = 4, Layout = RotaryLayout.Interleaved },
        KnownModels.Phi3Mini128k,
        new(128, 500000, RopeScaling.Llama3) { Factor = 8, OriginalMaxPositions = 8192 },
        new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768 },
        new(128, 10000, RopeScaling.DynamicNtk) { Factor = 4, OriginalMaxPositions = 4096 },
        new(256) { RotaryDim = 64, Layout = RotaryLayout.Interleaved },
        new(256),
    };

    public static TheoryData<int> Indexes() => new(Enumerable.Range(0, Configs.Length));

    private static float[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
    }

    private static double MaxError(RotaryConfig c, float[] input, Action<float[]> kernel, int[] positions, int heads, int sequenceLength = 0)
    {
        double[] expected = input.Select(v => (double)v).ToArray();
        RopeReference.Apply(c, expected, positions, heads, sequenceLength);
        float[] actual = input.ToArray();
        kernel(actual);
        return actual.Zip(expected, (a, e) => Math.Abs(a - e)).Max();
    }

    private static readonly int[] Positions = { 0, 1, 1023, 1024, 4095, 4096, 8192, 32768, 65535, 65536, 131071, 999_999, 1_000_000 };

    [Theory, MemberData(nameof(Indexes))]
    public void EveryOverloadMatchesTheReference(int index)
    {
        RotaryConfig c = Configs[index];
        var kernel = new RotaryKernel(c);
        float[] x = Random(Positions.Length * 3 * c.HeadDim, index);
        Assert.InRange(MaxError(c, x, b => kernel.Apply(b, Positions, 3), Positions, 3), 0, 2e-6);

        int[] shortPositions = { 0, 7, 99 };
        foreach (int n in new[] { 100, 4097, 50_000 })
        {
            float[] y = Random(3 * 2 * c.HeadDim, n);
            Assert.InRange(MaxError(c, y, b => kernel.Apply(b, shortPositions, 2, n), shortPositions, 2, n), 0, 2e-6);
        }

        float[] q = Random(Positions.Length * 4 * c.HeadDim, 5), k = Random(Positions.Length * 2 * c.HeadDim, 6);
        float[] qOut = q.ToArray(), kOut = k.ToArray();
        kernel.Apply(qOut, 4, kOut, 2, Positions);
        float[] qSeparate = q.ToArray(), kSeparate = k.ToArray();
        kernel.Apply(qSeparate, Positions, 4);
        kernel.Apply(kSeparate, Positions, 2);
        Assert.Equal(qSeparate, qOut);
        Assert.Equal(kSeparate, kOut);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void ShiftMatchesTheReferenceOrRefusesForDynamicKinds(int index)
    {
        RotaryConfig c = Configs[index];
        var kernel = new RotaryKernel(c);
        float[] keys = Random(4 * 2 * c.HeadDim, 9);
        if (c.IsDynamic)
        {
            Assert.Throws<NotSupportedException>(() => kernel.Shift(keys, 2, 3));
            return;
        }
        double[] expected = keys.Select(v => (double)v).ToArray();
        RopeReference.Shift(c, expected, 2, -300);
        kernel.Shift(keys, 2, -300);
        Assert.InRange(keys.Zip(expected, (a, e) => Math.Abs(a - e)).Max(), 0, 2e-6);
    }

    [Fact]
    public void BadInputIsRejectedBeforeAnythingIsWritten()
    {
        var kernel = new RotaryKernel(new RotaryConfig(64));
        float[] x = Random(128, 1), before = x.ToArray();
        Assert.Contains("expected 192", Assert.Throws<ArgumentException>(() => kernel.Apply(x, new[] { 0, 1, 2 }, 1)).Message);
        Assert.Contains("positions[1] is -1", Assert.Throws<ArgumentException>(() => kernel.Apply(x, new[] { 0, -1 }, 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.Apply(x, new[] { 0, 1 }, 0));
        Assert.Contains("k has 128 elements", Assert.Throws<ArgumentException>(() => kernel.Apply(new float[64], 1, x, 1, new[] { 0 })).Message);
        Assert.Equal(before, x);
    }

    [Fact]
    public void AnInvalidConfigurationIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new RotaryKernel(new RotaryConfig(64, 10000, RopeScaling.Yarn) { Factor = 4 }));
        Assert.Equal("OriginalMaxPositions", error.ParamName);
    }
}
