using System;

namespace RopeGen.Peers;

/// <summary>One measured shape: q of <see cref="Heads"/> heads × <see cref="HeadDim"/>, a layout, tokens, the first position and threads.</summary>
public sealed record PeerCase(string Name, RotaryLayout Layout, int Tokens, int FirstPosition, int Threads)
{
    public const int Heads = 32;
    public const int HeadDim = 128;

    /// <summary>Decode rotates one token at position 1000 (a KV-cache offset); prefill tokens 0..n-1.</summary>
    public static PeerCase[] All { get; } =
    {
        new("decode-half", RotaryLayout.HalfSplit, 1, 1000, 1),
        new("decode-interleaved", RotaryLayout.Interleaved, 1, 1000, 1),
        new("prefill-512-half", RotaryLayout.HalfSplit, 512, 0, 1),
        new("prefill-512-interleaved", RotaryLayout.Interleaved, 512, 0, 1),
        new("prefill-4096-half", RotaryLayout.HalfSplit, 4096, 0, 1),
        new("prefill-4096-interleaved", RotaryLayout.Interleaved, 4096, 0, 1),
        new("prefill-4096-half-2t", RotaryLayout.HalfSplit, 4096, 0, 2),
        new("prefill-4096-interleaved-2t", RotaryLayout.Interleaved, 4096, 0, 2),
    };

    public bool IsDecode => Name.StartsWith("decode-", StringComparison.Ordinal);

    public bool Interleaved => Layout == RotaryLayout.Interleaved;

    /// <summary>Floats in q.</summary>
    public int Floats => Tokens * Heads * HeadDim;

    /// <summary>The RopeGen configuration of the layout (plain RoPE, base 10000).</summary>
    public RotaryConfig Config => Interleaved ? PlainInterleaved.RopeGenRotary.Config : PlainHalf.RopeGenRotary.Config;

    public int[] Positions()
    {
        var positions = new int[Tokens];
        for (int t = 0; t < Tokens; t++) positions[t] = FirstPosition + t;
        return positions;
    }
}
