using System;
using System.Linq;
using System.Numerics.Tensors;

namespace RopeGen.Benchmarks;

/// <summary>
/// New keys of Llama-3.1-8B (8 heads of 128, float, straight from the projection) rotated and written into an fp16 KV
/// cache at ring-buffer slots. <c>generated</c>: the class's <c>RotateInto</c>, one pass; <c>copy</c>: the float keys
/// copied into another float buffer (the bytes read, once in and once out); <c>generic</c>: RotaryKernel's
/// <c>RotateInto</c>; <c>twopass</c>: what a user writes today, the float rotation in place and then
/// <c>TensorPrimitives.ConvertToHalf</c> of each token into its cache row.
/// </summary>
public sealed class CacheWriteWorkload : ISixteenBitWorkload
{
    private const int KeyHeads = 8;
    private readonly RotaryKernel _generic = new(Llama3Half.RopeGenRotary.Config);
    private readonly float[] _keys, _keysCopy;
    private readonly Half[] _cache;
    private readonly int[] _positions, _slots;
    private readonly int _row = KeyHeads * Llama3Half.RopeGenRotary.HeadDim;

    /// <param name="tokens">New tokens, at positions 0 .. tokens − 1.</param>
    /// <param name="capacity">Cache rows; the tokens go to rows capacity − 296 on, wrapping around the end.</param>
    public CacheWriteWorkload(int tokens, int capacity)
    {
        var rng = new Random(42);
        _keys = Enumerable.Range(0, tokens * _row).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        _keysCopy = new float[_keys.Length];
        _cache = new Half[capacity * _row];
        _positions = Enumerable.Range(0, tokens).ToArray();
        _slots = _positions.Select(t => (capacity - 296 + t) % capacity).ToArray();
    }

    public void Generated() => Llama3Half.RotateInto(_keys, _positions, KeyHeads, _cache, _slots);

    public void Copy() => _keys.AsSpan().CopyTo(_keysCopy);

    public void Generic() => _generic.RotateInto(_keys, _positions, KeyHeads, _cache, _slots);

    public void TwoPass()
    {
        Llama3Half.ApplyRotary(_keys, _positions, KeyHeads);
        for (int t = 0; t < _slots.Length; t++)
            TensorPrimitives.ConvertToHalf(_keys.AsSpan(t * _row, _row), _cache.AsSpan(_slots[t] * _row, _row));
    }
}
