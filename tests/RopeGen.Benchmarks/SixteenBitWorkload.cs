using System;
using System.Linq;
using System.Numerics.Tensors;

namespace RopeGen.Benchmarks;

public delegate void FusedFn<T>(Span<T> q, int numQueryHeads, Span<T> k, int numKeyValueHeads, ReadOnlySpan<int> positions);

/// <summary>A 16-bit type's kernels for Llama-3.1-8B and the conversions a user's two passes would use.</summary>
public sealed record SixteenBitKernels<T>(
    FusedFn<T> Generated,
    Func<RotaryKernel, FusedFn<T>> Generic,
    Action<ReadOnlySpan<T>, Span<float>> Widen,
    Action<ReadOnlySpan<float>, Span<T>> Narrow);

public static class SixteenBitKernels
{
    /// <summary>fp16: the two passes convert with TensorPrimitives, as a user would.</summary>
    public static SixteenBitKernels<Half> Half { get; } =
        new(Llama3Half.ApplyRotary, g => g.Apply, TensorPrimitives.ConvertToSingle, TensorPrimitives.ConvertToHalf);

    /// <summary>bfloat16: TensorPrimitives has no bfloat16, so the two passes convert with RopeGen's FloatConvert.</summary>
    public static SixteenBitKernels<BFloat16> BFloat16 { get; } =
        new(Llama3Half.ApplyRotary, g => g.Apply, FloatConvert.ToSingle, FloatConvert.ToBFloat16);
}

/// <summary>
/// q (32 heads) and k (8 heads) of Llama-3.1-8B in a 16-bit type, rotated in place. <c>generated</c>: the class's
/// 16-bit fused overload; <c>copy</c>: the same 16-bit bytes copied into two other buffers; <c>generic</c>: RotaryKernel's
/// 16-bit overload; <c>twopass</c>: what a user writes without it (widen q and k into float buffers, the generated float
/// kernel, narrow back).
/// </summary>
public sealed class SixteenBitWorkload<T> : ISixteenBitWorkload where T : unmanaged
{
    private const int QueryHeads = 32, KeyHeads = 8;
    private readonly SixteenBitKernels<T> _kernels;
    private readonly FusedFn<T> _generic;
    private readonly T[] _q, _k, _qCopy, _kCopy;
    private readonly float[] _qFloat, _kFloat;
    private readonly int[] _positions;

    private SixteenBitWorkload(SixteenBitKernels<T> kernels, RotaryConfig config, int tokens, int firstPosition)
    {
        _kernels = kernels;
        _generic = kernels.Generic(new RotaryKernel(config));
        int d = config.HeadDim;
        var rng = new Random(42);
        _qFloat = Enumerable.Range(0, tokens * QueryHeads * d).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        _kFloat = Enumerable.Range(0, tokens * KeyHeads * d).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        _q = new T[_qFloat.Length];
        _k = new T[_kFloat.Length];
        kernels.Narrow(_qFloat, _q);
        kernels.Narrow(_kFloat, _k);
        _qCopy = new T[_q.Length];
        _kCopy = new T[_k.Length];
        _positions = Enumerable.Range(firstPosition, tokens).ToArray();
    }

    /// <summary>Llama-3.1-8B (the Llama3Half class): <paramref name="tokens"/> tokens from <paramref name="firstPosition"/>.</summary>
    public static SixteenBitWorkload<T> Llama3(SixteenBitKernels<T> kernels, int tokens, int firstPosition) =>
        new(kernels, Llama3Half.RopeGenRotary.Config, tokens, firstPosition);

    public void Generated() => _kernels.Generated(_q, QueryHeads, _k, KeyHeads, _positions);

    public void Copy()
    {
        _q.AsSpan().CopyTo(_qCopy);
        _k.AsSpan().CopyTo(_kCopy);
    }

    public void Generic() => _generic(_q, QueryHeads, _k, KeyHeads, _positions);

    public void TwoPass()
    {
        _kernels.Widen(_q, _qFloat);
        _kernels.Widen(_k, _kFloat);
        Llama3Half.ApplyRotary(_qFloat, QueryHeads, _kFloat, KeyHeads, _positions);
        _kernels.Narrow(_qFloat, _q);
        _kernels.Narrow(_kFloat, _k);
    }
}
