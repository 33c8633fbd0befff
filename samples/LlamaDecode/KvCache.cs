using System;
using System.Collections.Generic;

namespace LlamaDecode;

/// <summary>A key/value cache holding keys after RoPE, as inference engines do; keys before RoPE kept only for checking.</summary>
public sealed class KvCache
{
    private const int Width = Llama31Attention.NumKeyValueHeads * Llama31Attention.HeadDim;

    public List<float[]> Keys { get; } = new();
    public List<float[]> Values { get; } = new();
    public List<float[]> RawKeys { get; } = new();
    public List<int> Positions { get; } = new();

    public int Count => Keys.Count;

    public void Append(float[] rotatedKey, float[] rawKey, float[] value, int position)
    {
        Keys.Add(rotatedKey);
        RawKeys.Add(rawKey);
        Values.Add(value);
        Positions.Add(position);
    }

    /// <summary>
    /// StreamingLLM eviction: keeps the first <paramref name="sinks"/> tokens, drops the next <paramref name="evict"/>, and
    /// moves every later key back by <paramref name="evict"/> positions with ShiftRotary, so positions stay contiguous.
    /// </summary>
    public void EvictAndShift(int sinks, int evict)
    {
        Keys.RemoveRange(sinks, evict);
        RawKeys.RemoveRange(sinks, evict);
        Values.RemoveRange(sinks, evict);
        Positions.RemoveRange(sinks, evict);
        int moved = Count - sinks;
        var window = new float[moved * Width];
        for (int t = 0; t < moved; t++) Keys[sinks + t].CopyTo(window, t * Width);
        Llama31Attention.ShiftRotary(window, Llama31Attention.NumKeyValueHeads, -evict);
        for (int t = 0; t < moved; t++)
        {
            window.AsSpan(t * Width, Width).CopyTo(Keys[sinks + t]);
            Positions[sinks + t] -= evict;
        }
    }

    /// <summary>The same tokens with every key rotated from scratch, from its key before RoPE, at its current position.</summary>
    public KvCache Recomputed()
    {
        var fresh = new KvCache();
        for (int t = 0; t < Count; t++)
        {
            float[] key = (float[])RawKeys[t].Clone();
            Llama31Attention.ApplyRotary(key, new[] { Positions[t] }, Llama31Attention.NumKeyValueHeads);
            fresh.Append(key, RawKeys[t], Values[t], Positions[t]);
        }
        return fresh;
    }
}
