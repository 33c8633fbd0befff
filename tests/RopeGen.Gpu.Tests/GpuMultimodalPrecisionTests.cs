using System;
using System.Linq;
using ILGPU;
using ILGPU.Runtime;
using RopeGen.Kernels.Tests;
using RopeGen.Testing;
using static RopeGen.Testing.Buffers;
using Half = System.Half;

namespace RopeGen.Gpu.Tests;

/// <summary>
/// M-RoPE on the GPU with fp16 and bfloat16 views and <c>RotateMultimodalInto</c> a KV cache, for both section schemes
/// and both layouts: each 16-bit result is the GPU float M-RoPE of the decoded input rounded once, within one unit in the
/// last place (plus 2e-6) of the exact rotation (<see cref="RopeReference.ApplyMultimodal"/>); text ids give the plain
/// 16-bit rotation bit for bit; a float cache row equals the in-place float M-RoPE bit for bit; bad slots write nothing.
/// </summary>
[Collection(AcceleratorCollection.Name)]
public class GpuMultimodalPrecisionTests(AcceleratorFixture gpu)
{
    // Five tokens: text, an image patch grid, a patch past the first device rows, one past the table's cap.
    private static readonly int[] Positions =
        new[] { 0, 4, 4, 4, 70_000 }.Concat(new[] { 0, 4, 5, 4200, 70_003 }).Concat(new[] { 0, 4, 6, 4300, 65_540 }).ToArray();

    private const int Tokens = 5;

    private IGpuMultimodalRotary Kernels(MultimodalCase kernel) => gpu.Kernels(kernel.Name, kernel.Create);

    private static double[] Exact(RotaryConfig config, float[] input, int[] positions, int heads)
    {
        double[] exact = input.Select(v => (double)v).ToArray();
        RopeReference.ApplyMultimodal(config, exact, positions, heads);
        return exact;
    }

    // The GPU overloads for the host type T: System.Half's bits go in ILGPU.Half views, BFloat16's in BFloat16 views.
    private static void Apply<T>(IGpuMultimodalRotary rope, ArrayView<T> x, ArrayView<int> positions, int heads, int? length) where T : unmanaged
    {
        if (typeof(T) == typeof(Half) && length is int n) rope.ApplyMultimodal(x.Cast<ILGPU.Half>(), positions, heads, n);
        else if (typeof(T) == typeof(Half)) rope.ApplyMultimodal(x.Cast<ILGPU.Half>(), positions, heads);
        else if (length is int m) rope.ApplyMultimodal(x.Cast<BFloat16>(), positions, heads, m);
        else rope.ApplyMultimodal(x.Cast<BFloat16>(), positions, heads);
    }

    private static void Fused<T>(IGpuMultimodalRotary rope, ArrayView<T> q, int queryHeads, ArrayView<T> k, int keyHeads, ArrayView<int> positions) where T : unmanaged
    {
        if (typeof(T) == typeof(Half)) rope.ApplyMultimodal(q.Cast<ILGPU.Half>(), queryHeads, k.Cast<ILGPU.Half>(), keyHeads, positions);
        else rope.ApplyMultimodal(q.Cast<BFloat16>(), queryHeads, k.Cast<BFloat16>(), keyHeads, positions);
    }

    private static void RotateInto<T>(IGpuMultimodalRotary rope, ArrayView<float> source, ArrayView<int> positions, int heads, ArrayView<T> cache,
        ArrayView<int> slots, int? length) where T : unmanaged
    {
        if (typeof(T) == typeof(float) && length is int n) rope.RotateMultimodalInto(source, positions, heads, cache.Cast<float>(), slots, n);
        else if (typeof(T) == typeof(float)) rope.RotateMultimodalInto(source, positions, heads, cache.Cast<float>(), slots);
        else if (typeof(T) == typeof(Half) && length is int m) rope.RotateMultimodalInto(source, positions, heads, cache.Cast<ILGPU.Half>(), slots, m);
        else if (typeof(T) == typeof(Half)) rope.RotateMultimodalInto(source, positions, heads, cache.Cast<ILGPU.Half>(), slots);
        else if (length is int l) rope.RotateMultimodalInto(source, positions, heads, cache.Cast<BFloat16>(), slots, l);
        else rope.RotateMultimodalInto(source, positions, heads, cache.Cast<BFloat16>(), slots);
    }

    private void InPlace<T>(MultimodalCase kernel, int? length) where T : unmanaged
    {
        const int heads = 3;
        T[] x = Sixteen.Round<T>(Random(Tokens * heads * kernel.Config.HeadDim, 1));
        float[] widened = Sixteen.Widen(x);
        float[] expected = gpu.Run(widened, Positions, (v, p) => Kernels(kernel).ApplyMultimodal(v, p, heads));

        T[] rotated = gpu.Run(x, Positions, (v, p) => Apply(Kernels(kernel), v, p, heads, length));

        Sixteen.AssertRoundedOnce<T>(rotated, expected, Exact(kernel.Config, widened, Positions, heads), $"{kernel.Name} {typeof(T).Name}, length {length}");
    }

    private void QueriesAndKeys<T>(MultimodalCase kernel) where T : unmanaged
    {
        int d = kernel.Config.HeadDim;
        T[] q = Sixteen.Round<T>(Random(Tokens * 4 * d, 2)), k = Sixteen.Round<T>(Random(Tokens * 2 * d, 3));
        float[] qWide = Sixteen.Widen(q), kWide = Sixteen.Widen(k);
        var (qExpected, kExpected) = gpu.Run(qWide, kWide, Positions, (qv, kv, p) => Kernels(kernel).ApplyMultimodal(qv, 4, kv, 2, p));

        var (qRotated, kRotated) = gpu.Run(q, k, Positions, (qv, kv, p) => Fused(Kernels(kernel), qv, 4, kv, 2, p));

        Sixteen.AssertRoundedOnce<T>(qRotated, qExpected, Exact(kernel.Config, qWide, Positions, 4), $"{kernel.Name} {typeof(T).Name} q");
        Sixteen.AssertRoundedOnce<T>(kRotated, kExpected, Exact(kernel.Config, kWide, Positions, 2), $"{kernel.Name} {typeof(T).Name} k");
    }

    [Theory]
    [MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void SixteenBitBuffersAreTheFloatRotationRoundedOnce(MultimodalCase kernel)
    {
        foreach (int? length in new int?[] { null, 80_000 })
        {
            InPlace<Half>(kernel, length);
            InPlace<BFloat16>(kernel, length);
        }
        QueriesAndKeys<Half>(kernel);
        QueriesAndKeys<BFloat16>(kernel);
    }

    private void Text<T>(MultimodalCase kernel) where T : unmanaged
    {
        const int heads = 2;
        int[] text = { 0, 9, 4097, 70_000 };
        T[] x = Sixteen.Round<T>(Random(text.Length * heads * kernel.Config.HeadDim, 4));
        T[] plain = gpu.Run(x, text, (v, p) =>
        {
            if (typeof(T) == typeof(Half)) Kernels(kernel).Apply(v.Cast<ILGPU.Half>(), p, heads);
            else Kernels(kernel).Apply(v.Cast<BFloat16>(), p, heads);
        });

        T[] multimodal = gpu.Run(x, text.Concat(text).Concat(text).ToArray(), (v, p) => Apply(Kernels(kernel), v, p, heads, null));

        Assert.Equal(plain.Select(Sixteen.Bits), multimodal.Select(Sixteen.Bits));
    }

    [Theory]
    [MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void SixteenBitTextTokensArePlainRopeBitForBit(MultimodalCase kernel)
    {
        Text<Half>(kernel);
        Text<BFloat16>(kernel);
    }

    // A ring buffer of 8 rows, wrapping around its end.
    private const int Capacity = 8;
    private static readonly int[] Slots = { 6, 7, 0, 1, 2 };

    private void IntoCache<T>(MultimodalCase kernel, int? length) where T : unmanaged
    {
        const int heads = 2;
        int row = heads * kernel.Config.HeadDim;
        float[] source = Random(Tokens * row, 6);
        T[] cache = Sixteen.Round<T>(Random(Capacity * row, 7));
        float[] expected = gpu.Run(source, Positions, (v, p) => Kernels(kernel).ApplyMultimodal(v, p, heads));

        Accelerator accelerator = gpu.Accelerator;
        using MemoryBuffer1D<float, Stride1D.Dense> sourceDevice = accelerator.Allocate1D(source);
        using MemoryBuffer1D<T, Stride1D.Dense> cacheDevice = accelerator.Allocate1D(cache);
        using MemoryBuffer1D<int, Stride1D.Dense> positions = accelerator.Allocate1D(Positions), slots = accelerator.Allocate1D(Slots);
        RotateInto<T>(Kernels(kernel), sourceDevice.View, positions.View, heads, cacheDevice.View, slots.View, length);
        accelerator.Synchronize();
        T[] written = cacheDevice.GetAsArray1D();

        Assert.Equal(source, sourceDevice.GetAsArray1D());
        Sixteen.AssertCacheRows<T>(written, cache, Slots, row, expected, Exact(kernel.Config, source, Positions, heads), $"{kernel.Name} {typeof(T).Name}");
    }

    [Theory]
    [MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void RotateMultimodalIntoWritesTheRotatedKeysIntoTheirCacheRowsOnly(MultimodalCase kernel)
    {
        foreach (int? length in new int?[] { null, 1_200_000 })
        {
            IntoCache<float>(kernel, length);
            IntoCache<Half>(kernel, length);
            IntoCache<BFloat16>(kernel, length);
        }
    }

    [Fact]
    public void BadSlotsAndPositionsAreRejectedBeforeAnythingIsWritten()
    {
        MultimodalCase kernel = MultimodalCase.All[1];
        int row = kernel.Config.HeadDim;
        float[] source = Random(3 * row, 8);
        Half[] cache = Sixteen.Round<Half>(Random(4 * row, 9));

        void Rejected(int[] ids, int[] slots, params string[] parts)
        {
            Accelerator accelerator = gpu.Accelerator;
            using MemoryBuffer1D<float, Stride1D.Dense> sourceDevice = accelerator.Allocate1D(source);
            using MemoryBuffer1D<Half, Stride1D.Dense> cacheDevice = accelerator.Allocate1D(cache);
            using MemoryBuffer1D<int, Stride1D.Dense> positions = accelerator.Allocate1D(ids), slotsDevice = accelerator.Allocate1D(slots);
            var error = Assert.ThrowsAny<ArgumentException>(() => RotateInto<Half>(Kernels(kernel), sourceDevice.View, positions.View, 1, cacheDevice.View, slotsDevice.View, null));
            accelerator.Synchronize();
            foreach (string part in parts) Assert.Contains(part, error.Message);
            Assert.Equal(cache, cacheDevice.GetAsArray1D());
            Assert.Equal(source, sourceDevice.GetAsArray1D());
        }

        int[] three = { 1, 2, 3, 1, 5, 6, 1, 7, 8 };
        Rejected(three, new[] { 0, 4, 1 }, "slots[1] is 4", "from 0 to 3");
        Rejected(three, new[] { 2, 0, 2 }, "slots[2] is 2, like slots[0]");
        Rejected(three, new[] { 0, 1 }, "slots has 2 entries; expected 3");
        Rejected(new[] { 1, 2, 3, 4 }, new[] { 0, 1, 2 }, "expected 3 × tokens");
    }
}
