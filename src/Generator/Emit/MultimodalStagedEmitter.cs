using RopeGen.Generator.Model;
using static RopeGen.Generator.Emit.StagedKernelEmitter;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes the Half and BFloat16 M-RoPE kernels (<c>ApplyMultimodalRotary</c>) and the cache-writing
    /// <c>RotateMultimodalInto</c> of a class with <c>MRopeSections</c>: the same shapes, checks and staging as the plain
    /// 16-bit kernels and <c>RotateInto</c> (<see cref="StagedKernelEmitter"/>), with positions <c>[3, tokens]</c>, driving
    /// the class's float M-RoPE through the nested <c>RopeGenRotary.MultimodalFloatRotation</c>. <c>RotateInto</c> cannot
    /// take M-RoPE positions under its own name: its signature would be the same.
    /// </summary>
    internal static class MultimodalStagedEmitter
    {
        private const string Rotation = "RopeGenRotary.MultimodalFloatRotation";
        private const string Tokens = "int tokens = " + Guard + ".MultimodalTokenCount(positions.Length);";

        private const string Ids = "/// <paramref name=\"positions\"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).";

        // The float M-RoPE kinds are static: the length is only checked.
        private static readonly string?[] LengthDocs =
        {
            null,
            "/// <paramref name=\"sequenceLength\"/> is checked against the positions; M-RoPE's static kinds do not depend on it.",
        };

        /// <summary>The public overloads, in the annotated class.</summary>
        public static void EmitPublicKernels(SourceWriter w, RotaryClassSpec spec)
        {
            foreach (Element e in new[] { Half, BFloat16 })
            {
                EmitApply(w, spec, e);
                EmitFused(w, spec, e);
            }
            foreach (Element e in new[] { Float, Half, BFloat16 })
                EmitRotateInto(w, spec, e);
        }

        private static void EmitApply(SourceWriter w, RotaryClassSpec spec, Element e)
        {
            EmitBothLengths(w, spec,
                new[]
                {
                    $"/// M-RoPE on the {e.Words} buffer <paramref name=\"x\"/>, laid out <c>[tokens, numHeads, RopeGenRotary.HeadDim]</c>, in place,",
                    "/// like <see cref=\"ApplyMultimodalRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)\"/>.",
                    Ids, Rounding[0], Rounding[1],
                },
                "The positions are not 3 × tokens, the length does not match, a position is negative or <paramref name=\"numHeads\"/> &lt;= 0",
                $"ApplyMultimodalRotary({e.Span} x, {Positions} positions, int numHeads",
                new[] { Tokens, Layout("x", "numHeads", "tokens") },
                $"{Staged}.ApplyMultimodal<{Rotation}, {e.Type}>(default, x, numHeads, default, 0, positions, maxPosition);",
                LengthDocs);
        }

        private static void EmitFused(SourceWriter w, RotaryClassSpec spec, Element e)
        {
            EmitBothLengths(w, spec,
                new[]
                {
                    $"/// M-RoPE on {e.Words} queries <paramref name=\"q\"/> <c>[tokens, numQueryHeads, HeadDim]</c> and keys <paramref name=\"k\"/>",
                    "/// <c>[tokens, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin; q and k must not overlap.",
                    Ids, Rounding[0], Rounding[1],
                },
                "The positions are not 3 × tokens, a length does not match, q and k overlap, a position is negative or a head count &lt;= 0",
                $"ApplyMultimodalRotary({e.Span} q, int numQueryHeads, {e.Span} k, int numKeyValueHeads, {Positions} positions",
                new[]
                {
                    Tokens,
                    $"{Guard}.CheckFusedLayout(q.Length, numQueryHeads, k.Length, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);",
                    $"{Guard}.CheckDisjoint<{e.Type}>(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, \"q\", \"k\");",
                },
                $"{Staged}.ApplyMultimodal<{Rotation}, {e.Type}>(default, q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition);",
                LengthDocs);
        }

        private static void EmitRotateInto(SourceWriter w, RotaryClassSpec spec, Element e)
        {
            EmitBothLengths(w, spec,
                new[]
                {
                    "/// M-RoPE for new keys <paramref name=\"source\"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), written token t into row",
                    $"/// <c>slots[t]</c> of the {e.Words} cache <paramref name=\"cache\"/> <c>[capacity, numHeads, HeadDim]</c>, in one pass; every",
                    "/// other row is left as it was.",
                    Ids,
                    e.Type == "float"
                        ? "/// The rows written equal what <see cref=\"ApplyMultimodalRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)\"/> computes in place, bit for bit."
                        : "/// Each value is rotated in float, as the float overloads rotate it, and rounded once to nearest (ties to even).",
                },
                "The positions are not 3 × tokens, a length does not match, a position is negative, <paramref name=\"numHeads\"/> &lt;= 0, or a slot is out of range or repeated",
                $"RotateMultimodalInto(global::System.ReadOnlySpan<float> source, {Positions} positions, int numHeads, {e.Span} cache, {Positions} slots",
                new[] { Tokens, Layout("source", "numHeads", "tokens"), $"{Guard}.CheckSlots(slots, tokens, cache.Length, numHeads, RopeGenRotary.HeadDim);" },
                $"{Staged}.RotateMultimodalInto<{Rotation}, {e.Type}>(default, source, positions, numHeads, cache, slots, maxPosition);",
                LengthDocs);
        }

        /// <summary>The float M-RoPE rotation the public overloads drive, inside <c>RopeGenRotary</c>.</summary>
        public static void EmitBodies(SourceWriter w)
        {
            const string span = "global::System.Span<float>";
            OpenRotation(w, "float M-RoPE", "the Half, BFloat16 and cache-writing M-RoPE kernels", "MultimodalFloatRotation : global::RopeGen.IMultimodalFloatRotation");
            w.Line("/// <inheritdoc/>");
            w.Line($"public void RotateMultimodal({span} a, int headsA, {span} b, int headsB, {Positions} positions, int first, int count, int maxPosition) =>");
            w.Line("    RopeGenRotary.RotateMultimodal(a, headsA, b, headsB, positions, first, count, maxPosition);");
            w.Close();
        }
    }
}
