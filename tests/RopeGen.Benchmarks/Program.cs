using System;
using BenchmarkDotNet.Running;
using RopeGen.Benchmarks;

// --quick [--json FILE]: the interleaved everyday measurement; --parallel-threshold: when a second thread pays.
// Anything else goes to BenchmarkDotNet.
if (Array.IndexOf(args, "--parallel-threshold") >= 0)
{
    ParallelThreshold.Run();
    return 0;
}
int quick = Array.IndexOf(args, "--quick");
if (quick >= 0)
{
    int json = Array.IndexOf(args, "--json");
    if (json >= 0 && json + 1 >= args.Length)
    {
        Console.Error.WriteLine("--json needs a file name, e.g. --json results.json");
        return 2;
    }
    QuickBench.Run(json >= 0 ? args[json + 1] : null);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(QuickBench).Assembly).Run(args);
return 0;
