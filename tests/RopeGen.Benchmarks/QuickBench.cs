using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RopeGen.Benchmarks;

/// <summary>
/// The everyday measurement: for each case, the generated kernel, a copy of the same bytes (the memory limit), the
/// runtime-configured kernel and, where the case has them, a naive loop and the two passes a user writes without RopeGen's
/// 16-bit kernels, interleaved round by round in one process (each round starts with the next operation, so none always
/// runs right after the same one); medians per call.
/// </summary>
public static class QuickBench
{
    private const int Rounds = 41;
    private static readonly string[] Columns = { "generated", "copy", "generic", "naive", "twopass" };
    private static readonly TimeSpan SampleTarget = TimeSpan.FromMilliseconds(0.4);

    /// <param name="jsonPath">Where to write the medians, or null.</param>
    /// <param name="only">Runs only the cases whose name contains this, or all when null.</param>
    public static void Run(string? jsonPath, string? only = null)
    {
        Console.WriteLine($"RopeGen quick benchmark: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
                          $"Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}; single-threaded, {Rounds} interleaved rounds, medians.");
        Console.WriteLine($"{"case",-30} " + string.Join(" ", Columns.Select(c => $"{c,11}")) + "   gen/copy  generic/gen  naive/gen  gen/twopass");
        var results = new List<QuickResult>();
        foreach (QuickCase quickCase in QuickCase.All.Where(c => only is null || c.Name.Contains(only, StringComparison.Ordinal)))
        {
            IReadOnlyList<(string Column, Action Run)> ops = quickCase.Create().Operations;
            int[] iterations = ops.Select(o => Calibrate(o.Run)).ToArray();
            var samples = ops.Select(_ => new List<double>()).ToArray();
            for (int round = 0; round < Rounds; round++)
                for (int j = 0; j < ops.Count; j++)
                {
                    int i = (round + j) % ops.Count;
                    samples[i].Add(Time(ops[i].Run, iterations[i]));
                }
            var medians = new Dictionary<string, double>();
            for (int i = 0; i < ops.Count; i++) medians[ops[i].Column] = Median(samples[i]);
            results.Add(Report(quickCase.Name, medians));
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

    /// <summary>Prints the case's row of the table and returns its JSON record.</summary>
    private static QuickResult Report(string name, Dictionary<string, double> medians)
    {
        double? Get(string column) => medians.TryGetValue(column, out double ns) ? ns : null;
        double generated = medians["generated"];
        // "other / generated" or "generated / other", with a dash for a column the case lacks.
        string Ratio(string column, bool perGenerated, int width) => Get(column) is double v
            ? (perGenerated ? v / generated : generated / v).ToString("0.00", CultureInfo.InvariantCulture).PadLeft(width) + "x"
            : "—".PadLeft(width + 1);
        Console.WriteLine($"{name,-30} " + string.Join(" ", Columns.Select(c => Get(c) is double ns ? Ns(ns) : $"{"—",11}")) +
            $"   {Ratio("copy", false, 7)} {Ratio("generic", true, 10)} {Ratio("naive", true, 8)} {Ratio("twopass", false, 10)}");
        double? Rounded(string column) => Get(column) is double ns ? Math.Round(ns, 1) : null;
        return new QuickResult(name, Rounded("generated")!.Value, Rounded("copy")!.Value, Rounded("generic")!.Value, Rounded("naive"), Rounded("twopass"));
    }

    private static string Ns(double ns) => ns switch
    {
        < 1e4 => $"{ns,8:0.0} ns",
        < 1e7 => $"{ns / 1e3,8:0.0} us",
        _ => $"{ns / 1e6,8:0.0} ms",
    };

    /// <summary>Warms the operation up (tiered JIT) and returns the iterations that make one sample last about SampleTarget.</summary>
    private static int Calibrate(Action op)
    {
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 400) op(); // long enough for tiered JIT to reach tier 1
        int n = 1;
        while (Time(op, n) * n < SampleTarget.TotalMilliseconds * 1e6 && n < 1 << 20) n *= 2;
        return n;
    }

    /// <summary>Nanoseconds per call over <paramref name="n"/> calls.</summary>
    private static double Time(Action op, int n)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++) op();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e6 / n;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }
}
