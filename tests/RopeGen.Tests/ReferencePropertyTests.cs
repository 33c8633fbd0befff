using System;
using System.Linq;

namespace RopeGen.Tests;

/// <summary>RoPE's defining properties (rope-math §1–§2), checked on the reference rotation in double precision.</summary>
public class ReferencePropertyTests
{
    // Every kind and both layouts, partial rotary, attention factors 1 and above.
    private static readonly RotaryConfig[] Configs =
    {
        Expected.Llama31(),
        new(64, 10000) { Layout = RotaryLayout.Interleaved },
        new(80, 10000) { RotaryDim = 32 },
        new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768 },
        new(256, 10000) { RotaryDim = 64, Layout = RotaryLayout.Interleaved },
        Expected.DeepSeekV2,
        new(96, 10000, RopeScaling.Yarn) { RotaryDim = 64, Factor = 8, OriginalMaxPositions = 4096, Layout = RotaryLayout.Interleaved },
        new(80, 10000, RopeScaling.Linear) { Factor = 4 },
        new(64, 10000, RopeScaling.NtkAware) { Factor = 2, Layout = RotaryLayout.Interleaved },
        new(128, 10000, RopeScaling.DynamicNtk) { Factor = 4, OriginalMaxPositions = 4096 },
        Expected.Phi3Mini128k(),
        Expected.Phi3Mini128k(RotaryLayout.Interleaved),
    };

    // One sequence length for every call of a test, so the dynamic kinds use one table throughout (long table,
    // stretched base) and the properties hold for them too.
    private const int SequenceLength = 2_000_000;

    public static TheoryData<int> ConfigIndexes() => new(Enumerable.Range(0, Configs.Length));

    private static double[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 6 - 3).ToArray();
    }

    private static double[] Rotated(RotaryConfig c, double[] x, int[] positions, int heads)
    {
        double[] y = x.ToArray();
        RopeReference.Apply(c, y, positions, heads, SequenceLength);
        return y;
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (u, v) => u * v).Sum();

    [Theory, MemberData(nameof(ConfigIndexes))]
    public void NormIsScaledByTheAttentionFactorAndPassThroughDimsAreUntouched(int index)
    {
        RotaryConfig c = Configs[index];
        double s = RopeFrequencies.AttentionFactor(c);
        int d = c.EffectiveRotaryDim, heads = 2;
        int[] positions = { 0, 1, 4095, 4096, 123_457, 1_000_000 };
        double[] x = Random(positions.Length * heads * c.HeadDim, 1);
        double[] y = Rotated(c, x, positions, heads);
        for (int row = 0; row < positions.Length * heads; row++)
        {
            var input = x.Skip(row * c.HeadDim).Take(c.HeadDim).ToArray();
            var output = y.Skip(row * c.HeadDim).Take(c.HeadDim).ToArray();
            Assert.Equal(s * s * input.Take(d).Sum(v => v * v), output.Take(d).Sum(v => v * v), 1e-9);
            Assert.Equal(input.Skip(d), output.Skip(d));
        }
    }

    [Theory, MemberData(nameof(ConfigIndexes))]
    public void ScoresDependOnlyOnTheDistance(int index)
    {
        RotaryConfig c = Configs[index];
        double[] q = Random(c.HeadDim, 2), k = Random(c.HeadDim, 3);
        foreach ((int m, int n) in new[] { (10, 3), (3, 10), (500, 500) })
        {
            double reference = Dot(Rotated(c, q, new[] { m }, 1), Rotated(c, k, new[] { n }, 1));
            foreach (int offset in new[] { 1, 100, 5000, 99_999, 1_000_000 })
                Assert.Equal(reference, Dot(Rotated(c, q, new[] { m + offset }, 1), Rotated(c, k, new[] { n + offset }, 1)), 1e-7);
        }
    }

    [Theory, MemberData(nameof(ConfigIndexes))]
    public void ShiftAfterApplyEqualsApplyAtTheShiftedPosition(int index)
    {
        RotaryConfig c = Configs[index];
        double[] k = Random(3 * 2 * c.HeadDim, 4);
        double[] shifted = Rotated(c, k, new[] { 40, 7, 90_000 }, 2);
        if (c.IsDynamic)
        {
            Assert.Throws<NotSupportedException>(() => RopeReference.Shift(c, shifted, 2, 1000));
            return;
        }
        foreach (int delta in new[] { 1000, -7, 0 })
        {
            double[] moved = shifted.ToArray();
            RopeReference.Shift(c, moved, 2, delta);
            double[] direct = Rotated(c, k, new[] { 40 + delta, 7 + delta, 90_000 + delta }, 2);
            for (int i = 0; i < k.Length; i++) Assert.Equal(direct[i], moved[i], 1e-9);
        }
    }

    [Theory, MemberData(nameof(ConfigIndexes))]
    public void ShiftingBackToPositionZeroLeavesTheAttentionFactorTimesTheInput(int index)
    {
        // R(−p)·(s·R(p)·x) = s·x: the shift itself carries no attention factor.
        RotaryConfig c = Configs[index];
        if (c.IsDynamic) return;
        double s = RopeFrequencies.AttentionFactor(c);
        double[] x = Random(c.HeadDim, 5);
        double[] y = Rotated(c, x, new[] { 77_777 }, 1);
        RopeReference.Shift(c, y, 1, -77_777);
        for (int i = 0; i < c.HeadDim; i++) Assert.Equal(i < c.EffectiveRotaryDim ? s * x[i] : x[i], y[i], 1e-9);
    }

    [Theory]
    [InlineData(0)] // Llama-3.1-8B, whole head
    [InlineData(4)] // GPT-J-6B, 64 of 256 dims
    [InlineData(10)] // Phi-3-mini, LongRoPE long table
    public void InterleavedEqualsHalfSplitAfterTheMetaToHuggingFacePermutation(int index)
    {
        // rope-math §2.3: within the rotated slice of each head, HF row r comes from Meta row 2r (r < d/2) or
        // 2(r − d/2) + 1; the difference is exactly 0 in double.
        RotaryConfig halfSplit = WithLayout(Configs[index], RotaryLayout.HalfSplit);
        RotaryConfig interleaved = WithLayout(Configs[index], RotaryLayout.Interleaved);
        int d = halfSplit.EffectiveRotaryDim, headDim = halfSplit.HeadDim, heads = 3;
        int[] perm = Enumerable.Range(0, headDim).Select(r => r >= d ? r : r < d / 2 ? 2 * r : 2 * (r - d / 2) + 1).ToArray();
        Assert.Equal(new[] { 0, 2, 4, 6, 1, 3, 5, 7 }, Enumerable.Range(0, 8).Select(r => r < 4 ? 2 * r : 2 * (r - 4) + 1));
        int[] positions = { 5, 4097, 131_071 };

        double[] meta = Random(positions.Length * heads * headDim, 6);
        double[] hf = PermuteHeads(meta, perm);
        double[] metaOut = Rotated(interleaved, meta, positions, heads);
        double[] hfOut = Rotated(halfSplit, hf, positions, heads);

        Assert.Equal(PermuteHeads(metaOut, perm), hfOut);
    }

    private static double[] PermuteHeads(double[] x, int[] perm) =>
        x.Select((_, i) => x[i - i % perm.Length + perm[i % perm.Length]]).ToArray();

    private static RotaryConfig WithLayout(RotaryConfig c, RotaryLayout layout) => new(c.HeadDim, c.Base, c.Scaling)
    {
        RotaryDim = c.RotaryDim, Layout = layout, Factor = c.Factor, OriginalMaxPositions = c.OriginalMaxPositions,
        MaxPositions = c.MaxPositions, LowFreqFactor = c.LowFreqFactor, HighFreqFactor = c.HighFreqFactor,
        ShortFactors = c.ShortFactors, LongFactors = c.LongFactors,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(11)]
    public void PackedSequencesWithRestartingPositionsEqualSeparateCalls(int index)
    {
        RotaryConfig c = Configs[index];
        int[] first = { 0, 1, 2, 3 }, second = { 0, 1, 2 };
        double[] x = Random(7 * 2 * c.HeadDim, 7);
        double[] packed = Rotated(c, x, first.Concat(second).ToArray(), 2);
        double[] separate = Rotated(c, x.Take(4 * 2 * c.HeadDim).ToArray(), first, 2)
            .Concat(Rotated(c, x.Skip(4 * 2 * c.HeadDim).ToArray(), second, 2)).ToArray();
        Assert.Equal(separate, packed);
    }

    [Fact]
    public void FloatOverloadAgreesWithDoubleOverload()
    {
        RotaryConfig c = Configs[0];
        double[] x = Random(c.HeadDim, 8);
        float[] f = x.Select(v => (float)v).ToArray();
        double[] d = f.Select(v => (double)v).ToArray();
        RopeReference.Apply(c, f, new[] { 999_999 }, 1);
        RopeReference.Apply(c, d, new[] { 999_999 }, 1);
        // The float result is the double result rounded once: within half a float ulp of values up to 4.
        for (int i = 0; i < f.Length; i++) Assert.InRange(Math.Abs(d[i] - f[i]), 0, 2.4e-7);
    }

    [Fact]
    public void TheDefaultSequenceLengthIsTheLargestPositionPlusOne()
    {
        RotaryConfig c = Expected.Phi3Mini128k();
        double[] x = Random(2 * c.HeadDim, 9);
        double[] Apply(int[] positions, int sequenceLength)
        {
            double[] y = x.ToArray();
            RopeReference.Apply(c, y, positions, 1, sequenceLength);
            return y;
        }
        // Positions up to 4095: the short table, unless a longer sequence is named; position 4096: the long table.
        Assert.NotEqual(Apply(new[] { 0, 4095 }, 8192), Apply(new[] { 0, 4095 }, 0));
        Assert.Equal(Apply(new[] { 0, 4095 }, 4096), Apply(new[] { 0, 4095 }, 0));
        Assert.Equal(Apply(new[] { 0, 4096 }, 4097), Apply(new[] { 0, 4096 }, 0));
        var error = Assert.Throws<ArgumentException>(() => Apply(new[] { 0, 4096 }, 4096));
        Assert.Equal("sequenceLength", error.ParamName);
        Assert.Contains("sequenceLength is 4096, but the positions reach 4096; expected at least 4097", error.Message);
    }
}
