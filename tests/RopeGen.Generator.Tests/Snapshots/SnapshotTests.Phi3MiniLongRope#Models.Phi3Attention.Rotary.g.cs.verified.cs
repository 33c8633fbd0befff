// Excerpt: the members that differ from SnapshotTests.Llama31HalfSplit (the whole file)
        /// <summary>
        /// Rotates <paramref name="x"/>, laid out <c>[positions.Length, numHeads, RopeGenRotary.HeadDim]</c> row-major, in
        /// place; token t is at position <c>positions[t]</c>. For LongRope scaling the sequence length max(positions) + 1 selects the frequency table, as transformers does.
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
            public const int HeadDim = 96;

            /// <summary>Leading dimensions of each head that are rotated; the rest pass through.</summary>
            public const int RotaryDim = 96;

            /// <summary>Rotation pairs per head, RotaryDim / 2.</summary>
            public const int PairCount = 48;

            /// <summary>Which coordinates form a pair.</summary>
            public const global::RopeGen.RotaryLayout Layout = global::RopeGen.RotaryLayout.HalfSplit;

            /// <summary>The frequency scaling kind.</summary>
            public const global::RopeGen.RopeScaling Scaling = global::RopeGen.RopeScaling.LongRope;

            /// <summary>The factor folded into every cos and sin (YaRN / LongRoPE magnitude correction; 1 otherwise).</summary>
            public const double AttentionFactor = 1.1902380714238083d;

            /// <summary>Floats in the cos half (and in the sin half) of a table row.</summary>
            public const int RowWidth = 48;

            /// <summary>Floats per table row: RowWidth cos values, then RowWidth sin values.</summary>
            public const int RowStride = 96;

            /// <summary>θ_i of each pair in radians per position while the sequence fits in the original context (short factors).</summary>
            public static global::System.ReadOnlySpan<double> InverseFrequencies => new double[]
            {
                0.90909090909090906d, 0.75036744115274401d, 0.61935642641632849d, 0.43257025014642225d,
                0.34382139508242798d, 0.28379161848572493d, 0.22587697572631277d, 0.1683972397214539d,
                0.10772173450159415d, 0.088913970501946091d, 0.073389963381103443d, 0.060576382931429404d,
                0.049999999999999982d, 0.041270209263400907d, 0.034064603452898044d, 0.028117066259517438d,
                0.02320794416806389d, 0.019155934247786426d, 0.015811388300841889d, 0.013050786078412679d,
                0.010772173450159411d, 0.0088913970501946112d, 0.0073389963381103466d, 0.0060576382931429385d,
                0.0049999999999999975d, 0.0040263618793561851d, 0.0033233759466242008d, 0.0027431284155626776d,
                0.0022641896749330615d, 0.0018688716339303841d, 0.0015425744683748184d, 0.0012429320074678737d,
                0.0010259212809675636d, 0.00082710670234368493d, 0.00065235523005425296d, 0.00053845673716826164d,
                0.00044444444444444447d, 0.0003668463045635636d, 0.00030279647513687177d, 0.00023430888549597884d,
                0.00018945260545358278d, 0.00015324747398229161d, 0.00011712139482105116d, 9.6672489469723608E-05d,
                7.8343079637523117E-05d, 6.3509978929961566E-05d, 5.0613767849036901E-05d, 3.972221831569147E-05d,
            };

            /// <summary>θ_i of each pair once the sequence exceeds the original context (long factors).</summary>
            public static global::System.ReadOnlySpan<double> LongInverseFrequencies => new double[]
            {
                0.93457939343865415d, 0.73696801942310819d, 0.59242789841960275d, 0.39601502970807773d,
                0.29564261343793091d, 0.21284371950272676d, 0.14846374855541139d, 0.12254259941821526d,
                0.071575903550096145d, 0.030089328468265574d, 0.021119413053222215d, 0.013357525600939699d,
                0.010070493144685739d, 0.0077068551104396517d, 0.006121222480258562d, 0.003849016689971931d,
                0.0030120630543971007d, 0.0019339661548925908d, 0.00084825047309940432d, 0.00068185927348937084d,
                0.00055814372414452243d, 0.00044324010176953965d, 0.00031770543770304378d, 0.00023783421865666255d,
                0.00018635852789104215d, 0.00015024452284257428d, 0.00011974048150871715d, 9.8161453387154071E-05d,
                7.7376082477782049E-05d, 6.2943180410299435E-05d, 5.1936498693567018E-05d, 4.2292085463453549E-05d,
                3.4242275411075722E-05d, 2.8245759664561977E-05d, 2.3145058546552602E-05d, 1.8984285910474136E-05d,
                1.5664799675402863E-05d, 1.2917649791797956E-05d, 1.0655611598078389E-05d, 8.7773398346007548E-06d,
                7.2395475889047245E-06d, 5.9746208107379769E-06d, 4.9291710481505213E-06d, 4.0660232045984495E-06d,
                3.3535004207741453E-06d, 2.7538476850788667E-06d, 2.2689738943070001E-06d, 1.8707961992959703E-06d,
            };

            /// <summary>The same configuration as a run-time object, for the runtime's math and kernels.</summary>
            public static global::RopeGen.RotaryConfig Config { get; } = new global::RopeGen.RotaryConfig(96, 10000.0d, global::RopeGen.RopeScaling.LongRope) { OriginalMaxPositions = 4096, MaxPositions = 131072, ShortFactors = new double[] { 1.1000000000000001d, 1.1000000000000001d, 1.1000000000000001d, 1.3000000000000003d, 1.3500000000000003d, 1.3500000000000003d, 1.4000000000000004d, 1.5500000000000005d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0000000000000009d, 2.0500000000000007d, 2.0500000000000007d, 2.0500000000000007d, 2.0500000000000007d, 2.0500000000000007d, 2.0500000000000007d, 2.1000000000000005d, 2.1000000000000005d, 2.1500000000000004d, 2.25d, 2.25d, 2.25d, 2.25d, 2.25d, 2.3999999999999995d, 2.4499999999999993d, 2.4999999999999991d, 2.6999999999999984d, 2.6999999999999984d, 2.7499999999999982d, 2.799999999999998d, 2.8999999999999977d, 3.0499999999999972d }, LongFactors = new double[] { 1.0700000524520874d, 1.1200000047683716d, 1.1499999761581421d, 1.4199999570846558d, 1.5699999332427979d, 1.7999999523162842d, 2.1299998760223389d, 2.1299998760223389d, 3.0099999904632568d, 5.9100003242492676d, 6.9500002861022949d, 9.0700006484985352d, 9.9300003051757812d, 10.710000038146973d, 11.130000114440918d, 14.609999656677246d, 15.409998893737793d, 19.809999465942383d, 37.279998779296875d, 38.279998779296875d, 38.599998474121094d, 40.120002746582031d, 46.200004577636719d, 50.940006256103516d, 53.660007476806641d, 54.937389373779297d, 56.897388458251953d, 57.287387847900391d, 59.987384796142578d, 60.867385864257812d, 60.887386322021484d, 61.717391967773438d, 62.917392730712891d, 62.957393646240234d, 63.417392730712891d, 63.817394256591797d, 63.837394714355469d, 63.897396087646484d, 63.937397003173828d, 64.067398071289062d, 64.114349365234375d, 64.124351501464844d, 64.154350280761719d, 64.194351196289062d, 64.244354248046875d, 64.574356079101562d, 64.69000244140625d, 64.760002136230469d } };

            /// <summary>The cos/sin table while the sequence fits in the original context (short factors), shared by every head, q and k and every call; grown on demand.</summary>
            public static global::RopeGen.RotaryTable Table { get; } = new global::RopeGen.RotaryTable(InverseFrequencies, AttentionFactor, Layout);

            /// <summary>The cos/sin table used once the sequence exceeds the original context.</summary>
            public static global::RopeGen.RotaryTable LongTable { get; } = new global::RopeGen.RotaryTable(LongInverseFrequencies, AttentionFactor, Layout);

// ...
            /// <summary>
            /// Rotates the heads of a (and b, if its view has heads) that the views describe, at each token's position, with the table
            /// that <paramref name="sequenceLength"/> selects, once for the whole call: on this thread, or split by tokens when
            /// <paramref name="parallel"/> is given and the call is large enough.
            /// </summary>
            [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
            internal static void Rotate(global::System.Span<float> a, global::RopeGen.HeadView viewA, global::System.Span<float> b, global::RopeGen.HeadView viewB, global::System.ReadOnlySpan<int> positions, int maxPosition, int sequenceLength, global::System.Threading.Tasks.ParallelOptions? parallel)
            {
                global::RopeGen.RotaryTable table = global::RopeGen.RopeFrequencies.UsesLongFactors(Config, sequenceLength) ? LongTable : Table;
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
