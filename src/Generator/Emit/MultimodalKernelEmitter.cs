using System.Globalization;
using System.Linq;
using RopeGen.Generator.Model;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes the M-RoPE members of a class whose <c>[Rotary]</c> has <c>MRopeSections</c>: the public
    /// <c>ApplyMultimodalRotary</c> overloads (positions <c>[3, tokens]</c>) and, in <c>RopeGenRotary</c>, the token loop
    /// (<see cref="EmitBodies"/>).
    /// Per token the runtime's <c>MultimodalRows</c> gives the cos/sin row composed from the three axes' table rows,
    /// and the class's own head rotation (<c>RotateHeadsWide</c>/<c>RotateHeadsNarrow</c>) applies it, so every vector
    /// path of the plain kernels serves M-RoPE too. Writes nothing for other classes.
    /// </summary>
    internal static class MultimodalKernelEmitter
    {
        private const string Span = "global::System.Span<float>";
        private const string Positions = "global::System.ReadOnlySpan<int>";
        private const string Guard = "global::RopeGen.RotaryGuard";
        private const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

        /// <summary>The public overloads, in the annotated class.</summary>
        public static void EmitPublicKernels(SourceWriter w, RotaryClassSpec spec, RotaryConfig config)
        {
            if (config.MRopeSections is null) return;
            string sections = Sections(config.MRopeSections);
            string scheme = config.MRopeInterleaved
                ? $"sections {sections} interleaved (Qwen3-VL): pair j turns with the height id when j % 3 == 1 and j &lt; {3 * config.MRopeSections[1]}, with the width id when j % 3 == 2 and j &lt; {3 * config.MRopeSections[2]}, else with the temporal id"
                : $"sections {sections} (Qwen2-VL): the first {config.MRopeSections[0]} pairs turn with the temporal id, the next {config.MRopeSections[1]} with the height id, the last {config.MRopeSections[2]} with the width id";

            Apply(w, spec, scheme, fused: false, withLength: false);
            Apply(w, spec, scheme, fused: false, withLength: true);
            Apply(w, spec, scheme, fused: true, withLength: false);
            Apply(w, spec, scheme, fused: true, withLength: true);
            MultimodalStagedEmitter.EmitPublicKernels(w, spec);
        }

        private static string Sections(System.Collections.Generic.IReadOnlyList<int> sections) => "[" + string.Join(", ", sections.Select(Int)) + "]";

        private static void Apply(SourceWriter w, RotaryClassSpec spec, string scheme, bool fused, bool withLength)
        {
            w.Line("/// <summary>");
            if (fused)
            {
                w.Line("/// M-RoPE for queries <paramref name=\"q\"/> <c>[tokens, numQueryHeads, HeadDim]</c> and keys <paramref name=\"k\"/>");
                w.Line("/// <c>[tokens, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin; q and k must not overlap.");
            }
            else
                w.Line("/// M-RoPE: rotates <paramref name=\"x\"/>, laid out <c>[tokens, numHeads, RopeGenRotary.HeadDim]</c> row-major, in place.");
            w.Line("/// <paramref name=\"positions\"/> holds three ids per token, <c>[3, tokens]</c> axis-major as transformers' <c>position_ids</c>:");
            w.Line("/// every token's temporal id, then every height id, then every width id. Each pair turns with its axis's id,");
            w.Line($"/// {scheme}.");
            w.Line("/// A token whose three ids are equal (text) is rotated exactly as <c>ApplyRotary</c> rotates it.");
            if (withLength)
                w.Line("/// <paramref name=\"sequenceLength\"/> is checked against the positions; M-RoPE's static kinds do not depend on it.");
            w.Line("/// </summary>");
            string overlap = fused ? ", q and k overlap" : "";
            w.Line(withLength
                ? $"/// <exception cref=\"global::System.ArgumentException\">The positions are not 3 × tokens, a length does not match{overlap}, a position is negative, a head count &lt;= 0 or <paramref name=\"sequenceLength\"/> does not exceed every position; nothing is written.</exception>"
                : $"/// <exception cref=\"global::System.ArgumentException\">The positions are not 3 × tokens, a length does not match{overlap}, a position is negative or a head count &lt;= 0; nothing is written.</exception>");
            w.Line(ClassEmitter.GeneratedCode);
            string buffers = fused ? $"{Span} q, int numQueryHeads, {Span} k, int numKeyValueHeads" : $"{Span} x, int numHeads";
            string parameters = fused ? $"{buffers}, {Positions} positions" : $"{Span} x, {Positions} positions, int numHeads";
            parameters += withLength ? ", int sequenceLength" : "";
            w.Open($"{GeneratedMember.Public(spec, "ApplyMultimodalRotary", parameters)}static void ApplyMultimodalRotary({parameters})");
            w.Line($"int tokens = {Guard}.MultimodalTokenCount(positions.Length);");
            if (fused)
            {
                w.Line($"{Guard}.CheckFusedLayout(q.Length, numQueryHeads, k.Length, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);");
                w.Line($"{Guard}.CheckDisjoint<float>(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, \"q\", \"k\");");
            }
            else
                w.Line($"{Guard}.CheckLayout(x.Length, tokens, numHeads, RopeGenRotary.HeadDim, \"x\", \"numHeads\");");
            w.Line($"int maxPosition = {Guard}.MaxPosition(positions);");
            if (withLength) w.Line($"{Guard}.CheckSequenceLength(sequenceLength, maxPosition);");
            w.Line(fused
                ? "RopeGenRotary.RotateMultimodal(q, numQueryHeads, k, numKeyValueHeads, positions, 0, tokens, maxPosition);"
                : "RopeGenRotary.RotateMultimodal(x, numHeads, default, 0, positions, 0, tokens, maxPosition);");
            w.Close();
            w.Line();
        }

        /// <summary>The row composition and token loop, inside <c>RopeGenRotary</c>.</summary>
        public static void EmitBodies(SourceWriter w, RotaryConfig config)
        {
            if (config.MRopeSections is null) return;
            string sections = Sections(config.MRopeSections);
            long width = RotaryRows.Width(config.Layout, config.PairCount);
            // Scratch (three computed rows and the composed one) of up to 16 KiB lives on the stack.
            string scratch = 4 * 2 * width <= KernelTuning.MaxStackRowFloats ? "stackalloc float[4 * RowStride]" : "new float[4 * RowStride]";
            const string unsafeAdd = "global::System.Runtime.CompilerServices.Unsafe.Add";

            w.Line();
            w.Line($"/// <summary>Composes each token's cos/sin row from the table rows of its three position ids (sections {sections}{(config.MRopeInterleaved ? ", interleaved" : "")}).</summary>");
            w.Line($"public static global::RopeGen.MultimodalRows MultimodalRows {{ get; }} = new global::RopeGen.MultimodalRows(Layout, new int[] {{ {string.Join(", ", config.MRopeSections!.Select(Int))} }}, {(config.MRopeInterleaved ? "true" : "false")});");
            w.Line();
            w.Line("/// <summary>Rotates a (and b, if it has heads), count tokens each, at the three position ids of tokens first on, positions laid out [3, tokens].</summary>");
            w.Line(Hidden);
            w.Open($"internal static void RotateMultimodal({Span} a, int headsA, {Span} b, int headsB, {Positions} positions, int first, int count, int maxPosition)");
            w.Line("int tokens = positions.Length / 3;");
            w.Line($"{Span} scratch = {scratch};");
            w.Line("global::RopeGen.MultimodalRowReader rows = MultimodalRows.Begin(Table, maxPosition, scratch);");
            w.Line("ref float aRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(a);");
            w.Line("ref float bRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(b);");
            w.Line("bool wide = UseVector512(a.Length + b.Length);");
            w.Open("for (int t = 0; t < count; t++)");
            w.Line("int at = first + t;");
            w.Line("ref float row = ref rows.Row(positions[at], positions[tokens + at], positions[2 * tokens + at]);");
            w.Line($"ref float aToken = ref {unsafeAdd}(ref aRef, t * headsA * HeadDim);");
            w.Line($"ref float bToken = ref {unsafeAdd}(ref bRef, t * headsB * HeadDim);");
            w.Line("if (wide) RotateHeadsWide(ref row, ref aToken, headsA, ref bToken, headsB);");
            w.Line("else RotateHeadsNarrow(ref row, ref aToken, headsA, ref bToken, headsB);");
            w.Close();
            w.Close();
            w.Line();
            MultimodalStagedEmitter.EmitBodies(w);
        }

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
