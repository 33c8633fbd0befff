using System;
using System.Collections.Generic;
using System.Linq;
using RopeGen.Benchmarks;

namespace RopeGen.Peers;

/// <summary>Issue 13's goals, checked against one run and printed (reported, never asserted).</summary>
public static class PeerGoals
{
    public static void Report(IReadOnlyList<PeerRow> rows)
    {
        PeerRow[] decode = rows.Where(r => r.IsDecode).ToArray(), prefill = rows.Where(r => !r.IsDecode).ToArray();
        PeerRow[] prefill512 = rows.Where(r => r.Case.StartsWith("prefill-512-", StringComparison.Ordinal)).ToArray();
        PeerRow[] twoThreads = rows.Where(r => r.Threads > 1).ToArray();
        Console.WriteLine("Goals:");
        GoalLine.AtMost("prefill: generated / in-place limit", prefill, r => r.GeneratedNs / r.InPlaceNs, r => r.Case, 1.25);
        GoalLine.AtMost("decode: generated / in-place limit", decode, r => r.GeneratedNs / r.InPlaceNs, r => r.Case, 1.3);
        GoalLine.AtLeast("all: runtime / generated", rows, r => r.RuntimeNs / r.GeneratedNs, r => r.Case, 1);
        GoalLine.AtLeast("decode: runtime / generated", decode, r => r.RuntimeNs / r.GeneratedNs, r => r.Case, 1.25);
        GoalLine.AtLeast("prefill-512: ggml / generated", prefill512, r => r.GgmlNs / r.GeneratedNs, r => r.Case, 4);
        GoalLine.AtLeast("decode: ggml / generated", decode, r => r.GgmlNs / r.GeneratedNs, r => r.Case, 8);
        GoalLine.AtLeast("all: torch / generated", rows, r => r.TorchNs / r.GeneratedNs, r => r.Case, 10);
        // Two threads against one at 4096 tokens, per layout: the -2t case's one-thread twin.
        GoalLine.AtLeast("4096: generated 1 thread / 2 threads", twoThreads, r => OneThread(rows, r)?.GeneratedNs / r.GeneratedNs, r => r.Case, 1.5);
        GoalLine.AtLeast("2 threads: ggml / generated", twoThreads, r => r.GgmlNs / r.GeneratedNs, r => r.Case, 3);
    }

    private static PeerRow? OneThread(IReadOnlyList<PeerRow> rows, PeerRow twoThreads) =>
        rows.FirstOrDefault(r => r.Threads == 1 && twoThreads.Case == r.Case + "-2t");
}
