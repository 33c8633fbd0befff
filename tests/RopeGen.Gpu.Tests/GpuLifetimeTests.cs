using System;
using System.Linq;
using ILGPU;
using ILGPU.Runtime;
using RopeGen.Kernels.Tests;

namespace RopeGen.Gpu.Tests;

/// <summary>Argument checks before any launch, the device table's growth, and disposal.</summary>
[Collection(AcceleratorCollection.Name)]
public class GpuLifetimeTests(AcceleratorFixture gpu)
{
    private const int D = Llama3Half.RopeGenRotary.HeadDim;

    private static GpuCase Llama3 => GpuCase.All.Single(c => c.Name == nameof(Llama3Half));

    /// <summary>The call throws an <see cref="ArgumentException"/> naming <paramref name="messageParts"/>, and both buffers keep their values.</summary>
    private void AssertRejected(Action<ArrayView<float>, ArrayView<float>> call, params string[] messageParts)
    {
        float[] a = TestData.Random(4 * D, seed: 1), b = TestData.Random(4 * D, seed: 2);
        using var aDevice = gpu.Accelerator.Allocate1D(a);
        using var bDevice = gpu.Accelerator.Allocate1D(b);
        var error = Assert.ThrowsAny<ArgumentException>(() => call(aDevice.View, bDevice.View));
        gpu.Accelerator.Synchronize();
        foreach (string part in messageParts) Assert.Contains(part, error.Message);
        Assert.Equal(a, aDevice.GetAsArray1D());
        Assert.Equal(b, bDevice.GetAsArray1D());
    }

    private ArrayView<int> Positions(params int[] positions)
    {
        MemoryBuffer1D<int, Stride1D.Dense> buffer = gpu.Accelerator.Allocate1D(positions);
        return buffer.View; // freed with the accelerator
    }

    [Fact]
    public void LengthThatIsNotTokensTimesHeadsTimesHeadDim() =>
        AssertRejected((x, _) => gpu.Kernels(Llama3).Apply(x.SubView(0, x.Length - 212), Positions(0, 1, 2), 1), "x has 300 elements", "expected 384");

    [Fact]
    public void WholeTokensThatDisagreeWithThePositionsBlameThePositions() =>
        AssertRejected((x, _) => gpu.Kernels(Llama3).Apply(x, Positions(0, 1, 2), 1), "positions cover 3 tokens, but x has 512 elements", "4 tokens");

    [Fact]
    public void ZeroHeads() =>
        AssertRejected((x, _) => gpu.Kernels(Llama3).Apply(x, Positions(0, 1, 2, 3), 0), "numHeads is 0", "at least 1");

    [Fact]
    public void SequenceLengthBelowOne() =>
        AssertRejected((x, _) => gpu.Kernels(Llama3).Apply(x, Positions(0, 1, 2, 3), 1, 0), "sequenceLength is 0", "at least 1");

    [Fact]
    public void NegativePositionForADynamicKindWithoutALength()
    {
        // The dynamic kinds read the positions back to find the sequence length, and check them as the CPU kernels do.
        GpuCase dynamic = GpuCase.All.Single(c => c.Name == nameof(DynamicNtkHalf));
        float[] x = TestData.Random(2 * dynamic.Config.HeadDim, seed: 3);
        var error = Assert.Throws<ArgumentException>(() => gpu.Run(x, new[] { 0, -3 }, (v, p) => gpu.Kernels(dynamic).Apply(v, p, 1)));
        Assert.Contains("positions[1] is -3", error.Message);
    }

    // Fused calls check q and k together, as the CPU kernels' RotaryGuard.CheckFusedLayout does: the buffer that
    // disagrees is named, unless both hold the same whole number of tokens.
    [Fact]
    public void KeyLengthThatDisagreesWithThePositions() =>
        AssertRejected((q, k) => gpu.Kernels(Llama3).Apply(q, 2, k, 1, Positions(0, 1)), "k has 512 elements", "expected 256");

    [Fact]
    public void QueryLengthThatDisagreesWithThePositions() =>
        AssertRejected((q, k) => gpu.Kernels(Llama3).Apply(q, 1, k, 2, Positions(0, 1)), "q has 512 elements", "expected 256");

    [Fact]
    public void ShiftOfAPartialToken() =>
        AssertRejected((keys, _) => gpu.Kernels(Llama3).Shift(keys, 3, 1), "keys has 512 elements", "multiple of 384");

    [Fact]
    public void NoTokensLaunchNothing()
    {
        // ILGPU allocates no empty buffers: empty views.
        gpu.Kernels(Llama3).Apply(ArrayView<float>.Empty, ArrayView<int>.Empty, 8);
        gpu.Kernels(Llama3).Apply(ArrayView<float>.Empty, 32, ArrayView<float>.Empty, 8, ArrayView<int>.Empty);
        gpu.Kernels(Llama3).Shift(ArrayView<float>.Empty, 8, 5);
        gpu.Accelerator.Synchronize();
    }

    [Fact]
    public void TheDeviceTableStartsAt4096PositionsAndGrowsByDoublingUpToTheCap()
    {
        // Whatever the host table holds already (other tests grow it), the device copies only the rows asked for.
        using var rope = Llama3Half.CreateGpuRotary(gpu.Accelerator);
        Assert.Equal(4096, rope.CachedPositions);
        rope.Reserve(4000);
        Assert.Equal(4096, rope.CachedPositions);
        rope.Reserve(5000);
        Assert.Equal(8192, rope.CachedPositions);
        rope.Reserve(20_000);
        Assert.Equal(20_000, rope.CachedPositions);
        rope.Reserve(int.MaxValue);
        Assert.Equal(Llama3Half.RopeGenRotary.Table.MaxCachedPositions, rope.CachedPositions);
    }

    [Fact]
    public void ADisposedObjectRefusesWork()
    {
        var rope = Llama3Half.CreateGpuRotary(gpu.Accelerator);
        rope.Dispose();
        rope.Dispose(); // twice is harmless
        float[] x = TestData.Random(D, seed: 4);
        Assert.Throws<ObjectDisposedException>(() => gpu.Run(x, new[] { 0 }, (v, p) => rope.Apply(v, p, 1)));
        Assert.Throws<ObjectDisposedException>(() => gpu.Run(x, new[] { 0 }, (v, _) => rope.Shift(v, 1, 1)));
    }

    [Fact]
    public void ANullAcceleratorIsRejected() =>
        Assert.Equal("accelerator", Assert.Throws<ArgumentNullException>(() => Llama3Half.CreateGpuRotary(null!)).ParamName);
}
