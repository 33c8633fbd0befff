using System;
using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Peers;

/// <summary>Issue 13's goals, checked against one run and printed (reported, never asserted).</summary>
public static class PeerGoals
{
    public static void Report(IReadOnlyList<PeerRow> rows)
    {
        PeerRow[] decode = rows.Where(r => r.IsDecode).ToArray(), prefill = rows.Where(r => !r.IsDecode).ToArray();
        Console.WriteLine("Goals:");
        AtMost("prefill: generated / in-place limit", prefill, r => r.GeneratedNs / r.InPlaceNs, 1.25);
        AtMost("decode: generated / in-place limit", decode, r => r.GeneratedNs / r.InPlaceNs, 1.3);
        AtLeast("all: runtime / generated", rows, r => r.RuntimeNs / r.GeneratedNs, 1);
        AtLeast("decode: runtime / generated", decode, r => r.RuntimeNs / r.GeneratedNs, 1.25);
        AtLeast("prefill-512: ggml / generated", rows.Where(r => r.Case.StartsWith("prefill-512-", StringComparison.Ordinal)).ToArray(), r => r.GgmlNs / r.GeneratedNs, 4);
        AtLeast("decode: ggml / generated", decode, r => r.GgmlNs / r.GeneratedNs, 8);
        AtLeast("all: torch / generated", rows, r => r.TorchNs / r.GeneratedNs, 10);
        // 2 threads against 1 at 4096 tokens, per layout.
        var pairs = rows.Where(r => r.Threads > 1)
            .Select(two => (Two: two, One: rows.FirstOrDefault(r => r.Threads == 1 && r.Case == two.Case[..two.Case.LastIndexOf('-')])))
            .Where(p => p.One is not null).ToArray();
        foreach (var (two, one) in pairs)
            Print($"{two.Case}: generated 1 thread / 2 threads", ">=", 1.5, one!.GeneratedNs / two.GeneratedNs);
        AtLeast("2 threads: ggml / generated", rows.Where(r => r.Threads > 1).ToArray(), r => r.GgmlNs / r.GeneratedNs, 3);
    }

    private static void AtMost(string what, IReadOnlyList<PeerRow> rows, Func<PeerRow, double?> ratio, double goal) =>
        Worst(what, "<=", goal, rows, ratio, (a, b) => a > b);

    private static void AtLeast(string what, IReadOnlyList<PeerRow> rows, Func<PeerRow, double?> ratio, double goal) =>
        Worst(what, ">=", goal, rows, ratio, (a, b) => a < b);

    /// <summary>Prints the worst case's ratio against the goal; a peer that did not run is said so, not counted as met.</summary>
    private static void Worst(string what, string relation, double goal, IReadOnlyList<PeerRow> rows, Func<PeerRow, double?> ratio, Func<double, double, bool> worse)
    {
        if (rows.Count == 0) return;
        var measured = rows.Where(r => ratio(r) is not null).Select(r => (Row: r, Ratio: ratio(r)!.Value)).ToArray();
        if (measured.Length == 0)
        {
            Console.WriteLine($"  {what} {relation} {goal}: not measured (peer unavailable)");
            return;
        }
        var worst = measured.Aggregate((a, b) => worse(b.Ratio, a.Ratio) ? b : a);
        Print($"{what}", relation, goal, worst.Ratio, worst.Row.Case);
    }

    private static void Print(string what, string relation, double goal, double ratio, string? worstCase = null)
    {
        bool met = relation == "<=" ? ratio <= goal : ratio >= goal;
        Console.WriteLine($"  {what} {relation} {goal}: {(met ? "met" : "MISSED")} ({(worstCase is null ? "" : "worst ")}{ratio:0.00}x{(worstCase is null ? "" : ", " + worstCase)})");
    }
}
