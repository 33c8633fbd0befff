using System;
using System.Linq;
using static RopeGen.Testing.MultimodalIds;

namespace RopeGen.Kernels.Tests;

/// <summary>
/// The generated M-RoPE kernels against the double reference (transformers' section split for Qwen2-VL, its
/// interleaved overwrite for Qwen3-VL), text tokens against plain RoPE bit for bit, each pair's axis, bad input.
/// </summary>
public class MultimodalRotaryTests
{
    private const double Tolerance = 2e-6;

    private static double[] Reference(RotaryConfig config, float[] input, int[] positions, int heads)
    {
        double[] exact = input.Select(v => (double)v).ToArray();
        RopeReference.ApplyMultimodal(config, exact, positions, heads);
        return exact;
    }

    [Theory]
    [MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void EveryOverloadMatchesTheReference(MultimodalCase kernel)
    {
        int d = kernel.Config.HeadDim, tokens = Mixed.Length / 3;
        float[] x = TestData.Random(tokens * 3 * d, seed: 1), xLength = x.ToArray();
        float[] q = TestData.Random(tokens * 8 * d, seed: 2), k = TestData.Random(tokens * 2 * d, seed: 3);
        float[] qLength = q.ToArray(), kLength = k.ToArray();
        double[] expectedX = Reference(kernel.Config, x, Mixed, 3);
        double[] expectedQ = Reference(kernel.Config, q, Mixed, 8), expectedK = Reference(kernel.Config, k, Mixed, 2);

        kernel.Apply(x, Mixed, 3);
        kernel.ApplyWithLength(xLength, Mixed, 3, 2_000_000);
        kernel.ApplyFused(q, 8, k, 2, Mixed);
        kernel.ApplyFusedWithLength(qLength, 8, kLength, 2, Mixed, 1_000_001);

        Assert.InRange(TestData.MaxError(x, expectedX), 0, Tolerance);
        Assert.InRange(TestData.MaxError(xLength, expectedX), 0, Tolerance);
        Assert.InRange(TestData.MaxError(q, expectedQ), 0, Tolerance);
        Assert.InRange(TestData.MaxError(k, expectedK), 0, Tolerance);
        Assert.InRange(TestData.MaxError(qLength, expectedQ), 0, Tolerance);
        Assert.InRange(TestData.MaxError(kLength, expectedK), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void PrefillOfTextAndAnImageMatchesTheReference(MultimodalCase kernel)
    {
        // 512 tokens: 16 text, a 22 × 22 image grid, 12 text; over 1 MiB of q and k, so the streaming (narrow) path.
        int[] positions = MultimodalPositions.TextAndImage(16, 1, 22, 22, 12);
        int d = kernel.Config.HeadDim;
        float[] q = TestData.Random(512 * 4 * d, seed: 4), k = TestData.Random(512 * 2 * d, seed: 5);
        double[] expectedQ = Reference(kernel.Config, q, positions, 4), expectedK = Reference(kernel.Config, k, positions, 2);

        kernel.ApplyFused(q, 4, k, 2, positions);

        Assert.InRange(TestData.MaxError(q, expectedQ), 0, Tolerance);
        Assert.InRange(TestData.MaxError(k, expectedK), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void TextTokensArePlainRopeBitForBit(MultimodalCase kernel)
    {
        // The same id on all three axes: cached rows and rows past the cap alike.
        int[] plain = { 0, 1, 517, 4096, 65535, 65536, 999_999 };
        int[] same = plain.Concat(plain).Concat(plain).ToArray();
        int d = kernel.Config.HeadDim;
        float[] x = TestData.Random(plain.Length * 5 * d, seed: 6), expected = x.ToArray();
        float[] q = TestData.Random(plain.Length * 4 * d, seed: 7), k = TestData.Random(plain.Length * 2 * d, seed: 8);
        float[] expectedQ = q.ToArray(), expectedK = k.ToArray();

        kernel.Plain(expected, plain, 5);
        kernel.Plain(expectedQ, plain, 4);
        kernel.Plain(expectedK, plain, 2);
        kernel.Apply(x, same, 5);
        kernel.ApplyFused(q, 4, k, 2, same);

        Assert.Equal(expected, x);
        Assert.Equal(expectedQ, q);
        Assert.Equal(expectedK, k);
    }

    [Theory]
    [MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void TextAroundAnImageIsPlainRopeBitForBit(MultimodalCase kernel)
    {
        // 3 text tokens (ids 0-2), a 1 × 2 × 3 grid (ids 3 + (0, h, w)), 3 text tokens (ids 6-8).
        int[] positions = MultimodalPositions.TextAndImage(3, 1, 2, 3, 3);
        int d = kernel.Config.HeadDim, tokens = 12;
        float[] x = TestData.Random(tokens * 2 * d, seed: 9), input = x.ToArray();

        kernel.Apply(x, positions, 2);

        foreach (int t in new[] { 0, 1, 2, 9, 10, 11 })
        {
            float[] token = input.AsSpan(t * 2 * d, 2 * d).ToArray();
            kernel.Plain(token, new[] { positions[t] }, 2);
            Assert.Equal(token, x.AsSpan(t * 2 * d, 2 * d).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void EachPairTurnsWithItsOwnAxisOnly(MultimodalCase kernel)
    {
        RotaryConfig c = kernel.Config;
        int d = c.HeadDim, pairs = c.PairCount;
        float factor = (float)RopeFrequencies.AttentionFactor(c);
        for (int axis = 0; axis < 3; axis++)
        {
            // Id 1000 on one axis, 0 on the others: pairs of the other axes are only scaled by the attention factor.
            int[] ids = new int[3];
            ids[axis] = 1000;
            float[] x = TestData.Random(d, seed: 10 + axis), input = x.ToArray();

            kernel.Apply(x, ids, 1);

            for (int j = 0; j < pairs; j++)
            {
                (int a, int b) = c.Layout == RotaryLayout.HalfSplit ? (j, j + pairs) : (2 * j, 2 * j + 1);
                bool turns = AxisOf(c, j) == axis;
                Assert.True(turns == (x[a] != input[a] * factor || x[b] != input[b] * factor), $"axis {axis}, pair {j}");
            }
        }
    }

    /// <summary>The axis of pair j as the issue states it: contiguous sections in order (Qwen2-VL), or height at
    /// j % 3 == 1 below 3·h and width at j % 3 == 2 below 3·w (Qwen3-VL).</summary>
    private static int AxisOf(RotaryConfig c, int j)
    {
        var s = c.MRopeSections!;
        if (!c.MRopeInterleaved) return j < s[0] ? 0 : j < s[0] + s[1] ? 1 : 2;
        return j % 3 == 1 && j < 3 * s[1] ? 1 : j % 3 == 2 && j < 3 * s[2] ? 2 : 0;
    }

    [Fact]
    public void ShiftRotaryMovesAllThreeAxesByTheDelta()
    {
        // R(δ)·R(t, h, w) = R(t + δ, h + δ, w + δ): every pair turns by δ·θ_j whichever axis it follows.
        int[] ids = Ids((3, 3, 3), (10, 4, 7), (40000, 2, 900));
        int[] shifted = ids.Select(p => p + 250).ToArray();
        foreach ((MultimodalCase.ApplyFn apply, KernelCase.ShiftFn shift, RotaryConfig config) in new (MultimodalCase.ApplyFn, KernelCase.ShiftFn, RotaryConfig)[]
        {
            (Qwen2VL.ApplyMultimodalRotary, Qwen2VL.ShiftRotary, Qwen2VL.RopeGenRotary.Config),
            (Qwen3VL.ApplyMultimodalRotary, Qwen3VL.ShiftRotary, Qwen3VL.RopeGenRotary.Config),
        })
        {
            float[] keys = TestData.Random(3 * 2 * 128, seed: 12);
            double[] expected = Reference(config, keys, shifted, 2);
            apply(keys, ids, 2);
            shift(keys, 2, 250);
            Assert.InRange(TestData.MaxError(keys, expected), 0, 2 * Tolerance);
        }
    }

    private static void AssertRejected(Action<float[]> call, params string[] messageParts)
    {
        float[] x = TestData.Random(4 * 128, seed: 11), before = x.ToArray();
        var error = Assert.ThrowsAny<ArgumentException>(() => call(x));
        foreach (string part in messageParts) Assert.Contains(part, error.Message);
        Assert.Equal(before, x);
    }

    [Fact]
    public void PositionsThatAreNotThreePerToken() =>
        AssertRejected(x => Qwen2VL.ApplyMultimodalRotary(x, new int[10], 1), "positions has 10 elements", "3 × tokens");

    [Fact]
    public void PositionsForOtherTokensThanTheBuffer() =>
        AssertRejected(x => Qwen2VL.ApplyMultimodalRotary(x, new int[9], 1), "positions cover 3 tokens, but x has 512 elements", "4 tokens");

    [Fact]
    public void NegativeHeightId() =>
        AssertRejected(x => Qwen3VL.ApplyMultimodalRotary(x, Ids((0, 0, 0), (1, 1, 1), (2, -2, 2), (3, 3, 3)), 1), "positions[6] is -2");

    [Fact]
    public void SequenceLengthBelowAnId() =>
        AssertRejected(x => Qwen2VL.ApplyMultimodalRotary(x, Ids((0, 0, 0), (1, 1, 1), (2, 900, 2), (3, 3, 3)), 1, 900), "sequenceLength is 900", "901");

    [Fact]
    public void FusedQueriesAndKeysThatOverlap() =>
        AssertRejected(x => Qwen2VL.ApplyMultimodalRotary(x.AsSpan(0, 256), 1, x.AsSpan(128, 256), 1, Ids((0, 0, 0), (1, 2, 3))), "q and k overlap");

    [Fact]
    public void FusedKeysForOtherTokens() =>
        AssertRejected(x => Qwen2VL.ApplyMultimodalRotary(x, 2, new float[128], 1, Ids((0, 0, 0), (1, 1, 1))), "k has 128 elements", "expected 256");
}
