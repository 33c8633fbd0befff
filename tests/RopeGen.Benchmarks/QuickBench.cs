using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RopeGen.Benchmarks;

/// <summary>
/// The everyday measurement: for each case, the generated kernel, the in-place limit (the same bytes read, multiplied
/// and written back with 512-bit and with 256-bit vectors: the faster), a copy of them, the runtime-configured kernel
/// and a naive loop, interleaved round by round in one process (<see cref="Rounds"/>); medians per call. Then the 16-bit
/// cases (<see cref="SixteenBitBench"/>).
/// </summary>
public static class QuickBench
{
    /// <summary>Times <paramref name="cases"/>, then the 16-bit cases unless <paramref name="sixteenBit"/> is false; writes
    /// the JSON file when <paramref name="jsonPath"/> is given.</summary>
    public static void Run(string? jsonPath, IReadOnlyList<BenchCase> cases, bool sixteenBit)
    {
        Console.WriteLine($"RopeGen quick benchmark: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
                          $"Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}; single-threaded, {RoundSettings.Full.Count} interleaved rounds, medians.");
        Console.WriteLine($"{"case",-30} {"generated",11} {"in-place",11} {"copy",11} {"generic",11} {"naive",11}   gen/inpl  gen/copy  generic/gen  naive/gen");
        var results = new List<QuickResult>();
        foreach (BenchCase benchCase in cases)
        {
            var workload = new Workload(benchCase);
            Action[] ops = { workload.Generated, workload.InPlace512, workload.InPlace256, workload.Copy, workload.Generic, workload.Naive };
            double[] m = Rounds.Medians(ops, RoundSettings.Full);
            double generated = m[0], inPlace = Math.Min(m[1], m[2]), copy = m[3], generic = m[4], naive = m[5];
            Console.WriteLine($"{benchCase.Name,-30} {Ns(generated)} {Ns(inPlace)} {Ns(copy)} {Ns(generic)} {Ns(naive)}   " +
                              $"{generated / inPlace,7:0.00}x {generated / copy,8:0.00}x {generic / generated,11:0.00}x {naive / generated,9:0.0}x");
            results.Add(new QuickResult(benchCase.Name, Math.Round(generated, 1), Math.Round(inPlace, 1), Math.Round(copy, 1), Math.Round(generic, 1), Math.Round(naive, 1)));
        }
        Goals.Report(results);
        List<SixteenBitResult> sixteenBitResults = sixteenBit ? SixteenBitBench.Run() : new List<SixteenBitResult>();
        if (jsonPath is not null)
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(jsonPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            object[] rows = results.Cast<object>().Concat(sixteenBitResults).ToArray();
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"wrote {jsonPath}");
        }
    }

    internal static string Ns(double ns) => ns switch
    {
        < 1e4 => $"{ns,8:0.0} ns",
        < 1e7 => $"{ns / 1e3,8:0.0} us",
        _ => $"{ns / 1e6,8:0.0} ms",
    };
}
