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
/// The GPU kernels on fp16 (<see cref="ILGPU.Half"/>) and bfloat16 (<see cref="BFloat16"/>) views and RotateInto a KV
/// cache, for every scaling kind in both layouts: each 16-bit result is the GPU float kernel's result for the decoded
/// input rounded once, and within one unit in the last place (plus 2e-6) of the exact rotation (the CPU kernels' bounds,
/// <see cref="Sixteen.AssertRoundedOnce{T}"/>); a float cache row equals the in-place float rotation bit for bit.
/// </summary>
[Collection(AcceleratorCollection.Name)]
public class GpuPrecisionTests(AcceleratorFixture gpu)
{
    private static readonly int[] Positions = { 0, 3, 4095, 4096, 70_000, 999_999 };

    // The GPU overloads for the host type T: System.Half's bits go in ILGPU.Half views, BFloat16's in BFloat16 views.
    private static void Apply<T>(IGpuRotary rope, ArrayView<T> x, ArrayView<int> positions, int heads, int? length) where T : unmanaged
    {
        if (typeof(T) == typeof(Half) && length is int n) rope.Apply(x.Cast<ILGPU.Half>(), positions, heads, n);
        else if (typeof(T) == typeof(Half)) rope.Apply(x.Cast<ILGPU.Half>(), positions, heads);
        else if (length is int m) rope.Apply(x.Cast<BFloat16>(), positions, heads, m);
        else rope.Apply(x.Cast<BFloat16>(), positions, heads);
    }

    private static void Fused<T>(IGpuRotary rope, ArrayView<T> q, int queryHeads, ArrayView<T> k, int keyHeads, ArrayView<int> positions) where T : unmanaged
    {
        if (typeof(T) == typeof(Half)) rope.Apply(q.Cast<ILGPU.Half>(), queryHeads, k.Cast<ILGPU.Half>(), keyHeads, positions);
        else rope.Apply(q.Cast<BFloat16>(), queryHeads, k.Cast<BFloat16>(), keyHeads, positions);
    }

    private static void Shift<T>(IGpuRotary rope, ArrayView<T> keys, int heads, int delta) where T : unmanaged
    {
        if (typeof(T) == typeof(Half)) rope.Shift(keys.Cast<ILGPU.Half>(), heads, delta);
        else rope.Shift(keys.Cast<BFloat16>(), heads, delta);
    }

    private static void RotateInto<T>(IGpuRotary rope, ArrayView<float> source, ArrayView<int> positions, int heads, ArrayView<T> cache,
        ArrayView<int> slots, int? length) where T : unmanaged
    {
        if (typeof(T) == typeof(float) && length is int n) rope.RotateInto(source, positions, heads, cache.Cast<float>(), slots, n);
        else if (typeof(T) == typeof(float)) rope.RotateInto(source, positions, heads, cache.Cast<float>(), slots);
        else if (typeof(T) == typeof(Half) && length is int m) rope.RotateInto(source, positions, heads, cache.Cast<ILGPU.Half>(), slots, m);
        else if (typeof(T) == typeof(Half)) rope.RotateInto(source, positions, heads, cache.Cast<ILGPU.Half>(), slots);
        else if (length is int l) rope.RotateInto(source, positions, heads, cache.Cast<BFloat16>(), slots, l);
        else rope.RotateInto(source, positions, heads, cache.Cast<BFloat16>(), slots);
    }

    /// <summary>The GPU float rotation of <paramref name="x"/> in place, with or without a sequence length.</summary>
    private float[] FloatRotation(GpuCase kernel, float[] x, int[] positions, int heads, int? length) =>
        gpu.Run(x, positions, (v, p) =>
        {
            if (length is int n) gpu.Kernels(kernel).Apply(v, p, heads, n);
            else gpu.Kernels(kernel).Apply(v, p, heads);
        });

    private void InPlace<T>(GpuCase kernel, int? length) where T : unmanaged
    {
        const int heads = 3;
        int[] positions = length is int n ? new[] { 0, 7, 99, n - 1 } : Positions;
        T[] x = Sixteen.Round<T>(Random(positions.Length * heads * kernel.Config.HeadDim, 1));
        float[] widened = Sixteen.Widen(x);
        float[] expected = FloatRotation(kernel, widened, positions, heads, length);

        T[] rotated = gpu.Run(x, positions, (v, p) => Apply(gpu.Kernels(kernel), v, p, heads, length));

        Sixteen.AssertRoundedOnce<T>(rotated, expected, TestData.Reference(kernel.Config, widened, positions, heads, length ?? 0), $"{kernel.Name} {typeof(T).Name}");
    }

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void SixteenBitBuffersAreTheFloatRotationRoundedOnce(GpuCase kernel)
    {
        foreach (int? length in new int?[] { null, 5000, 1_000_000 })
        {
            InPlace<Half>(kernel, length);
            InPlace<BFloat16>(kernel, length);
        }
    }

    private void QueriesAndKeys<T>(GpuCase kernel) where T : unmanaged
    {
        int d = kernel.Config.HeadDim;
        T[] q = Sixteen.Round<T>(Random(Positions.Length * 4 * d, 2)), k = Sixteen.Round<T>(Random(Positions.Length * 2 * d, 3));
        float[] qWide = Sixteen.Widen(q), kWide = Sixteen.Widen(k);
        var (qExpected, kExpected) = gpu.Run(qWide, kWide, Positions, (qv, kv, p) => gpu.Kernels(kernel).Apply(qv, 4, kv, 2, p));

        var (qRotated, kRotated) = gpu.Run(q, k, Positions, (qv, kv, p) => Fused(gpu.Kernels(kernel), qv, 4, kv, 2, p));

        Sixteen.AssertRoundedOnce<T>(qRotated, qExpected, TestData.Reference(kernel.Config, qWide, Positions, 4), $"{kernel.Name} {typeof(T).Name} q");
        Sixteen.AssertRoundedOnce<T>(kRotated, kExpected, TestData.Reference(kernel.Config, kWide, Positions, 2), $"{kernel.Name} {typeof(T).Name} k");
    }

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void SixteenBitQueriesAndKeysAreTheFloatRotationRoundedOnce(GpuCase kernel)
    {
        QueriesAndKeys<Half>(kernel);
        QueriesAndKeys<BFloat16>(kernel);
    }

    private void Shifted<T>(GpuCase kernel) where T : unmanaged
    {
        const int heads = 2, delta = -300;
        T[] keys = Sixteen.Round<T>(Random(5 * heads * kernel.Config.HeadDim, 4));
        float[] widened = Sixteen.Widen(keys);
        double[] exact = widened.Select(v => (double)v).ToArray();
        RopeReference.Shift(kernel.Config, exact, heads, delta);
        float[] expected = gpu.Run(widened, new int[1], (v, _) => gpu.Kernels(kernel).Shift(v, heads, delta));

        T[] shifted = gpu.Run(keys, new int[1], (v, _) => Shift(gpu.Kernels(kernel), v, heads, delta));

        Sixteen.AssertRoundedOnce<T>(shifted, expected, exact, $"{kernel.Name} {typeof(T).Name}");
    }

    [Theory]
    [MemberData(nameof(GpuCase.StaticCases), MemberType = typeof(GpuCase))]
    public void SixteenBitShiftIsTheFloatShiftRoundedOnce(GpuCase kernel)
    {
        Shifted<Half>(kernel);
        Shifted<BFloat16>(kernel);
    }

    [Theory]
    [MemberData(nameof(GpuCase.DynamicCases), MemberType = typeof(GpuCase))]
    public void SixteenBitShiftRefusesTheDynamicKinds(GpuCase kernel)
    {
        Half[] keys = Sixteen.Round<Half>(Random(2 * kernel.Config.HeadDim, 5));
        Assert.Throws<NotSupportedException>(() => gpu.Run(keys, new int[1], (v, _) => Shift(gpu.Kernels(kernel), v, 2, 9)));
        Assert.Throws<NotSupportedException>(() => gpu.Run(Sixteen.Round<BFloat16>(Sixteen.Widen(keys)), new int[1], (v, _) => Shift(gpu.Kernels(kernel), v, 2, 9)));
    }

    // A ring buffer of 16 rows: new keys at positions past the first device rows and the table's cap, wrapping around its end.
    private const int Capacity = 16;
    private static readonly int[] CachePositions = { 13, 14, 15, 16, 17, 65536, 999_999 };
    private static readonly int[] Slots = CachePositions.Select((_, t) => (12 + t) % Capacity).ToArray();

    private void IntoCache<T>(GpuCase kernel, int? length) where T : unmanaged
    {
        const int heads = 2;
        int row = heads * kernel.Config.HeadDim;
        float[] source = Random(CachePositions.Length * row, 6);
        T[] cache = Sixteen.Round<T>(Random(Capacity * row, 7));
        float[] expected = FloatRotation(kernel, source, CachePositions, heads, length);
        double[] exact = TestData.Reference(kernel.Config, source, CachePositions, heads, length ?? 0);

        Accelerator accelerator = gpu.Accelerator;
        using MemoryBuffer1D<float, Stride1D.Dense> sourceDevice = accelerator.Allocate1D(source);
        using MemoryBuffer1D<T, Stride1D.Dense> cacheDevice = accelerator.Allocate1D(cache);
        using MemoryBuffer1D<int, Stride1D.Dense> positions = accelerator.Allocate1D(CachePositions), slots = accelerator.Allocate1D(Slots);
        RotateInto<T>(gpu.Kernels(kernel), sourceDevice.View, positions.View, heads, cacheDevice.View, slots.View, length);
        accelerator.Synchronize();
        T[] written = cacheDevice.GetAsArray1D();

        Assert.Equal(source, sourceDevice.GetAsArray1D());
        Sixteen.AssertCacheRows<T>(written, cache, Slots, row, expected, exact, $"{kernel.Name} {typeof(T).Name}");
    }

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void RotateIntoWritesTheRotatedKeysIntoTheirCacheRowsOnly(GpuCase kernel)
    {
        foreach (int? length in new int?[] { null, 1_200_000 })
        {
            IntoCache<float>(kernel, length);
            IntoCache<Half>(kernel, length);
            IntoCache<BFloat16>(kernel, length);
        }
    }

    [Fact]
    public void BadSlotsAreRejectedBeforeAnythingIsWritten()
    {
        GpuCase kernel = GpuCase.All.Single(c => c.Name == nameof(Llama3Half));
        int row = 2 * kernel.Config.HeadDim;
        float[] source = Random(3 * row, 8);
        Half[] cache = Sixteen.Round<Half>(Random(4 * row, 9));

        void Rejected(int[] slots, params string[] parts)
        {
            Accelerator accelerator = gpu.Accelerator;
            using MemoryBuffer1D<float, Stride1D.Dense> sourceDevice = accelerator.Allocate1D(source);
            using MemoryBuffer1D<Half, Stride1D.Dense> cacheDevice = accelerator.Allocate1D(cache);
            using MemoryBuffer1D<int, Stride1D.Dense> positions = accelerator.Allocate1D(new[] { 1, 2, 3 }), slotsDevice = accelerator.Allocate1D(slots);
            var error = Assert.ThrowsAny<ArgumentException>(() => RotateInto<Half>(gpu.Kernels(kernel), sourceDevice.View, positions.View, 2, cacheDevice.View, slotsDevice.View, null));
            accelerator.Synchronize();
            Assert.Equal("slots", error.ParamName);
            foreach (string part in parts) Assert.Contains(part, error.Message);
            Assert.Equal(cache, cacheDevice.GetAsArray1D());
        }

        Rejected(new[] { 0, 4, 1 }, "slots[1] is 4", "from 0 to 3");
        Rejected(new[] { 2, 0, 2 }, "slots[2] is 2, like slots[0]");
        Rejected(new[] { 0, 1 }, "slots has 2 entries; expected 3");
    }
}
