using System;
using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Benchmarks;

/// <summary>The performance goals of issues 6 and 10, checked against one quick run and printed (reported, never asserted).</summary>
public static class Goals
{
    public static void Report(IReadOnlyList<QuickResult> results)
    {
        QuickResult[] float32 = results.Where(r => !r.IsSixteenBit).ToArray();
        QuickResult[] decode = float32.Where(r => r.IsDecode).ToArray(), prefill = float32.Where(r => !r.IsDecode).ToArray();
        Console.WriteLine("Goals:");
        AtMost("decode: generated / copy", decode, r => r.GeneratedNs / r.CopyNs, 1.5);
        AtMost("prefill: generated / copy", prefill, r => r.GeneratedNs / r.CopyNs, 1.25);
        AtLeast("decode: generic / generated", decode, r => r.GenericNs / r.GeneratedNs, 1.25);
        AtLeast("all: naive / generated", float32, r => r.NaiveNs!.Value / r.GeneratedNs, 20);
        // Issue 10: 16-bit prefill at the speed of copying its bytes, and the fused cache write well under the two passes.
        AtMost("16-bit prefill: generated / copy", results.Where(r => r.IsSixteenBit && !r.IsDecode && !r.IsCacheWrite).ToArray(),
            r => r.GeneratedNs / r.CopyNs, 1.3);
        AtMost("cache write: generated / two passes", results.Where(r => r.IsCacheWrite).ToArray(), r => r.GeneratedNs / r.TwoPassNs!.Value, 0.7);
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
