using System;
using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Benchmarks;

/// <summary>The performance goals of issue 6, checked against one quick run and printed (reported, never asserted).</summary>
public static class Goals
{
    public static void Report(IReadOnlyList<QuickResult> results)
    {
        QuickResult[] decode = results.Where(r => r.IsDecode).ToArray(), prefill = results.Where(r => !r.IsDecode).ToArray();
        Console.WriteLine("Goals:");
        AtMost("decode: generated / copy", decode, r => r.GeneratedNs / r.CopyNs, 1.5);
        AtMost("prefill: generated / copy", prefill, r => r.GeneratedNs / r.CopyNs, 1.25);
        AtLeast("decode: generic / generated", decode, r => r.GenericNs / r.GeneratedNs, 1.25);
        AtLeast("all: naive / generated", results, r => r.NaiveNs / r.GeneratedNs, 20);
        QuickResult? mrope = results.FirstOrDefault(r => r.Case == "prefill-512-mrope");
        QuickResult? half = results.FirstOrDefault(r => r.Case == "prefill-512-half");
        if (mrope is not null && half is not null)
        {
            // Issue 17: composing image tokens' rows from three table rows costs at most 15% over plain RoPE, same shape.
            double ratio = mrope.GeneratedNs / half.GeneratedNs;
            Console.WriteLine($"  M-RoPE: prefill-512-mrope / prefill-512-half <= 1.15: {(ratio <= 1.15 ? "met" : "MISSED")} ({ratio:0.00}x)");
        }
    }

    private static void AtMost(string what, IReadOnlyList<QuickResult> cases, Func<QuickResult, double> ratio, double goal) =>
        Print(what, "<=", goal, cases.MaxBy(ratio), ratio, cases.All(r => ratio(r) <= goal));

    private static void AtLeast(string what, IReadOnlyList<QuickResult> cases, Func<QuickResult, double> ratio, double goal) =>
        Print(what, ">=", goal, cases.MinBy(ratio), ratio, cases.All(r => ratio(r) >= goal));

    private static void Print(string what, string relation, double goal, QuickResult? worst, Func<QuickResult, double> ratio, bool met)
    {
        if (worst is null) return;
        Console.WriteLine($"  {what} {relation} {goal}: {(met ? "met" : "MISSED")} (worst {ratio(worst):0.00}x, {worst.Case})");
    }
}
