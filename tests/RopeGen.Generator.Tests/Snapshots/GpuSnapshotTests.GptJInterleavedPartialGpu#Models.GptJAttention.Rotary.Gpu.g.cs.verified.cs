// Excerpt: the members that differ from GpuSnapshotTests.Llama31HalfSplitGpu (the whole file)
            /// <summary>One thread per rotation pair of every head of a, then of b; consecutive threads touch consecutive pairs.</summary>
            private static void RotateKernel(global::ILGPU.Index1D index, global::ILGPU.ArrayView<float> a, int headsA, global::ILGPU.LongIndex3D placesA, global::ILGPU.ArrayView<float> b, int headsB, global::ILGPU.LongIndex3D placesB, global::ILGPU.ArrayView<int> positions, global::ILGPU.ArrayView<float> rows, int cachedRows, global::ILGPU.ArrayView<double> theta)
            {
                int pair = index % RopeGenRotary.PairCount;
                int head = index / RopeGenRotary.PairCount;
                int heads = headsA + headsB;
                int token = head / heads;
                int h = head - token * heads;
                int p = positions[token];
                float c, s;
                if (p >= 0 && p < cachedRows)
                {
                    long row = (long)p * RopeGenRotary.RowStride;
                    c = rows[row + 2 * pair + 1];
                    s = rows[row + RopeGenRotary.RowWidth + 2 * pair + 1];
                }
                else
                {
                    // Not in the table: the angle is formed and reduced in double, never with fast float trig.
                    double angle = p * theta[pair];
                    c = (float)(global::System.Math.Cos(angle) * RopeGenRotary.AttentionFactor);
                    s = (float)(global::System.Math.Sin(angle) * RopeGenRotary.AttentionFactor);
                }
                if (h < headsA)
                {
                    long at = global::RopeGen.Gpu.HeadStrides.Start(placesA, token, h);
                    global::RopeGen.Gpu.GpuMath.RotatePair(a, at + 2 * pair, at + 2 * pair + 1, c, s);
                }
                else
                {
                    long at = global::RopeGen.Gpu.HeadStrides.Start(placesB, token, h - headsA);
                    global::RopeGen.Gpu.GpuMath.RotatePair(b, at + 2 * pair, at + 2 * pair + 1, c, s);
                }
            }
// ...
            /// <summary>One thread per rotation pair: token t's heads rotated from the float source into cache row slots[t]; the dims past the rotary dim copied.</summary>
            private static void RotateIntoKernel(global::ILGPU.Index1D index, global::ILGPU.ArrayView<float> source, int heads, global::ILGPU.ArrayView<float> cache, global::ILGPU.ArrayView<int> slots, global::ILGPU.ArrayView<int> positions, global::ILGPU.ArrayView<float> rows, int cachedRows, global::ILGPU.ArrayView<double> theta)
            {
                int pair = index % RopeGenRotary.PairCount;
                int head = index / RopeGenRotary.PairCount;
                int token = head / heads;
                int p = positions[token];
                float c, s;
                if (p >= 0 && p < cachedRows)
                {
                    long row = (long)p * RopeGenRotary.RowStride;
                    c = rows[row + 2 * pair + 1];
                    s = rows[row + RopeGenRotary.RowWidth + 2 * pair + 1];
                }
                else
                {
                    // Not in the table: the angle is formed and reduced in double, never with fast float trig.
                    double angle = p * theta[pair];
                    c = (float)(global::System.Math.Cos(angle) * RopeGenRotary.AttentionFactor);
                    s = (float)(global::System.Math.Sin(angle) * RopeGenRotary.AttentionFactor);
                }
                long from = (long)head * RopeGenRotary.HeadDim;
                long to = ((long)slots[token] * heads + head - token * heads) * RopeGenRotary.HeadDim;
                global::RopeGen.Gpu.GpuMath.RotateInto(source, from + 2 * pair, from + 2 * pair + 1, cache, to + 2 * pair, to + 2 * pair + 1, c, s);
                for (int d = RopeGenRotary.RotaryDim + pair; d < RopeGenRotary.HeadDim; d += RopeGenRotary.PairCount)
                    global::RopeGen.Gpu.GpuMath.Copy(source, from + d, cache, to + d);
            }
// ...
            /// <summary>One thread per rotation pair: every head rotated by the same shift row.</summary>
            private static void ShiftKernel(global::ILGPU.Index1D index, global::ILGPU.ArrayView<float> keys, global::ILGPU.ArrayView<float> row)
            {
                int pair = index % RopeGenRotary.PairCount;
                long at = (long)(index.X / RopeGenRotary.PairCount) * RopeGenRotary.HeadDim;
                global::RopeGen.Gpu.GpuMath.RotatePair(keys, at + 2 * pair, at + 2 * pair + 1, row[2 * pair + 1], row[RopeGenRotary.RowWidth + 2 * pair + 1]);
            }
