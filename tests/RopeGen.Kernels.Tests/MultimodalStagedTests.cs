using System;
using RopeGen.Testing;

namespace RopeGen.Kernels.Tests;

/// <summary>
/// The generated Half and BFloat16 <c>ApplyMultimodalRotary</c> and <c>RotateMultimodalInto</c> of every M-RoPE class
/// (Qwen2-VL's sections and Qwen3-VL's interleaved ones, both layouts, partial rotary, scalar tails), ids up to 1,000,000:
/// each result is the float M-RoPE of the decoded input rounded once, within one unit in the last place of the exact
/// rotation; text tokens are the plain 16-bit <c>ApplyRotary</c> bit for bit; into a float cache the rows are the
/// in-place float M-RoPE bit for bit; rejected calls write nothing.
/// </summary>
public class MultimodalStagedTests
{
    private static Type Class(MultimodalCase kernel) => typeof(MultimodalCase).Assembly.GetType(typeof(MultimodalCase).Namespace + "." + kernel.Name)!;

    private static PrecisionOverloads<T> Overloads<T>(MultimodalCase kernel) => PrecisionOverloads<T>.GeneratedMultimodal(Class(kernel), kernel.Config);

    /// <summary>3 heads (whole tokens in the 16 KiB scratch), and enough that one token exceeds it.</summary>
    private static int[] HeadCounts(MultimodalCase kernel) => new[] { 3, 4096 / kernel.Config.HeadDim + 3 };

    [Theory, MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void HalfRoundsTheFloatRotationOnce(MultimodalCase kernel) => Apply<Half>(kernel);

    [Theory, MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void BFloat16RoundsTheFloatRotationOnce(MultimodalCase kernel) => Apply<BFloat16>(kernel);

    private static void Apply<T>(MultimodalCase kernel)
    {
        foreach (int heads in HeadCounts(kernel))
            MultimodalStagedChecks<T>.Apply(Overloads<float>(kernel), Overloads<T>(kernel), MultimodalIds.Mixed, heads);
        int[] prefill = MultimodalPositions.TextAndImage(16, 1, 22, 22, 12);
        MultimodalStagedChecks<T>.Fused(Overloads<float>(kernel), Overloads<T>(kernel), prefill, 4, 2);
        MultimodalStagedChecks<T>.Fused(Overloads<float>(kernel), Overloads<T>(kernel), MultimodalIds.Mixed, 4096 / kernel.Config.HeadDim + 1, 2);
    }

    [Theory, MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void HalfTextTokensArePlainRopeBitForBit(MultimodalCase kernel) => TextIsPlain<Half>(kernel);

    [Theory, MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void BFloat16TextTokensArePlainRopeBitForBit(MultimodalCase kernel) => TextIsPlain<BFloat16>(kernel);

    private static void TextIsPlain<T>(MultimodalCase kernel)
    {
        foreach (int heads in HeadCounts(kernel))
            MultimodalStagedChecks<T>.TextIsPlain(PrecisionOverloads<T>.Generated(Class(kernel), kernel.Config), Overloads<T>(kernel), heads);
    }

    [Theory, MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void RotateIntoAFloatCacheIsTheInPlaceRotationBitForBit(MultimodalCase kernel) => RotateInto<float>(kernel);

    [Theory, MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void RotateIntoAHalfCacheRoundsOnce(MultimodalCase kernel) => RotateInto<Half>(kernel);

    [Theory, MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void RotateIntoABFloat16CacheRoundsOnce(MultimodalCase kernel) => RotateInto<BFloat16>(kernel);

    private static void RotateInto<T>(MultimodalCase kernel)
    {
        foreach (int heads in HeadCounts(kernel))
            MultimodalStagedChecks<T>.RotateInto(Overloads<float>(kernel), Overloads<T>(kernel), heads);
    }

    [Theory, MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void RejectedCallsWriteNothing(MultimodalCase kernel)
    {
        MultimodalStagedChecks<Half>.Rejected(Overloads<Half>(kernel));
        MultimodalStagedChecks<BFloat16>.Rejected(Overloads<BFloat16>(kernel));
        MultimodalStagedChecks<float>.Rejected(Overloads<float>(kernel));
    }
}
