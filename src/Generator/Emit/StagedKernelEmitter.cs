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
        private const string Positions = "global::System.ReadOnlySpan<int>";
        private const string Guard = "global::RopeGen.RotaryGuard";
        private const string Staged = "global::RopeGen.StagedRotation";
        private const string Rotation = "RopeGenRotary.FloatRotation";

        /// <summary>An element type: its name in code and in the docs.</summary>
        private readonly struct Element
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

        private static readonly Element Float = new Element("float", "float");
        private static readonly Element Half = new Element("global::System.Half", "fp16 (<see cref=\"global::System.Half\"/>)");
        private static readonly Element BFloat16 = new Element("global::RopeGen.BFloat16", "bfloat16 (<see cref=\"global::RopeGen.BFloat16\"/>)");

        private static readonly string[] Rounding =
        {
            "/// Each value is widened to float, rotated with the same tables and arithmetic as the float overload, and rounded once to",
            "/// nearest (ties to even): the result is the float rotation of the input, rounded.",
        };

        private const string SequenceLengthNote =
            "/// The explicit sequence length selects the table of the dynamic kinds (DynamicNtk, LongRope); other kinds ignore it.";

        /// <summary>Writes the public kernels, then reopens <c>RopeGenRotary</c> for the float rotation they drive.</summary>
        public static void EmitMembers(SourceWriter w, RotaryConfig config)
        {
            foreach (Element e in new[] { Half, BFloat16 })
            {
                EmitApply(w, e);
                EmitFused(w, e);
                EmitShift(w, e, config);
            }
            foreach (Element e in new[] { Float, Half, BFloat16 })
                EmitRotateInto(w, e);

            // The first part of RopeGenRotary declares its accessibility and carries its documentation and [GeneratedCode].
            w.Open("static partial class RopeGenRotary");
            EmitFloatRotation(w);
            w.Close();
        }

        private static void EmitApply(SourceWriter w, Element e)
        {
            foreach (bool explicitLength in new[] { false, true })
            {
                w.Line("/// <summary>");
                w.Line($"/// Rotates the {e.Words} buffer <paramref name=\"x\"/>, laid out <c>[positions.Length, numHeads, RopeGenRotary.HeadDim]</c>,");
                w.Line("/// in place, like <see cref=\"ApplyRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)\"/>.");
                foreach (string line in Rounding) w.Line(line);
                if (explicitLength) w.Line(SequenceLengthNote);
                w.Line("/// </summary>");
                Exceptions(w, explicitLength, "The length does not match, a position is negative or <paramref name=\"numHeads\"/> &lt;= 0");
                w.Line(ClassEmitter.GeneratedCode);
                w.Open($"public static void ApplyRotary({e.Span} x, {Positions} positions, int numHeads{LengthParameter(explicitLength)})");
                w.Line($"{Guard}.CheckLayout(x.Length, positions.Length, numHeads, RopeGenRotary.HeadDim, \"x\", \"numHeads\");");
                string length = CheckedLength(w, explicitLength);
                w.Line($"{Staged}.Apply<{Rotation}, {e.Type}>(default, x, numHeads, default, 0, positions, maxPosition, {length});");
                w.Close();
                w.Line();
            }
        }

        private static void EmitFused(SourceWriter w, Element e)
        {
            foreach (bool explicitLength in new[] { false, true })
            {
                w.Line("/// <summary>");
                w.Line($"/// Rotates {e.Words} queries <paramref name=\"q\"/> <c>[positions.Length, numQueryHeads, HeadDim]</c> and keys");
                w.Line("/// <paramref name=\"k\"/> <c>[positions.Length, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin.");
                foreach (string line in Rounding) w.Line(line);
                if (explicitLength) w.Line(SequenceLengthNote);
                w.Line("/// </summary>");
                Exceptions(w, explicitLength, "A length does not match, a position is negative or a head count &lt;= 0");
                w.Line(ClassEmitter.GeneratedCode);
                w.Open($"public static void ApplyRotary({e.Span} q, int numQueryHeads, {e.Span} k, int numKeyValueHeads, {Positions} positions{LengthParameter(explicitLength)})");
                w.Line($"{Guard}.CheckLayout(q.Length, positions.Length, numQueryHeads, RopeGenRotary.HeadDim, \"q\", \"numQueryHeads\");");
                w.Line($"{Guard}.CheckLayout(k.Length, positions.Length, numKeyValueHeads, RopeGenRotary.HeadDim, \"k\", \"numKeyValueHeads\");");
                string length = CheckedLength(w, explicitLength);
                w.Line($"{Staged}.Apply<{Rotation}, {e.Type}>(default, q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition, {length});");
                w.Close();
                w.Line();
            }
        }

        private static void EmitShift(SourceWriter w, Element e, RotaryConfig config)
        {
            w.Line("/// <summary>");
            w.Line($"/// Re-rotates cached {e.Words} keys <paramref name=\"keys\"/> <c>[tokens, numHeads, HeadDim]</c> by <paramref name=\"delta\"/>");
            w.Line("/// positions, like <see cref=\"ShiftRotary(global::System.Span{float}, int, int)\"/>: R(p + delta) = R(delta)·R(p), without the");
            w.Line("/// attention factor. Each value is widened to float, rotated and rounded once.");
            w.Line("/// </summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">The length is not a whole number of tokens or <paramref name=\"numHeads\"/> &lt;= 0; nothing is written.</exception>");
            w.Line("/// <exception cref=\"global::System.NotSupportedException\">The scaling kind is dynamic (DynamicNtk, LongRope): no single shift is correct.</exception>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Open($"public static void ShiftRotary({e.Span} keys, int numHeads, int delta)");
            if (config.IsDynamic) w.Line($"{Guard}.ThrowIfDynamicShift(RopeGenRotary.Config);");
            else
            {
                w.Line($"{Guard}.TokenCount(keys.Length, numHeads, RopeGenRotary.HeadDim, \"keys\", \"numHeads\");");
                w.Line($"{Staged}.Shift<{Rotation}, {e.Type}>(default, keys, delta);");
            }
            w.Close();
            w.Line();
        }

        private static void EmitRotateInto(SourceWriter w, Element e)
        {
            foreach (bool explicitLength in new[] { false, true })
            {
                w.Line("/// <summary>");
                w.Line("/// Rotates new keys <paramref name=\"source\"/> <c>[positions.Length, numHeads, HeadDim]</c> (left unchanged) and writes token t");
                w.Line($"/// into row <c>slots[t]</c> of the {e.Words} cache <paramref name=\"cache\"/> <c>[capacity, numHeads, HeadDim]</c>, in one");
                w.Line("/// pass; every other row is left as it was.");
                w.Line(e.Type == "float"
                    ? "/// The rows written equal what <see cref=\"ApplyRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)\"/> computes in place, bit for bit."
                    : "/// Each value is rotated in float, as the float overloads rotate it, and rounded once to nearest (ties to even).");
                w.Line(explicitLength ? SequenceLengthNote : "/// The dynamic kinds use the sequence length max(positions) + 1.");
                w.Line("/// </summary>");
                Exceptions(w, explicitLength, "A length does not match, a position is negative, <paramref name=\"numHeads\"/> &lt;= 0, or a slot is out of range or repeated");
                w.Line(ClassEmitter.GeneratedCode);
                w.Open($"public static void RotateInto(global::System.ReadOnlySpan<float> source, {Positions} positions, int numHeads, {e.Span} cache, {Positions} slots{LengthParameter(explicitLength)})");
                w.Line($"{Guard}.CheckLayout(source.Length, positions.Length, numHeads, RopeGenRotary.HeadDim, \"source\", \"numHeads\");");
                string length = CheckedLength(w, explicitLength);
                w.Line($"{Guard}.CheckSlots(slots, positions.Length, cache.Length, numHeads, RopeGenRotary.HeadDim);");
                w.Line($"{Staged}.RotateInto<{Rotation}, {e.Type}>(default, source, positions, numHeads, cache, slots, maxPosition, {length});");
                w.Close();
                w.Line();
            }
        }

        private static string LengthParameter(bool explicitLength) => explicitLength ? ", int sequenceLength" : "";

        /// <summary>Writes the position checks (and the sequence length's); returns the sequence length expression.</summary>
        private static string CheckedLength(SourceWriter w, bool explicitLength)
        {
            w.Line($"int maxPosition = {Guard}.MaxPosition(positions);");
            if (!explicitLength) return "maxPosition + 1";
            w.Line($"{Guard}.CheckSequenceLength(sequenceLength, maxPosition);");
            return "sequenceLength";
        }

        private static void Exceptions(SourceWriter w, bool explicitLength, string faults)
        {
            string length = explicitLength ? ", or <paramref name=\"sequenceLength\"/> does not exceed every position" : "";
            w.Line($"/// <exception cref=\"global::System.ArgumentException\">{faults}{length}; nothing is written.</exception>");
        }

        private static void EmitFloatRotation(SourceWriter w)
        {
            const string span = "global::System.Span<float>";
            w.Line("/// <summary>This class's float kernels, which <see cref=\"global::RopeGen.StagedRotation\"/> drives for the Half, BFloat16 and cache-writing kernels.</summary>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            w.Open("internal readonly struct FloatRotation : global::RopeGen.IFloatRotation");
            w.Line("/// <inheritdoc/>");
            w.Line("public int HeadDim => RopeGenRotary.HeadDim;");
            w.Line();
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
