using System;
using System.Linq;
using System.Reflection;

namespace RopeGen.Kernels.Tests;

public delegate void ApplyFn<T>(Span<T> x, ReadOnlySpan<int> positions, int numHeads);
public delegate void ApplyLengthFn<T>(Span<T> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength);
public delegate void FusedFn<T>(Span<T> q, int numQueryHeads, Span<T> k, int numKeyValueHeads, ReadOnlySpan<int> positions);
public delegate void FusedLengthFn<T>(Span<T> q, int numQueryHeads, Span<T> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int sequenceLength);
public delegate void ShiftFn<T>(Span<T> keys, int numHeads, int delta);
public delegate void RotateIntoFn<T>(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<T> cache, ReadOnlySpan<int> slots);
public delegate void RotateIntoLengthFn<T>(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<T> cache, ReadOnlySpan<int> slots, int sequenceLength);

/// <summary>
/// A generated class's Half or BFloat16 kernels (<typeparamref name="T"/>), bound by signature from the class that
/// <see cref="KernelCase.Name"/> names, so every case of <see cref="KernelCase.All"/> is covered.
/// </summary>
public sealed record StagedKernels<T>(
    ApplyFn<T> Apply,
    ApplyLengthFn<T> ApplyWithLength,
    FusedFn<T> Fused,
    FusedLengthFn<T> FusedWithLength,
    ShiftFn<T> Shift)
{
    public static StagedKernels<T> Of(KernelCase kernel)
    {
        Type type = KernelTypes.Of(kernel);
        return new(KernelTypes.Bind<ApplyFn<T>>(type, "ApplyRotary"), KernelTypes.Bind<ApplyLengthFn<T>>(type, "ApplyRotary"),
            KernelTypes.Bind<FusedFn<T>>(type, "ApplyRotary"), KernelTypes.Bind<FusedLengthFn<T>>(type, "ApplyRotary"),
            KernelTypes.Bind<ShiftFn<T>>(type, "ShiftRotary"));
    }
}

/// <summary>A generated class's <c>RotateInto</c> into a cache of <typeparamref name="T"/> (float, Half, BFloat16).</summary>
public sealed record CacheKernels<T>(RotateIntoFn<T> RotateInto, RotateIntoLengthFn<T> RotateIntoWithLength)
{
    public static CacheKernels<T> Of(KernelCase kernel)
    {
        Type type = KernelTypes.Of(kernel);
        return new(KernelTypes.Bind<RotateIntoFn<T>>(type, "RotateInto"), KernelTypes.Bind<RotateIntoLengthFn<T>>(type, "RotateInto"));
    }
}

internal static class KernelTypes
{
    /// <summary>The generated class a case names (the cases live in this namespace).</summary>
    public static Type Of(KernelCase kernel) =>
        typeof(KernelCase).Assembly.GetType(typeof(KernelCase).Namespace + "." + kernel.Name)
        ?? throw new InvalidOperationException($"No class {kernel.Name} for the case of that name.");

    /// <summary>The public static method <paramref name="name"/> whose parameters are those of <typeparamref name="TDelegate"/>.</summary>
    public static TDelegate Bind<TDelegate>(Type type, string name) where TDelegate : Delegate
    {
        Type[] parameters = typeof(TDelegate).GetMethod("Invoke")!.GetParameters().Select(p => p.ParameterType).ToArray();
        MethodInfo method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, parameters)
            ?? throw new InvalidOperationException($"{type.Name} has no {name}({string.Join(", ", parameters.Select(p => p.Name))}).");
        return method.CreateDelegate<TDelegate>();
    }
}
