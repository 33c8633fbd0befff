// Excerpt: the members that differ from SnapshotTests.Llama31HalfSplit (the whole file)
        /// <summary>
        /// Rotates <paramref name="x"/>, laid out <c>[positions.Length, numHeads, RopeGenRotary.HeadDim]</c> row-major, in
        /// place; token t is at position <c>positions[t]</c>. For DynamicNtk scaling the sequence length max(positions) + 1 selects the frequency table, as transformers does.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The length does not match, a position is negative or <paramref name="numHeads"/> &lt;= 0; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyRotary(global::System.Span<float> x, global::System.ReadOnlySpan<int> positions, int numHeads)
        {
            global::RopeGen.RotaryGuard.CheckLayout(x.Length, positions.Length, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            RopeGenRotary.Rotate(x, numHeads, default, 0, positions, maxPosition, maxPosition + 1);
        }
// ...
        /// <summary>The RoPE configuration of this class, resolved at build time by RopeGen, its cos/sin tables and the kernel bodies.</summary>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static partial class RopeGenRotary
        {
            /// <summary>Width of one attention head.</summary>
            public const int HeadDim = 64;

            /// <summary>Leading dimensions of each head that are rotated; the rest pass through.</summary>
            public const int RotaryDim = 64;

            /// <summary>Rotation pairs per head, RotaryDim / 2.</summary>
            public const int PairCount = 32;

            /// <summary>Which coordinates form a pair.</summary>
            public const global::RopeGen.RotaryLayout Layout = global::RopeGen.RotaryLayout.HalfSplit;

            /// <summary>The frequency scaling kind.</summary>
            public const global::RopeGen.RopeScaling Scaling = global::RopeGen.RopeScaling.DynamicNtk;

            /// <summary>The factor folded into every cos and sin (YaRN / LongRoPE magnitude correction; 1 otherwise).</summary>
            public const double AttentionFactor = 1.0d;

            /// <summary>Floats in the cos half (and in the sin half) of a table row.</summary>
            public const int RowWidth = 32;

            /// <summary>Floats per table row: RowWidth cos values, then RowWidth sin values.</summary>
            public const int RowStride = 64;

            /// <summary>θ_i of each pair in radians per position while the sequence fits in the original context (unstretched base).</summary>
            public static global::System.ReadOnlySpan<double> InverseFrequencies => new double[]
            {
                1.0d, 0.74989420933245587d, 0.56234132519034907d, 0.42169650342858228d,
                0.31622776601683794d, 0.23713737056616555d, 0.17782794100389226d, 0.1333521432163324d,
                0.10000000000000001d, 0.074989420933245579d, 0.056234132519034905d, 0.042169650342858224d,
                0.031622776601683791d, 0.02371373705661655d, 0.017782794100389229d, 0.013335214321633241d,
                0.01d, 0.0074989420933245588d, 0.005623413251903491d, 0.0042169650342858229d,
                0.003162277660168379d, 0.0023713737056616549d, 0.001778279410038923d, 0.0013335214321633241d,
                0.001d, 0.00074989420933245575d, 0.0005623413251903491d, 0.00042169650342858229d,
                0.00031622776601683794d, 0.00023713737056616554d, 0.00017782794100389227d, 0.0001333521432163324d,
            };

            /// <summary>The same configuration as a run-time object, for the runtime's math and kernels.</summary>
            public static global::RopeGen.RotaryConfig Config { get; } = new global::RopeGen.RotaryConfig(64, 10000.0d, global::RopeGen.RopeScaling.DynamicNtk) { Factor = 2.0d, OriginalMaxPositions = 2048 };

            /// <summary>The cos/sin table while the sequence fits in the original context (unstretched base), shared by every head, q and k and every call; grown on demand.</summary>
            public static global::RopeGen.RotaryTable Table { get; } = new global::RopeGen.RotaryTable(InverseFrequencies, AttentionFactor, Layout);

// ...
            /// <summary>
            /// Rotates the heads of a (and b, if its view has heads) that the views describe, at each token's position, with the table
            /// that <paramref name="sequenceLength"/> selects, once for the whole call: on this thread, or split by tokens when
            /// <paramref name="parallel"/> is given and the call is large enough.
            /// </summary>
            [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
            internal static void Rotate(global::System.Span<float> a, global::RopeGen.HeadView viewA, global::System.Span<float> b, global::RopeGen.HeadView viewB, global::System.ReadOnlySpan<int> positions, int maxPosition, int sequenceLength, global::System.Threading.Tasks.ParallelOptions? parallel)
            {
                global::RopeGen.RotaryTable table = global::RopeGen.RopeFrequencies.IsDynamicNtkStretched(Config, sequenceLength)
                    ? new global::RopeGen.RotaryTable(global::RopeGen.RopeFrequencies.InverseFrequencies(Config, sequenceLength), AttentionFactor, Layout, 0)
                    : Table;
                long floats = (long)positions.Length * (viewA.Heads + viewB.Heads) * HeadDim;
                bool wide = UseVector512(floats);
                if (parallel is null) RotateTokens(a, viewA, b, viewB, positions, 0, positions.Length, maxPosition, table, wide);
                else global::RopeGen.RotaryParallel.For(a, b, positions, global::RopeGen.RotaryParallel.ChunkCount(positions.Length, floats, parallel), parallel,
                    (A: viewA, B: viewB, MaxPosition: maxPosition, Table: table, Wide: wide),
                    static (in (global::RopeGen.HeadView A, global::RopeGen.HeadView B, int MaxPosition, global::RopeGen.RotaryTable Table, bool Wide) call, global::System.Span<float> chunkA, global::System.Span<float> chunkB, global::System.ReadOnlySpan<int> chunkPositions, int first, int end) =>
                        RotateTokens(chunkA, call.A, chunkB, call.B, chunkPositions, first, end, call.MaxPosition, call.Table, call.Wide));
            }
// ...
            /// <summary>The body of ShiftRotary.</summary>
            [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
            internal static void Shift(global::System.Span<float> keys, int numHeads, int delta)
            {
                global::RopeGen.RotaryGuard.ThrowIfDynamicShift(Config);
            }
