using System;
using System.Linq;
using static RopeGen.Testing.Buffers;
using static RopeGen.Testing.MultimodalIds;

namespace RopeGen.Testing;

/// <summary>
/// The checks every M-RoPE kernel (generated and run-time) must pass with Half and BFloat16 buffers and with
/// <c>RotateMultimodalInto</c>: each result is the float M-RoPE kernel's result for the decoded input rounded once, and
/// within one unit in the last place (plus 2e-6) of the exact rotation (<see cref="RopeReference.ApplyMultimodal"/>,
/// <see cref="Sixteen.AssertRoundedOnce{T}"/>); text tokens are the plain 16-bit kernels' result bit for bit; rejected calls
/// write nothing. <c>f</c> is the same kernel's float M-RoPE overloads, <c>s</c> its M-RoPE overloads for <typeparamref name="T"/>.
/// </summary>
internal static class MultimodalStagedChecks<T>
{
    private static double[] Exact(RotaryConfig config, float[] input, int[] positions, int heads)
    {
        double[] exact = input.Select(v => (double)v).ToArray();
        RopeReference.ApplyMultimodal(config, exact, positions, heads);
        return exact;
    }

    /// <summary>x alone, with and without a sequence length; <paramref name="heads"/> small (whole tokens in the 16 KiB
    /// scratch) or large (a token larger than it).</summary>
    public static void Apply(PrecisionOverloads<float> f, PrecisionOverloads<T> s, int[] positions, int heads)
    {
        T[] x = Sixteen.Round<T>(Random(positions.Length / 3 * heads * f.Config.HeadDim, heads)), xLength = x.ToArray();
        float[] expected = Sixteen.Widen(x);
        double[] exact = Exact(f.Config, expected, positions, heads);
        f.Apply(expected, positions, heads);

        s.Apply(x, positions, heads);
        s.ApplyWithLength(xLength, positions, heads, positions.Max() + 1);

        Sixteen.AssertRoundedOnce<T>(x, expected, exact, $"{heads} heads");
        Sixteen.AssertRoundedOnce<T>(xLength, expected, exact, $"{heads} heads, with a sequence length");
    }

    /// <summary>q and k fused, with and without a sequence length.</summary>
    public static void Fused(PrecisionOverloads<float> f, PrecisionOverloads<T> s, int[] positions, int queryHeads, int keyHeads)
    {
        int d = f.Config.HeadDim, tokens = positions.Length / 3;
        T[] q = Sixteen.Round<T>(Random(tokens * queryHeads * d, 2)), k = Sixteen.Round<T>(Random(tokens * keyHeads * d, 3));
        T[] qLength = q.ToArray(), kLength = k.ToArray();
        float[] expectedQ = Sixteen.Widen(q), expectedK = Sixteen.Widen(k);
        double[] exactQ = Exact(f.Config, expectedQ, positions, queryHeads), exactK = Exact(f.Config, expectedK, positions, keyHeads);
        f.Fused(expectedQ, queryHeads, expectedK, keyHeads, positions);

        s.Fused(q, queryHeads, k, keyHeads, positions);
        s.FusedWithLength(qLength, queryHeads, kLength, keyHeads, positions, 2_000_000);

        foreach ((T[] actualQ, T[] actualK, string what) in new[] { (q, k, ""), (qLength, kLength, ", with a sequence length") })
        {
            Sixteen.AssertRoundedOnce<T>(actualQ, expectedQ, exactQ, $"q of {queryHeads} + {keyHeads} heads{what}");
            Sixteen.AssertRoundedOnce<T>(actualK, expectedK, exactK, $"k of {queryHeads} + {keyHeads} heads{what}");
        }
    }

    /// <summary>The same id on all three axes: the plain 16-bit kernels' (<paramref name="plain"/>) result, bit for bit.</summary>
    public static void TextIsPlain(PrecisionOverloads<T> plain, PrecisionOverloads<T> s, int heads)
    {
        int[] text = { 0, 1, 517, 4096, 65535, 65536, 999_999 };
        int[] same = text.Concat(text).Concat(text).ToArray();
        int d = s.Config.HeadDim;
        T[] x = Sixteen.Round<T>(Random(text.Length * heads * d, 6)), expected = x.ToArray();
        T[] q = Sixteen.Round<T>(Random(text.Length * 2 * heads * d, 7)), k = Sixteen.Round<T>(Random(text.Length * heads * d, 8));
        T[] expectedQ = q.ToArray(), expectedK = k.ToArray();

        plain.Apply(expected, text, heads);
        plain.Fused(expectedQ, 2 * heads, expectedK, heads, text);
        s.Apply(x, same, heads);
        s.Fused(q, 2 * heads, k, heads, same);

        Assert.Equal(expected.Select(Sixteen.Bits), x.Select(Sixteen.Bits));
        Assert.Equal(expectedQ.Select(Sixteen.Bits), q.Select(Sixteen.Bits));
        Assert.Equal(expectedK.Select(Sixteen.Bits), k.Select(Sixteen.Bits));
    }

    /// <summary>
    /// New keys of text and an image written into a ring buffer of 16 rows (slots wrapping around its end), with and
    /// without a sequence length: the source is left as it was, every other row too, and the rows written are the float
    /// M-RoPE's in-place result rounded once (into a float cache: its bits).
    /// </summary>
    public static void RotateInto(PrecisionOverloads<float> f, PrecisionOverloads<T> s, int heads)
    {
        const int capacity = 16;
        int[] positions = Ids((13, 13, 13), (14, 14, 15), (14, 15, 14), (14, 15, 15), (16, 16, 16), (65536, 70000, 2), (999_999, 1_000_000, 65536));
        int tokens = positions.Length / 3, row = heads * f.Config.HeadDim;
        int[] slots = Enumerable.Range(0, tokens).Select(t => (12 + t) % capacity).ToArray();
        foreach (bool withLength in new[] { false, true })
        {
            float[] source = Random(tokens * row, heads), sourceBefore = source.ToArray();
            T[] cache = Sixteen.Round<T>(Random(capacity * row, 7)), cacheBefore = cache.ToArray();
            float[] expected = source.ToArray();
            double[] exact = Exact(f.Config, source, positions, heads);
            f.Apply(expected, positions, heads);
            if (withLength) s.RotateIntoWithLength(source, positions, heads, cache, slots, 1_000_001);
            else s.RotateInto(source, positions, heads, cache, slots);

            Assert.Equal(sourceBefore, source);
            Sixteen.AssertCacheRows<T>(cache, cacheBefore, slots, row, expected, exact, $"{heads} heads");
        }
    }

    /// <summary>
    /// Bad calls of every overload (two tokens of one head: <c>a</c> and <c>b</c> buffers of 4 tokens, a float source of
    /// 2) throw an <see cref="ArgumentException"/> whose message holds <c>expected</c>, and leave every buffer unchanged.
    /// </summary>
    public static void Rejected(PrecisionOverloads<T> s)
    {
        int d = s.Config.HeadDim;
        int[] two = Ids((0, 0, 0), (1, 2, 3));
        void AssertRejected(Action<T[], T[], float[]> call, string expected)
        {
            T[] a = Sixteen.Round<T>(Random(4 * d, 1)), b = Sixteen.Round<T>(Random(4 * d, 2));
            float[] source = Random(2 * d, 3);
            T[] aBefore = a.ToArray(), bBefore = b.ToArray();
            float[] sourceBefore = source.ToArray();
            var error = Assert.ThrowsAny<ArgumentException>(() => call(a, b, source));
            Assert.Contains(expected, error.Message);
            Assert.Equal(aBefore.Select(Sixteen.Bits), a.Select(Sixteen.Bits));
            Assert.Equal(bBefore.Select(Sixteen.Bits), b.Select(Sixteen.Bits));
            Assert.Equal(sourceBefore, source);
        }

        AssertRejected((x, _, _) => s.Apply(x, new int[10], 1), "positions has 10 elements");
        AssertRejected((x, _, _) => s.Apply(x, two, 1), $"positions cover 2 tokens, but x has {4 * d} elements");
        AssertRejected((x, _, _) => s.Apply(x, Ids((0, 0, 0), (1, 1, 1), (2, -2, 2), (3, 3, 3)), 1), "positions[6] is -2");
        AssertRejected((x, _, _) => s.ApplyWithLength(x, Ids((0, 0, 0), (1, 1, 1), (2, 900, 2), (3, 3, 3)), 1, 900), "sequenceLength is 900");
        AssertRejected((q, _, _) => s.Fused(q.AsSpan(0, 2 * d), 1, q.AsSpan(d, 2 * d), 1, two), "q and k overlap");
        AssertRejected((q, k, _) => s.Fused(q, 2, k, 1, two), $"k has {4 * d} elements");
        AssertRejected((q, k, _) => s.FusedWithLength(q.AsSpan(0, 2 * d), 1, k.AsSpan(0, 2 * d), 1, two, 3), "sequenceLength is 3");
        AssertRejected((cache, _, source) => s.RotateInto(source, two, 1, cache, new[] { 3, 4 }), "slots[1] is 4");
        AssertRejected((cache, _, source) => s.RotateInto(source, two, 1, cache, new[] { 2, 2 }), "slots[1] is 2, like slots[0]");
        AssertRejected((cache, _, source) => s.RotateInto(source, two, 1, cache, new[] { 1 }), "slots has 1 entries; expected 2");
        AssertRejected((cache, _, source) => s.RotateInto(source, new int[9], 1, cache, new[] { 0, 1 }), $"positions cover 3 tokens, but source has {2 * d} elements");
        AssertRejected((cache, _, source) => s.RotateInto(source, new int[7], 1, cache, new[] { 0, 1 }), "positions has 7 elements");
        AssertRejected((cache, _, source) => s.RotateIntoWithLength(source, Ids((0, 0, 0), (1, 80, 3)), 1, cache, new[] { 0, 1 }, 50), "sequenceLength is 50");
    }
}
