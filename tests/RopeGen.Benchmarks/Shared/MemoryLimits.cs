using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RopeGen.Benchmarks;

/// <summary>
/// The memory floor of an in-place kernel such as RoPE, which reads and writes every float of its buffer once: the same
/// buffer read, multiplied and written back (<c>x *= c</c>), with 512-bit and with 256-bit vectors (which is faster
/// depends on the machine and on whether the data fits in cache: take the faster). A copy into a second buffer is no
/// such bound: it also has to fetch the destination's lines before writing them. Both loops are compiled fully optimized
/// at once (a short warm-up could otherwise time their unoptimized or on-stack-replaced code).
/// </summary>
public static class MemoryLimits
{
    /// <summary><c>x *= c</c> with Vector512 (software-emulated where not accelerated: compare with <see cref="Scale256"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Scale512(Span<float> x, float c)
    {
        ref float r = ref MemoryMarshal.GetReference(x);
        var factor = Vector512.Create(c);
        int i = 0;
        for (; i + 16 <= x.Length; i += 16) (Vector512.LoadUnsafe(ref r, (nuint)i) * factor).StoreUnsafe(ref r, (nuint)i);
        Scale256(x[i..], c);
    }

    /// <summary><c>x *= c</c> with Vector256 (and the last floats one at a time).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Scale256(Span<float> x, float c)
    {
        ref float r = ref MemoryMarshal.GetReference(x);
        var factor = Vector256.Create(c);
        int i = 0;
        for (; i + 8 <= x.Length; i += 8) (Vector256.LoadUnsafe(ref r, (nuint)i) * factor).StoreUnsafe(ref r, (nuint)i);
        for (; i < x.Length; i++) Unsafe.Add(ref r, i) *= c;
    }
}
