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
        System.Console.WriteLine("Goals:");
        GoalLine.AtMost("decode: generated / in-place limit", decode, r => r.GeneratedNs / r.InPlaceNs, r => r.Case, 1.3);
        GoalLine.AtMost("prefill: generated / in-place limit", prefill, r => r.GeneratedNs / r.InPlaceNs, r => r.Case, 1.25);
        GoalLine.AtLeast("all: generic / generated", results, r => r.GenericNs / r.GeneratedNs, r => r.Case, 1);
        GoalLine.AtLeast("decode: generic / generated", decode, r => r.GenericNs / r.GeneratedNs, r => r.Case, 1.25);
        GoalLine.AtLeast("all: naive / generated", results, r => r.NaiveNs / r.GeneratedNs, r => r.Case, 20);
    }
}
