using System;
using System.Threading.Tasks;

namespace RopeGen.Benchmarks;

/// <summary>One measured shape: a generated class's fused q/k kernel, its configuration, heads and positions
/// (tokens FirstPosition.., or the explicit ids of <paramref name="Positions"/>: M-RoPE's [3, tokens]).</summary>
public sealed record BenchCase(string Name, RotaryConfig Config, BenchCase.Fused Generated, int Tokens, int QueryHeads, int KeyHeads, int FirstPosition,
    int[]? Positions = null)
{
    public delegate void Fused(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions);
    public delegate void FusedViews(Span<float> q, HeadView queryView, Span<float> k, HeadView keyView, ReadOnlySpan<int> positions);
    public delegate void FusedViewsParallel(Span<float> q, HeadView queryView, Span<float> k, HeadView keyView, ReadOnlySpan<int> positions, ParallelOptions parallel);

    /// <summary>Set for a packed case: the kernel that rotates q and k inside one <c>[tokens, (q + 2 × kv heads) × d]</c> QKV buffer.</summary>
    public FusedViews? Packed { get; init; }

    /// <summary>Set for a threaded case: the kernel with ParallelOptions, allowed <see cref="Threads"/> threads.</summary>
    public FusedViewsParallel? Parallel { get; init; }

    public int Threads { get; init; } = 1;

    /// <summary>Llama-3.1-8B attention: 32 query heads, 8 key/value heads.</summary>
    private static BenchCase Llama(string name, RotaryConfig config, Fused kernel, int tokens, int first) => new(name, config, kernel, tokens, 32, 8, first);

    /// <summary>The quick-mode cases (issue 6). Decode rotates one token at a KV-cache offset; prefill tokens 0..n-1.</summary>
    public static BenchCase[] Quick { get; } =
    {
        Llama("decode-llama3-8b-half", Llama3Half.RopeGenRotary.Config, Llama3Half.ApplyRotary, 1, 1000),
        Llama("decode-llama3-8b-interleaved", Llama3Interleaved.RopeGenRotary.Config, Llama3Interleaved.ApplyRotary, 1, 1000),
        Llama("prefill-512-half", Llama3Half.RopeGenRotary.Config, Llama3Half.ApplyRotary, 512, 0),
        Llama("prefill-512-interleaved", Llama3Interleaved.RopeGenRotary.Config, Llama3Interleaved.ApplyRotary, 512, 0),
        Llama("prefill-4096-half", Llama3Half.RopeGenRotary.Config, Llama3Half.ApplyRotary, 4096, 0),
        // Issue 11: q and k inside Llama 3.1's packed QKV rows (32 + 8 + 8 heads), and the 4096-token prefill on two threads.
        Llama("prefill-512-qkv-packed", Llama3Half.RopeGenRotary.Config, Llama3Half.ApplyRotary, 512, 0) with { Packed = Llama3Half.ApplyRotary },
        Llama("prefill-4096-half-2t", Llama3Half.RopeGenRotary.Config, Llama3Half.ApplyRotary, 4096, 0) with { Parallel = Llama3Half.ApplyRotary, Threads = 2 },
        new("decode-phi3-d96-half", Phi3Mini.RopeGenRotary.Config, Phi3Mini.ApplyRotary, 1, 32, 32, 1000),
        // prefill-512-half's shape with Qwen2-VL's M-RoPE: 16 text tokens, a 22 × 22 image grid, 12 text tokens.
        new("prefill-512-mrope", Qwen2VL.RopeGenRotary.Config, Qwen2VL.ApplyMultimodalRotary, 512, 32, 8, 0,
            MultimodalPositions.TextAndImage(16, 1, 22, 22, 12)),
    };
}
