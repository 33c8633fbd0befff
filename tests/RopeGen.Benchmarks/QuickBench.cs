using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RopeGen.Benchmarks;

/// <summary>
/// The everyday measurement: for each case, the generated kernel, a copy of the same bytes (the memory limit), the
/// runtime-configured kernel and a naive loop, interleaved round by round in one process (each round starts with the next
/// operation, so none always runs right after the same one); medians per call.
/// </summary>
public static class QuickBench
{
    private const int Rounds = 41;
    private static readonly TimeSpan SampleTarget = TimeSpan.FromMilliseconds(0.4);

    public static void Run(string? jsonPath)
    {
        Console.WriteLine($"RopeGen quick benchmark: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
                          $"Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}; single-threaded, {Rounds} interleaved rounds, medians.");
        Console.WriteLine($"{"case",-30} {"generated",11} {"copy",11} {"generic",11} {"naive",11}   gen/copy  generic/gen  naive/gen");
        var results = new List<QuickResult>();
        foreach (BenchCase benchCase in BenchCase.Quick)
        {
            var workload = new Workload(benchCase);
            (string Name, Action Op)[] ops =
            {
                ("generated", workload.Generated), ("copy", workload.Copy), ("generic", workload.Generic), ("naive", workload.Naive),
            };
            int[] iterations = ops.Select(o => Calibrate(o.Op)).ToArray();
            var samples = ops.Select(_ => new List<double>()).ToArray();
            for (int round = 0; round < Rounds; round++)
                for (int j = 0; j < ops.Length; j++)
                {
                    int i = (round + j) % ops.Length;
                    samples[i].Add(Time(ops[i].Op, iterations[i]));
                }
            double[] medians = samples.Select(Median).ToArray();
            Console.WriteLine($"{benchCase.Name,-30} {Ns(medians[0])} {Ns(medians[1])} {Ns(medians[2])} {Ns(medians[3])}   {medians[0] / medians[1],8:0.00}x {medians[2] / medians[0],11:0.00}x {medians[3] / medians[0],9:0.0}x");
            results.Add(new QuickResult(benchCase.Name, Math.Round(medians[0], 1), Math.Round(medians[1], 1), Math.Round(medians[2], 1), Math.Round(medians[3], 1)));
        }
        Goals.Report(results);
        if (jsonPath is not null)
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(jsonPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"wrote {jsonPath}");
        }
    }

    internal static string Ns(double ns) => ns switch
    {
        < 1e4 => $"{ns,8:0.0} ns",
        < 1e7 => $"{ns / 1e3,8:0.0} us",
        _ => $"{ns / 1e6,8:0.0} ms",
    };

    /// <summary>Warms the operation up (tiered JIT) and returns the iterations that make one sample last about SampleTarget.</summary>
    internal static int Calibrate(Action op)
    {
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 400) op(); // long enough for tiered JIT to reach tier 1
        int n = 1;
        while (Time(op, n) * n < SampleTarget.TotalMilliseconds * 1e6 && n < 1 << 20) n *= 2;
        return n;
    }

    /// <summary>Nanoseconds per call over <paramref name="n"/> calls.</summary>
    internal static double Time(Action op, int n)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++) op();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e6 / n;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }
}
