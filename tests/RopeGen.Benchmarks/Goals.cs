using System;
using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Benchmarks;

/// <summary>The performance goals of issues 6 and 11, checked against one quick run and printed (reported, never asserted).</summary>
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
        // Issue 11: q and k inside packed QKV rows cost at most 10% more than contiguous ones; two threads gain 1.5x.
        Compare("packed: generated prefill-512-qkv-packed / prefill-512-half", results, "prefill-512-qkv-packed", "prefill-512-half", "<=", 1.1);
        Compare("2 threads: generated prefill-4096-half / prefill-4096-half-2t", results, "prefill-4096-half", "prefill-4096-half-2t", ">=", 1.5);
    }

    private static void Compare(string what, IReadOnlyList<QuickResult> results, string numerator, string denominator, string relation, double goal)
    {
        QuickResult? top = results.FirstOrDefault(r => r.Case == numerator), bottom = results.FirstOrDefault(r => r.Case == denominator);
        if (top is null || bottom is null) return;
        double ratio = top.GeneratedNs / bottom.GeneratedNs;
        bool met = relation == "<=" ? ratio <= goal : ratio >= goal;
        Console.WriteLine($"  {what} {relation} {goal}: {(met ? "met" : "MISSED")} ({ratio:0.00}x)");
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
