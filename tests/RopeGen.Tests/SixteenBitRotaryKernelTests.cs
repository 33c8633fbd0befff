using System;
using System.Linq;
using RopeGen.Testing;

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

    public static TheoryData<int> Indexes() => RotaryKernelTests.Indexes();

    private static RotaryConfig Config(int index) => RotaryKernelTests.Configs[index];

    /// <summary>3 heads, and enough heads that one token exceeds the 4096-float scratch.</summary>
    private static int[] HeadCounts(int index) => new[] { 3, 4096 / Config(index).HeadDim + 3 };

    /// <summary>The float and <typeparamref name="T"/> overloads of one kernel for configuration <paramref name="index"/>.</summary>
    private static (PrecisionOverloads<float> Float, PrecisionOverloads<T> Staged) Kernel<T>(int index)
    {
        var kernel = new RotaryKernel(Config(index));
        return (PrecisionOverloads<float>.Runtime(kernel), PrecisionOverloads<T>.Runtime(kernel));
    }

    [Theory, MemberData(nameof(Indexes))]
    public void HalfApplyRoundsTheFloatRotationOnce(int index) => Apply<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void BFloat16ApplyRoundsTheFloatRotationOnce(int index) => Apply<BFloat16>(index);

    private static void Apply<T>(int index)
    {
        var (f, s) = Kernel<T>(index);
        foreach (int heads in HeadCounts(index)) StagedChecks<T>.Apply(f, s, Positions, heads);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void HalfSequenceLengthSelectsTheTable(int index) => SequenceLength<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void BFloat16SequenceLengthSelectsTheTable(int index) => SequenceLength<BFloat16>(index);

    private static void SequenceLength<T>(int index)
    {
        var (f, s) = Kernel<T>(index);
        foreach (int n in new[] { 2048, 4096, 4097, 50_000 }) StagedChecks<T>.SequenceLength(f, s, n);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void HalfFusedQueryKeyRoundsOnce(int index) => Fused<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void BFloat16FusedQueryKeyRoundsOnce(int index) => Fused<BFloat16>(index);

    private static void Fused<T>(int index)
    {
        var (f, s) = Kernel<T>(index);
        StagedChecks<T>.Fused(f, s, Positions, 4, 2);
        StagedChecks<T>.Fused(f, s, Positions, 4096 / Config(index).HeadDim, 4);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void HalfShiftRoundsOnceOrIsRefusedForTheDynamicKinds(int index) => Shift<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void BFloat16ShiftRoundsOnceOrIsRefusedForTheDynamicKinds(int index) => Shift<BFloat16>(index);

    private static void Shift<T>(int index)
    {
        var (f, s) = Kernel<T>(index);
        if (Config(index).IsDynamic)
        {
            T[] keys = Sixteen.Round<T>(Buffers.Random(2 * Config(index).HeadDim, 9)), before = keys.ToArray();
            Assert.Throws<NotSupportedException>(() => s.Shift(keys, 1, 3));
            Assert.Equal(before, keys);
            return;
        }
        foreach (int heads in HeadCounts(index)) StagedChecks<T>.Shift(f, s, heads, -300);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void RotateIntoAFloatCacheEqualsTheInPlaceRotationBitForBit(int index) => RotateInto<float>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void RotateIntoAHalfCacheRoundsTheFloatRotationOnce(int index) => RotateInto<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void RotateIntoABFloat16CacheRoundsTheFloatRotationOnce(int index) => RotateInto<BFloat16>(index);

    private static void RotateInto<T>(int index)
    {
        var (f, s) = Kernel<T>(index);
        foreach (int heads in HeadCounts(index)) StagedChecks<T>.RotateInto(f, s, heads);
    }

    [Fact]
    public void BadInputIsRejectedBeforeAnythingIsWritten()
    {
        var kernel = new RotaryKernel(new RotaryConfig(64, 10000, RopeScaling.DynamicNtk) { Factor = 2, OriginalMaxPositions = 100 });
        Half[] x = Sixteen.Round<Half>(Buffers.Random(128, 1)), before = x.ToArray();
        BFloat16[] q = Sixteen.Round<BFloat16>(Buffers.Random(128, 2)), qBefore = q.ToArray();
        float[] source = Buffers.Random(128, 3), sourceBefore = source.ToArray();
        Half[] cache = Sixteen.Round<Half>(Buffers.Random(4 * 64, 4)), cacheBefore = cache.ToArray();

        Assert.Contains("positions cover 3 tokens, but x has 128 elements", Assert.Throws<ArgumentException>(() => kernel.Apply(x, new[] { 0, 1, 2 }, 1)).Message);
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
}
