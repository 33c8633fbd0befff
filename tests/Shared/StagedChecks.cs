using System;
using System.Linq;
using static RopeGen.Testing.Buffers;

namespace RopeGen.Testing;

/// <summary>
/// The checks every kernel (generated and run-time) must pass with Half and BFloat16 buffers and with RotateInto: each
/// result is the float kernel's result for the decoded input rounded once, and within one unit in the last place (plus
/// 2e-6) of the exact rotation (<see cref="Sixteen.AssertRoundedOnce{T}"/>). <c>f</c> is the same kernel's float
/// overloads, <c>s</c> its overloads for <typeparamref name="T"/>.
/// </summary>
internal static class StagedChecks<T>
{
    private static double[] Exact(RotaryConfig config, float[] input, int[] positions, int heads, int sequenceLength = 0)
    {
        double[] exact = input.Select(v => (double)v).ToArray();
        RopeReference.Apply(config, exact, positions, heads, sequenceLength);
        return exact;
    }

    /// <summary>Whole tokens in the 16 KiB scratch for small head counts; tokens larger than it for large ones.</summary>
    public static void Apply(PrecisionOverloads<float> f, PrecisionOverloads<T> s, int[] positions, int heads)
    {
        T[] x = Sixteen.Round<T>(Random(positions.Length * heads * f.Config.HeadDim, heads));
        float[] expected = Sixteen.Widen(x);
        double[] exact = Exact(f.Config, expected, positions, heads);
        f.Apply(expected, positions, heads);

        s.Apply(x, positions, heads);

        Sixteen.AssertRoundedOnce<T>(x, expected, exact, $"{heads} heads");
    }

    /// <summary>x alone and q and k fused, with the explicit sequence length (which selects the dynamic kinds' table).</summary>
    public static void SequenceLength(PrecisionOverloads<float> f, PrecisionOverloads<T> s, int sequenceLength)
    {
        int d = f.Config.HeadDim;
        int[] positions = { 0, 5, 99, sequenceLength - 1 };
        T[] q = Sixteen.Round<T>(Random(positions.Length * 3 * d, sequenceLength)), k = Sixteen.Round<T>(Random(positions.Length * d, sequenceLength + 1));
        T[] x = k.ToArray();
        float[] expectedQ = Sixteen.Widen(q), expectedK = Sixteen.Widen(k);
        double[] exactQ = Exact(f.Config, expectedQ, positions, 3, sequenceLength), exactK = Exact(f.Config, expectedK, positions, 1, sequenceLength);
        f.FusedWithLength(expectedQ, 3, expectedK, 1, positions, sequenceLength);

        s.FusedWithLength(q, 3, k, 1, positions, sequenceLength);
        s.ApplyWithLength(x, positions, 1, sequenceLength);

        Sixteen.AssertRoundedOnce<T>(q, expectedQ, exactQ, $"q, sequence length {sequenceLength}");
        Sixteen.AssertRoundedOnce<T>(k, expectedK, exactK, $"k, sequence length {sequenceLength}");
        Sixteen.AssertRoundedOnce<T>(x, expectedK, exactK, $"x, sequence length {sequenceLength}");
    }

    public static void Fused(PrecisionOverloads<float> f, PrecisionOverloads<T> s, int[] positions, int queryHeads, int keyHeads)
    {
        int d = f.Config.HeadDim;
        T[] q = Sixteen.Round<T>(Random(positions.Length * queryHeads * d, 2)), k = Sixteen.Round<T>(Random(positions.Length * keyHeads * d, 3));
        float[] expectedQ = Sixteen.Widen(q), expectedK = Sixteen.Widen(k);
        double[] exactQ = Exact(f.Config, expectedQ, positions, queryHeads), exactK = Exact(f.Config, expectedK, positions, keyHeads);
        f.Fused(expectedQ, queryHeads, expectedK, keyHeads, positions);

        s.Fused(q, queryHeads, k, keyHeads, positions);

        Sixteen.AssertRoundedOnce<T>(q, expectedQ, exactQ, $"q of {queryHeads} + {keyHeads} heads");
        Sixteen.AssertRoundedOnce<T>(k, expectedK, exactK, $"k of {queryHeads} + {keyHeads} heads");
    }

    /// <summary>Five tokens of cached keys shifted by <paramref name="delta"/> (static kinds only).</summary>
    public static void Shift(PrecisionOverloads<float> f, PrecisionOverloads<T> s, int heads, int delta)
    {
        T[] keys = Sixteen.Round<T>(Random(5 * heads * f.Config.HeadDim, delta + heads));
        float[] expected = Sixteen.Widen(keys);
        double[] exact = expected.Select(v => (double)v).ToArray();
        RopeReference.Shift(f.Config, exact, heads, delta);
        f.Shift(expected, heads, delta);

        s.Shift(keys, heads, delta);

        Sixteen.AssertRoundedOnce<T>(keys, expected, exact, $"{heads} heads, delta {delta}");
    }

    /// <summary>
    /// New keys written into a ring buffer of 16 rows (slots wrapping around its end), with and without an explicit
    /// sequence length: the source is left as it was, every other row too, and the rows written are the float kernel's
    /// result rounded once (into a float cache: its bits).
    /// </summary>
    public static void RotateInto(PrecisionOverloads<float> f, PrecisionOverloads<T> s, int heads)
    {
        const int capacity = 16;
        int[] positions = { 13, 14, 15, 16, 17, 65536, 999_999 };
        int[] slots = positions.Select((_, t) => (12 + t) % capacity).ToArray();
        int row = heads * f.Config.HeadDim;
        foreach (int? sequenceLength in new int?[] { null, 1_200_000 })
        {
            float[] source = Random(positions.Length * row, heads), sourceBefore = source.ToArray();
            T[] cache = Sixteen.Round<T>(Random(capacity * row, 7)), cacheBefore = cache.ToArray();
            float[] expected = source.ToArray();
            double[] exact = Exact(f.Config, source, positions, heads, sequenceLength ?? 0);
            if (sequenceLength is int length)
            {
                f.ApplyWithLength(expected, positions, heads, length);
                s.RotateIntoWithLength(source, positions, heads, cache, slots, length);
            }
            else
            {
                f.Apply(expected, positions, heads);
                s.RotateInto(source, positions, heads, cache, slots);
            }

            Assert.Equal(sourceBefore, source);
            Sixteen.AssertCacheRows<T>(cache, cacheBefore, slots, row, expected, exact, $"{heads} heads");
        }
    }
}
