#if PEER_PACKAGES
using System;
using TorchSharp;
using static TorchSharp.torch;

namespace RopeGen.Peers;

/// <summary>
/// TorchSharp (libtorch) on one case, as transformers rotates q: cos/sin caches <c>[tokens, 1, 128]</c> computed once
/// (as a model does once per forward pass), then <c>q·cos + rotate(q)·sin</c> out of place, where rotate is
/// <c>rotate_half</c> (half-split, Llama) or <c>rotate_every_two</c> (interleaved, GPT-J); and a preallocated in-place
/// form over views of q's two halves of each pair that allocates nothing per call.
/// </summary>
public sealed class TorchRope : IDisposable
{
    private readonly Tensor _q, _cos, _sin, _x1, _x2, _pairCos, _pairSin, _scratch;
    private readonly bool _interleaved;

    public TorchRope(PeerCase peerCase, float[] input)
    {
        _interleaved = peerCase.Interleaved;
        int half = PeerCase.HeadDim / 2;
        _q = tensor(input, new long[] { peerCase.Tokens, PeerCase.Heads, PeerCase.HeadDim });
        // transformers' LlamaRotaryEmbedding: inv_freq = 1 / base^(2i/d) in float32; angles = positions ⊗ inv_freq.
        using Tensor inverse = 1.0f / pow(10000f, arange(0, PeerCase.HeadDim, 2, ScalarType.Float32) / PeerCase.HeadDim);
        using Tensor positions = tensor(Array.ConvertAll(peerCase.Positions(), p => (float)p));
        using Tensor angles = outer(positions, inverse); // [tokens, 64]
        _pairCos = angles.cos().unsqueeze(1); // [tokens, 1, 64]
        _pairSin = angles.sin().unsqueeze(1);
        // Full-width caches as transformers builds them: cat(freqs, freqs) half-split, each value twice interleaved.
        _cos = _interleaved ? _pairCos.repeat_interleave(2, -1) : cat(new[] { _pairCos, _pairCos }, -1);
        _sin = _interleaved ? _pairSin.repeat_interleave(2, -1) : cat(new[] { _pairSin, _pairSin }, -1);
        // Views of each pair's two elements, for the in-place form.
        _x1 = _interleaved ? _q.slice(-1, 0, PeerCase.HeadDim, 2) : _q.narrow(-1, 0, half);
        _x2 = _interleaved ? _q.slice(-1, 1, PeerCase.HeadDim, 2) : _q.narrow(-1, half, half);
        _scratch = empty(peerCase.Tokens, PeerCase.Heads, half);
    }

    /// <summary>q itself (the in-place form's buffer).</summary>
    public Tensor Q => _q;

    /// <summary>The out-of-place rotation as transformers writes it; the caller disposes the result.</summary>
    public Tensor HuggingFace()
    {
        using DisposeScope scope = NewDisposeScope();
        Tensor rotated = _interleaved ? RotateEveryTwo(_q) : RotateHalf(_q);
        return (_q * _cos + rotated * _sin).MoveToOuterDisposeScope();
    }

    /// <summary>Rotates q in place through preallocated views: x1' = x1·cos − x2·sin, x2' = x2·cos + x1·sin.</summary>
    public void InPlace()
    {
        _scratch.copy_(_x1);
        _scratch.mul_(_pairSin);            // x1·sin
        _x1.mul_(_pairCos);
        _x1.addcmul_(_x2, _pairSin, -1f);  // x1·cos − x2·sin
        _x2.mul_(_pairCos);
        _x2.add_(_scratch);                 // x2·cos + x1·sin
    }

    public void Dispose()
    {
        foreach (Tensor t in new[] { _q, _cos, _sin, _x1, _x2, _pairCos, _pairSin, _scratch }) t.Dispose();
    }

    /// <summary>transformers' rotate_half: cat(−x[..., d/2:], x[..., :d/2]).</summary>
    private static Tensor RotateHalf(Tensor x)
    {
        long half = x.shape[^1] / 2;
        return cat(new[] { -x.narrow(-1, half, half), x.narrow(-1, 0, half) }, -1);
    }

    /// <summary>GPT-J's rotate_every_two: stack(−x[..., 1::2], x[..., ::2]) flattened back to pairs.</summary>
    private static Tensor RotateEveryTwo(Tensor x)
    {
        long d = x.shape[^1];
        return stack(new[] { -x.slice(-1, 1, d, 2), x.slice(-1, 0, d, 2) }, -1).flatten(-2);
    }
}
#endif
