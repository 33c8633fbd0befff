// Excerpt: the members that differ from SnapshotTests.Llama31HalfSplit (the whole file)
        /// <summary>The RoPE configuration of this class, resolved at build time by RopeGen, its cos/sin tables and the kernel bodies.</summary>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static partial class RopeGenRotary
        {
            /// <summary>Width of one attention head.</summary>
            public const int HeadDim = 80;

            /// <summary>Leading dimensions of each head that are rotated; the rest pass through.</summary>
            public const int RotaryDim = 32;

            /// <summary>Rotation pairs per head, RotaryDim / 2.</summary>
            public const int PairCount = 16;

            /// <summary>Which coordinates form a pair.</summary>
            public const global::RopeGen.RotaryLayout Layout = global::RopeGen.RotaryLayout.HalfSplit;

            /// <summary>The frequency scaling kind.</summary>
            public const global::RopeGen.RopeScaling Scaling = global::RopeGen.RopeScaling.None;

            /// <summary>The factor folded into every cos and sin (YaRN / LongRoPE magnitude correction; 1 otherwise).</summary>
            public const double AttentionFactor = 1.0d;

            /// <summary>Floats in the cos half (and in the sin half) of a table row.</summary>
            public const int RowWidth = 16;

            /// <summary>Floats per table row: RowWidth cos values, then RowWidth sin values.</summary>
            public const int RowStride = 32;

            /// <summary>θ_i of each pair in radians per position.</summary>
            public static global::System.ReadOnlySpan<double> InverseFrequencies => new double[]
            {
                1.0d, 0.56234132519034907d, 0.31622776601683794d, 0.17782794100389226d,
                0.10000000000000001d, 0.056234132519034905d, 0.031622776601683791d, 0.017782794100389229d,
                0.01d, 0.005623413251903491d, 0.003162277660168379d, 0.001778279410038923d,
                0.001d, 0.0005623413251903491d, 0.00031622776601683794d, 0.00017782794100389227d,
            };

            /// <summary>The same configuration as a run-time object, for the runtime's math and kernels.</summary>
            public static global::RopeGen.RotaryConfig Config { get; } = new global::RopeGen.RotaryConfig(80, 10000.0d, global::RopeGen.RopeScaling.None) { RotaryDim = 32 };

            /// <summary>The cos/sin table, shared by every head, q and k and every call; grown on demand.</summary>
            public static global::RopeGen.RotaryTable Table { get; } = new global::RopeGen.RotaryTable(InverseFrequencies, AttentionFactor, Layout);

