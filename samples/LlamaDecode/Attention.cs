using System;

namespace LlamaDecode;

/// <summary>Scaled dot-product attention with grouped-query heads (4 query heads share each key/value head).</summary>
public static class Attention
{
    private const int Q = Llama31Attention.NumAttentionHeads, KV = Llama31Attention.NumKeyValueHeads, D = Llama31Attention.HeadDim;
    private static readonly float Scale = 1f / MathF.Sqrt(D);

    /// <summary>Causal scores of every query token against every earlier key token, per head: [token][head · n + key].</summary>
    public static float[][] CausalScores(float[] q, float[] k, int n)
    {
        var scores = new float[n][];
        for (int i = 0; i < n; i++)
        {
            scores[i] = new float[Q * (i + 1)];
            for (int h = 0; h < Q; h++)
                for (int j = 0; j <= i; j++)
                    scores[i][h * (i + 1) + j] = Scale * Weights.Dot(q.AsSpan((i * Q + h) * D, D), k.AsSpan((j * KV + h / (Q / KV)) * D, D));
        }
        return scores;
    }

    /// <summary>One decode step: softmax attention of the new token's queries over the cache; returns [heads · D].</summary>
    public static float[] Decode(float[] q, KvCache cache)
    {
        var output = new float[Q * D];
        var weights = new float[cache.Count];
        for (int h = 0; h < Q; h++)
        {
            int kvHead = h / (Q / KV);
            float max = float.NegativeInfinity;
            for (int t = 0; t < cache.Count; t++)
            {
                weights[t] = Scale * Weights.Dot(q.AsSpan(h * D, D), cache.Keys[t].AsSpan(kvHead * D, D));
                max = MathF.Max(max, weights[t]);
            }
            float sum = 0;
            for (int t = 0; t < cache.Count; t++) sum += weights[t] = MathF.Exp(weights[t] - max);
            for (int t = 0; t < cache.Count; t++)
                for (int i = 0; i < D; i++) output[h * D + i] += weights[t] / sum * cache.Values[t][kvHead * D + i];
        }
        return output;
    }
}
