using System;
using System.Linq;
using RopeGen.TestSupport;

namespace RopeGen.Tests;

/// <summary>
/// RotaryKernel's Half and BFloat16 overloads and RotateInto, for every configuration of <see cref="RotaryKernelTests"/>
/// (every kind, both layouts, partial rotary, head dims 64 to 256), positions up to 1,000,000: each result is the float
/// kernel's rotation of the decoded input rounded once, and within one unit in the last place (plus 2e-6) of the exact
/// rotation. Head counts cover whole tokens in the 4096-float scratch and tokens larger than it. The class name holds
/// "RotaryKernelTests" so that .ci/run repeats it on the 256-bit, 128-bit and scalar paths.
/// </summary>
public class SixteenBitRotaryKernelTests
{
    private static readonly int[] Positions = { 0, 1, 1023, 1024, 4095, 4096, 8192, 32768, 65535, 65536, 131071, 999_999, 1_000_000 };

    private static int[] HeadCounts(RotaryConfig c) => new[] { 3, 4096 / c.HeadDim + 3 };

    public static TheoryData<int> Indexes() => RotaryKernelTests.Indexes();

    [Theory, MemberData(nameof(Indexes))]
    public void HalfApplyRoundsTheFloatRotationOnce(int index) => ApplyRoundsOnce<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void BFloat16ApplyRoundsTheFloatRotationOnce(int index) => ApplyRoundsOnce<BFloat16>(index);

    private static void ApplyRoundsOnce<T>(int index)
    {
        RotaryConfig c = RotaryKernelTests.Configs[index];
        var kernel = new RotaryKernel(c);
        foreach (int heads in HeadCounts(c))
        {
            T[] x = Sixteen.Round<T>(RotaryKernelTests.Random(Positions.Length * heads * c.HeadDim, index + heads));
            float[] expected = Sixteen.Widen(x);
            double[] reference = RotaryKernelTests.Reference(c, expected, Positions, heads);
            kernel.Apply(expected, Positions, heads);

            Apply(kernel, x, Positions, heads, null);

            Sixteen.AssertRoundedOnce<T>(x, expected, reference, $"{heads} heads");
        }
    }

    [Theory, MemberData(nameof(Indexes))]
    public void HalfSequenceLengthSelectsTheTable(int index) => SequenceLengthSelectsTheTable<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void BFloat16SequenceLengthSelectsTheTable(int index) => SequenceLengthSelectsTheTable<BFloat16>(index);

    private static void SequenceLengthSelectsTheTable<T>(int index)
    {
        RotaryConfig c = RotaryKernelTests.Configs[index];
        var kernel = new RotaryKernel(c);
        int[] positions = { 0, 7, 99, 2047 };
        foreach (int n in new[] { 2048, 4096, 4097, 50_000 })
        {
            T[] q = Sixteen.Round<T>(RotaryKernelTests.Random(positions.Length * 3 * c.HeadDim, n)), k = Sixteen.Round<T>(RotaryKernelTests.Random(positions.Length * c.HeadDim, n + 1));
            T[] x = k.ToArray();
            float[] expectedQ = Sixteen.Widen(q), expectedK = Sixteen.Widen(k);
            double[] referenceQ = RotaryKernelTests.Reference(c, expectedQ, positions, 3, n), referenceK = RotaryKernelTests.Reference(c, expectedK, positions, 1, n);
            kernel.Apply(expectedQ, positions, 3, n);
            kernel.Apply(expectedK, positions, 1, n);

            Fused(kernel, q, 3, k, 1, positions, n);
            Apply(kernel, x, positions, 1, n);

            Sixteen.AssertRoundedOnce<T>(q, expectedQ, referenceQ, $"q, sequence length {n}");
            Sixteen.AssertRoundedOnce<T>(k, expectedK, referenceK, $"k, sequence length {n}");
            Sixteen.AssertRoundedOnce<T>(x, expectedK, referenceK, $"x, sequence length {n}");
        }
    }

    [Theory, MemberData(nameof(Indexes))]
    public void HalfFusedQueryKeyRoundsOnce(int index) => FusedRoundsOnce<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void BFloat16FusedQueryKeyRoundsOnce(int index) => FusedRoundsOnce<BFloat16>(index);

    private static void FusedRoundsOnce<T>(int index)
    {
        RotaryConfig c = RotaryKernelTests.Configs[index];
        var kernel = new RotaryKernel(c);
        foreach ((int qHeads, int kHeads) in new[] { (4, 2), (4096 / c.HeadDim, 4) })
        {
            T[] q = Sixteen.Round<T>(RotaryKernelTests.Random(Positions.Length * qHeads * c.HeadDim, 5)), k = Sixteen.Round<T>(RotaryKernelTests.Random(Positions.Length * kHeads * c.HeadDim, 6));
            float[] expectedQ = Sixteen.Widen(q), expectedK = Sixteen.Widen(k);
            double[] referenceQ = RotaryKernelTests.Reference(c, expectedQ, Positions, qHeads), referenceK = RotaryKernelTests.Reference(c, expectedK, Positions, kHeads);
            kernel.Apply(expectedQ, qHeads, expectedK, kHeads, Positions);

            Fused(kernel, q, qHeads, k, kHeads, Positions, null);

            Sixteen.AssertRoundedOnce<T>(q, expectedQ, referenceQ, $"q of {qHeads} + {kHeads} heads");
            Sixteen.AssertRoundedOnce<T>(k, expectedK, referenceK, $"k of {qHeads} + {kHeads} heads");
        }
    }

    [Theory, MemberData(nameof(Indexes))]
    public void HalfShiftRoundsOnceOrIsRefusedForTheDynamicKinds(int index) => ShiftRoundsOnce<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void BFloat16ShiftRoundsOnceOrIsRefusedForTheDynamicKinds(int index) => ShiftRoundsOnce<BFloat16>(index);

    private static void ShiftRoundsOnce<T>(int index)
    {
        RotaryConfig c = RotaryKernelTests.Configs[index];
        var kernel = new RotaryKernel(c);
        foreach (int heads in HeadCounts(c))
        {
            T[] keys = Sixteen.Round<T>(RotaryKernelTests.Random(5 * heads * c.HeadDim, 9)), before = keys.ToArray();
            if (c.IsDynamic)
            {
                Assert.Throws<NotSupportedException>(() => Shift(kernel, keys, heads, 3));
                Assert.Equal(before, keys);
                continue;
            }
            float[] expected = Sixteen.Widen(keys);
            double[] reference = expected.Select(v => (double)v).ToArray();
            RopeReference.Shift(c, reference, heads, -300);
            kernel.Shift(expected, heads, -300);

            Shift(kernel, keys, heads, -300);

            Sixteen.AssertRoundedOnce<T>(keys, expected, reference, $"{heads} heads");
        }
    }

    [Theory, MemberData(nameof(Indexes))]
    public void RotateIntoAFloatCacheEqualsTheInPlaceRotationBitForBit(int index) => RotateIntoRoundsOnce<float>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void RotateIntoAHalfCacheRoundsTheFloatRotationOnce(int index) => RotateIntoRoundsOnce<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void RotateIntoABFloat16CacheRoundsTheFloatRotationOnce(int index) => RotateIntoRoundsOnce<BFloat16>(index);

    private static void RotateIntoRoundsOnce<T>(int index)
    {
        RotaryConfig c = RotaryKernelTests.Configs[index];
        var kernel = new RotaryKernel(c);
        const int capacity = 11;
        int[] positions = { 20, 21, 22, 4096, 999_999 };
        int[] slots = { 9, 10, 0, 1, 2 }; // a ring buffer wrapping around its end
        foreach (int heads in HeadCounts(c))
            foreach (int? sequenceLength in new int?[] { null, 1_500_000 })
            {
                int row = heads * c.HeadDim;
                float[] source = RotaryKernelTests.Random(positions.Length * row, heads), sourceBefore = source.ToArray();
                T[] cache = Sixteen.Round<T>(RotaryKernelTests.Random(capacity * row, 7)), cacheBefore = cache.ToArray();
                float[] expected = source.ToArray();
                double[] reference = RotaryKernelTests.Reference(c, source, positions, heads, sequenceLength ?? 0);
                if (sequenceLength is int n) kernel.Apply(expected, positions, heads, n);
                else kernel.Apply(expected, positions, heads);

                RotateInto(kernel, source, positions, heads, cache, slots, sequenceLength);

                Assert.Equal(sourceBefore, source);
                for (int s = 0; s < capacity; s++)
                {
                    int t = Array.IndexOf(slots, s);
                    if (t < 0) Assert.True(cache.AsSpan(s * row, row).SequenceEqual(cacheBefore.AsSpan(s * row, row)), $"row {s} was not to be written");
                    else Sixteen.AssertRoundedOnce<T>(cache.AsSpan(s * row, row), expected.AsSpan(t * row, row), reference.AsSpan(t * row, row), $"slot {s}");
                }
            }
    }

    [Fact]
    public void BadInputIsRejectedBeforeAnythingIsWritten()
    {
        var kernel = new RotaryKernel(new RotaryConfig(64, 10000, RopeScaling.DynamicNtk) { Factor = 2, OriginalMaxPositions = 100 });
        Half[] x = Sixteen.Round<Half>(RotaryKernelTests.Random(128, 1)), before = x.ToArray();
        BFloat16[] q = Sixteen.Round<BFloat16>(RotaryKernelTests.Random(128, 2)), qBefore = q.ToArray();
        float[] source = RotaryKernelTests.Random(128, 3), sourceBefore = source.ToArray();
        Half[] cache = Sixteen.Round<Half>(RotaryKernelTests.Random(4 * 64, 4)), cacheBefore = cache.ToArray();

        Assert.Contains("x has 128 elements; expected 192", Assert.Throws<ArgumentException>(() => kernel.Apply(x, new[] { 0, 1, 2 }, 1)).Message);
        Assert.Contains("positions[1] is -1", Assert.Throws<ArgumentException>(() => kernel.Apply(q, new[] { 0, -1 }, 1, 5)).Message);
        Assert.Contains("sequenceLength is 1, but the positions reach 1", Assert.Throws<ArgumentException>(() => kernel.Apply(q, 1, q, 1, new[] { 0, 1 }, 1)).Message);
        Assert.Equal("numKeyValueHeads", Assert.Throws<ArgumentOutOfRangeException>(() => kernel.Apply(x.AsSpan(0, 64), 1, x.AsSpan(64), 0, new[] { 0 })).ParamName);
        Assert.Throws<NotSupportedException>(() => kernel.Shift(x, 1, 5));
        Assert.Contains("slots[1] is 4; expected a cache row from 0 to 3",
            Assert.Throws<ArgumentException>(() => kernel.RotateInto(source, new[] { 0, 1 }, 1, cache, new[] { 3, 4 })).Message);
        Assert.Contains("slots[1] is 3, like slots[0]",
            Assert.Throws<ArgumentException>(() => kernel.RotateInto(source, new[] { 0, 1 }, 1, cache, new[] { 3, 3 }, 5)).Message);
        Assert.Contains("slots has 3 entries; expected 2",
            Assert.Throws<ArgumentException>(() => kernel.RotateInto(source, new[] { 0, 1 }, 1, new BFloat16[256], new[] { 0, 1, 2 })).Message);
        Assert.Contains("cache has 200 elements; expected a multiple of 64",
            Assert.Throws<ArgumentException>(() => kernel.RotateInto(source, new[] { 0, 1 }, 1, new float[200], new[] { 0, 1 })).Message);
        Assert.Contains("sequenceLength is 7, but the positions reach 9",
            Assert.Throws<ArgumentException>(() => kernel.RotateInto(source, new[] { 0, 9 }, 1, cache, new[] { 0, 1 }, 7)).Message);

        Assert.Equal(before, x);
        Assert.Equal(qBefore, q);
        Assert.Equal(sourceBefore, source);
        Assert.Equal(cacheBefore, cache);
    }

    // The overload for each element type.

    private static void Apply<T>(RotaryKernel kernel, T[] x, int[] positions, int heads, int? length)
    {
        switch (x)
        {
            case Half[] h when length is int n: kernel.Apply(h, positions, heads, n); break;
            case Half[] h: kernel.Apply(h, positions, heads); break;
            case BFloat16[] b when length is int n: kernel.Apply(b, positions, heads, n); break;
            case BFloat16[] b: kernel.Apply(b, positions, heads); break;
            default: throw new NotSupportedException(typeof(T).Name);
        }
    }

    private static void Fused<T>(RotaryKernel kernel, T[] q, int qHeads, T[] k, int kHeads, int[] positions, int? length)
    {
        switch ((q, k))
        {
            case (Half[] hq, Half[] hk) when length is int n: kernel.Apply(hq, qHeads, hk, kHeads, positions, n); break;
            case (Half[] hq, Half[] hk): kernel.Apply(hq, qHeads, hk, kHeads, positions); break;
            case (BFloat16[] bq, BFloat16[] bk) when length is int n: kernel.Apply(bq, qHeads, bk, kHeads, positions, n); break;
            case (BFloat16[] bq, BFloat16[] bk): kernel.Apply(bq, qHeads, bk, kHeads, positions); break;
            default: throw new NotSupportedException(typeof(T).Name);
        }
    }

    private static void Shift<T>(RotaryKernel kernel, T[] keys, int heads, int delta)
    {
        if (keys is Half[] h) kernel.Shift(h, heads, delta);
        else if (keys is BFloat16[] b) kernel.Shift(b, heads, delta);
        else throw new NotSupportedException(typeof(T).Name);
    }

    private static void RotateInto<T>(RotaryKernel kernel, float[] source, int[] positions, int heads, T[] cache, int[] slots, int? length)
    {
        switch (cache)
        {
            case float[] f when length is int n: kernel.RotateInto(source, positions, heads, f, slots, n); break;
            case float[] f: kernel.RotateInto(source, positions, heads, f, slots); break;
            case Half[] h when length is int n: kernel.RotateInto(source, positions, heads, h, slots, n); break;
            case Half[] h: kernel.RotateInto(source, positions, heads, h, slots); break;
            case BFloat16[] b when length is int n: kernel.RotateInto(source, positions, heads, b, slots, n); break;
            case BFloat16[] b: kernel.RotateInto(source, positions, heads, b, slots); break;
            default: throw new NotSupportedException(typeof(T).Name);
        }
    }
}
