using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using static RopeGen.Testing.Buffers;

namespace RopeGen.Testing;

/// <summary>
/// The checks every kernel (generated and run-time) must pass with strided buffers, explicit sequence lengths and
/// threads: each result equals the contiguous, serial kernel bit for bit, and bad views leave the buffers untouched.
/// </summary>
internal static class LayoutChecks
{
    /// <summary>Few tokens (in cache), one past the table's cap (a row computed on demand).</summary>
    public static readonly int[] FewPositions = { 0, 1, 4097, 70_000, 5 };

    /// <summary>128 tokens: with 40 heads of 64 or more, over 1 MiB, so the kernels take their streaming (256-bit) path.</summary>
    public static readonly int[] ManyPositions = Enumerable.Range(0, 128).Select(t => t * 37).ToArray();

    /// <summary>q and k inside packed QKV rows <c>[tokens, (queryHeads + 2 × keyHeads) × d]</c>, fused and one at a time.</summary>
    public static void PackedQkv(KernelOverloads kernel, int queryHeads, int keyHeads, int[] positions)
    {
        int d = kernel.HeadDim, tokens = positions.Length, qWidth = queryHeads * d, kWidth = keyHeads * d, row = qWidth + 2 * kWidth;
        float[] q = Random(tokens * qWidth, 1), k = Random(tokens * kWidth, 2), v = Random(tokens * kWidth, 3);
        float[] qkv = SideBySide(tokens, q, k, v), single = qkv.ToArray();
        HeadView queryView = HeadView.Packed(queryHeads, 0, row), keyView = HeadView.Packed(keyHeads, qWidth, row);

        float[] qFused = q.ToArray(), kFused = k.ToArray();
        kernel.Fused(qFused, queryHeads, kFused, keyHeads, positions);
        kernel.FusedViews(qkv, queryView, qkv, keyView, positions);
        AssertBlocks(qkv, tokens, (qFused, 0, "q"), (kFused, qWidth, "k"), (v, qWidth + kWidth, "v"));

        float[] qAlone = q.ToArray(), kAlone = k.ToArray();
        kernel.Apply(qAlone, positions, queryHeads);
        kernel.Apply(kAlone, positions, keyHeads);
        kernel.View(single, positions, queryView);
        kernel.View(single, positions, keyView);
        AssertBlocks(single, tokens, (qAlone, 0, "q alone"), (kAlone, qWidth, "k alone"), (v, qWidth + kWidth, "v"));
    }

    /// <summary>GPT-NeoX's <c>[tokens, heads, 3, d]</c> projection: each head's q, k and v side by side, so q's and k's heads interleave.</summary>
    public static void InterleavedQkvHeads(KernelOverloads kernel, int heads, int[] positions)
    {
        int d = kernel.HeadDim, tokens = positions.Length, rows = tokens * heads, row = 3 * heads * d;
        float[] q = Random(rows * d, 4), k = Random(rows * d, 5), v = Random(rows * d, 6);
        float[] qkv = SideBySide(rows, q, k, v);
        kernel.Fused(q, heads, k, heads, positions);
        kernel.FusedViews(qkv, HeadView.Strided(heads, 0, row, 3 * d), qkv, HeadView.Strided(heads, d, row, 3 * d), positions);
        AssertBlocks(qkv, rows, (q, 0, "q"), (k, d, "k"), (v, 2 * d, "v"));
    }

    /// <summary><c>[heads, tokens, d]</c> buffers: q and k fused, and one tensor rotated in two chunks of its sequence.</summary>
    public static void HeadsMajor(KernelOverloads kernel, int queryHeads, int keyHeads, int[] positions)
    {
        int d = kernel.HeadDim, tokens = positions.Length;
        float[] q = Random(tokens * queryHeads * d, 7), k = Random(tokens * keyHeads * d, 8);
        float[] qMajor = Transpose(q, tokens, queryHeads, d), kMajor = Transpose(k, tokens, keyHeads, d);
        kernel.Fused(q, queryHeads, k, keyHeads, positions);
        kernel.FusedViews(qMajor, HeadView.HeadsMajor(queryHeads, tokens), kMajor, HeadView.HeadsMajor(keyHeads, tokens), positions);
        AssertBitwiseEqual(q, Transpose(qMajor, queryHeads, tokens, d), "q");
        AssertBitwiseEqual(k, Transpose(kMajor, keyHeads, tokens, d), "k");

        float[] x = Random(tokens * queryHeads * d, 9), xMajor = Transpose(x, tokens, queryHeads, d);
        kernel.Apply(x, positions, queryHeads);
        // Chunks of a sequence: each slices the buffer at its first token and passes the whole sequence's length.
        int half = tokens / 2, length = positions.Max() + 1;
        HeadView view = HeadView.HeadsMajor(queryHeads, tokens);
        kernel.ViewWithLength(xMajor, positions.AsSpan(0, half), view, length);
        kernel.ViewWithLength(xMajor.AsSpan(half * d), positions.AsSpan(half), view, length);
        AssertBitwiseEqual(x, Transpose(xMajor, queryHeads, tokens, d), "x in two chunks");
    }

    /// <summary>
    /// Every overload with a sequence length: given the sequence's own length, it equals its twin without one; given a
    /// longer one (past every original context), the fused call matches the reference and the views the contiguous call.
    /// </summary>
    public static void ExplicitLengths(KernelOverloads kernel, int[] positions, double tolerance)
    {
        const int queryHeads = 4, keyHeads = 2;
        int d = kernel.HeadDim, tokens = positions.Length, row = (queryHeads + 2 * keyHeads) * d;
        HeadView queryView = HeadView.Packed(queryHeads, 0, row), keyView = HeadView.Packed(keyHeads, queryHeads * d, row);
        int ownLength = positions.Max() + 1;
        foreach (int length in new[] { ownLength, 200_000 })
        {
            float[] q = Random(tokens * queryHeads * d, length), k = Random(tokens * keyHeads * d, length + 1), v = Random(tokens * keyHeads * d, 2);
            float[] qExpected = q.ToArray(), kExpected = k.ToArray();
            kernel.FusedWithLength(qExpected, queryHeads, kExpected, keyHeads, positions, length);
            if (length == ownLength)
            {
                float[] qImplicit = q.ToArray(), kImplicit = k.ToArray();
                kernel.Fused(qImplicit, queryHeads, kImplicit, keyHeads, positions);
                AssertBitwiseEqual(qImplicit, qExpected, "q with its own length");
                AssertBitwiseEqual(kImplicit, kExpected, "k with its own length");
            }
            else
            {
                AssertClose(Reference(kernel.Config, q, positions, queryHeads, length), qExpected, tolerance);
                AssertClose(Reference(kernel.Config, k, positions, keyHeads, length), kExpected, tolerance);
            }

            float[] qkv = SideBySide(tokens, q, k, v);
            kernel.FusedViewsWithLength(qkv, queryView, qkv, keyView, positions, length);
            AssertBlocks(qkv, tokens, (qExpected, 0, "q"), (kExpected, queryHeads * d, "k"), (v, row - keyHeads * d, "v"));

            float[] single = SideBySide(tokens, q, k, v), qAlone = q.ToArray();
            kernel.ApplyWithLength(qAlone, positions, queryHeads, length);
            kernel.ViewWithLength(single, positions, queryView, length);
            AssertBlocks(single, tokens, (qAlone, 0, "q alone"), (k, queryHeads * d, "k untouched"));
        }
    }

    /// <summary>
    /// A dynamic-kind prefill of <paramref name="total"/> tokens in two chunks, each given the whole sequence's length,
    /// equals one call bit for bit, contiguous and packed; without the length the first chunk takes another table.
    /// </summary>
    public static void ChunkedPrefill(KernelOverloads kernel, int total)
    {
        const int queryHeads = 2, keyHeads = 1;
        int d = kernel.HeadDim, split = total / 2, qToken = queryHeads * d, kToken = keyHeads * d, row = qToken + 2 * kToken;
        int[] positions = Enumerable.Range(0, total).ToArray();
        float[] q = Random(total * qToken, 10), k = Random(total * kToken, 11), v = Random(total * kToken, 12);
        float[] qOne = q.ToArray(), kOne = k.ToArray();
        kernel.Fused(qOne, queryHeads, kOne, keyHeads, positions);

        float[] qChunks = q.ToArray(), kChunks = k.ToArray();
        kernel.FusedWithLength(qChunks.AsSpan(0, split * qToken), queryHeads, kChunks.AsSpan(0, split * kToken), keyHeads, positions.AsSpan(0, split), total);
        kernel.FusedWithLength(qChunks.AsSpan(split * qToken), queryHeads, kChunks.AsSpan(split * kToken), keyHeads, positions.AsSpan(split), total);
        AssertBitwiseEqual(qOne, qChunks, "q in chunks");
        AssertBitwiseEqual(kOne, kChunks, "k in chunks");

        float[] qkv = SideBySide(total, q, k, v);
        HeadView queryView = HeadView.Packed(queryHeads, 0, row), keyView = HeadView.Packed(keyHeads, qToken, row);
        kernel.FusedViewsWithLength(qkv.AsSpan(0, split * row), queryView, qkv.AsSpan(0, split * row), keyView, positions.AsSpan(0, split), total);
        kernel.FusedViewsWithLength(qkv.AsSpan(split * row), queryView, qkv.AsSpan(split * row), keyView, positions.AsSpan(split), total);
        AssertBlocks(qkv, total, (qOne, 0, "packed q in chunks"), (kOne, qToken, "packed k in chunks"), (v, qToken + kToken, "v"));

        float[] qShort = q.ToArray(), kShort = k.ToArray();
        kernel.Fused(qShort.AsSpan(0, split * qToken), queryHeads, kShort.AsSpan(0, split * kToken), keyHeads, positions.AsSpan(0, split));
        double gap = qShort.Take(split * qToken).Zip(qOne, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(gap > 1e-3, $"a first chunk without the whole length should differ from one call; differs by {gap}");
    }

    /// <summary>
    /// Calls large enough to split over <paramref name="threads"/> threads equal the serial calls bit for bit, for every
    /// overload with <see cref="ParallelOptions"/>, and do use other threads.
    /// </summary>
    public static void ParallelEqualsSerial(KernelOverloads kernel, int threads)
    {
        const int queryHeads = 8, keyHeads = 8;
        int d = kernel.HeadDim;
        // Enough floats for `threads` chunks of MinFloatsPerThread; positions run past the table's cap (rows on demand).
        int tokens = threads * RotaryParallel.MinFloatsPerThread / ((queryHeads + keyHeads) * d) + 1;
        int[] positions = Enumerable.Range(0, tokens).Select(t => 40_000 + t * 131).ToArray();
        var scheduler = new CountingScheduler();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, TaskScheduler = scheduler };
        HeadView queryView = HeadView.Contiguous(queryHeads), keyView = HeadView.Contiguous(keyHeads), allHeads = HeadView.Contiguous(queryHeads + keyHeads);
        float[] q = Random(tokens * queryHeads * d, 13), k = Random(tokens * keyHeads * d, 14), x = Random(tokens * (queryHeads + keyHeads) * d, 15);

        // An explicit length beyond every position (the dynamic kinds pick their table by it).
        foreach (int? length in new int?[] { null, positions[^1] + 10_000 })
        {
            float[] qSerial = q.ToArray(), kSerial = k.ToArray(), qParallel = q.ToArray(), kParallel = k.ToArray();
            float[] xSerial = x.ToArray(), xParallel = x.ToArray();
            if (length is int n)
            {
                kernel.FusedViewsWithLength(qSerial, queryView, kSerial, keyView, positions, n);
                kernel.FusedViewsWithLengthParallel(qParallel, queryView, kParallel, keyView, positions, n, options);
                kernel.ViewWithLength(xSerial, positions, allHeads, n);
                kernel.ViewWithLengthParallel(xParallel, positions, allHeads, n, options);
            }
            else
            {
                kernel.FusedViews(qSerial, queryView, kSerial, keyView, positions);
                kernel.FusedViewsParallel(qParallel, queryView, kParallel, keyView, positions, options);
                kernel.View(xSerial, positions, allHeads);
                kernel.ViewParallel(xParallel, positions, allHeads, options);
            }
            AssertBitwiseEqual(qSerial, qParallel, $"q on {threads} threads, length {length}");
            AssertBitwiseEqual(kSerial, kParallel, $"k on {threads} threads, length {length}");
            AssertBitwiseEqual(xSerial, xParallel, $"x on {threads} threads, length {length}");
        }
        Assert.True(scheduler.Tasks > 0, "the calls never used the scheduler's threads");
    }

    /// <summary>Decode and small prefills with ParallelOptions stay on the calling thread and equal the serial calls.</summary>
    public static void SmallCallsStayOnTheCallingThread(KernelOverloads kernel)
    {
        var scheduler = new CountingScheduler();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 4, TaskScheduler = scheduler };
        int d = kernel.HeadDim;
        foreach (int[] positions in new[] { new[] { 1000 }, Enumerable.Range(0, 8).ToArray() })
        {
            float[] q = Random(positions.Length * 32 * d, 16), k = Random(positions.Length * 8 * d, 17);
            float[] qSerial = q.ToArray(), kSerial = k.ToArray();
            kernel.Fused(qSerial, 32, kSerial, 8, positions);
            kernel.FusedViewsParallel(q, HeadView.Contiguous(32), k, HeadView.Contiguous(8), positions, options);
            AssertBitwiseEqual(qSerial, q, "q");
            AssertBitwiseEqual(kSerial, k, "k");
        }
        Assert.Equal(0, scheduler.Tasks);

        float[] x = Random(d, 18), before = x.ToArray();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            kernel.ViewParallel(x, new[] { 3 }, HeadView.Contiguous(1), new ParallelOptions { CancellationToken = cancelled.Token }));
        AssertBitwiseEqual(before, x, "x after a cancelled call");
        Assert.Equal("parallel", Assert.Throws<ArgumentNullException>(() => kernel.ViewParallel(x, new[] { 3 }, HeadView.Contiguous(1), null!)).ParamName);
    }

    /// <summary>Bad views, strides and overlaps throw an ArgumentException naming the argument, before anything is written.</summary>
    public static void BadViewsAreRejectedBeforeAnythingIsWritten(KernelOverloads kernel)
    {
        int d = kernel.HeadDim, row = 48 * d; // Llama 3.1's packed projection: 32 + 8 + 8 heads
        int[] positions = { 0, 1, 2 };
        float[] buffer = Random(3 * row, 19);

        void Rejected(Action<float[]> call, string parameter, params string[] parts)
        {
            float[] before = buffer.ToArray();
            var error = Assert.ThrowsAny<ArgumentException>(() => call(buffer));
            Assert.Equal(parameter, error.ParamName);
            foreach (string part in parts) Assert.Contains(part, error.Message);
            AssertBitwiseEqual(before, buffer, "the buffer after " + error.Message);
        }

        HeadView queryView = HeadView.Packed(32, 0, row);
        Rejected(b => kernel.FusedViews(b, queryView, b, HeadView.Packed(8, 41 * d, row), positions), "keyView",
            "rows are shorter than its heads", $"{41 * d} + 8 × {d} = {49 * d}");
        Rejected(b => kernel.FusedViews(b, queryView, b, HeadView.Packed(8, 31 * d, row), positions), "k", "q and k overlap");
        Rejected(b => kernel.FusedViews(b, queryView, b, HeadView.Packed(8, 32 * d - 2, row), positions), "k", "q and k overlap");
        Rejected(b => kernel.FusedViews(b, queryView, b, HeadView.Strided(8, 32 * d, 50 * d, d), positions), "k", "not provably apart");
        Rejected(b => kernel.Fused(b.AsSpan(0, 3 * 4 * d), 4, b.AsSpan(2 * d, 3 * 2 * d), 2, positions), "k", "q and k overlap");
        Rejected(b => kernel.View(b, positions, HeadView.Strided(4, 0, row, d - 2)), "view", $"start {d - 2} elements apart", $"less than the head dim {d}");
        Rejected(b => kernel.View(b, positions, HeadView.Strided(8, 0, 4 * d, d)), "view", $"span {8 * d} elements", "would overlap");
        Rejected(b => kernel.View(b, positions, HeadView.HeadsMajor(4, 2)), "view", "3 tokens of one head", "would overlap");
        Rejected(b => kernel.View(b.AsSpan(0, 3 * row - 1), positions, HeadView.Packed(8, 40 * d, row)), "x",
            $"x has {3 * row - 1} elements", $"expected at least {3 * row}");
        Rejected(b => kernel.View(b, positions, default), "view", "default(HeadView)");
        Rejected(b => kernel.ViewWithLength(b, positions, queryView, 2), "sequenceLength", "sequenceLength is 2");
        Rejected(b => kernel.View(b, new[] { 0, -1, 2 }, queryView), "positions", "positions[1] is -1");
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => HeadView.Packed(8, -d, row)).ParamName);
    }

    private static double[] Reference(RotaryConfig config, float[] input, int[] positions, int heads, int sequenceLength)
    {
        double[] exact = input.Select(v => (double)v).ToArray();
        RopeReference.Apply(config, exact, positions, heads, sequenceLength);
        return exact;
    }

    private static void AssertClose(double[] expected, float[] actual, double tolerance) =>
        Assert.InRange(actual.Zip(expected, (a, e) => Math.Abs(a - e)).Max(), 0, tolerance);
}
