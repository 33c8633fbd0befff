using System.Linq;
using RopeGen.Testing;

namespace RopeGen.Kernels.Tests;

/// <summary>
/// Every generated kernel with packed QKV rows, heads-major and interleaved buffers, explicit sequence lengths, chunked
/// prefill and threads, each result against the same class's contiguous serial kernel bit for bit (see
/// <see cref="LayoutChecks"/>). .ci/run repeats them on the 256-bit, 128-bit and scalar paths.
/// </summary>
public class LayoutTests
{
    private static KernelOverloads Overloads(KernelCase kernel) => KernelOverloads.Generated(
        typeof(KernelCase).Assembly.GetType(typeof(KernelCase).Namespace + "." + kernel.Name, throwOnError: true)!, kernel.Config);

    private static readonly int[][] PositionSets = { LayoutChecks.FewPositions, LayoutChecks.ManyPositions };

    [Theory]
    [MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void PackedQkvRowsOfPhi3AndLlama31EqualTheContiguousKernel(KernelCase kernel)
    {
        foreach (int[] positions in PositionSets)
        {
            LayoutChecks.PackedQkv(Overloads(kernel), 32, 32, positions); // Phi-3's qkv_proj: 32 + 32 + 32 heads
            LayoutChecks.PackedQkv(Overloads(kernel), 32, 8, positions); // Llama 3.1: 32 + 8 + 8 heads
        }
    }

    [Theory]
    [MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void HeadsMajorBuffersEqualTheContiguousKernel(KernelCase kernel)
    {
        foreach (int[] positions in PositionSets) LayoutChecks.HeadsMajor(Overloads(kernel), 32, 8, positions);
    }

    [Theory]
    [MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void NeoXInterleavedQkvHeadsEqualTheContiguousKernel(KernelCase kernel)
    {
        foreach (int[] positions in PositionSets) LayoutChecks.InterleavedQkvHeads(Overloads(kernel), 32, positions);
    }

    [Theory]
    [MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void EveryOverloadWithASequenceLengthAgreesWithItsTwin(KernelCase kernel) =>
        LayoutChecks.ExplicitLengths(Overloads(kernel), LayoutChecks.FewPositions, tolerance: 2e-6);

    [Theory]
    [MemberData(nameof(KernelCase.DynamicCases), MemberType = typeof(KernelCase))]
    public void AChunkedPrefillWithTheWholeLengthEqualsOneCall(KernelCase kernel) =>
        LayoutChecks.ChunkedPrefill(Overloads(kernel), 6000); // the 6,000-token Phi-3 prompt, past the 4,096 original context

    [Theory]
    [MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void ParallelCallsEqualSerialCalls(KernelCase kernel)
    {
        LayoutChecks.ParallelEqualsSerial(Overloads(kernel), 2);
        LayoutChecks.ParallelEqualsSerial(Overloads(kernel), 3);
    }

    [Theory]
    [MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void DecodeAndSmallCallsStayOnTheCallingThread(KernelCase kernel) => LayoutChecks.SmallCallsStayOnTheCallingThread(Overloads(kernel));

    [Fact]
    public void BadViewsAreRejectedBeforeAnythingIsWritten()
    {
        foreach (KernelCase kernel in KernelCase.All.Where(c => c.Name is nameof(Llama31Half) or nameof(Phi3Mini128k)))
            LayoutChecks.BadViewsAreRejectedBeforeAnythingIsWritten(Overloads(kernel));
    }
}
