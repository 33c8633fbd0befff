using System;
using System.Linq;
using BenchmarkDotNet.Running;
using RopeGen.Benchmarks;

// --quick [--json FILE] [--cases a,b]: the interleaved everyday measurement (some of its cases); --gpu [--json FILE]: the GPU kernels on the best
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
    if (gpu)
    {
        GpuBench.Run(jsonPath);
        return 0;
    }
    int only = Array.IndexOf(args, "--cases");
    string[] known = BenchCase.Quick.Select(c => c.Name).ToArray();
    string[] wanted = only >= 0 && only + 1 < args.Length
        ? args[only + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : known;
    string[] unknown = wanted.Except(known).ToArray();
    if (only >= 0 && (only + 1 >= args.Length || unknown.Length > 0))
    {
        Console.Error.WriteLine($"--cases: expected a comma-separated list of some of {string.Join(", ", known)}; unknown: {string.Join(", ", unknown)}");
        return 2;
    }
    QuickBench.Run(jsonPath, BenchCase.Quick.Where(c => wanted.Contains(c.Name)).ToArray(), sixteenBit: only < 0);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(QuickBench).Assembly).Run(args);
return 0;
