using System;
using System.Numerics;

namespace LlamaDecode;

/// <summary>Deterministic random projection weights (no download): q, k and v projections of one layer.</summary>
public sealed class Weights
{
    private readonly float[] _wq, _wk, _wv;

    public Weights(int seed)
    {
        var rng = new Random(seed);
        float scale = 1f / MathF.Sqrt(Llama31Attention.HiddenSize);
        float[] Matrix(int rows) => Random(rng, rows * Llama31Attention.HiddenSize, scale);
        _wq = Matrix(Llama31Attention.NumAttentionHeads * Llama31Attention.HeadDim);
        _wk = Matrix(Llama31Attention.NumKeyValueHeads * Llama31Attention.HeadDim);
        _wv = Matrix(Llama31Attention.NumKeyValueHeads * Llama31Attention.HeadDim);
    }

    public static float[] Random(Random rng, int length, float scale)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(rng.NextDouble() * 2 - 1) * scale;
        return values;
    }

    public void Project(ReadOnlySpan<float> x, Span<float> q, Span<float> k, Span<float> v)
    {
        MatVec(_wq, x, q);
        MatVec(_wk, x, k);
        MatVec(_wv, x, v);
    }

    private static void MatVec(float[] w, ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length;
        for (int r = 0; r < y.Length; r++) y[r] = Dot(w.AsSpan(r * n, n), x);
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i + Vector<float>.Count <= a.Length; i += Vector<float>.Count)
            sum += new Vector<float>(a.Slice(i)) * new Vector<float>(b.Slice(i));
        float total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }
}
