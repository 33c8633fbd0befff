using System.Collections.Generic;
using RopeGen.Generator.Model;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes the public <c>ApplyRotary</c> overloads beyond the three basic ones: the fused q/k call with an explicit
    /// sequence length, and the calls that take a <c>HeadView</c> (packed QKV rows, heads-major tensors, any strides),
    /// each with and without an explicit sequence length and with and without <c>ParallelOptions</c>. They check their
    /// arguments with the runtime's <c>RotaryGuard</c> and hand over to <c>RopeGenRotary.Rotate</c>.
    /// </summary>
    internal static class ViewKernelEmitter
    {
        private const string Span = "global::System.Span<float>";
        private const string Positions = "global::System.ReadOnlySpan<int>";
        private const string View = "global::RopeGen.HeadView";
        private const string Parallel = "global::System.Threading.Tasks.ParallelOptions";
        private const string Guard = "global::RopeGen.RotaryGuard";

        private const string ViewCref = "ApplyRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, global::RopeGen.HeadView)";
        private const string FusedViewCref =
            "ApplyRotary(global::System.Span{float}, global::RopeGen.HeadView, global::System.Span{float}, global::RopeGen.HeadView, global::System.ReadOnlySpan{int})";

        /// <summary>The checks of a fused q/k call with head counts: both lengths, and q and k apart.</summary>
        public static void FusedChecks(SourceWriter w)
        {
            w.Line($"{Guard}.CheckFusedLayout(q.Length, numQueryHeads, k.Length, numKeyValueHeads, positions.Length, RopeGenRotary.HeadDim);");
            w.Line($"{Guard}.CheckDisjoint<float>(q, {View}.Contiguous(numQueryHeads), k, {View}.Contiguous(numKeyValueHeads), positions.Length, RopeGenRotary.HeadDim, \"q\", \"k\");");
        }

        public static void EmitPublicKernels(SourceWriter w, RotaryClassSpec spec)
        {
            Overload(w, spec,
                new[]
                {
                    "/// Rotates <paramref name=\"q\"/> and <paramref name=\"k\"/> like <see cref=\"ApplyRotary(global::System.Span{float}, int, global::System.Span{float}, int, global::System.ReadOnlySpan{int})\"/>,",
                    "/// with an explicit sequence length that selects the table of the dynamic kinds (DynamicNtk, LongRope): pass the whole",
                    "/// sequence's length to every chunk of a chunked prefill. Other kinds ignore it.",
                },
                "Bad sizes or positions, q and k overlap, or <paramref name=\"sequenceLength\"/> does not exceed every position",
                $"{Span} q, int numQueryHeads, {Span} k, int numKeyValueHeads, {Positions} positions, int sequenceLength",
                FusedChecks,
                "RopeGenRotary.Rotate(q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition, sequenceLength);",
                withLength: true, parallel: false);

            foreach (Shape shape in s_shapes)
                foreach ((bool withLength, bool parallel) in new[] { (false, false), (true, false), (false, true), (true, true) })
                {
                    string extra = (withLength ? ", int sequenceLength" : "") + (parallel ? $", {Parallel} parallel" : "");
                    string length = withLength ? "sequenceLength" : "maxPosition + 1", threads = parallel ? "parallel" : "null";
                    Overload(w, spec, Summary(shape.Cref, shape.Summary, withLength, parallel), shape.Fault + LengthFault(withLength),
                        shape.Parameters + extra, shape.Checks, $"RopeGenRotary.Rotate({shape.Buffers}, positions, maxPosition, {length}, {threads});",
                        withLength, parallel);
                }
        }

        private static readonly string[] ViewSummary =
        {
            "/// Rotates the heads of <paramref name=\"x\"/> that <paramref name=\"view\"/> describes (packed QKV rows, heads-major",
            "/// tensors, any strides), in place; token t is at position <c>positions[t]</c>. Elements outside the heads are untouched.",
        };

        private static readonly string[] FusedViewSummary =
        {
            "/// Rotates the query heads of <paramref name=\"q\"/> and the key heads of <paramref name=\"k\"/> that the views describe in",
            "/// one pass, sharing each token's cos/sin. q and k may be one buffer (a packed QKV row: pass it twice) if their heads do not meet.",
        };

        /// <summary>One family of view overloads: its first member's cref and summary, its faults, parameters and checks,
        /// and the buffers and views it hands to Rotate.</summary>
        private sealed record Shape(string Cref, string[] Summary, string Fault, string Parameters, System.Action<SourceWriter> Checks, string Buffers);

        private static readonly Shape[] s_shapes =
        {
            new(ViewCref, ViewSummary,
                "The view is default or its heads overlap, <paramref name=\"x\"/> is too short or a position is negative",
                $"{Span} x, {Positions} positions, {View} view",
                c => c.Line($"{Guard}.CheckView(x.Length, positions.Length, view, RopeGenRotary.HeadDim, \"x\", \"view\");"),
                "x, view, default, default"),
            new(FusedViewCref, FusedViewSummary,
                "A view is default or its heads overlap, a buffer is too short, q and k overlap or a position is negative",
                $"{Span} q, {View} queryView, {Span} k, {View} keyView, {Positions} positions",
                c =>
                {
                    c.Line($"{Guard}.CheckView(q.Length, positions.Length, queryView, RopeGenRotary.HeadDim, \"q\", \"queryView\");");
                    c.Line($"{Guard}.CheckView(k.Length, positions.Length, keyView, RopeGenRotary.HeadDim, \"k\", \"keyView\");");
                    c.Line($"{Guard}.CheckDisjoint<float>(q, queryView, k, keyView, positions.Length, RopeGenRotary.HeadDim, \"q\", \"k\");");
                },
                "q, queryView, k, keyView"),
        };

        /// <summary>The first overload's own summary; the others refer to it and say what they add.</summary>
        private static IEnumerable<string> Summary(string cref, string[] own, bool withLength, bool parallel)
        {
            if (!withLength && !parallel)
            {
                foreach (string line in own) yield return line;
                yield return "/// The dynamic kinds use max(positions) + 1 as the sequence length.";
                yield break;
            }
            yield return $"/// Rotates like <see cref=\"{cref}\"/>,";
            if (withLength)
                yield return "/// with an explicit sequence length that selects the table of the dynamic kinds (pass the whole sequence's length to every chunk)" +
                             (parallel ? "," : ".");
            if (parallel)
            {
                yield return "/// split by tokens over up to <paramref name=\"parallel\"/>'s MaxDegreeOfParallelism threads. Calls too small to gain";
                yield return "/// (<see cref=\"global::RopeGen.RotaryParallel.MinFloatsPerThread\"/>) run on the calling thread; the result is the serial";
                yield return "/// result bit for bit. The cancellation token is checked once, before anything is written.";
            }
        }

        private static string LengthFault(bool withLength) =>
            withLength ? ", or <paramref name=\"sequenceLength\"/> does not exceed every position" : "";

        /// <summary>One public overload: docs, the argument checks, the positions (and length) checks, the call.</summary>
        private static void Overload(SourceWriter w, RotaryClassSpec spec, IEnumerable<string> summary, string fault, string parameters,
            System.Action<SourceWriter> checks, string call, bool withLength, bool parallel)
        {
            w.Line();
            w.Line("/// <summary>");
            foreach (string line in summary) w.Line(line);
            w.Line("/// </summary>");
            w.Line($"/// <exception cref=\"global::System.ArgumentException\">{fault}; nothing is written.</exception>");
            if (parallel)
            {
                w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"parallel\"/> is null.</exception>");
                w.Line("/// <exception cref=\"global::System.OperationCanceledException\">The token of <paramref name=\"parallel\"/> was cancelled before the call started.</exception>");
            }
            w.Line(ClassEmitter.GeneratedCode);
            w.Open($"{GeneratedMember.Public(spec, "ApplyRotary", parameters)}static void ApplyRotary({parameters})");
            if (parallel) w.Line("global::System.ArgumentNullException.ThrowIfNull(parallel);");
            checks(w);
            w.Line($"int maxPosition = {Guard}.MaxPosition(positions);");
            if (withLength) w.Line($"{Guard}.CheckSequenceLength(sequenceLength, maxPosition);");
            w.Line(call);
            w.Close();
        }
    }
}
