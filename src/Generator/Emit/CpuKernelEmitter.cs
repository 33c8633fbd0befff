using System.Linq;
using RopeGen.Generator.Model;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes the float CPU kernels of an annotated class: the public <c>ApplyRotary</c> and <c>ShiftRotary</c>, and
    /// their bodies in the nested <c>RopeGenRotary</c> (laid out by <see cref="ClassEmitter.EmitCpuMembers"/>).
    /// </summary>
    internal static class CpuKernelEmitter
    {
        private const string Span = "global::System.Span<float>";
        private const string Positions = "global::System.ReadOnlySpan<int>";
        private const string Guard = "global::RopeGen.RotaryGuard";
        private const string Table = "global::RopeGen.RotaryTable";
        private const string View = "global::RopeGen.HeadView";
        private const string Parallel = "global::System.Threading.Tasks.ParallelOptions";
        private const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";
        private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

        // The per-token bodies are compiled once, fully optimized, without a profile: inlined into the token loop under
        // tiered PGO, a process that ran decode first (512-bit path) compiled the 256-bit prefill path as cold code.
        private const string Entry = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

        /// <summary>The kernel bodies, inside <c>RopeGenRotary</c>: Rotate, Shift and the per-token head rotations.</summary>
        public static void EmitBodies(SourceWriter w, RotaryConfig config)
        {
            EmitRotate(w, config);
            w.Line();
            EmitShift(w, config);
            w.Line();
            EmitRotateHeads(w, config);
        }

        public static void EmitPublicKernels(SourceWriter w, RotaryClassSpec spec, RotaryConfig config)
        {
            string sequenceNote = config.IsDynamic
                ? "the sequence length max(positions) + 1 selects the frequency table, as transformers does"
                : "the frequency table does not depend on the sequence length";

            w.Block($$"""
                /// <summary>
                /// Rotates <paramref name="x"/>, laid out <c>[positions.Length, numHeads, RopeGenRotary.HeadDim]</c> row-major, in
                /// place; token t is at position <c>positions[t]</c>. For {{config.Scaling}} scaling {{sequenceNote}}.
                /// </summary>
                /// <exception cref="global::System.ArgumentException">The length does not match, a position is negative or <paramref name="numHeads"/> &lt;= 0; nothing is written.</exception>
                {{ClassEmitter.GeneratedCode}}
                {{GeneratedMember.ApplyRotary.Public(spec)}}static void ApplyRotary({{Span}} x, {{Positions}} positions, int numHeads)
                {
                    {{Guard}}.CheckLayout(x.Length, positions.Length, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
                    int maxPosition = {{Guard}}.MaxPosition(positions);
                    RopeGenRotary.Rotate(x, numHeads, default, 0, positions, maxPosition, maxPosition + 1);
                }

                /// <summary>
                /// Rotates <paramref name="x"/> like <see cref="ApplyRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)"/>, with an
                /// explicit sequence length that selects the table of the dynamic kinds (DynamicNtk, LongRope); other kinds ignore it.
                /// </summary>
                /// <exception cref="global::System.ArgumentException">Bad sizes or positions, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
                {{ClassEmitter.GeneratedCode}}
                {{GeneratedMember.ApplyRotaryWithLength.Public(spec)}}static void ApplyRotary({{Span}} x, {{Positions}} positions, int numHeads, int sequenceLength)
                {
                    {{Guard}}.CheckLayout(x.Length, positions.Length, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
                    int maxPosition = {{Guard}}.MaxPosition(positions);
                    {{Guard}}.CheckSequenceLength(sequenceLength, maxPosition);
                    RopeGenRotary.Rotate(x, numHeads, default, 0, positions, maxPosition, sequenceLength);
                }

                /// <summary>
                /// Rotates queries <paramref name="q"/> <c>[positions.Length, numQueryHeads, HeadDim]</c> and keys <paramref name="k"/>
                /// <c>[positions.Length, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin (grouped-query
                /// attention has fewer key/value heads).
                /// </summary>
                /// <exception cref="global::System.ArgumentException">A length does not match, q and k overlap, a position is negative or a head count &lt;= 0; nothing is written.</exception>
                {{ClassEmitter.GeneratedCode}}
                """);
            w.Open($"{GeneratedMember.ApplyRotaryFused.Public(spec)}static void ApplyRotary({Span} q, int numQueryHeads, {Span} k, int numKeyValueHeads, {Positions} positions)");
            ViewKernelEmitter.FusedChecks(w);
            w.Line($"int maxPosition = {Guard}.MaxPosition(positions);");
            w.Line("RopeGenRotary.Rotate(q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition, maxPosition + 1);");
            w.Close();
            ViewKernelEmitter.EmitPublicKernels(w, spec);
            w.Line();

            w.Block($$"""
                /// <summary>
                /// Re-rotates <paramref name="keys"/> <c>[tokens, numHeads, HeadDim]</c>, already rotated at their positions, by
                /// <paramref name="delta"/> positions (R(p + delta) = R(delta)·R(p)): a pure rotation without the attention factor, for
                /// attention sinks and context shifts. <paramref name="delta"/> may be negative.
                /// </summary>
                /// <exception cref="global::System.ArgumentException">The length is not a whole number of tokens or <paramref name="numHeads"/> &lt;= 0.</exception>
                /// <exception cref="global::System.NotSupportedException">The scaling kind is dynamic (DynamicNtk, LongRope): no single shift is correct.</exception>
                {{ClassEmitter.GeneratedCode}}
                {{GeneratedMember.ShiftRotary.Public(spec)}}static void ShiftRotary({{Span}} keys, int numHeads, int delta)
                {
                    RopeGenRotary.Shift(keys, numHeads, delta);
                }
                """);
        }

        private static void EmitRotate(SourceWriter w, RotaryConfig config)
        {
            w.Line("/// <summary>Rotates a (and b, if it has heads), laid out <c>[tokens, heads, HeadDim]</c>, at each token's position with the table that <paramref name=\"sequenceLength\"/> selects.</summary>");
            w.Line(Hidden);
            w.Open($"internal static void Rotate({Span} a, int headsA, {Span} b, int headsB, {Positions} positions, int maxPosition, int sequenceLength)");
            w.Line($"Rotate(a, {View}.Contiguous(headsA), b, headsB > 0 ? {View}.Contiguous(headsB) : default, positions, maxPosition, sequenceLength, null);");
            w.Close();
            w.Line();

            w.Line("/// <summary>");
            w.Line("/// Rotates the heads of a (and b, if its view has heads) that the views describe, at each token's position, with the table");
            w.Line("/// that <paramref name=\"sequenceLength\"/> selects, once for the whole call: on this thread, or split by tokens when");
            w.Line("/// <paramref name=\"parallel\"/> is given and the call is large enough.");
            w.Line("/// </summary>");
            w.Line(Hidden);
            w.Open($"internal static void Rotate({Span} a, {View} viewA, {Span} b, {View} viewB, {Positions} positions, int maxPosition, int sequenceLength, {Parallel}? parallel)");
            switch (config.Scaling)
            {
                case RopeScaling.LongRope:
                    w.Line($"{Table} table = global::RopeGen.RopeFrequencies.UsesLongFactors(Config, sequenceLength) ? LongTable : Table;");
                    break;
                case RopeScaling.DynamicNtk:
                    // Above L the base stretches with every length: rows are computed per call (cap 0), never cached.
                    w.Line($"{Table} table = global::RopeGen.RopeFrequencies.IsDynamicNtkStretched(Config, sequenceLength)");
                    w.Line($"    ? new {Table}(global::RopeGen.RopeFrequencies.InverseFrequencies(Config, sequenceLength), AttentionFactor, Layout, 0)");
                    w.Line("    : Table;");
                    break;
                default:
                    w.Line($"{Table} table = Table;");
                    break;
            }
            w.Line("long floats = (long)positions.Length * (viewA.Heads + viewB.Heads) * HeadDim;");
            w.Line("bool wide = UseVector512(floats);");
            w.Line("if (parallel is null) RotateTokens(a, viewA, b, viewB, positions, 0, positions.Length, maxPosition, table, wide);");
            w.Line($"else global::RopeGen.RotaryParallel.For(a, b, positions, global::RopeGen.RotaryParallel.ChunkCount(positions.Length, floats, parallel), parallel,");
            w.Line("    (A: viewA, B: viewB, MaxPosition: maxPosition, Table: table, Wide: wide),");
            w.Line($"    static (in ({View} A, {View} B, int MaxPosition, {Table} Table, bool Wide) call, {Span} chunkA, {Span} chunkB, {Positions} chunkPositions, int first, int end) =>");
            w.Line("        RotateTokens(chunkA, call.A, chunkB, call.B, chunkPositions, first, end, call.MaxPosition, call.Table, call.Wide));");
            w.Close();
            w.Line();

            w.Line("/// <summary>The token loop over tokens <paramref name=\"first\"/> to <paramref name=\"end\"/> - 1: each token's row is fetched once and shared by its heads of a and b.</summary>");
            w.Open($"private static void RotateTokens({Span} a, {View} viewA, {Span} b, {View} viewB, {Positions} positions, int first, int end, int maxPosition, {Table} table, bool wide)");
            w.Line("float[] rows = table.Acquire(maxPosition);");
            w.Line("int cached = rows.Length / RowStride;");
            w.Line("// Rows past the cache are computed into a scratch row; most calls never need one.");
            w.Line($"{Span} scratch = maxPosition < cached ? default : {ScratchRow()};");
            w.Line("// Strides fit in an int once the guard has checked the views against their buffers.");
            w.Line("int headsA = viewA.Heads, tokenA = (int)viewA.TokenStride(HeadDim), strideA = (int)viewA.HeadStride(HeadDim);");
            w.Line("int headsB = viewB.Heads, tokenB = (int)viewB.TokenStride(HeadDim), strideB = (int)viewB.HeadStride(HeadDim);");
            w.Line("ref float aRef = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(a), viewA.Offset);");
            w.Line("ref float bRef = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(b), viewB.Offset);");
            w.Open("for (int t = first; t < end; t++)");
            w.Line("int p = positions[t];");
            w.Line("ref float row = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(scratch);");
            w.Line("if (p < cached) row = ref rows[p * RowStride];");
            w.Line("else table.ComputeRow(p, scratch);");
            w.Line("ref float aToken = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref aRef, t * tokenA);");
            w.Line("ref float bToken = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref bRef, t * tokenB);");
            w.Line("if (wide) RotateHeadsWide(ref row, ref aToken, headsA, strideA, ref bToken, headsB, strideB);");
            w.Line("else RotateHeadsNarrow(ref row, ref aToken, headsA, strideA, ref bToken, headsB, strideB);");
            w.Close();
            w.Close();
        }

        private static void EmitShift(SourceWriter w, RotaryConfig config)
        {
            w.Line("/// <summary>The body of ShiftRotary.</summary>");
            w.Line(Hidden);
            w.Open($"internal static void Shift({Span} keys, int numHeads, int delta)");
            if (config.IsDynamic)
            {
                w.Line($"{Guard}.ThrowIfDynamicShift(Config);");
                w.Close();
                return;
            }
            w.Line($"int rowCount = {Guard}.TokenCount(keys.Length, numHeads, HeadDim, \"keys\", \"numHeads\") * numHeads;");
            w.Line($"{Span} row = {ScratchRow()};");
            w.Line("Table.ComputeShiftRow(delta, row);");
            w.Line("ref float rowRef = ref row[0];");
            w.Line("ref float k = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(keys);");
            w.Line("// Every cached head, of every token, takes the same rotation: one \"token\" of rowCount heads.");
            w.Line("if (UseVector512(keys.Length)) RotateHeadsWide(ref rowRef, ref k, rowCount, ref k, 0);");
            w.Line("else RotateHeadsNarrow(ref rowRef, ref k, rowCount, ref k, 0);");
            w.Close();
        }

        /// <summary>The per-token entry for heads side by side (HeadDim apart): one token's heads rotated with one row.</summary>
        private static void ContiguousHeads(SourceWriter w, string name)
        {
            w.Line($"/// <summary>Rotates headsA heads at a and headsB heads at b, each HeadDim apart, with one token's row (<see cref=\"{name}(ref float, ref float, int, int, ref float, int, int)\"/>).</summary>");
            w.Line(Inline);
            w.Line($"private static void {name}(ref float row, ref float a, int headsA, ref float b, int headsB) => {name}(ref row, ref a, headsA, HeadDim, ref b, headsB, HeadDim);");
            w.Line();
        }

        private static string ScratchRow() => "(RowStride <= " + KernelTuning.MaxStackRowFloats + " ? stackalloc float[RowStride] : new float[RowStride])";

        private static void EmitRotateHeads(SourceWriter w, RotaryConfig config)
        {
            int width = (int)RotaryRows.Width(config.Layout, config.PairCount);
            w.Line("/// <summary>");
            w.Line("/// Whether a call over <paramref name=\"floats\"/> floats takes the 512-bit path: only when the data fits in cache.");
            w.Line("/// Larger calls stream from memory, where 512-bit loads and stores measured slower than 256-bit ones (RopeGen's");
            w.Line("/// docs/performance.md has the figures).");
            w.Line("/// </summary>");
            w.Line(Inline);
            w.Line($"private static bool UseVector512(long floats) => global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && floats <= {KernelTuning.InCacheFloats};");
            w.Line();
            const string heads = "(ref float row, ref float a, int headsA, int strideA, ref float b, int headsB, int strideB)";
            ContiguousHeads(w, "RotateHeadsWide");
            w.Line("/// <summary>Rotates every head of one token (heads of a and b strideA and strideB apart) with 512-bit vectors (cos at 0, sin at RowWidth in the row).</summary>");
            w.Line(Entry);
            w.Open("private static void RotateHeadsWide" + heads);
            // 32 vector registers with AVX-512: up to 16 row vectors stay in registers.
            HeadRotationEmitter.EmitHeads(w, config.Layout, config.EffectiveRotaryDim, width, 16, registers: 16);
            w.Close();
            w.Line();
            ContiguousHeads(w, "RotateHeadsNarrow");
            w.Line("/// <summary>Rotates every head of one token (heads of a and b strideA and strideB apart) with the widest vectors below 512 bits this machine accelerates; the JIT keeps only that path.</summary>");
            w.Line(Entry);
            w.Open("private static void RotateHeadsNarrow" + heads);
            // 256-bit: 16 row vectors in registers (a 128-dim head's whole half-split row, half an interleaved one), even
            // with AVX2's 16 registers, where the JIT reloads a few from the stack: measured faster than loading the row
            // for every block of every head, and than two passes over the heads (docs/performance.md). 128-bit: 8.
            w.Open("if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)");
            HeadRotationEmitter.EmitHeads(w, config.Layout, config.EffectiveRotaryDim, width, 8, registers: 16);
            w.Close();
            w.Open("else if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)");
            HeadRotationEmitter.EmitHeads(w, config.Layout, config.EffectiveRotaryDim, width, 4, registers: 8);
            w.Close();
            w.Open("else");
            HeadRotationEmitter.EmitHeads(w, config.Layout, config.EffectiveRotaryDim, width, 0, registers: 0);
            w.Close();
            w.Close();
        }
    }
}
