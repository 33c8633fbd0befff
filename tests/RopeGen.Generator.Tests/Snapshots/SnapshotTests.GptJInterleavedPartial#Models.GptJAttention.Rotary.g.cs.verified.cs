// Excerpt: the members that differ from SnapshotTests.Llama31HalfSplit (the whole file)
        /// <summary>The RoPE configuration of this class, resolved at build time by RopeGen, its cos/sin tables and the kernel bodies.</summary>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static partial class RopeGenRotary
        {
            /// <summary>Width of one attention head.</summary>
            public const int HeadDim = 256;

            /// <summary>Leading dimensions of each head that are rotated; the rest pass through.</summary>
            public const int RotaryDim = 64;

            /// <summary>Rotation pairs per head, RotaryDim / 2.</summary>
            public const int PairCount = 32;

            /// <summary>Which coordinates form a pair.</summary>
            public const global::RopeGen.RotaryLayout Layout = global::RopeGen.RotaryLayout.Interleaved;

            /// <summary>The frequency scaling kind.</summary>
            public const global::RopeGen.RopeScaling Scaling = global::RopeGen.RopeScaling.None;

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
                0.10000000000000001d, 0.074989420933245579d, 0.056234132519034905d, 0.042169650342858224d,
                0.031622776601683791d, 0.02371373705661655d, 0.017782794100389229d, 0.013335214321633241d,
                0.01d, 0.0074989420933245588d, 0.005623413251903491d, 0.0042169650342858229d,
                0.003162277660168379d, 0.0023713737056616549d, 0.001778279410038923d, 0.0013335214321633241d,
                0.001d, 0.00074989420933245575d, 0.0005623413251903491d, 0.00042169650342858229d,
                0.00031622776601683794d, 0.00023713737056616554d, 0.00017782794100389227d, 0.0001333521432163324d,
            };

            /// <summary>The same configuration as a run-time object, for the runtime's math and kernels.</summary>
            public static global::RopeGen.RotaryConfig Config { get; } = new global::RopeGen.RotaryConfig(256, 10000.0d, global::RopeGen.RopeScaling.None) { RotaryDim = 64, Layout = global::RopeGen.RotaryLayout.Interleaved };

            /// <summary>The cos/sin table, shared by every head, q and k and every call; grown on demand.</summary>
            public static global::RopeGen.RotaryTable Table { get; } = new global::RopeGen.RotaryTable(InverseFrequencies, AttentionFactor, Layout);

// ...
            /// <summary>Rotates every head of one token (heads of a and b strideA and strideB apart) with 512-bit vectors (cos at 0, sin at RowWidth in the row).</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
            private static void RotateHeadsWide(ref float row, ref float a, int headsA, int strideA, ref float b, int headsB, int strideB)
            {
                global::System.Runtime.Intrinsics.Vector512<float> c0 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref row, 0);
                global::System.Runtime.Intrinsics.Vector512<float> s0 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref row, 64);
                global::System.Runtime.Intrinsics.Vector512<float> c1 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref row, 16);
                global::System.Runtime.Intrinsics.Vector512<float> s1 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref row, 80);
                global::System.Runtime.Intrinsics.Vector512<float> c2 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref row, 32);
                global::System.Runtime.Intrinsics.Vector512<float> s2 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref row, 96);
                global::System.Runtime.Intrinsics.Vector512<float> c3 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref row, 48);
                global::System.Runtime.Intrinsics.Vector512<float> s3 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref row, 112);
                for (int h = 0; h < headsA + headsB; h++)
                {
                    ref float x = ref h < headsA
                        ? ref global::System.Runtime.CompilerServices.Unsafe.Add(ref a, h * strideA)
                        : ref global::System.Runtime.CompilerServices.Unsafe.Add(ref b, (h - headsA) * strideB);
                    {
                        global::System.Runtime.Intrinsics.Vector512<float> v = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref x, 0);
                        global::System.Runtime.Intrinsics.Vector512<float> swapped = global::System.Runtime.Intrinsics.Vector512.Shuffle(v, global::System.Runtime.Intrinsics.Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14));
                        global::System.Runtime.Intrinsics.Vector512.StoreUnsafe(v * c0 + swapped * s0, ref x, 0);
                    }
                    {
                        global::System.Runtime.Intrinsics.Vector512<float> v = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref x, 16);
                        global::System.Runtime.Intrinsics.Vector512<float> swapped = global::System.Runtime.Intrinsics.Vector512.Shuffle(v, global::System.Runtime.Intrinsics.Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14));
                        global::System.Runtime.Intrinsics.Vector512.StoreUnsafe(v * c1 + swapped * s1, ref x, 16);
                    }
                    {
                        global::System.Runtime.Intrinsics.Vector512<float> v = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref x, 32);
                        global::System.Runtime.Intrinsics.Vector512<float> swapped = global::System.Runtime.Intrinsics.Vector512.Shuffle(v, global::System.Runtime.Intrinsics.Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14));
                        global::System.Runtime.Intrinsics.Vector512.StoreUnsafe(v * c2 + swapped * s2, ref x, 32);
                    }
                    {
                        global::System.Runtime.Intrinsics.Vector512<float> v = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref x, 48);
                        global::System.Runtime.Intrinsics.Vector512<float> swapped = global::System.Runtime.Intrinsics.Vector512.Shuffle(v, global::System.Runtime.Intrinsics.Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14));
                        global::System.Runtime.Intrinsics.Vector512.StoreUnsafe(v * c3 + swapped * s3, ref x, 48);
                    }
                }
            }
// ...
            /// <summary>Rotates every head of one token (heads of a and b strideA and strideB apart) with the widest vectors below 512 bits this machine accelerates; the JIT keeps only that path.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
            private static void RotateHeadsNarrow(ref float row, ref float a, int headsA, int strideA, ref float b, int headsB, int strideB)
            {
                if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
                {
                    global::System.Runtime.Intrinsics.Vector256<float> c0 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 0);
                    global::System.Runtime.Intrinsics.Vector256<float> s0 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 64);
                    global::System.Runtime.Intrinsics.Vector256<float> c1 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 8);
                    global::System.Runtime.Intrinsics.Vector256<float> s1 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 72);
                    global::System.Runtime.Intrinsics.Vector256<float> c2 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 16);
                    global::System.Runtime.Intrinsics.Vector256<float> s2 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 80);
                    global::System.Runtime.Intrinsics.Vector256<float> c3 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 24);
                    global::System.Runtime.Intrinsics.Vector256<float> s3 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 88);
                    global::System.Runtime.Intrinsics.Vector256<float> c4 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 32);
                    global::System.Runtime.Intrinsics.Vector256<float> s4 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 96);
                    global::System.Runtime.Intrinsics.Vector256<float> c5 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 40);
                    global::System.Runtime.Intrinsics.Vector256<float> s5 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 104);
                    global::System.Runtime.Intrinsics.Vector256<float> c6 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 48);
                    global::System.Runtime.Intrinsics.Vector256<float> s6 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 112);
                    global::System.Runtime.Intrinsics.Vector256<float> c7 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 56);
                    global::System.Runtime.Intrinsics.Vector256<float> s7 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, 120);
                    for (int h = 0; h < headsA + headsB; h++)
                    {
                        ref float x = ref h < headsA
                            ? ref global::System.Runtime.CompilerServices.Unsafe.Add(ref a, h * strideA)
                            : ref global::System.Runtime.CompilerServices.Unsafe.Add(ref b, (h - headsA) * strideB);
                        {
                            global::System.Runtime.Intrinsics.Vector256<float> v = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref x, 0);
                            global::System.Runtime.Intrinsics.Vector256<float> swapped = global::System.Runtime.Intrinsics.Vector256.Shuffle(v, global::System.Runtime.Intrinsics.Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
                            global::System.Runtime.Intrinsics.Vector256.StoreUnsafe(v * c0 + swapped * s0, ref x, 0);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector256<float> v = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref x, 8);
                            global::System.Runtime.Intrinsics.Vector256<float> swapped = global::System.Runtime.Intrinsics.Vector256.Shuffle(v, global::System.Runtime.Intrinsics.Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
                            global::System.Runtime.Intrinsics.Vector256.StoreUnsafe(v * c1 + swapped * s1, ref x, 8);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector256<float> v = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref x, 16);
                            global::System.Runtime.Intrinsics.Vector256<float> swapped = global::System.Runtime.Intrinsics.Vector256.Shuffle(v, global::System.Runtime.Intrinsics.Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
                            global::System.Runtime.Intrinsics.Vector256.StoreUnsafe(v * c2 + swapped * s2, ref x, 16);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector256<float> v = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref x, 24);
                            global::System.Runtime.Intrinsics.Vector256<float> swapped = global::System.Runtime.Intrinsics.Vector256.Shuffle(v, global::System.Runtime.Intrinsics.Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
                            global::System.Runtime.Intrinsics.Vector256.StoreUnsafe(v * c3 + swapped * s3, ref x, 24);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector256<float> v = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref x, 32);
                            global::System.Runtime.Intrinsics.Vector256<float> swapped = global::System.Runtime.Intrinsics.Vector256.Shuffle(v, global::System.Runtime.Intrinsics.Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
                            global::System.Runtime.Intrinsics.Vector256.StoreUnsafe(v * c4 + swapped * s4, ref x, 32);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector256<float> v = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref x, 40);
                            global::System.Runtime.Intrinsics.Vector256<float> swapped = global::System.Runtime.Intrinsics.Vector256.Shuffle(v, global::System.Runtime.Intrinsics.Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
                            global::System.Runtime.Intrinsics.Vector256.StoreUnsafe(v * c5 + swapped * s5, ref x, 40);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector256<float> v = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref x, 48);
                            global::System.Runtime.Intrinsics.Vector256<float> swapped = global::System.Runtime.Intrinsics.Vector256.Shuffle(v, global::System.Runtime.Intrinsics.Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
                            global::System.Runtime.Intrinsics.Vector256.StoreUnsafe(v * c6 + swapped * s6, ref x, 48);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector256<float> v = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref x, 56);
                            global::System.Runtime.Intrinsics.Vector256<float> swapped = global::System.Runtime.Intrinsics.Vector256.Shuffle(v, global::System.Runtime.Intrinsics.Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
                            global::System.Runtime.Intrinsics.Vector256.StoreUnsafe(v * c7 + swapped * s7, ref x, 56);
                        }
                    }
                }
                else if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
                {
                    global::System.Runtime.Intrinsics.Vector128<float> c0 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 0);
                    global::System.Runtime.Intrinsics.Vector128<float> s0 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 64);
                    global::System.Runtime.Intrinsics.Vector128<float> c1 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 4);
                    global::System.Runtime.Intrinsics.Vector128<float> s1 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 68);
                    global::System.Runtime.Intrinsics.Vector128<float> c2 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 8);
                    global::System.Runtime.Intrinsics.Vector128<float> s2 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 72);
                    global::System.Runtime.Intrinsics.Vector128<float> c3 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 12);
                    global::System.Runtime.Intrinsics.Vector128<float> s3 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 76);
                    for (int h = 0; h < headsA + headsB; h++)
                    {
                        ref float x = ref h < headsA
                            ? ref global::System.Runtime.CompilerServices.Unsafe.Add(ref a, h * strideA)
                            : ref global::System.Runtime.CompilerServices.Unsafe.Add(ref b, (h - headsA) * strideB);
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 0);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * c0 + swapped * s0, ref x, 0);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 4);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * c1 + swapped * s1, ref x, 4);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 8);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * c2 + swapped * s2, ref x, 8);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 12);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * c3 + swapped * s3, ref x, 12);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 16);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 16) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 80), ref x, 16);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 20);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 20) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 84), ref x, 20);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 24);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 24) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 88), ref x, 24);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 28);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 28) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 92), ref x, 28);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 32);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 32) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 96), ref x, 32);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 36);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 36) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 100), ref x, 36);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 40);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 40) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 104), ref x, 40);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 44);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 44) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 108), ref x, 44);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 48);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 48) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 112), ref x, 48);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 52);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 52) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 116), ref x, 52);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 56);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 56) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 120), ref x, 56);
                        }
                        {
                            global::System.Runtime.Intrinsics.Vector128<float> v = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref x, 60);
                            global::System.Runtime.Intrinsics.Vector128<float> swapped = global::System.Runtime.Intrinsics.Vector128.Shuffle(v, global::System.Runtime.Intrinsics.Vector128.Create(1, 0, 3, 2));
                            global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(v * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 60) + swapped * global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref row, 124), ref x, 60);
                        }
                    }
                }
                else
                {
                    for (int h = 0; h < headsA + headsB; h++)
                    {
                        ref float x = ref h < headsA
                            ? ref global::System.Runtime.CompilerServices.Unsafe.Add(ref a, h * strideA)
                            : ref global::System.Runtime.CompilerServices.Unsafe.Add(ref b, (h - headsA) * strideB);
                        for (int i = 0; i < 32; i++)
                        {
                            ref float first = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref x, 2 * i);
                            ref float second = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref x, 2 * i + 1);
                            float c = global::System.Runtime.CompilerServices.Unsafe.Add(ref row, 2 * i + 1);
                            float s = global::System.Runtime.CompilerServices.Unsafe.Add(ref row, 2 * i + 65);
                            float x1 = first, x2 = second;
                            first = x1 * c - x2 * s;
                            second = x2 * c + x1 * s;
                        }
                    }
                }
            }
