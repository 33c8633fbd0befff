using System;
using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Benchmarks;

/// <summary>
/// The performance goals of issues 6 and 13, checked against one quick run and printed (reported, never asserted). The
/// memory bound is the in-place limit: a copy is none for an in-place kernel (it also fetches its destination's lines).
/// </summary>
public static class Goals
{
    public static void Report(IReadOnlyList<QuickResult> results)
    {
        QuickResult[] decode = results.Where(r => r.IsDecode).ToArray(), prefill = results.Where(r => !r.IsDecode).ToArray();
        Console.WriteLine("Goals:");
        AtMost("decode: generated / in-place limit", decode, r => r.GeneratedNs / r.InPlaceNs, 1.3);
        AtMost("prefill: generated / in-place limit", prefill, r => r.GeneratedNs / r.InPlaceNs, 1.25);
        AtLeast("all: generic / generated", results, r => r.GenericNs / r.GeneratedNs, 1);
        AtLeast("decode: generic / generated", decode, r => r.GenericNs / r.GeneratedNs, 1.25);
        AtLeast("all: naive / generated", results, r => r.NaiveNs / r.GeneratedNs, 20);
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
