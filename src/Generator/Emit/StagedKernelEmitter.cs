using RopeGen.Generator.Model;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes the Half and BFloat16 kernels and the cache-writing <c>RotateInto</c> of an annotated class: public overloads
    /// that check their arguments and hand the work to the runtime's <c>StagedRotation</c>, and the nested
    /// <c>RopeGenRotary.FloatRotation</c> through which it drives this class's float kernels (widen to float in a scratch
    /// buffer, rotate with the same tables, round once).
    /// </summary>
    internal static class StagedKernelEmitter
    {
        internal const string Positions = "global::System.ReadOnlySpan<int>";
        internal const string Guard = "global::RopeGen.RotaryGuard";
        internal const string Staged = "global::RopeGen.StagedRotation";
        private const string Rotation = "RopeGenRotary.FloatRotation";

        /// <summary>An element type: its name in code and in the docs.</summary>
        internal readonly struct Element
        {
            public Element(string type, string words)
            {
                Type = type;
                Words = words;
            }

            public string Type { get; }

            public string Words { get; }

            public string Span => "global::System.Span<" + Type + ">";
        }

        internal static readonly Element Float = new Element("float", "float");
        internal static readonly Element Half = new Element("global::System.Half", "fp16 (<see cref=\"global::System.Half\"/>)");
        internal static readonly Element BFloat16 = new Element("global::RopeGen.BFloat16", "bfloat16 (<see cref=\"global::RopeGen.BFloat16\"/>)");

        internal static readonly string[] Rounding =
        {
            "/// Each value is widened to float, rotated with the same tables and arithmetic as the float overload, and rounded once to",
            "/// nearest (ties to even): the result is the float rotation of the input, rounded.",
        };

        /// <summary>Writes the public kernels, in the annotated class.</summary>
        public static void EmitPublicKernels(SourceWriter w, RotaryClassSpec spec, RotaryConfig config)
        {
            foreach (Element e in new[] { Half, BFloat16 })
            {
                EmitApply(w, spec, e);
                EmitFused(w, spec, e);
                EmitShift(w, spec, e, config);
            }
            foreach (Element e in new[] { Float, Half, BFloat16 })
                EmitRotateInto(w, spec, e);
        }

        private static void EmitApply(SourceWriter w, RotaryClassSpec spec, Element e)
        {
            EmitBothLengths(w, spec,
                new[]
                {
                    $"/// Rotates the {e.Words} buffer <paramref name=\"x\"/>, laid out <c>[positions.Length, numHeads, RopeGenRotary.HeadDim]</c>,",
                    "/// in place, like <see cref=\"ApplyRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)\"/>.",
                    Rounding[0], Rounding[1],
                },
                "The length does not match, a position is negative or <paramref name=\"numHeads\"/> &lt;= 0",
                $"ApplyRotary({e.Span} x, {Positions} positions, int numHeads",
                new[] { Layout("x", "numHeads") },
                $"{Staged}.Apply<{Rotation}, {e.Type}>(default, x, numHeads, default, 0, positions, maxPosition, LENGTH);");
        }

        private static void EmitFused(SourceWriter w, RotaryClassSpec spec, Element e)
        {
            EmitBothLengths(w, spec,
                new[]
                {
                    $"/// Rotates {e.Words} queries <paramref name=\"q\"/> <c>[positions.Length, numQueryHeads, HeadDim]</c> and keys",
                    "/// <paramref name=\"k\"/> <c>[positions.Length, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin.",
                    Rounding[0], Rounding[1],
                },
                "A length does not match, a position is negative or a head count &lt;= 0",
                $"ApplyRotary({e.Span} q, int numQueryHeads, {e.Span} k, int numKeyValueHeads, {Positions} positions",
                new[]
                {
                    Layout("q", "numQueryHeads"), Layout("k", "numKeyValueHeads"),
                    $"{Guard}.CheckDisjoint<{e.Type}>(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), positions.Length, RopeGenRotary.HeadDim, \"q\", \"k\");",
                },
                $"{Staged}.Apply<{Rotation}, {e.Type}>(default, q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition, LENGTH);");
        }

        private static void EmitShift(SourceWriter w, RotaryClassSpec spec, Element e, RotaryConfig config)
        {
            w.Line("/// <summary>");
            w.Line($"/// Re-rotates cached {e.Words} keys <paramref name=\"keys\"/> <c>[tokens, numHeads, HeadDim]</c> by <paramref name=\"delta\"/>");
            w.Line("/// positions, like <see cref=\"ShiftRotary(global::System.Span{float}, int, int)\"/>: R(p + delta) = R(delta)·R(p), without the");
            w.Line("/// attention factor. Each value is widened to float, rotated and rounded once.");
            w.Line("/// </summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">The length is not a whole number of tokens or <paramref name=\"numHeads\"/> &lt;= 0; nothing is written.</exception>");
            w.Line("/// <exception cref=\"global::System.NotSupportedException\">The scaling kind is dynamic (DynamicNtk, LongRope): no single shift is correct.</exception>");
            w.Line(ClassEmitter.GeneratedCode);
            string shiftParameters = $"{e.Span} keys, int numHeads, int delta";
            w.Open($"{GeneratedMember.Public(spec, "ShiftRotary", shiftParameters)}static void ShiftRotary({shiftParameters})");
            if (config.IsDynamic) w.Line($"{Guard}.ThrowIfDynamicShift(RopeGenRotary.Config);");
            else
            {
                w.Line($"{Guard}.TokenCount(keys.Length, numHeads, RopeGenRotary.HeadDim, \"keys\", \"numHeads\");");
                w.Line($"{Staged}.Shift<{Rotation}, {e.Type}>(default, keys, delta);");
            }
            w.Close();
            w.Line();
        }

        private static void EmitRotateInto(SourceWriter w, RotaryClassSpec spec, Element e)
        {
            EmitBothLengths(w, spec,
                new[]
                {
                    "/// Rotates new keys <paramref name=\"source\"/> <c>[positions.Length, numHeads, HeadDim]</c> (left unchanged) and writes token t",
                    $"/// into row <c>slots[t]</c> of the {e.Words} cache <paramref name=\"cache\"/> <c>[capacity, numHeads, HeadDim]</c>, in one",
                    "/// pass; every other row is left as it was.",
                    e.Type == "float"
                        ? "/// The rows written equal what <see cref=\"ApplyRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)\"/> computes in place, bit for bit."
                        : "/// Each value is rotated in float, as the float overloads rotate it, and rounded once to nearest (ties to even).",
                },
                "A length does not match, a position is negative, <paramref name=\"numHeads\"/> &lt;= 0, or a slot is out of range or repeated",
                $"RotateInto(global::System.ReadOnlySpan<float> source, {Positions} positions, int numHeads, {e.Span} cache, {Positions} slots",
                new[] { Layout("source", "numHeads"), $"{Guard}.CheckSlots(slots, positions.Length, cache.Length, numHeads, RopeGenRotary.HeadDim);" },
                $"{Staged}.RotateInto<{Rotation}, {e.Type}>(default, source, positions, numHeads, cache, slots, maxPosition, LENGTH);");
        }

        /// <summary>
        /// Writes a kernel twice: with the sequence length max(positions) + 1, and with an explicit <c>sequenceLength</c>
        /// parameter. <paramref name="signature"/> is the name and parameters without the closing parenthesis;
        /// <paramref name="checks"/> run before the position checks; LENGTH in <paramref name="call"/> stands for the length.
        /// <paramref name="lengthDocs"/>, if given, replace the summary's lines about the length (without it, with it; null: none).
        /// </summary>
        internal static void EmitBothLengths(SourceWriter w, RotaryClassSpec spec, string[] summary, string faults, string signature, string[] checks, string call,
            string?[]? lengthDocs = null)
        {
            lengthDocs ??= new[]
            {
                "/// The dynamic kinds use the sequence length max(positions) + 1.",
                "/// The explicit sequence length selects the table of the dynamic kinds (DynamicNtk, LongRope); other kinds ignore it.",
            };
            foreach (bool explicitLength in new[] { false, true })
            {
                w.Line("/// <summary>");
                foreach (string line in summary) w.Line(line);
                if (lengthDocs[explicitLength ? 1 : 0] is string lengthDoc) w.Line(lengthDoc);
                w.Line("/// </summary>");
                string lengthFault = explicitLength ? ", or <paramref name=\"sequenceLength\"/> does not exceed every position" : "";
                w.Line($"/// <exception cref=\"global::System.ArgumentException\">{faults}{lengthFault}; nothing is written.</exception>");
                w.Line(ClassEmitter.GeneratedCode);
                string name = signature.Substring(0, signature.IndexOf('('));
                string parameters = signature.Substring(name.Length + 1) + (explicitLength ? ", int sequenceLength" : "");
                w.Open($"{GeneratedMember.Public(spec, name, parameters)}static void {name}({parameters})");
                foreach (string check in checks) w.Line(check);
                w.Line($"int maxPosition = {Guard}.MaxPosition(positions);");
                if (explicitLength) w.Line($"{Guard}.CheckSequenceLength(sequenceLength, maxPosition);");
                w.Line(call.Replace("LENGTH", explicitLength ? "sequenceLength" : "maxPosition + 1"));
                w.Close();
                w.Line();
            }
        }

        /// <summary>The check that <paramref name="buffer"/> holds <paramref name="tokens"/> tokens of <paramref name="heads"/> heads.</summary>
        internal static string Layout(string buffer, string heads, string tokens = "positions.Length") =>
            $"{Guard}.CheckLayout({buffer}.Length, {tokens}, {heads}, RopeGenRotary.HeadDim, \"{buffer}\", \"{heads}\");";

        /// <summary>Opens a nested struct through which <c>StagedRotation</c> drives this class's <paramref name="what"/>, with its <c>HeadDim</c>.</summary>
        internal static void OpenRotation(SourceWriter w, string what, string kernels, string declaration)
        {
            w.Line($"/// <summary>This class's {what}, which <see cref=\"global::RopeGen.StagedRotation\"/> drives for {kernels}.</summary>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            w.Open("internal readonly struct " + declaration);
            w.Line("/// <inheritdoc/>");
            w.Line("public int HeadDim => RopeGenRotary.HeadDim;");
            w.Line();
        }

        /// <summary>The float rotation the public kernels drive, inside <c>RopeGenRotary</c>.</summary>
        public static void EmitBodies(SourceWriter w)
        {
            const string span = "global::System.Span<float>";
            OpenRotation(w, "float kernels", "the Half, BFloat16 and cache-writing kernels", "FloatRotation : global::RopeGen.IFloatRotation");
            w.Line("/// <inheritdoc/>");
            w.Line("public int RowStride => RopeGenRotary.RowStride;");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"public void Rotate({span} a, int headsA, {span} b, int headsB, {Positions} positions, int maxPosition, int sequenceLength) =>");
            w.Line("    RopeGenRotary.Rotate(a, headsA, b, headsB, positions, maxPosition, sequenceLength);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"public void ComputeShiftRow(int delta, {span} row) => Table.ComputeShiftRow(delta, row);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Open("public void RotateHeads(ref float row, ref float x, int heads)");
            w.Line("if (UseVector512(heads * HeadDim)) RotateHeadsWide(ref row, ref x, heads, ref x, 0);");
            w.Line("else RotateHeadsNarrow(ref row, ref x, heads, ref x, 0);");
            w.Close();
            w.Close();
        }
    }
}
