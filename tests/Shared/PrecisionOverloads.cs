using System;

namespace RopeGen.Testing;

/// <summary>
/// One kernel's overloads for one element type <typeparamref name="T"/> (float, Half or BFloat16), bound by name and
/// signature: a generated class's <c>ApplyRotary</c> / <c>ShiftRotary</c> / <c>RotateInto</c>, or a
/// <see cref="RotaryKernel"/>'s <c>Apply</c> / <c>Shift</c> / <c>RotateInto</c>; or their M-RoPE forms (positions
/// <c>[3, tokens]</c>). For float they are the float kernels the 16-bit results are checked against.
/// </summary>
internal sealed class PrecisionOverloads<T>
{
    public delegate void ApplyFn(Span<T> x, ReadOnlySpan<int> positions, int numHeads);
    public delegate void ApplyLengthFn(Span<T> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength);
    public delegate void FusedFn(Span<T> q, int numQueryHeads, Span<T> k, int numKeyValueHeads, ReadOnlySpan<int> positions);
    public delegate void FusedLengthFn(Span<T> q, int numQueryHeads, Span<T> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int sequenceLength);
    public delegate void ShiftFn(Span<T> keys, int numHeads, int delta);
    public delegate void RotateIntoFn(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<T> cache, ReadOnlySpan<int> slots);
    public delegate void RotateIntoLengthFn(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<T> cache, ReadOnlySpan<int> slots,
        int sequenceLength);

    /// <summary>A generated class's overloads.</summary>
    public static PrecisionOverloads<T> Generated(Type type, RotaryConfig config) =>
        new(config, (t, name) => Delegate.CreateDelegate(t, type, name), "ApplyRotary", "ShiftRotary", "RotateInto");

    /// <summary>A generated M-RoPE class's <c>ApplyMultimodalRotary</c> and <c>RotateMultimodalInto</c> (and <c>ShiftRotary</c>).</summary>
    public static PrecisionOverloads<T> GeneratedMultimodal(Type type, RotaryConfig config) =>
        new(config, (t, name) => Delegate.CreateDelegate(t, type, name), "ApplyMultimodalRotary", "ShiftRotary", "RotateMultimodalInto");

    /// <summary>A run-time kernel's overloads.</summary>
    public static PrecisionOverloads<T> Runtime(RotaryKernel kernel) =>
        new(kernel.Config, (t, name) => Delegate.CreateDelegate(t, kernel, name), "Apply", "Shift", "RotateInto");

    /// <summary>A run-time M-RoPE kernel's <c>ApplyMultimodal</c> and <c>RotateMultimodalInto</c> (and <c>Shift</c>).</summary>
    public static PrecisionOverloads<T> RuntimeMultimodal(RotaryKernel kernel) =>
        new(kernel.Config, (t, name) => Delegate.CreateDelegate(t, kernel, name), "ApplyMultimodal", "Shift", "RotateMultimodalInto");

    private PrecisionOverloads(RotaryConfig config, Func<Type, string, Delegate> bind, string apply, string shift, string rotateInto)
    {
        TDelegate Bind<TDelegate>(string name) where TDelegate : Delegate => (TDelegate)bind(typeof(TDelegate), name);
        Config = config;
        Apply = Bind<ApplyFn>(apply);
        ApplyWithLength = Bind<ApplyLengthFn>(apply);
        Fused = Bind<FusedFn>(apply);
        FusedWithLength = Bind<FusedLengthFn>(apply);
        Shift = Bind<ShiftFn>(shift);
        RotateInto = Bind<RotateIntoFn>(rotateInto);
        RotateIntoWithLength = Bind<RotateIntoLengthFn>(rotateInto);
    }

    public RotaryConfig Config { get; }
    public ApplyFn Apply { get; }
    public ApplyLengthFn ApplyWithLength { get; }
    public FusedFn Fused { get; }
    public FusedLengthFn FusedWithLength { get; }
    public ShiftFn Shift { get; }
    public RotateIntoFn RotateInto { get; }
    public RotateIntoLengthFn RotateIntoWithLength { get; }
}
