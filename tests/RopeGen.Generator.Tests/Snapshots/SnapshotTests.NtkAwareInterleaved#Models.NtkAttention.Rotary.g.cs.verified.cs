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
            public const global::RopeGen.RopeScaling Scaling = global::RopeGen.RopeScaling.NtkAware;

            /// <summary>The factor folded into every cos and sin (YaRN / LongRoPE magnitude correction; 1 otherwise).</summary>
            public const double AttentionFactor = 1.0d;

            /// <summary>Floats in the cos half (and in the sin half) of a table row.</summary>
            public const int RowWidth = 64;

            /// <summary>Floats per table row: RowWidth cos values, then RowWidth sin values.</summary>
            public const int RowStride = 128;

            /// <summary>θ_i of each pair in radians per position.</summary>
            public static global::System.ReadOnlySpan<double> InverseFrequencies => new double[]
            {
                1.0d, 0.73331295077053182d, 0.53774788376778437d, 0.39433748741636299d,
                0.28917278649673056d, 0.21205414934845451d, 0.15550205398185021d, 0.11403167005630911d,
                0.083620900450283739d, 0.061320289255286459d, 0.04496696225589665d, 0.032974855779058704d,
                0.024180888792574261d, 0.017732158912736714d, 0.013003221775830945d, 0.009535430929958226d,
                0.0069924549921162628d, 0.0051276578033989124d, 0.0037601778743519992d, 0.0027573871324631312d,
                0.0020220276945232337d, 0.0014827790952105682d, 0.0010873411136497213d, 0.00079736132054459316d,
                0.00058471538279884349d, 0.000428779362721141d, 0.00031442945970654808d, 0.00023057519490659277d,
                0.00016908377655144407d, 0.00012399132311036472d, 9.0924443020003968E-05d, 6.6676071608166198E-05d,
            };

            /// <summary>The same configuration as a run-time object, for the runtime's math and kernels.</summary>
            public static global::RopeGen.RotaryConfig Config { get; } = new global::RopeGen.RotaryConfig(64, 10000.0d, global::RopeGen.RopeScaling.NtkAware) { Layout = global::RopeGen.RotaryLayout.Interleaved, Factor = 2.0d };

            /// <summary>The cos/sin table, shared by every head, q and k and every call; grown on demand.</summary>
            public static global::RopeGen.RotaryTable Table { get; } = new global::RopeGen.RotaryTable(InverseFrequencies, AttentionFactor, Layout);

