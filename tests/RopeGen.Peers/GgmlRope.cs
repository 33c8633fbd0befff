using System;

namespace RopeGen.Peers;

/// <summary>
/// ggml's RoPE on one case, as llama.cpp calls it: <c>ggml_rope_ext_inplace</c> on a q tensor
/// <c>[tokens, heads, head dim]</c> with an I32 positions tensor; NORM mode for interleaved pairs, NEOX for half-split.
/// The graph is built once; each call resets a separate small work context (ggml_graph_compute_with_ctx allocates its
/// work buffer there on every call) and computes the graph with the case's threads.
/// </summary>
public sealed unsafe class GgmlRope : IDisposable
{
    private readonly GgmlLibrary _ggml;
    private readonly nint _context, _work, _graph;
    private readonly int _threads, _floats;
    private readonly float* _q;

    public GgmlRope(GgmlLibrary ggml, PeerCase peerCase)
    {
        _ggml = ggml;
        _threads = peerCase.Threads;
        // The tensors' data, the graph and ggml's object headers (a few hundred KiB with the default graph size).
        nuint bytes = (nuint)peerCase.Floats * sizeof(float) + (nuint)peerCase.Tokens * sizeof(int) + (8u << 20);
        _context = ggml.Init(new GgmlLibrary.InitParams { MemSize = bytes });
        _work = ggml.Init(new GgmlLibrary.InitParams { MemSize = 4u << 20 });
        if (_context == 0 || _work == 0) throw new InvalidOperationException("ggml_init returned null");
        nint q = ggml.NewTensor3d(_context, GgmlLibrary.TypeF32, PeerCase.HeadDim, PeerCase.Heads, peerCase.Tokens);
        nint positions = ggml.NewTensor1d(_context, GgmlLibrary.TypeI32, peerCase.Tokens);
        _q = (float*)ggml.GetData(q);
        _floats = peerCase.Floats;
        peerCase.Positions().AsSpan().CopyTo(new Span<int>(ggml.GetData(positions), peerCase.Tokens));
        int mode = peerCase.Interleaved ? GgmlLibrary.ModeNorm : GgmlLibrary.ModeNeox;
        // Plain RoPE over all 128 dims: base 10000, no frequency scaling, no YaRN (ext_factor 0), attention factor 1.
        nint rope = ggml.RopeExtInplace(_context, q, positions, 0, PeerCase.HeadDim, mode, 0, 10000f, 1f, 0f, 1f, 32f, 1f);
        _graph = ggml.NewGraph(_context);
        ggml.BuildForwardExpand(_graph, rope);
    }

    /// <summary>q's data, in ggml's context.</summary>
    public Span<float> Q => new(_q, _floats);

    /// <summary>Rotates q in place once.</summary>
    public void Run()
    {
        _ggml.Reset(_work);
        int status = _ggml.GraphComputeWithCtx(_work, _graph, _threads);
        if (status != 0) throw new InvalidOperationException($"ggml_graph_compute_with_ctx returned status {status}");
    }

    public void Dispose()
    {
        _ggml.Free(_work);
        _ggml.Free(_context);
    }
}
