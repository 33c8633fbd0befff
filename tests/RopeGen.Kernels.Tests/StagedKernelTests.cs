using System;
using System.Linq;
using RopeGen.Testing;

namespace RopeGen.Kernels.Tests;

/// <summary>
/// The generated Half and BFloat16 kernels and RotateInto, for every case (every kind, both layouts, partial rotary),
/// positions up to 1,000,000 (<see cref="StagedChecks{T}"/>). Head counts cover both ways the work is staged: whole
/// tokens in the scratch, and tokens larger than it in groups of heads. .ci/run repeats these on every vector path.
/// </summary>
public class StagedKernelTests
{
    /// <summary>The class a case names (the cases live in this namespace).</summary>
    internal static PrecisionOverloads<T> Overloads<T>(KernelCase kernel) =>
        PrecisionOverloads<T>.Generated(typeof(KernelCase).Assembly.GetType(typeof(KernelCase).Namespace + "." + kernel.Name)!, kernel.Config);

    /// <summary>3 heads, and enough heads that one token exceeds the 4096-float scratch.</summary>
    private static int[] HeadCounts(KernelCase kernel) => new[] { 3, 4096 / kernel.Config.HeadDim + 3 };

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void HalfApplyRoundsTheFloatRotationOnce(KernelCase kernel) => Apply<Half>(kernel);

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void BFloat16ApplyRoundsTheFloatRotationOnce(KernelCase kernel) => Apply<BFloat16>(kernel);

    private static void Apply<T>(KernelCase kernel)
    {
        foreach (int heads in HeadCounts(kernel)) StagedChecks<T>.Apply(Overloads<float>(kernel), Overloads<T>(kernel), TestData.Positions, heads);
    }

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void HalfSequenceLengthSelectsTheTable(KernelCase kernel) => SequenceLength<Half>(kernel);

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void BFloat16SequenceLengthSelectsTheTable(KernelCase kernel) => SequenceLength<BFloat16>(kernel);

    private static void SequenceLength<T>(KernelCase kernel)
    {
        // Within every original context and past it (DynamicNtk stretches its base, LongRope takes its long factors).
        foreach (int sequenceLength in new[] { 100, 4096, 4097, 20000, 200000 })
            StagedChecks<T>.SequenceLength(Overloads<float>(kernel), Overloads<T>(kernel), sequenceLength);
    }

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void HalfFusedQueryKeyRoundsOnce(KernelCase kernel) => Fused<Half>(kernel);

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void BFloat16FusedQueryKeyRoundsOnce(KernelCase kernel) => Fused<BFloat16>(kernel);

    private static void Fused<T>(KernelCase kernel)
    {
        // Grouped-query attention that fits the scratch per token (8 + 2 heads of up to 256), and that does not.
        int[] positions = { 3, 4096, 70000, 12, 999_999 };
        StagedChecks<T>.Fused(Overloads<float>(kernel), Overloads<T>(kernel), positions, 8, 2);
        StagedChecks<T>.Fused(Overloads<float>(kernel), Overloads<T>(kernel), positions, 4096 / kernel.Config.HeadDim, 4);
    }

    [Theory, MemberData(nameof(KernelCase.StaticCases), MemberType = typeof(KernelCase))]
    public void HalfShiftRoundsTheFloatShiftOnce(KernelCase kernel) => Shift<Half>(kernel);

    [Theory, MemberData(nameof(KernelCase.StaticCases), MemberType = typeof(KernelCase))]
    public void BFloat16ShiftRoundsTheFloatShiftOnce(KernelCase kernel) => Shift<BFloat16>(kernel);

    private static void Shift<T>(KernelCase kernel)
    {
        // More than 4096 floats of keys with the larger head count: the shift runs over several scratch pieces.
        foreach (int heads in HeadCounts(kernel))
            foreach (int delta in new[] { -4096, 1, 250_000 })
                StagedChecks<T>.Shift(Overloads<float>(kernel), Overloads<T>(kernel), heads, delta);
    }

    [Theory, MemberData(nameof(KernelCase.DynamicCases), MemberType = typeof(KernelCase))]
    public void DynamicKindsRefuseToShiftHalfAndBFloat16Keys(KernelCase kernel)
    {
        Half[] halves = Sixteen.Round<Half>(TestData.Random(2 * kernel.Config.HeadDim, 1)), halvesBefore = halves.ToArray();
        BFloat16[] bf16 = Sixteen.Round<BFloat16>(TestData.Random(2 * kernel.Config.HeadDim, 1)), bf16Before = bf16.ToArray();

        var error = Assert.Throws<NotSupportedException>(() => Overloads<Half>(kernel).Shift(halves, 1, 5));
        Assert.Throws<NotSupportedException>(() => Overloads<BFloat16>(kernel).Shift(bf16, 1, 5));

        Assert.Contains(kernel.Config.Scaling.ToString(), error.Message);
        Assert.Equal(halvesBefore, halves);
        Assert.Equal(bf16Before, bf16);
    }

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void NeighbouringMemoryIsUntouched(KernelCase kernel)
    {
        int d = kernel.Config.HeadDim;
        int[] positions = { 9, 100_000 };
        Half[] buffer = Sixteen.Round<Half>(TestData.Random(positions.Length * 2 * d + 64, 5));
        Half[] before = buffer.ToArray();

        Overloads<Half>(kernel).Apply(buffer.AsSpan(32, positions.Length * 2 * d), positions, 2);

        Assert.Equal(before[..32], buffer[..32]);
        Assert.Equal(before[^32..], buffer[^32..]);
        Assert.NotEqual(before[32 + 1], buffer[32 + 1]);
    }

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void RotateIntoAFloatCacheEqualsTheInPlaceRotationBitForBit(KernelCase kernel) => RotateInto<float>(kernel);

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void RotateIntoAHalfCacheRoundsTheFloatRotationOnce(KernelCase kernel) => RotateInto<Half>(kernel);

    [Theory, MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void RotateIntoABFloat16CacheRoundsTheFloatRotationOnce(KernelCase kernel) => RotateInto<BFloat16>(kernel);

    private static void RotateInto<T>(KernelCase kernel)
    {
        foreach (int heads in HeadCounts(kernel)) StagedChecks<T>.RotateInto(Overloads<float>(kernel), Overloads<T>(kernel), heads);
    }
}
