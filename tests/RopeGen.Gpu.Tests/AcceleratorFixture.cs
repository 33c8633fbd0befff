using System;
using System.Collections.Generic;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using RopeGen.Gpu;

namespace RopeGen.Gpu.Tests;

/// <summary>
/// One ILGPU context and CPU accelerator for the whole test run, and each configuration's GPU kernels, loaded once
/// (loading costs 150–190 ms the first time in a process, a few ms later).
/// </summary>
public sealed class AcceleratorFixture : IDisposable
{
    private readonly Context _context;
    private readonly Dictionary<string, IGpuRotary> _loaded = new();

    public AcceleratorFixture()
    {
        _context = Context.Create(builder => builder.CPU());
        Accelerator = _context.CreateCPUAccelerator(0);
    }

    public Accelerator Accelerator { get; }

    /// <summary>The case's kernels on the CPU accelerator, loaded on first use.</summary>
    internal IGpuRotary Kernels(GpuCase kernel) => Kernels(kernel.Name, kernel.Create);

    /// <summary>The kernels of the class named <paramref name="name"/>, made by <paramref name="create"/> on first use.</summary>
    internal T Kernels<T>(string name, Func<Accelerator, T> create) where T : IGpuRotary
    {
        lock (_loaded)
        {
            if (!_loaded.TryGetValue(name, out IGpuRotary? loaded))
                _loaded.Add(name, loaded = create(Accelerator));
            return (T)loaded;
        }
    }

    /// <summary>Copies <paramref name="data"/> and <paramref name="positions"/> to the device, launches, waits and returns the data.</summary>
    public T[] Run<T>(T[] data, int[] positions, Action<ArrayView<T>, ArrayView<int>> launch) where T : unmanaged
    {
        using MemoryBuffer1D<T, Stride1D.Dense> x = Accelerator.Allocate1D(data);
        using MemoryBuffer1D<int, Stride1D.Dense> p = Accelerator.Allocate1D(positions);
        launch(x.View, p.View);
        Accelerator.Synchronize();
        return x.GetAsArray1D();
    }

    /// <summary><see cref="Run"/> for two buffers, such as q and k.</summary>
    public (T[] A, T[] B) Run<T>(T[] a, T[] b, int[] positions, Action<ArrayView<T>, ArrayView<T>, ArrayView<int>> launch) where T : unmanaged
    {
        using MemoryBuffer1D<T, Stride1D.Dense> x = Accelerator.Allocate1D(a), y = Accelerator.Allocate1D(b);
        using MemoryBuffer1D<int, Stride1D.Dense> p = Accelerator.Allocate1D(positions);
        launch(x.View, y.View, p.View);
        Accelerator.Synchronize();
        return (x.GetAsArray1D(), y.GetAsArray1D());
    }

    public void Dispose()
    {
        foreach (IGpuRotary kernels in _loaded.Values) kernels.Dispose();
        Accelerator.Dispose();
        _context.Dispose();
    }
}

/// <summary>Every GPU test class shares the accelerator; tests in it run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AcceleratorCollection : ICollectionFixture<AcceleratorFixture>
{
    public const string Name = "ILGPU CPU accelerator";
}
