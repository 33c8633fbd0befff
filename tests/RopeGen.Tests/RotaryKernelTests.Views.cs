using System.Linq;
using RopeGen.Testing;

namespace RopeGen.Tests;

// The run-time kernel with packed QKV rows, heads-major and interleaved buffers, explicit sequence lengths, chunked
// prefill and threads: each result against its own contiguous serial result bit for bit (see LayoutChecks).
public partial class RotaryKernelTests
{
    private static readonly int[][] PositionSets = { LayoutChecks.FewPositions, LayoutChecks.ManyPositions };

    private static KernelOverloads Overloads(int index) => KernelOverloads.Runtime(new RotaryKernel(Configs[index]));

    public static TheoryData<int> DynamicIndexes() => new(Enumerable.Range(0, Configs.Length).Where(i => Configs[i].IsDynamic));

    [Theory, MemberData(nameof(Indexes))]
    public void PackedQkvRowsOfPhi3AndLlama31EqualTheContiguousKernel(int index)
    {
        foreach (int[] positions in PositionSets)
        {
            LayoutChecks.PackedQkv(Overloads(index), 32, 32, positions); // Phi-3's qkv_proj: 32 + 32 + 32 heads
            LayoutChecks.PackedQkv(Overloads(index), 32, 8, positions); // Llama 3.1: 32 + 8 + 8 heads
        }
    }

    [Theory, MemberData(nameof(Indexes))]
    public void HeadsMajorBuffersEqualTheContiguousKernel(int index)
    {
        foreach (int[] positions in PositionSets) LayoutChecks.HeadsMajor(Overloads(index), 32, 8, positions);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void NeoXInterleavedQkvHeadsEqualTheContiguousKernel(int index)
    {
        foreach (int[] positions in PositionSets) LayoutChecks.InterleavedQkvHeads(Overloads(index), 32, positions);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void EveryOverloadWithASequenceLengthAgreesWithItsTwin(int index) =>
        LayoutChecks.ExplicitLengths(Overloads(index), LayoutChecks.FewPositions, Tolerance);

    [Theory, MemberData(nameof(DynamicIndexes))]
    public void AChunkedPrefillWithTheWholeLengthEqualsOneCall(int index) => LayoutChecks.ChunkedPrefill(Overloads(index), 6000);

    [Theory, MemberData(nameof(Indexes))]
    public void ParallelCallsEqualSerialCalls(int index)
    {
        LayoutChecks.ParallelEqualsSerial(Overloads(index), 2);
        LayoutChecks.ParallelEqualsSerial(Overloads(index), 3);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void DecodeAndSmallCallsStayOnTheCallingThread(int index) => LayoutChecks.SmallCallsStayOnTheCallingThread(Overloads(index));

    [Fact]
    public void BadViewsAreRejectedBeforeAnythingIsWritten()
    {
        LayoutChecks.BadViewsAreRejectedBeforeAnythingIsWritten(KernelOverloads.Runtime(new RotaryKernel(Expected.Llama31())));
        LayoutChecks.BadViewsAreRejectedBeforeAnythingIsWritten(KernelOverloads.Runtime(new RotaryKernel(new RotaryConfig(80) { RotaryDim = 32 })));
    }
}
