// Excerpt: the members that differ from SnapshotTests.Llama31HalfSplit (the whole file)
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
            public const global::RopeGen.RotaryLayout Layout = global::RopeGen.RotaryLayout.Interleaved;

            /// <summary>The frequency scaling kind.</summary>
            public const global::RopeGen.RopeScaling Scaling = global::RopeGen.RopeScaling.Yarn;

            /// <summary>The factor folded into every cos and sin (YaRN / LongRoPE magnitude correction; 1 otherwise).</summary>
            public const double AttentionFactor = 1.0d;

            /// <summary>Floats in the cos half (and in the sin half) of a table row.</summary>
            public const int RowWidth = 64;

            /// <summary>Floats per table row: RowWidth cos values, then RowWidth sin values.</summary>
            public const int RowStride = 128;

            /// <summary>θ_i of each pair in radians per position.</summary>
            public static global::System.ReadOnlySpan<double> InverseFrequencies => new double[]
            {
                1.0d, 0.74989420933245587d, 0.56234132519034907d, 0.42169650342858228d,
                0.31622776601683794d, 0.23713737056616555d, 0.17782794100389226d, 0.1333521432163324d,
                0.10000000000000001d, 0.074989420933245579d, 0.056234132519034905d, 0.039006926567143857d,
                0.026879360111431223d, 0.018378146218877827d, 0.01244795587027246d, 0.0083345089510207769d,
                0.0054999999999999997d, 0.0035619974943291656d, 0.002249365300761396d, 0.0013705136361428923d,
                0.00079056941504209452d, 0.00041499039849078964d, 0.00017782794100389219d, 3.3338035804083099E-05d,
                2.5000000000000001E-05d, 1.8747355233311393E-05d, 1.4058533129758727E-05d, 1.0542412585714557E-05d,
                7.9056941504209488E-06d, 5.9284342641541385E-06d, 4.4456985250973064E-06d, 3.3338035804083097E-06d,
            };

            /// <summary>The same configuration as a run-time object, for the runtime's math and kernels.</summary>
            public static global::RopeGen.RotaryConfig Config { get; } = new global::RopeGen.RotaryConfig(64, 10000.0d, global::RopeGen.RopeScaling.Yarn) { Layout = global::RopeGen.RotaryLayout.Interleaved, Factor = 40.0d, OriginalMaxPositions = 4096, YarnMScale = 0.70699999999999996d, YarnMScaleAllDim = 0.70699999999999996d };

            /// <summary>The cos/sin table, shared by every head, q and k and every call; grown on demand.</summary>
            public static global::RopeGen.RotaryTable Table { get; } = new global::RopeGen.RotaryTable(InverseFrequencies, AttentionFactor, Layout);

