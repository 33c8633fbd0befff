using System;
using System.Linq;
using ILGPU;
using ILGPU.Runtime;
using RopeGen.Kernels.Tests;
using static RopeGen.Testing.Buffers;

namespace RopeGen.Gpu.Tests;

/// <summary>
/// The GPU overloads that take a <see cref="HeadView"/> or an explicit length on the fused call, for every scaling kind in
/// both layouts: each result equals the contiguous GPU result bit for bit (the same kernel reads other places), and bad
/// views or overlapping q and k are rejected before anything is launched.
/// </summary>
[Collection(AcceleratorCollection.Name)]
public class GpuLayoutTests(AcceleratorFixture gpu)
{
    private const double Tolerance = 2e-6;

    // In the first device rows, past them (computed in the kernel), past the host table's cap.
    private static readonly int[] Positions = { 0, 1, 4097, 70_000, 5 };

    /// <summary>The contiguous fused GPU call, which the view forms must equal.</summary>
    private (float[] Q, float[] K) Contiguous(GpuCase kernel, float[] q, int queryHeads, float[] k, int keyHeads, int[] positions, int? length = null) =>
        gpu.Run(q, k, positions, (qv, kv, p) =>
        {
            if (length is int n) gpu.Kernels(kernel).Apply(qv, queryHeads, kv, keyHeads, p, n);
            else gpu.Kernels(kernel).Apply(qv, queryHeads, kv, keyHeads, p);
        });

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void QueriesAndKeysRotateInPlaceInsidePackedQkvRows(GpuCase kernel)
    {
        const int queryHeads = 4, keyHeads = 2;
        int d = kernel.Config.HeadDim, tokens = Positions.Length, qWidth = queryHeads * d, kWidth = keyHeads * d, row = qWidth + 2 * kWidth;
        float[] q = Random(tokens * qWidth, 1), k = Random(tokens * kWidth, 2), v = Random(tokens * kWidth, 3);
        HeadView queryView = HeadView.Packed(queryHeads, 0, row), keyView = HeadView.Packed(keyHeads, qWidth, row);
        var (qExpected, kExpected) = Contiguous(kernel, q, queryHeads, k, keyHeads, Positions);

        float[] fused = gpu.Run(SideBySide(tokens, q, k, v), Positions, (qkv, p) => gpu.Kernels(kernel).Apply(qkv, queryView, qkv, keyView, p));
        AssertBlocks(fused, tokens, (qExpected, 0, "q"), (kExpected, qWidth, "k"), (v, qWidth + kWidth, "v"));

        float[] apart = gpu.Run(SideBySide(tokens, q, k, v), Positions, (qkv, p) =>
        {
            gpu.Kernels(kernel).Apply(qkv, p, queryView);
            gpu.Kernels(kernel).Apply(qkv, p, keyView);
        });
        AssertBlocks(apart, tokens, (qExpected, 0, "q alone"), (kExpected, qWidth, "k alone"), (v, qWidth + kWidth, "v"));
    }

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void GptNeoXStyleInterleavedQkvHeadsRotateInPlace(GpuCase kernel)
    {
        // [tokens, heads, 3, d]: each head's q, k and v side by side, so q's and k's heads interleave.
        const int heads = 2;
        int d = kernel.Config.HeadDim, rows = Positions.Length * heads, row = 3 * heads * d;
        float[] q = Random(rows * d, 4), k = Random(rows * d, 5), v = Random(rows * d, 6);
        var (qExpected, kExpected) = Contiguous(kernel, q, heads, k, heads, Positions);

        float[] qkv = gpu.Run(SideBySide(rows, q, k, v), Positions, (b, p) =>
            gpu.Kernels(kernel).Apply(b, HeadView.Strided(heads, 0, row, 3 * d), b, HeadView.Strided(heads, d, row, 3 * d), p));

        AssertBlocks(qkv, rows, (qExpected, 0, "q"), (kExpected, d, "k"), (v, 2 * d, "v"));
    }

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void HeadsMajorTensorsRotateWholeAndInChunks(GpuCase kernel)
    {
        const int queryHeads = 3, keyHeads = 2;
        int d = kernel.Config.HeadDim, tokens = Positions.Length, length = Positions.Max() + 1;
        float[] q = Random(tokens * queryHeads * d, 7), k = Random(tokens * keyHeads * d, 8);
        var (qExpected, kExpected) = Contiguous(kernel, q, queryHeads, k, keyHeads, Positions);

        var (qMajor, kMajor) = gpu.Run(Transpose(q, tokens, queryHeads, d), Transpose(k, tokens, keyHeads, d), Positions, (qv, kv, p) =>
            gpu.Kernels(kernel).Apply(qv, HeadView.HeadsMajor(queryHeads, tokens), kv, HeadView.HeadsMajor(keyHeads, tokens), p));
        AssertBitwiseEqual(qExpected, Transpose(qMajor, queryHeads, tokens, d), "q");
        AssertBitwiseEqual(kExpected, Transpose(kMajor, keyHeads, tokens, d), "k");

        // Two chunks of the sequence: each slices the buffer at its first token and passes the whole sequence's length.
        int half = tokens / 2;
        HeadView view = HeadView.HeadsMajor(queryHeads, tokens);
        float[] chunked = gpu.Run(Transpose(q, tokens, queryHeads, d), Positions, (x, p) =>
        {
            gpu.Kernels(kernel).Apply(x, p.SubView(0, half), view, length);
            gpu.Kernels(kernel).Apply(x.SubView(half * d), p.SubView(half), view, length);
        });
        AssertBitwiseEqual(qExpected, Transpose(chunked, queryHeads, tokens, d), "q in two chunks");
    }

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void TheFusedCallAndTheViewsTakeAnExplicitSequenceLength(GpuCase kernel)
    {
        const int queryHeads = 2, keyHeads = 1, length = 200_000; // past every original context
        int d = kernel.Config.HeadDim, tokens = Positions.Length, row = (queryHeads + 2 * keyHeads) * d;
        float[] q = Random(tokens * queryHeads * d, 9), k = Random(tokens * keyHeads * d, 10), v = Random(tokens * keyHeads * d, 11);

        var (qFused, kFused) = Contiguous(kernel, q, queryHeads, k, keyHeads, Positions, length);
        Assert.InRange(TestData.MaxError(qFused, TestData.Reference(kernel.Config, q, Positions, queryHeads, length)), 0, Tolerance);
        Assert.InRange(TestData.MaxError(kFused, TestData.Reference(kernel.Config, k, Positions, keyHeads, length)), 0, Tolerance);

        HeadView queryView = HeadView.Packed(queryHeads, 0, row), keyView = HeadView.Packed(keyHeads, queryHeads * d, row);
        float[] packed = gpu.Run(SideBySide(tokens, q, k, v), Positions, (qkv, p) => gpu.Kernels(kernel).Apply(qkv, queryView, qkv, keyView, p, length));
        AssertBlocks(packed, tokens, (qFused, 0, "q"), (kFused, queryHeads * d, "k"), (v, row - keyHeads * d, "v"));
    }

    [Theory]
    [MemberData(nameof(GpuCase.DynamicCases), MemberType = typeof(GpuCase))]
    public void ADynamicKindPrefillInChunksWithTheWholeLengthEqualsOneCall(GpuCase kernel)
    {
        // Sparse positions stand for a long prompt: the first chunk's own length (3,001) is inside one table and the
        // whole sequence's (8,001) in another.
        int[] positions = { 0, 100, 3000, 4500, 6000, 8000 };
        const int heads = 2, length = 8001, split = 3;
        int d = kernel.Config.HeadDim;
        float[] x = Random(positions.Length * heads * d, 12);
        float[] one = gpu.Run(x, positions, (v, p) => gpu.Kernels(kernel).Apply(v, p, heads, length));

        float[] chunks = gpu.Run(x, positions, (v, p) =>
        {
            gpu.Kernels(kernel).Apply(v.SubView(0, split * heads * d), p.SubView(0, split), heads, length);
            gpu.Kernels(kernel).Apply(v.SubView(split * heads * d), p.SubView(split), heads, length);
        });
        AssertBitwiseEqual(one, chunks, "x in two chunks");

        float[] firstAlone = gpu.Run(x.Take(split * heads * d).ToArray(), positions.Take(split).ToArray(), (v, p) => gpu.Kernels(kernel).Apply(v, p, heads));
        double gap = firstAlone.Zip(one, (a, b) => (double)Math.Abs(a - b)).Max();
        Assert.True(gap > 1e-3, $"a first chunk without the whole length should differ from one call; differs by {gap}");
    }

    [Fact]
    public void BadViewsAndOverlappingQueriesAndKeysAreRejectedBeforeAnythingIsLaunched()
    {
        GpuCase kernel = GpuCase.All.Single(c => c.Name == nameof(Llama3Half));
        int d = kernel.Config.HeadDim, row = 48 * d; // Llama 3.1's packed projection: 32 + 8 + 8 heads
        int[] positions = { 0, 1, 2 };
        float[] buffer = Random(3 * row, 13);

        void Rejected(Action<ArrayView<float>, ArrayView<int>> call, string parameter, params string[] parts)
        {
            ArgumentException? error = null;
            float[] after = gpu.Run(buffer, positions, (b, p) => error = Assert.ThrowsAny<ArgumentException>(() => call(b, p)));
            Assert.Equal(parameter, error!.ParamName);
            foreach (string part in parts) Assert.Contains(part, error.Message);
            AssertBitwiseEqual(buffer, after, "the buffer after " + error.Message);
        }

        IGpuRotary rope = gpu.Kernels(kernel);
        HeadView queryView = HeadView.Packed(32, 0, row);
        Rejected((b, p) => rope.Apply(b, queryView, b, HeadView.Packed(8, 41 * d, row), p), "keyView", "rows are shorter than its heads");
        Rejected((b, p) => rope.Apply(b, queryView, b, HeadView.Packed(8, 31 * d, row), p), "k", "q and k overlap");
        Rejected((b, p) => rope.Apply(b, queryView, b, HeadView.Strided(8, 32 * d, 50 * d, d), p), "k", "not provably apart");
        Rejected((b, p) => rope.Apply(b.SubView(0, 3 * 4 * d), 4, b.SubView(2 * d, 3 * 2 * d), 2, p), "k", "q and k overlap");
        Rejected((b, p) => rope.Apply(b, p, HeadView.Strided(8, 0, 4 * d, d)), "view", "would overlap");
        Rejected((b, p) => rope.Apply(b.SubView(0, 3 * row - 1), p, HeadView.Packed(8, 40 * d, row)), "x", $"expected at least {3 * row}");
        Rejected((b, p) => rope.Apply(b, p, default(HeadView)), "view", "default(HeadView)");
        Rejected((b, p) => rope.Apply(b, p, queryView, 0), "sequenceLength", "sequenceLength is 0");
    }
}
