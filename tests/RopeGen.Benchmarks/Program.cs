using System;
using BenchmarkDotNet.Running;
using RopeGen.Benchmarks;

// --quick [--json FILE] [--only TEXT]: the interleaved everyday measurement (--only: the cases whose name contains TEXT).
// Anything else goes to BenchmarkDotNet.
int quick = Array.IndexOf(args, "--quick");
if (quick >= 0)
{
    int json = Array.IndexOf(args, "--json"), only = Array.IndexOf(args, "--only");
    if ((json >= 0 && json + 1 >= args.Length) || (only >= 0 && only + 1 >= args.Length))
    {
        Console.Error.WriteLine("--json needs a file name and --only a part of case names, e.g. --json results.json --only f16");
        return 2;
    }
    QuickBench.Run(json >= 0 ? args[json + 1] : null, only >= 0 ? args[only + 1] : null);
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(QuickBench).Assembly).Run(args);
return 0;
