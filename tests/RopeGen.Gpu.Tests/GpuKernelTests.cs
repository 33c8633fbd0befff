using System;
using System.Linq;
using ILGPU.Runtime;
using RopeGen.Kernels.Tests;

namespace RopeGen.Gpu.Tests;

/// <summary>
/// Every generated GPU operation of every scaling kind in both layouts, on ILGPU's CPU accelerator, against the class's
/// CPU kernels and the double-precision reference.
/// </summary>
[Collection(AcceleratorCollection.Name)]
public class GpuKernelTests(AcceleratorFixture gpu)
{
    // The CPU kernels' accuracy bound (|x| <= 3, positions up to 1,000,000), held by the GPU kernels too.
    private const double Tolerance = 2e-6;

    // Inside the first device rows, just past them (computed in the kernel), past the host table's cap, and large.
    private static readonly int[] Positions = { 0, 3, 4095, 4096, 70_000, 999_999 };

    private static void AssertClose(GpuCase kernel, string what, float[] actual, float[] cpu, double[] exact)
    {
        double vsCpu = actual.Zip(cpu, (a, c) => (double)Math.Abs(a - c)).Max();
        double vsExact = TestData.MaxError(actual, exact);
        Assert.True(vsCpu <= Tolerance && vsExact <= Tolerance,
            $"{kernel.Name} {what}: max |gpu - cpu| {vsCpu:E2}, max |gpu - exact| {vsExact:E2}, bound {Tolerance:E0}");
    }

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void ApplyMatchesTheCpuKernelAndTheReference(GpuCase kernel)
    {
        const int heads = 3;
        float[] x = TestData.Random(Positions.Length * heads * kernel.Config.HeadDim, seed: 1), cpu = x.ToArray();
        kernel.Apply(cpu, Positions, heads);

        float[] rotated = gpu.Run(x, Positions, (v, p) => gpu.Kernels(kernel).Apply(v, p, heads));

        AssertClose(kernel, "Apply", rotated, cpu, TestData.Reference(kernel.Config, x, Positions, heads));
    }

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void ApplyWithSequenceLengthMatchesTheCpuKernelAndTheReference(GpuCase kernel)
    {
        // Within every original context, past LongRoPE's and dynamic NTK's, past the first device rows (the device table
        // grows), and long.
        foreach (int length in new[] { 100, 4097, 5000, 1_000_000 })
        {
            int[] positions = { 0, 7, 99, length - 1 };
            float[] x = TestData.Random(positions.Length * 2 * kernel.Config.HeadDim, seed: length), cpu = x.ToArray();
            kernel.ApplyWithLength(cpu, positions, 2, length);

            float[] rotated = gpu.Run(x, positions, (v, p) => gpu.Kernels(kernel).Apply(v, p, 2, length));

            AssertClose(kernel, $"Apply(sequenceLength {length})", rotated, cpu, TestData.Reference(kernel.Config, x, positions, 2, length));
        }
    }

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void FusedQueryKeyMatchesTheCpuKernelAndTheReference(GpuCase kernel)
    {
        // Grouped-query attention: 4 query heads share 2 key/value heads.
        int d = kernel.Config.HeadDim;
        float[] q = TestData.Random(Positions.Length * 4 * d, seed: 2), k = TestData.Random(Positions.Length * 2 * d, seed: 3);
        float[] qCpu = q.ToArray(), kCpu = k.ToArray();
        kernel.ApplyFused(qCpu, 4, kCpu, 2, Positions);

        Accelerator accelerator = gpu.Accelerator;
        using var qDevice = accelerator.Allocate1D(q);
        using var kDevice = accelerator.Allocate1D(k);
        using var positions = accelerator.Allocate1D(Positions);
        gpu.Kernels(kernel).Apply(qDevice.View, 4, kDevice.View, 2, positions.View);
        accelerator.Synchronize();

        AssertClose(kernel, "fused q", qDevice.GetAsArray1D(), qCpu, TestData.Reference(kernel.Config, q, Positions, 4));
        AssertClose(kernel, "fused k", kDevice.GetAsArray1D(), kCpu, TestData.Reference(kernel.Config, k, Positions, 2));
    }

    [Theory]
    [MemberData(nameof(GpuCase.StaticCases), MemberType = typeof(GpuCase))]
    public void ShiftMatchesTheCpuKernelAndTheReference(GpuCase kernel)
    {
        foreach (int delta in new[] { -300, 70_000 })
        {
            float[] keys = TestData.Random(5 * 2 * kernel.Config.HeadDim, seed: 4), cpu = keys.ToArray();
            double[] exact = keys.Select(v => (double)v).ToArray();
            kernel.Shift(cpu, 2, delta);
            RopeReference.Shift(kernel.Config, exact, 2, delta);

            float[] shifted = gpu.Run(keys, new int[1], (v, _) => gpu.Kernels(kernel).Shift(v, 2, delta));

            AssertClose(kernel, $"Shift({delta})", shifted, cpu, exact);
        }
    }

    [Theory]
    [MemberData(nameof(GpuCase.DynamicCases), MemberType = typeof(GpuCase))]
    public void ShiftRefusesTheDynamicKinds(GpuCase kernel)
    {
        float[] keys = TestData.Random(2 * kernel.Config.HeadDim, seed: 5);
        Assert.Throws<NotSupportedException>(() => gpu.Run(keys, new int[1], (v, _) => gpu.Kernels(kernel).Shift(v, 2, 9)));
    }

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void PositionsOutsideTheTableAreComputedNeverRead(GpuCase kernel)
    {
        // A negative position rotates backwards (the kernel never reads before the table): -p, then +p, restores x
        // times the attention factor squared. The largest int is computed too, never read past the table.
        const int heads = 2;
        int d = kernel.Config.HeadDim, length = 100_001;
        int[] backwards = { -5, -4096, -100_000 }, forwards = { 5, 4096, 100_000 };
        float[] x = TestData.Random(backwards.Length * heads * d, seed: 6);

        float[] back = gpu.Run(x, backwards, (v, p) => gpu.Kernels(kernel).Apply(v, p, heads, length));
        float[] restored = gpu.Run(back, forwards, (v, p) => gpu.Kernels(kernel).Apply(v, p, heads, length));

        double factor = Math.Pow(RopeFrequencies.AttentionFactor(kernel.Config), 2);
        for (int i = 0; i < x.Length; i++)
        {
            bool rotated = i % d < kernel.Config.EffectiveRotaryDim;
            Assert.True(Math.Abs(restored[i] - (rotated ? x[i] * factor : x[i])) <= 4 * Tolerance, $"{kernel.Name}: element {i}");
        }
        float[] far = gpu.Run(TestData.Random(heads * d, seed: 7), new[] { int.MaxValue }, (v, p) => gpu.Kernels(kernel).Apply(v, p, heads, 1));
        Assert.All(far, v => Assert.True(float.IsFinite(v) && Math.Abs(v) <= 3 * 2 * factor));
    }

    [Theory]
    [MemberData(nameof(GpuCase.Cases), MemberType = typeof(GpuCase))]
    public void DimsPastTheRotaryDimAndNeighbouringMemoryAreUntouched(GpuCase kernel)
    {
        int d = kernel.Config.HeadDim, rotary = kernel.Config.EffectiveRotaryDim, heads = 2;
        int[] positions = { 9, 100_000 };
        float[] buffer = TestData.Random(positions.Length * heads * d + 64, seed: 8);

        float[] after = gpu.Run(buffer, positions, (v, p) => gpu.Kernels(kernel).Apply(v.SubView(32, positions.Length * heads * d), p, heads));

        TestData.AssertOnlyRotatedDimsChanged(buffer, after, 32, d, rotary);
    }
}
