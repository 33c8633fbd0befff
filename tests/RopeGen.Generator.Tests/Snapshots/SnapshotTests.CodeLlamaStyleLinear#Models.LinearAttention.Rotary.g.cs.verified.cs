// Excerpt: the members that differ from SnapshotTests.Llama31HalfSplit (the whole file)
        /// <summary>The RoPE configuration of this class, resolved at build time by RopeGen, its cos/sin tables and the kernel bodies.</summary>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static partial class RopeGenRotary
        {
            /// <summary>Width of one attention head.</summary>
            public const int HeadDim = 128;

            /// <summary>Leading dimensions of each head that are rotated; the rest pass through.</summary>
            public const int RotaryDim = 128;

            /// <summary>Rotation pairs per head, RotaryDim / 2.</summary>
            public const int PairCount = 64;

            /// <summary>Which coordinates form a pair.</summary>
            public const global::RopeGen.RotaryLayout Layout = global::RopeGen.RotaryLayout.HalfSplit;

            /// <summary>The frequency scaling kind.</summary>
            public const global::RopeGen.RopeScaling Scaling = global::RopeGen.RopeScaling.Linear;

            /// <summary>The factor folded into every cos and sin (YaRN / LongRoPE magnitude correction; 1 otherwise).</summary>
            public const double AttentionFactor = 1.0d;

            /// <summary>Floats in the cos half (and in the sin half) of a table row.</summary>
            public const int RowWidth = 64;

            /// <summary>Floats per table row: RowWidth cos values, then RowWidth sin values.</summary>
            public const int RowStride = 128;

            /// <summary>θ_i of each pair in radians per position.</summary>
            public static global::System.ReadOnlySpan<double> InverseFrequencies => new double[]
            {
                0.25d, 0.20146054694037047d, 0.16234540789405283d, 0.13082477867037368d,
                0.10542412585714557d, 0.084955208223563977d, 0.068460490856609033d, 0.055168351727114748d,
                0.044456985250973066d, 0.035825314255924071d, 0.028869549617236451d, 0.023264301023242475d,
                0.018747355233311395d, 0.01510740975595332d, 0.012174188129146578d, 0.0098104743962113394d,
                0.0079056941504209478d, 0.006370741869948366d, 0.0051338125661428658d, 0.004137042749857954d,
                0.0033338035804083102d, 0.0026865195708032936d, 0.0021649108084001631d, 0.0017445764621496658d,
                0.0014058533129758727d, 0.0011328959094002045d, 0.00091293531813709428d, 0.00073568179405232039d,
                0.00059284342641541374d, 0.00047773824374261015d, 0.00038498163151487295d, 0.00031023444018792989d,
                0.00025000000000000001d, 0.00020146054694037047d, 0.00016234540789405281d, 0.00013082477867037368d,
                0.00010542412585714557d, 8.4955208223563977E-05d, 6.846049085660904E-05d, 5.5168351727114737E-05d,
                4.4456985250973067E-05d, 3.5825314255924068E-05d, 2.8869549617236455E-05d, 2.3264301023242475E-05d,
                1.8747355233311396E-05d, 1.5107409755953319E-05d, 1.2174188129146578E-05d, 9.8104743962113409E-06d,
                7.9056941504209488E-06d, 6.3707418699483669E-06d, 5.1338125661428656E-06d, 4.1370427498579532E-06d,
                3.3338035804083101E-06d, 2.6865195708032935E-06d, 2.1649108084001634E-06d, 1.744576462149666E-06d,
                1.4058533129758728E-06d, 1.1328959094002045E-06d, 9.1293531813709427E-07d, 7.3568179405232051E-07d,
                5.928434264154138E-07d, 4.7773824374261011E-07d, 3.8498163151487298E-07d, 3.1023444018792988E-07d,
            };

            /// <summary>The same configuration as a run-time object, for the runtime's math and kernels.</summary>
            public static global::RopeGen.RotaryConfig Config { get; } = new global::RopeGen.RotaryConfig(128, 1000000.0d, global::RopeGen.RopeScaling.Linear) { Factor = 4.0d };

            /// <summary>The cos/sin table, shared by every head, q and k and every call; grown on demand.</summary>
            public static global::RopeGen.RotaryTable Table { get; } = new global::RopeGen.RotaryTable(InverseFrequencies, AttentionFactor, Layout);

