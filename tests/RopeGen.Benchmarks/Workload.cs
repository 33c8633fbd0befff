using System;
using System.Collections.Generic;
using System.Linq;
using RopeGen.Samples;

namespace RopeGen.Benchmarks;

/// <summary>Buffers and the four measured operations of one float case.</summary>
public sealed class Workload : IQuickWorkload
{
    private readonly BenchCase _case;
    private readonly RotaryKernel _generic;
    private readonly float[] _q, _k, _qCopy, _kCopy;
    private readonly int[] _positions;

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
        _positions = Enumerable.Range(benchCase.FirstPosition, benchCase.Tokens).ToArray();
    }

    public IReadOnlyList<(string Column, Action Run)> Operations => new (string, Action)[]
    {
        ("generated", Generated), ("copy", Copy), ("generic", Generic), ("naive", Naive),
    };

    /// <summary>Bytes the kernel reads and writes: q and k, each once in and once out.</summary>
    public long Bytes => 2L * (_q.Length + _k.Length) * sizeof(float);

    public void Generated() => _case.Generated(_q, _case.QueryHeads, _k, _case.KeyHeads, _positions);

    public void Copy()
    {
        _q.AsSpan().CopyTo(_qCopy);
        _k.AsSpan().CopyTo(_kCopy);
    }

    public void Generic() => _generic.Apply(_q, _case.QueryHeads, _k, _case.KeyHeads, _positions);

    public void Naive()
    {
        RotaryConfig c = _case.Config;
        bool interleaved = c.Layout == RotaryLayout.Interleaved;
        NaiveRope.Apply(_q, _positions, _case.QueryHeads, c.HeadDim, c.EffectiveRotaryDim, (float)c.Base, interleaved);
        NaiveRope.Apply(_k, _positions, _case.KeyHeads, c.HeadDim, c.EffectiveRotaryDim, (float)c.Base, interleaved);
    }
}
