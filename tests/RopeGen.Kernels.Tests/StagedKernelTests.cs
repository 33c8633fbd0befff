using System;
using System.Linq;
using RopeGen.TestSupport;

namespace RopeGen.Kernels.Tests;

/// <summary>
/// The generated Half and BFloat16 kernels and RotateInto, for every case (every kind, both layouts, partial rotary),
/// positions up to 1,000,000: each result is the float kernel's rotation of the decoded input rounded once, and within
/// one unit in the last place of the exact rotation (see <see cref="Sixteen.AssertRoundedOnce{T}"/>). Head counts cover
/// both ways the work is staged: whole tokens in the scratch, and tokens larger than it in groups of heads.
/// </summary>
public class StagedKernelTests
{
    /// <summary>3 heads, and enough heads that one token exceeds the 4096-float scratch.</summary>
    private static int[] HeadCounts(KernelCase kernel) => new[] { 3, 4096 / kernel.Config.HeadDim + 3 };

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void HalfApplyRoundsTheFloatRotationOnce(KernelCase kernel) => ApplyRoundsOnce<Half>(kernel);

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void BFloat16ApplyRoundsTheFloatRotationOnce(KernelCase kernel) => ApplyRoundsOnce<BFloat16>(kernel);

    private static void ApplyRoundsOnce<T>(KernelCase kernel)
    {
        StagedKernels<T> staged = StagedKernels<T>.Of(kernel);
        int[] positions = TestData.Positions;
        foreach (int heads in HeadCounts(kernel))
        {
            T[] x = Sixteen.Round<T>(TestData.Random(positions.Length * heads * kernel.Config.HeadDim, seed: heads));
            float[] expected = Sixteen.Widen(x);
            double[] reference = TestData.Reference(kernel.Config, expected, positions, heads);
            kernel.Apply(expected, positions, heads);

            staged.Apply(x, positions, heads);

            Sixteen.AssertRoundedOnce<T>(x, expected, reference, $"{heads} heads");
        }
    }

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void HalfSequenceLengthSelectsTheTable(KernelCase kernel) => SequenceLengthSelectsTheTable<Half>(kernel);

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void BFloat16SequenceLengthSelectsTheTable(KernelCase kernel) => SequenceLengthSelectsTheTable<BFloat16>(kernel);

    private static void SequenceLengthSelectsTheTable<T>(KernelCase kernel)
    {
        StagedKernels<T> staged = StagedKernels<T>.Of(kernel);
        int d = kernel.Config.HeadDim;
        // Within every original context and past it (DynamicNtk stretches its base, LongRope takes its long factors).
        foreach (int sequenceLength in new[] { 100, 4096, 4097, 20000, 200000 })
        {
            int[] positions = { 0, 5, 99, sequenceLength - 1 };
            T[] x = Sixteen.Round<T>(TestData.Random(positions.Length * 2 * d, seed: sequenceLength));
            float[] expectedX = Sixteen.Widen(x);
            double[] referenceX = TestData.Reference(kernel.Config, expectedX, positions, 2, sequenceLength);
            kernel.ApplyWithLength(expectedX, positions, 2, sequenceLength);
            T[] q = Sixteen.Round<T>(TestData.Random(positions.Length * 4 * d, seed: 1)), k = Sixteen.Round<T>(TestData.Random(positions.Length * 2 * d, seed: 2));
            float[] expectedQ = Sixteen.Widen(q), expectedK = Sixteen.Widen(k);
            double[] referenceQ = TestData.Reference(kernel.Config, expectedQ, positions, 4, sequenceLength);
            double[] referenceK = TestData.Reference(kernel.Config, expectedK, positions, 2, sequenceLength);
            kernel.ApplyWithLength(expectedQ, positions, 4, sequenceLength);
            kernel.ApplyWithLength(expectedK, positions, 2, sequenceLength);

            staged.ApplyWithLength(x, positions, 2, sequenceLength);
            staged.FusedWithLength(q, 4, k, 2, positions, sequenceLength);

            Sixteen.AssertRoundedOnce<T>(x, expectedX, referenceX, $"x, sequence length {sequenceLength}");
            Sixteen.AssertRoundedOnce<T>(q, expectedQ, referenceQ, $"q, sequence length {sequenceLength}");
            Sixteen.AssertRoundedOnce<T>(k, expectedK, referenceK, $"k, sequence length {sequenceLength}");
        }
    }

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void HalfFusedQueryKeyRoundsOnce(KernelCase kernel) => FusedRoundsOnce<Half>(kernel);

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void BFloat16FusedQueryKeyRoundsOnce(KernelCase kernel) => FusedRoundsOnce<BFloat16>(kernel);

    private static void FusedRoundsOnce<T>(KernelCase kernel)
    {
        StagedKernels<T> staged = StagedKernels<T>.Of(kernel);
        int d = kernel.Config.HeadDim;
        int[] positions = { 3, 4096, 70000, 12, 999_999 };
        // Grouped-query attention that fits the scratch per token (8 + 2 heads of up to 256), and that does not.
        foreach ((int qHeads, int kHeads) in new[] { (8, 2), (4096 / d, 4) })
        {
            T[] q = Sixteen.Round<T>(TestData.Random(positions.Length * qHeads * d, seed: 2)), k = Sixteen.Round<T>(TestData.Random(positions.Length * kHeads * d, seed: 3));
            float[] expectedQ = Sixteen.Widen(q), expectedK = Sixteen.Widen(k);
            double[] referenceQ = TestData.Reference(kernel.Config, expectedQ, positions, qHeads);
            double[] referenceK = TestData.Reference(kernel.Config, expectedK, positions, kHeads);
            kernel.ApplyFused(expectedQ, qHeads, expectedK, kHeads, positions);

            staged.Fused(q, qHeads, k, kHeads, positions);

            Sixteen.AssertRoundedOnce<T>(q, expectedQ, referenceQ, $"q of {qHeads} + {kHeads} heads");
            Sixteen.AssertRoundedOnce<T>(k, expectedK, referenceK, $"k of {qHeads} + {kHeads} heads");
        }
    }

    [Theory, MemberData(nameof(KernelCase.StaticCases), MemberType = typeof(KernelCase))]
    public void HalfShiftRoundsTheFloatShiftOnce(KernelCase kernel) => ShiftRoundsOnce<Half>(kernel);

    [Theory, MemberData(nameof(KernelCase.StaticCases), MemberType = typeof(KernelCase))]
    public void BFloat16ShiftRoundsTheFloatShiftOnce(KernelCase kernel) => ShiftRoundsOnce<BFloat16>(kernel);

    private static void ShiftRoundsOnce<T>(KernelCase kernel)
    {
        StagedKernels<T> staged = StagedKernels<T>.Of(kernel);
        foreach (int heads in HeadCounts(kernel))
            foreach (int delta in new[] { -4096, 1, 250_000 })
            {
                // More than 4096 floats of keys: the shift runs over several scratch pieces.
                T[] keys = Sixteen.Round<T>(TestData.Random(5 * heads * kernel.Config.HeadDim, seed: delta + heads));
                float[] expected = Sixteen.Widen(keys);
                double[] reference = expected.Select(v => (double)v).ToArray();
                RopeReference.Shift(kernel.Config, reference, heads, delta);
                kernel.Shift(expected, heads, delta);

                staged.Shift(keys, heads, delta);

                Sixteen.AssertRoundedOnce<T>(keys, expected, reference, $"{heads} heads, delta {delta}");
            }
    }

    [Theory, MemberData(nameof(KernelCase.DynamicCases), MemberType = typeof(KernelCase))]
    public void DynamicKindsRefuseToShiftHalfAndBFloat16Keys(KernelCase kernel)
    {
        Half[] halves = Sixteen.Round<Half>(TestData.Random(2 * kernel.Config.HeadDim, seed: 1));
        BFloat16[] bf16 = Sixteen.Round<BFloat16>(TestData.Random(2 * kernel.Config.HeadDim, seed: 1));
        Half[] halvesBefore = halves.ToArray();
        BFloat16[] bf16Before = bf16.ToArray();

        var error = Assert.Throws<NotSupportedException>(() => StagedKernels<Half>.Of(kernel).Shift(halves, 1, 5));
        Assert.Throws<NotSupportedException>(() => StagedKernels<BFloat16>.Of(kernel).Shift(bf16, 1, 5));

        Assert.Contains(kernel.Config.Scaling.ToString(), error.Message);
        Assert.Equal(halvesBefore, halves);
        Assert.Equal(bf16Before, bf16);
    }

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void NeighbouringMemoryIsUntouched(KernelCase kernel)
    {
        int d = kernel.Config.HeadDim;
        int[] positions = { 9, 100_000 };
        Half[] buffer = Sixteen.Round<Half>(TestData.Random(positions.Length * 2 * d + 64, seed: 5));
        Half[] before = buffer.ToArray();

        StagedKernels<Half>.Of(kernel).Apply(buffer.AsSpan(32, positions.Length * 2 * d), positions, 2);

        Assert.Equal(before[..32], buffer[..32]);
        Assert.Equal(before[^32..], buffer[^32..]);
        Assert.NotEqual(before[32 + 1], buffer[32 + 1]);
    }

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void RotateIntoAFloatCacheEqualsTheInPlaceRotationBitForBit(KernelCase kernel) => RotateIntoRoundsOnce<float>(kernel);

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void RotateIntoAHalfCacheRoundsTheFloatRotationOnce(KernelCase kernel) => RotateIntoRoundsOnce<Half>(kernel);

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void RotateIntoABFloat16CacheRoundsTheFloatRotationOnce(KernelCase kernel) => RotateIntoRoundsOnce<BFloat16>(kernel);

    private static void RotateIntoRoundsOnce<T>(KernelCase kernel)
    {
        CacheKernels<T> cacheKernels = CacheKernels<T>.Of(kernel);
        int d = kernel.Config.HeadDim;
        const int capacity = 16;
        foreach (int heads in HeadCounts(kernel))
            foreach (int? sequenceLength in new int?[] { null, 1_200_000 })
            {
                // A ring buffer: the new tokens wrap around the end of the cache.
                int[] positions = { 13, 14, 15, 16, 17, 65536, 999_999 };
                int[] slots = positions.Select((_, t) => (12 + t) % capacity).ToArray();
                int row = heads * d;
                float[] source = TestData.Random(positions.Length * row, seed: heads);
                float[] sourceBefore = source.ToArray();
                T[] cache = Sixteen.Round<T>(TestData.Random(capacity * row, seed: 7));
                T[] cacheBefore = cache.ToArray();
                float[] expected = source.ToArray();
                double[] reference = TestData.Reference(kernel.Config, source, positions, heads, sequenceLength ?? 0);
                if (sequenceLength is int length) kernel.ApplyWithLength(expected, positions, heads, length);
                else kernel.Apply(expected, positions, heads);

                if (sequenceLength is int n) cacheKernels.RotateIntoWithLength(source, positions, heads, cache, slots, n);
                else cacheKernels.RotateInto(source, positions, heads, cache, slots);

                Assert.Equal(sourceBefore, source);
                for (int s = 0; s < capacity; s++)
                {
                    int t = Array.IndexOf(slots, s);
                    Span<T> written = cache.AsSpan(s * row, row);
                    if (t < 0) Assert.True(written.SequenceEqual(cacheBefore.AsSpan(s * row, row)), $"row {s} was not to be written");
                    else Sixteen.AssertRoundedOnce<T>(written, expected.AsSpan(t * row, row), reference.AsSpan(t * row, row), $"{heads} heads, slot {s}");
                }
            }
    }
}
