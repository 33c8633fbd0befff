using System;
using BenchmarkDotNet.Running;
using RopeGen.Benchmarks;

// --quick [--json FILE]: the interleaved everyday measurement; --gpu [--json FILE]: the GPU kernels on the best
// accelerator present; --parallel-threshold: when a second thread pays. Anything else goes to BenchmarkDotNet.
if (Array.IndexOf(args, "--parallel-threshold") >= 0)
{
    ParallelThreshold.Run();
    return 0;
}
bool quick = Array.IndexOf(args, "--quick") >= 0, gpu = Array.IndexOf(args, "--gpu") >= 0;
if (quick || gpu)
{
    int json = Array.IndexOf(args, "--json");
    if (json >= 0 && json + 1 >= args.Length)
    {
        Console.Error.WriteLine("--json needs a file name, e.g. --json results.json");
        return 2;
    }
    string? jsonPath = json >= 0 ? args[json + 1] : null;
    if (gpu) GpuBench.Run(jsonPath);
    else QuickBench.Run(jsonPath);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(QuickBench).Assembly).Run(args);
return 0;
