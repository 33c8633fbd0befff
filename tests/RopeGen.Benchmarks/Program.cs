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
    string[] wanted;
    try
    {
        wanted = CaseSelection.Parse(args, BenchCase.Quick.Select(c => c.Name).ToArray());
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
    QuickBench.Run(jsonPath, BenchCase.Quick.Where(c => wanted.Contains(c.Name)).ToArray(), sixteenBit: Array.IndexOf(args, "--cases") < 0);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(QuickBench).Assembly).Run(args);
return 0;
