using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Benchmarks;

/// <summary>
/// The performance goals of issues 6, 11 and 13, checked against one quick run and printed (reported, never asserted).
/// The memory bound is the in-place limit: a copy is none for an in-place kernel (it also fetches its destination's lines).
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
        // Issue 11: q and k inside packed QKV rows cost at most 10% more than contiguous ones; two threads gain 1.5x.
        GoalLine.AtMost("packed: generated prefill-512-qkv-packed / prefill-512-half", Case(results, "prefill-512-qkv-packed"),
            r => r.GeneratedNs / Case(results, "prefill-512-half").FirstOrDefault()?.GeneratedNs, r => r.Case, 1.1);
        GoalLine.AtLeast("2 threads: generated prefill-4096-half / prefill-4096-half-2t", Case(results, "prefill-4096-half-2t"),
            r => Case(results, "prefill-4096-half").FirstOrDefault()?.GeneratedNs / r.GeneratedNs, r => r.Case, 1.5);
        // Issue 17: image tokens' rows composed from three table rows cost at most 15% over plain RoPE, same shape.
        GoalLine.AtMost("M-RoPE: generated prefill-512-mrope / prefill-512-half", Case(results, "prefill-512-mrope"),
            r => r.GeneratedNs / Case(results, "prefill-512-half").FirstOrDefault()?.GeneratedNs, r => r.Case, 1.15);
    }

    private static IEnumerable<QuickResult> Case(IReadOnlyList<QuickResult> results, string name) => results.Where(r => r.Case == name);
}
