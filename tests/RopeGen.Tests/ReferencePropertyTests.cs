using System;
using System.Linq;

namespace RopeGen.Tests;

/// <summary>RoPE's defining properties, checked on the reference rotation in double precision.</summary>
public class ReferencePropertyTests
{
    private static readonly RotaryConfig[] Configs =
    {
        new(128, 500000, RopeScaling.Llama3) { Factor = 8, OriginalMaxPositions = 8192 },
        new(64, 10000) { Layout = RotaryLayout.Interleaved },
        new(80, 10000) { RotaryDim = 32 },
        new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768 },
        new(256, 10000) { RotaryDim = 64, Layout = RotaryLayout.Interleaved },
    };

    public static TheoryData<int> ConfigIndexes() => new(Enumerable.Range(0, Configs.Length));

    private static double[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 6 - 3).ToArray();
    }

    private static double[] Rotated(RotaryConfig c, double[] x, int position)
    {
        double[] y = x.ToArray();
        RopeReference.Apply(c, y, new[] { position }, 1);
        return y;
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (u, v) => u * v).Sum();

    [Theory, MemberData(nameof(ConfigIndexes))]
    public void NormIsPreservedUpToTheAttentionFactor(int index)
    {
        RotaryConfig c = Configs[index];
        double s = RopeFrequencies.AttentionFactor(c);
        double[] x = Random(c.HeadDim, 1);
        double[] y = Rotated(c, x, 123_457);
        int d = c.EffectiveRotaryDim;
        double rotatedIn = x.Take(d).Sum(v => v * v), rotatedOut = y.Take(d).Sum(v => v * v);
        Assert.Equal(rotatedIn * s * s, rotatedOut, 9);
    }

    [Theory, MemberData(nameof(ConfigIndexes))]
    public void ScoresDependOnlyOnTheDistance(int index)
    {
        RotaryConfig c = Configs[index];
        double[] q = Random(c.HeadDim, 2), k = Random(c.HeadDim, 3);
        double reference = Dot(Rotated(c, q, 10), Rotated(c, k, 3));
        foreach (int offset in new[] { 1, 100, 5000, 99_999 })
            Assert.Equal(reference, Dot(Rotated(c, q, 10 + offset), Rotated(c, k, 3 + offset)), 8);
    }

    [Theory, MemberData(nameof(ConfigIndexes))]
    public void ShiftComposesRotations(int index)
    {
        RotaryConfig c = Configs[index];
        double[] k = Random(2 * c.HeadDim, 4);
        double[] shifted = k.ToArray();
        RopeReference.Apply(c, shifted, new[] { 40, 7 }, 1);
        RopeReference.Shift(c, shifted, 1, 1000);
        double[] direct = k.ToArray();
        RopeReference.Apply(c, direct, new[] { 1040, 1007 }, 1);
        for (int i = 0; i < k.Length; i++) Assert.Equal(direct[i], shifted[i], 9);
    }

    [Theory, MemberData(nameof(ConfigIndexes))]
    public void DimsPastTheRotaryDimAreUntouched(int index)
    {
        RotaryConfig c = Configs[index];
        double[] x = Random(3 * c.HeadDim, 5);
        double[] y = x.ToArray();
        RopeReference.Apply(c, y, new[] { 5, 6, 7 }, 1);
        for (int i = 0; i < x.Length; i++)
            if (i % c.HeadDim >= c.EffectiveRotaryDim) Assert.Equal(x[i], y[i]);
    }

    [Fact]
    public void InterleavedEqualsHalfSplitAfterTheMetaToHuggingFacePermutation()
    {
        // rope-math §2.3: HF row r comes from Meta row 2r (r < d/2) or 2(r - d/2) + 1.
        const int d = 8;
        int[] perm = Enumerable.Range(0, d).Select(r => r < d / 2 ? 2 * r : 2 * (r - d / 2) + 1).ToArray();
        Assert.Equal(new[] { 0, 2, 4, 6, 1, 3, 5, 7 }, perm);
        var meta = new RotaryConfig(d, 10000) { Layout = RotaryLayout.Interleaved };
        var hf = new RotaryConfig(d, 10000);
        double[] x = Random(d, 6);
        double[] permuted = perm.Select(r => x[r]).ToArray();

        double[] metaOut = Rotated(meta, x, 77);
        double[] hfOut = Rotated(hf, permuted, 77);

        for (int r = 0; r < d; r++) Assert.Equal(metaOut[perm[r]], hfOut[r]);
    }

    [Fact]
    public void PackedSequencesEqualSeparateCalls()
    {
        RotaryConfig c = Configs[0];
        double[] x = Random(5 * c.HeadDim, 7);
        double[] packed = x.ToArray();
        RopeReference.Apply(c, packed, new[] { 0, 1, 2, 0, 1 }, 1);
        double[] first = x.Take(3 * c.HeadDim).ToArray(), second = x.Skip(3 * c.HeadDim).ToArray();
        RopeReference.Apply(c, first, new[] { 0, 1, 2 }, 1);
        RopeReference.Apply(c, second, new[] { 0, 1 }, 1);
        Assert.Equal(first.Concat(second), packed);
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
    public void DynamicKindsCannotBeShifted()
    {
        var c = new RotaryConfig(64, 10000, RopeScaling.DynamicNtk) { Factor = 2, OriginalMaxPositions = 2048 };
        var error = Assert.Throws<NotSupportedException>(() => RopeReference.Shift(c, new double[64], 1, 3));
        Assert.Contains("DynamicNtk", error.Message);
    }
}
