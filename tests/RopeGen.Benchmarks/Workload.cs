using System;
using System.Linq;
using System.Threading.Tasks;
using RopeGen.Samples;

namespace RopeGen.Benchmarks;

/// <summary>Buffers and the measured operations of one case.</summary>
public sealed class Workload
{
    private readonly BenchCase _case;
    private readonly RotaryKernel _generic;
    private readonly float[] _q, _k, _qCopy, _kCopy, _qkv, _qkvCopy;
    private readonly int[] _positions;
    private readonly HeadView _queryView, _keyView;
    private readonly ParallelOptions _parallel;

    public Workload(BenchCase benchCase)
    {
        _case = benchCase;
        _generic = new RotaryKernel(benchCase.Config);
        int d = benchCase.Config.HeadDim;
        var rng = new Random(42);
        _q = Enumerable.Range(0, benchCase.Tokens * benchCase.QueryHeads * d).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        _k = Enumerable.Range(0, benchCase.Tokens * benchCase.KeyHeads * d).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        _qCopy = new float[_q.Length];
        _kCopy = new float[_k.Length];
        _positions = benchCase.Positions ?? Enumerable.Range(benchCase.FirstPosition, benchCase.Tokens).ToArray();
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = benchCase.Threads };
        if (benchCase.Packed is null)
        {
            _qkv = _qkvCopy = Array.Empty<float>();
            _queryView = HeadView.Contiguous(benchCase.QueryHeads);
            _keyView = HeadView.Contiguous(benchCase.KeyHeads);
            return;
        }
        // One row per token: q's heads, k's heads, then v's (as many as k's), as a fused projection writes them.
        int row = (benchCase.QueryHeads + 2 * benchCase.KeyHeads) * d;
        _qkv = Enumerable.Range(0, benchCase.Tokens * row).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        _qkvCopy = new float[benchCase.Tokens * (benchCase.QueryHeads + benchCase.KeyHeads) * d];
        _queryView = HeadView.Packed(benchCase.QueryHeads, 0, row);
        _keyView = HeadView.Packed(benchCase.KeyHeads, benchCase.QueryHeads * d, row);
    }

    /// <summary>Bytes the kernel reads and writes: q and k, each once in and once out.</summary>
    public long Bytes => 2L * (_q.Length + _k.Length) * sizeof(float);

    public void Generated()
    {
        if (_case.Packed is not null) _case.Packed(_qkv, _queryView, _qkv, _keyView, _positions);
        else if (_case.Parallel is not null) _case.Parallel(_q, _queryView, _k, _keyView, _positions, _parallel);
        else _case.Generated(_q, _case.QueryHeads, _k, _case.KeyHeads, _positions);
    }

    /// <summary>The in-place limit over q and k (<see cref="MemoryLimits"/>), 512-bit; in a packed case over the q and k
    /// heads of the packed rows, the bytes the kernel touches.</summary>
    public void InPlace512() => InPlace(MemoryLimits.Scale512);

    /// <summary>The in-place limit over q and k, 256-bit.</summary>
    public void InPlace256() => InPlace(MemoryLimits.Scale256);

    private void InPlace(Action<Span<float>, float> scale)
    {
        if (_case.Packed is not null)
            for (int t = 0; t < _case.Tokens; t++) scale(PackedQueryAndKey(t), -1f);
        else
        {
            scale(_q, -1f);
            scale(_k, -1f);
        }
    }

    /// <summary>q and k copied into two other buffers; in a packed case, each row's q and k heads.</summary>
    public void Copy()
    {
        if (_case.Packed is not null)
        {
            int width = (_case.QueryHeads + _case.KeyHeads) * _case.Config.HeadDim;
            for (int t = 0; t < _case.Tokens; t++) PackedQueryAndKey(t).CopyTo(_qkvCopy.AsSpan(t * width, width));
            return;
        }
        _q.AsSpan().CopyTo(_qCopy);
        _k.AsSpan().CopyTo(_kCopy);
    }

    /// <summary>Token t's q and k heads in the packed QKV rows (side by side at the row's start).</summary>
    private Span<float> PackedQueryAndKey(int t)
    {
        int d = _case.Config.HeadDim, row = (_case.QueryHeads + 2 * _case.KeyHeads) * d;
        return _qkv.AsSpan(t * row, (_case.QueryHeads + _case.KeyHeads) * d);
    }

    public void Generic()
    {
        if (_case.Config.IsMultimodal) _generic.ApplyMultimodal(_q, _case.QueryHeads, _k, _case.KeyHeads, _positions);
        else if (_case.Packed is not null) _generic.Apply(_qkv, _queryView, _qkv, _keyView, _positions);
        else if (_case.Parallel is not null) _generic.Apply(_q, _queryView, _k, _keyView, _positions, _parallel);
        else _generic.Apply(_q, _case.QueryHeads, _k, _case.KeyHeads, _positions);
    }

    public void Naive()
    {
        RotaryConfig c = _case.Config;
        bool interleaved = c.Layout == RotaryLayout.Interleaved;
        // One id per token (M-RoPE: the temporal ids); the naive loop knows no scaling and no sections.
        ReadOnlySpan<int> positions = _positions.AsSpan(0, _case.Tokens);
        NaiveRope.Apply(_q, positions, _case.QueryHeads, c.HeadDim, c.EffectiveRotaryDim, (float)c.Base, interleaved);
        NaiveRope.Apply(_k, positions, _case.KeyHeads, c.HeadDim, c.EffectiveRotaryDim, (float)c.Base, interleaved);
    }
}
