using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ILGPU;
using ILGPU.Runtime;

namespace RopeGen.Samples;

/// <summary>
/// Opens the best accelerator present: a CUDA device, else an OpenCL device, else ILGPU's CPU accelerator (which
/// simulates GPU threads on the CPU: correct, but slow). A device whose accelerator or kernels fail to load (an OpenCL
/// device without double precision, say) is reported and skipped.
/// </summary>
public static class BestAccelerator
{
    /// <summary>A context with every accelerator kind enabled; ILGPU finds the CUDA and OpenCL devices the machine has.</summary>
    public static Context CreateContext() => Context.Create(builder => builder.AllAccelerators());

    /// <summary>The devices in the order they are tried: CUDA, OpenCL, CPU.</summary>
    public static IEnumerable<Device> Candidates(Context context) =>
        context.Devices.OrderBy(d => d.AcceleratorType switch
        {
            AcceleratorType.Cuda => 0,
            AcceleratorType.OpenCL => 1,
            _ => 2,
        });

    /// <summary>
    /// The first candidate whose accelerator opens and on which <paramref name="load"/> (loading kernels) succeeds, with
    /// what it loaded. Failures are written to <paramref name="log"/>.
    /// </summary>
    public static (Accelerator Accelerator, T Loaded) Open<T>(Context context, Func<Accelerator, T> load, TextWriter log)
    {
        foreach (Device device in Candidates(context))
        {
            Accelerator? accelerator = null;
            try
            {
                accelerator = device.CreateAccelerator(context);
                return (accelerator, load(accelerator));
            }
            catch (Exception e) when (device.AcceleratorType != AcceleratorType.CPU)
            {
                log.WriteLine($"{Describe(device)}: skipped ({e.GetType().Name}: {e.Message})");
                accelerator?.Dispose();
            }
        }
        throw new InvalidOperationException("ILGPU found no accelerator, not even its CPU accelerator.");
    }

    /// <summary>The kind and name of a device, e.g. "CUDA: NVIDIA H100 80GB HBM3 (79.1 GiB)".</summary>
    public static string Describe(Device device) => device.AcceleratorType switch
    {
        AcceleratorType.Cuda => $"CUDA: {device.Name} ({device.MemorySize / (1024.0 * 1024 * 1024):0.0} GiB)",
        AcceleratorType.OpenCL => $"OpenCL: {device.Name} ({device.MemorySize / (1024.0 * 1024 * 1024):0.0} GiB)",
        _ => "ILGPU's CPU accelerator (it simulates GPU threads on the CPU: correct, but slow)",
    };
}
