using System;
using RopeGen.Testing;

namespace RopeGen.Tests;

/// <summary>
/// RotaryKernel's Half and BFloat16 <c>ApplyMultimodal</c> and <c>RotateMultimodalInto</c> for every M-RoPE configuration
/// of <see cref="MultimodalRotaryKernelTests"/> (Qwen2-VL's and Qwen3-VL's section schemes, both layouts, partial rotary,
/// head dims 80 to 2048, ids past the table's cap): each result is the float M-RoPE of the decoded input rounded once,
/// within one unit in the last place of the exact rotation; text tokens are <c>Apply</c>'s 16-bit result bit for bit;
/// into a float cache the rows are the in-place float M-RoPE bit for bit; rejected calls write nothing. The class name
/// holds "RotaryKernelTests" so that .ci/run repeats it on the 256-bit, 128-bit and scalar paths.
/// </summary>
public class MultimodalSixteenBitRotaryKernelTests
{
    public static TheoryData<int> Indexes() => MultimodalRotaryKernelTests.Indexes();

    private static RotaryKernel Kernel(int index) => MultimodalRotaryKernelTests.Kernel(MultimodalRotaryKernelTests.Configs[index]);

    /// <summary>2 heads, and enough that one token exceeds the 4096-float scratch.</summary>
    private static int[] HeadCounts(RotaryKernel kernel) => new[] { 2, 4096 / kernel.Config.HeadDim + 2 };

    [Theory, MemberData(nameof(Indexes))]
    public void HalfRoundsTheFloatRotationOnce(int index) => Apply<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void BFloat16RoundsTheFloatRotationOnce(int index) => Apply<BFloat16>(index);

    private static void Apply<T>(int index)
    {
        RotaryKernel kernel = Kernel(index);
        PrecisionOverloads<float> f = PrecisionOverloads<float>.RuntimeMultimodal(kernel);
        PrecisionOverloads<T> s = PrecisionOverloads<T>.RuntimeMultimodal(kernel);
        foreach (int heads in HeadCounts(kernel))
            MultimodalStagedChecks<T>.Apply(f, s, MultimodalIds.Mixed, heads);
        MultimodalStagedChecks<T>.Fused(f, s, MultimodalPositions.TextAndImage(5, 2, 4, 6, 7), 4, 2);
        MultimodalStagedChecks<T>.Fused(f, s, MultimodalIds.Mixed, 4096 / kernel.Config.HeadDim + 1, 1);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void TextTokensArePlainRopeBitForBit(int index)
    {
        RotaryKernel kernel = Kernel(index);
        foreach (int heads in HeadCounts(kernel))
        {
            MultimodalStagedChecks<Half>.TextIsPlain(PrecisionOverloads<Half>.Runtime(kernel), PrecisionOverloads<Half>.RuntimeMultimodal(kernel), heads);
            MultimodalStagedChecks<BFloat16>.TextIsPlain(PrecisionOverloads<BFloat16>.Runtime(kernel), PrecisionOverloads<BFloat16>.RuntimeMultimodal(kernel), heads);
        }
    }

    [Theory, MemberData(nameof(Indexes))]
    public void RotateIntoAFloatCacheIsTheInPlaceRotationBitForBit(int index) => RotateInto<float>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void RotateIntoAHalfCacheRoundsOnce(int index) => RotateInto<Half>(index);

    [Theory, MemberData(nameof(Indexes))]
    public void RotateIntoABFloat16CacheRoundsOnce(int index) => RotateInto<BFloat16>(index);

    private static void RotateInto<T>(int index)
    {
        RotaryKernel kernel = Kernel(index);
        foreach (int heads in HeadCounts(kernel))
            MultimodalStagedChecks<T>.RotateInto(PrecisionOverloads<float>.RuntimeMultimodal(kernel), PrecisionOverloads<T>.RuntimeMultimodal(kernel), heads);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void RejectedCallsWriteNothing(int index)
    {
        RotaryKernel kernel = Kernel(index);
        MultimodalStagedChecks<Half>.Rejected(PrecisionOverloads<Half>.RuntimeMultimodal(kernel));
        MultimodalStagedChecks<BFloat16>.Rejected(PrecisionOverloads<BFloat16>.RuntimeMultimodal(kernel));
        MultimodalStagedChecks<float>.Rejected(PrecisionOverloads<float>.RuntimeMultimodal(kernel));
    }

    [Fact]
    public void APlainConfigurationIsRefused()
    {
        var kernel = new RotaryKernel(new RotaryConfig(128));
        var cache = new Half[128];
        Assert.Throws<InvalidOperationException>(() => kernel.ApplyMultimodal(new Half[128], new int[3], 1));
        Assert.Throws<InvalidOperationException>(() => kernel.RotateMultimodalInto(new float[128], new int[3], 1, cache, new[] { 0 }));
        Assert.All(cache, h => Assert.Equal(0, BitConverter.HalfToUInt16Bits(h)));
    }
}
