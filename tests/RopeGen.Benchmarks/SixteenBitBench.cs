using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace RopeGen.Benchmarks;

/// <summary>The four operations a 16-bit case times side by side.</summary>
public interface ISixteenBitWorkload
{
    /// <summary>The generated class's 16-bit (or cache-writing) kernel.</summary>
    void Generated();

    /// <summary>The same bytes copied: the memory speed.</summary>
    void Copy();

    /// <summary>RotaryKernel's overload of the same operation.</summary>
    void Generic();

    /// <summary>What a user writes without it: conversions and the float kernel, in separate passes.</summary>
    void TwoPass();
}

/// <summary>One 16-bit case's medians, in nanoseconds per call, as written to the --json file after the float cases.</summary>
public sealed record SixteenBitResult(
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("generated_ns")] double GeneratedNs,
    [property: JsonPropertyName("copy_ns")] double CopyNs,
    [property: JsonPropertyName("generic_ns")] double GenericNs,
    [property: JsonPropertyName("twopass_ns")] double TwoPassNs);

/// <summary>
/// Issue 10's quick cases: Llama-3.1-8B's q (32 heads) and k (8 heads) of 128 in fp16 and bfloat16, rotated in place, and
/// new fp16 keys written into a KV cache; timed like the float cases (<see cref="Rounds"/>), after them.
/// </summary>
public static class SixteenBitBench
{
    private static readonly (string Name, Func<ISixteenBitWorkload> Create)[] s_cases =
    {
        ("prefill-512-f16", () => SixteenBitWorkload<Half>.Llama3(SixteenBitKernels.Half, 512, 0)),
        ("prefill-512-bf16", () => SixteenBitWorkload<BFloat16>.Llama3(SixteenBitKernels.BFloat16, 512, 0)),
        ("decode-llama3-8b-f16", () => SixteenBitWorkload<Half>.Llama3(SixteenBitKernels.Half, 1, 1000)),
        ("cache-write-512-f16", () => new CacheWriteWorkload(512, 4096)),
    };

    public static List<SixteenBitResult> Run()
    {
        Console.WriteLine();
        Console.WriteLine($"{"16-bit case",-30} {"generated",11} {"copy",11} {"generic",11} {"twopass",11}   gen/copy  generic/gen  gen/twopass");
        var results = new List<SixteenBitResult>();
        foreach ((string name, Func<ISixteenBitWorkload> create) in s_cases)
        {
            ISixteenBitWorkload workload = create();
            double[] m = Rounds.Medians(new Action[] { workload.Generated, workload.Copy, workload.Generic, workload.TwoPass }, RoundSettings.Full);
            double generated = m[0], copy = m[1], generic = m[2], twoPass = m[3];
            Console.WriteLine($"{name,-30} {QuickBench.Ns(generated)} {QuickBench.Ns(copy)} {QuickBench.Ns(generic)} {QuickBench.Ns(twoPass)}   " +
                              $"{generated / copy,7:0.00}x {generic / generated,11:0.00}x {generated / twoPass,11:0.00}x");
            results.Add(new SixteenBitResult(name, Math.Round(generated, 1), Math.Round(copy, 1), Math.Round(generic, 1), Math.Round(twoPass, 1)));
        }
        Console.WriteLine("Goals (issue 10):");
        GoalLine.AtMost("16-bit prefill: generated / copy", results.Where(r => r.Case.StartsWith("prefill-", StringComparison.Ordinal)),
            r => r.GeneratedNs / r.CopyNs, r => r.Case, 1.3);
        GoalLine.AtMost("cache write: generated / two passes", results.Where(r => r.Case.StartsWith("cache-write-", StringComparison.Ordinal)),
            r => r.GeneratedNs / r.TwoPassNs, r => r.Case, 0.7);
        return results;
    }
}
