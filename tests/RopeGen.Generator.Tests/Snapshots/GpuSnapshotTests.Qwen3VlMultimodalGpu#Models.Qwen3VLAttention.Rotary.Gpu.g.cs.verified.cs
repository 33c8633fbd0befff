// Excerpt: the members that differ from GpuSnapshotTests.Llama31HalfSplitGpu (the whole file)
        /// <summary>
        /// The GPU kernels of this class's RoPE configuration on one ILGPU accelerator, with the device cos/sin tables. Launches
        /// are queued on the accelerator's default stream; call <c>accelerator.Synchronize()</c> before reading results.
        /// Positions the device table does not cover are computed in the kernel in double precision, never read past the table.
        /// The float rotation is loaded when the object is created, the other kernels on first use. Not thread-safe.
        /// </summary>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public sealed class RopeGenGpuRotary : global::System.IDisposable, global::RopeGen.Gpu.IGpuMultimodalRotary
        {
            private readonly global::ILGPU.Runtime.Accelerator _accelerator;
            private readonly global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<float>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<float>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>, int> _rotate;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<float>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>, int>? _rotateInto;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<float>, global::ILGPU.ArrayView<float>>? _shift;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<ushort>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<ushort>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>, int>? _rotateHalf;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<ushort>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>, int>? _rotateIntoHalf;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<ushort>, global::ILGPU.ArrayView<float>>? _shiftHalf;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<ushort>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<ushort>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>, int>? _rotateBFloat16;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<ushort>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>, int>? _rotateIntoBFloat16;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<ushort>, global::ILGPU.ArrayView<float>>? _shiftBFloat16;
            private readonly global::RopeGen.Gpu.DeviceTable _table;
            private readonly global::ILGPU.Runtime.MemoryBuffer1D<double, global::ILGPU.Stride1D.Dense> _theta;
            private bool _disposed;

// ...
            /// <summary>
            /// M-RoPE: queues the in-place rotation of the float buffer <paramref name="x"/> <c>[tokens, numHeads, HeadDim]</c>, where <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id); each pair turns with its axis's id.
            /// The frequency table does not depend on the sequence length.
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, the length does not match or <paramref name="numHeads"/> &lt;= 0; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<float> x, global::ILGPU.ArrayView<int> positions, int numHeads)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.HeadStrides heads = global::RopeGen.Gpu.GpuChecks.Heads(x, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
                Launch(x, heads, global::ILGPU.ArrayView<float>.Empty, default, positions, tokens, 0, tokens);
            }

            /// <summary>
            /// M-RoPE: queues the in-place rotation of the float buffer <paramref name="x"/> <c>[tokens, numHeads, HeadDim]</c>, where <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id); each pair turns with its axis's id.
            /// The explicit sequence length selects the table of the dynamic kinds (pass the whole sequence's length to every chunk) and grows the device table to cover it.
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, the length does not match or <paramref name="numHeads"/> &lt;= 0, or <paramref name="sequenceLength"/> &lt; 1; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<float> x, global::ILGPU.ArrayView<int> positions, int numHeads, int sequenceLength)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.HeadStrides heads = global::RopeGen.Gpu.GpuChecks.Heads(x, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
                global::RopeGen.Gpu.GpuChecks.SequenceLength(sequenceLength);
                Launch(x, heads, global::ILGPU.ArrayView<float>.Empty, default, positions, tokens, sequenceLength, tokens);
            }

            /// <summary>
            /// M-RoPE: queues the in-place rotation of the fp16 (<see cref="global::ILGPU.Half"/>) buffer <paramref name="x"/> <c>[tokens, numHeads, HeadDim]</c>, where <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id); each pair turns with its axis's id.
            /// The frequency table does not depend on the sequence length.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, the length does not match or <paramref name="numHeads"/> &lt;= 0; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<global::ILGPU.Half> x, global::ILGPU.ArrayView<int> positions, int numHeads)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.HeadStrides heads = global::RopeGen.Gpu.GpuChecks.Heads(x, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
                LaunchHalf(x.Cast<ushort>(), heads, global::ILGPU.ArrayView<ushort>.Empty, default, positions, tokens, 0, tokens);
            }

            /// <summary>
            /// M-RoPE: queues the in-place rotation of the fp16 (<see cref="global::ILGPU.Half"/>) buffer <paramref name="x"/> <c>[tokens, numHeads, HeadDim]</c>, where <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id); each pair turns with its axis's id.
            /// The explicit sequence length selects the table of the dynamic kinds (pass the whole sequence's length to every chunk) and grows the device table to cover it.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, the length does not match or <paramref name="numHeads"/> &lt;= 0, or <paramref name="sequenceLength"/> &lt; 1; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<global::ILGPU.Half> x, global::ILGPU.ArrayView<int> positions, int numHeads, int sequenceLength)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.HeadStrides heads = global::RopeGen.Gpu.GpuChecks.Heads(x, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
                global::RopeGen.Gpu.GpuChecks.SequenceLength(sequenceLength);
                LaunchHalf(x.Cast<ushort>(), heads, global::ILGPU.ArrayView<ushort>.Empty, default, positions, tokens, sequenceLength, tokens);
            }

            /// <summary>
            /// M-RoPE: queues the in-place rotation of the bfloat16 (<see cref="global::RopeGen.BFloat16"/>) buffer <paramref name="x"/> <c>[tokens, numHeads, HeadDim]</c>, where <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id); each pair turns with its axis's id.
            /// The frequency table does not depend on the sequence length.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, the length does not match or <paramref name="numHeads"/> &lt;= 0; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<global::RopeGen.BFloat16> x, global::ILGPU.ArrayView<int> positions, int numHeads)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.HeadStrides heads = global::RopeGen.Gpu.GpuChecks.Heads(x, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
                LaunchBFloat16(x.Cast<ushort>(), heads, global::ILGPU.ArrayView<ushort>.Empty, default, positions, tokens, 0, tokens);
            }

            /// <summary>
            /// M-RoPE: queues the in-place rotation of the bfloat16 (<see cref="global::RopeGen.BFloat16"/>) buffer <paramref name="x"/> <c>[tokens, numHeads, HeadDim]</c>, where <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id); each pair turns with its axis's id.
            /// The explicit sequence length selects the table of the dynamic kinds (pass the whole sequence's length to every chunk) and grows the device table to cover it.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, the length does not match or <paramref name="numHeads"/> &lt;= 0, or <paramref name="sequenceLength"/> &lt; 1; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<global::RopeGen.BFloat16> x, global::ILGPU.ArrayView<int> positions, int numHeads, int sequenceLength)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.HeadStrides heads = global::RopeGen.Gpu.GpuChecks.Heads(x, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
                global::RopeGen.Gpu.GpuChecks.SequenceLength(sequenceLength);
                LaunchBFloat16(x.Cast<ushort>(), heads, global::ILGPU.ArrayView<ushort>.Empty, default, positions, tokens, sequenceLength, tokens);
            }

            /// <summary>
            /// M-RoPE for float queries <paramref name="q"/> and keys <paramref name="k"/> in one launch; <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major.
            /// The frequency table does not depend on the sequence length.
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a head count &lt;= 0 or q and k overlap; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<float> q, int numQueryHeads, global::ILGPU.ArrayView<float> k, int numKeyValueHeads, global::ILGPU.ArrayView<int> positions)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.FusedLayout(q, numQueryHeads, k, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides queryHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numQueryHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides keyHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numKeyValueHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.GpuChecks.Disjoint(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
                Launch(q, queryHeads, k, keyHeads, positions, tokens, 0, tokens);
            }

            /// <summary>
            /// M-RoPE for float queries <paramref name="q"/> and keys <paramref name="k"/> in one launch; <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major.
            /// The explicit sequence length selects the table of the dynamic kinds (pass the whole sequence's length to every chunk) and grows the device table to cover it.
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a head count &lt;= 0 or q and k overlap, or <paramref name="sequenceLength"/> &lt; 1; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<float> q, int numQueryHeads, global::ILGPU.ArrayView<float> k, int numKeyValueHeads, global::ILGPU.ArrayView<int> positions, int sequenceLength)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.FusedLayout(q, numQueryHeads, k, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides queryHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numQueryHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides keyHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numKeyValueHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.GpuChecks.Disjoint(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
                global::RopeGen.Gpu.GpuChecks.SequenceLength(sequenceLength);
                Launch(q, queryHeads, k, keyHeads, positions, tokens, sequenceLength, tokens);
            }

            /// <summary>
            /// M-RoPE for fp16 (<see cref="global::ILGPU.Half"/>) queries <paramref name="q"/> and keys <paramref name="k"/> in one launch; <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major.
            /// The frequency table does not depend on the sequence length.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a head count &lt;= 0 or q and k overlap; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<global::ILGPU.Half> q, int numQueryHeads, global::ILGPU.ArrayView<global::ILGPU.Half> k, int numKeyValueHeads, global::ILGPU.ArrayView<int> positions)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.FusedLayout(q, numQueryHeads, k, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides queryHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numQueryHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides keyHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numKeyValueHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.GpuChecks.Disjoint(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
                LaunchHalf(q.Cast<ushort>(), queryHeads, k.Cast<ushort>(), keyHeads, positions, tokens, 0, tokens);
            }

            /// <summary>
            /// M-RoPE for fp16 (<see cref="global::ILGPU.Half"/>) queries <paramref name="q"/> and keys <paramref name="k"/> in one launch; <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major.
            /// The explicit sequence length selects the table of the dynamic kinds (pass the whole sequence's length to every chunk) and grows the device table to cover it.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a head count &lt;= 0 or q and k overlap, or <paramref name="sequenceLength"/> &lt; 1; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<global::ILGPU.Half> q, int numQueryHeads, global::ILGPU.ArrayView<global::ILGPU.Half> k, int numKeyValueHeads, global::ILGPU.ArrayView<int> positions, int sequenceLength)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.FusedLayout(q, numQueryHeads, k, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides queryHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numQueryHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides keyHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numKeyValueHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.GpuChecks.Disjoint(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
                global::RopeGen.Gpu.GpuChecks.SequenceLength(sequenceLength);
                LaunchHalf(q.Cast<ushort>(), queryHeads, k.Cast<ushort>(), keyHeads, positions, tokens, sequenceLength, tokens);
            }

            /// <summary>
            /// M-RoPE for bfloat16 (<see cref="global::RopeGen.BFloat16"/>) queries <paramref name="q"/> and keys <paramref name="k"/> in one launch; <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major.
            /// The frequency table does not depend on the sequence length.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a head count &lt;= 0 or q and k overlap; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<global::RopeGen.BFloat16> q, int numQueryHeads, global::ILGPU.ArrayView<global::RopeGen.BFloat16> k, int numKeyValueHeads, global::ILGPU.ArrayView<int> positions)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.FusedLayout(q, numQueryHeads, k, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides queryHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numQueryHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides keyHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numKeyValueHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.GpuChecks.Disjoint(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
                LaunchBFloat16(q.Cast<ushort>(), queryHeads, k.Cast<ushort>(), keyHeads, positions, tokens, 0, tokens);
            }

            /// <summary>
            /// M-RoPE for bfloat16 (<see cref="global::RopeGen.BFloat16"/>) queries <paramref name="q"/> and keys <paramref name="k"/> in one launch; <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major.
            /// The explicit sequence length selects the table of the dynamic kinds (pass the whole sequence's length to every chunk) and grows the device table to cover it.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a head count &lt;= 0 or q and k overlap, or <paramref name="sequenceLength"/> &lt; 1; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void ApplyMultimodal(global::ILGPU.ArrayView<global::RopeGen.BFloat16> q, int numQueryHeads, global::ILGPU.ArrayView<global::RopeGen.BFloat16> k, int numKeyValueHeads, global::ILGPU.ArrayView<int> positions, int sequenceLength)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.FusedLayout(q, numQueryHeads, k, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides queryHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numQueryHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.HeadStrides keyHeads = global::RopeGen.Gpu.HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numKeyValueHeads), RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.GpuChecks.Disjoint(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
                global::RopeGen.Gpu.GpuChecks.SequenceLength(sequenceLength);
                LaunchBFloat16(q.Cast<ushort>(), queryHeads, k.Cast<ushort>(), keyHeads, positions, tokens, sequenceLength, tokens);
            }

            /// <summary>
            /// M-RoPE: queues the rotation of new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), at the ids of <paramref name="positions"/> <c>[3, tokens]</c> axis-major, into row <c>slots[t]</c> of the float cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, rounded once; other rows are left as they were. The slots are read back to the host and checked first (a synchronization).
            /// The frequency table does not depend on the sequence length.
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void RotateMultimodalInto(global::ILGPU.ArrayView<float> source, global::ILGPU.ArrayView<int> positions, int numHeads, global::ILGPU.ArrayView<float> cache, global::ILGPU.ArrayView<int> slots)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.Heads(source, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
                global::RopeGen.Gpu.GpuChecks.Slots(slots, tokens, cache, numHeads, RopeGenRotary.HeadDim);
                LaunchInto(source, numHeads, cache, slots, positions, tokens, 0, tokens);
            }

            /// <summary>
            /// M-RoPE: queues the rotation of new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), at the ids of <paramref name="positions"/> <c>[3, tokens]</c> axis-major, into row <c>slots[t]</c> of the float cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, rounded once; other rows are left as they were. The slots are read back to the host and checked first (a synchronization).
            /// The explicit sequence length selects the table of the dynamic kinds (pass the whole sequence's length to every chunk) and grows the device table to cover it.
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated, or <paramref name="sequenceLength"/> &lt; 1; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void RotateMultimodalInto(global::ILGPU.ArrayView<float> source, global::ILGPU.ArrayView<int> positions, int numHeads, global::ILGPU.ArrayView<float> cache, global::ILGPU.ArrayView<int> slots, int sequenceLength)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.Heads(source, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
                global::RopeGen.Gpu.GpuChecks.Slots(slots, tokens, cache, numHeads, RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.GpuChecks.SequenceLength(sequenceLength);
                LaunchInto(source, numHeads, cache, slots, positions, tokens, sequenceLength, tokens);
            }

            /// <summary>
            /// M-RoPE: queues the rotation of new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), at the ids of <paramref name="positions"/> <c>[3, tokens]</c> axis-major, into row <c>slots[t]</c> of the fp16 (<see cref="global::ILGPU.Half"/>) cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, rounded once; other rows are left as they were. The slots are read back to the host and checked first (a synchronization).
            /// The frequency table does not depend on the sequence length.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void RotateMultimodalInto(global::ILGPU.ArrayView<float> source, global::ILGPU.ArrayView<int> positions, int numHeads, global::ILGPU.ArrayView<global::ILGPU.Half> cache, global::ILGPU.ArrayView<int> slots)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.Heads(source, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
                global::RopeGen.Gpu.GpuChecks.Slots(slots, tokens, cache, numHeads, RopeGenRotary.HeadDim);
                LaunchIntoHalf(source, numHeads, cache.Cast<ushort>(), slots, positions, tokens, 0, tokens);
            }

            /// <summary>
            /// M-RoPE: queues the rotation of new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), at the ids of <paramref name="positions"/> <c>[3, tokens]</c> axis-major, into row <c>slots[t]</c> of the fp16 (<see cref="global::ILGPU.Half"/>) cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, rounded once; other rows are left as they were. The slots are read back to the host and checked first (a synchronization).
            /// The explicit sequence length selects the table of the dynamic kinds (pass the whole sequence's length to every chunk) and grows the device table to cover it.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated, or <paramref name="sequenceLength"/> &lt; 1; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void RotateMultimodalInto(global::ILGPU.ArrayView<float> source, global::ILGPU.ArrayView<int> positions, int numHeads, global::ILGPU.ArrayView<global::ILGPU.Half> cache, global::ILGPU.ArrayView<int> slots, int sequenceLength)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.Heads(source, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
                global::RopeGen.Gpu.GpuChecks.Slots(slots, tokens, cache, numHeads, RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.GpuChecks.SequenceLength(sequenceLength);
                LaunchIntoHalf(source, numHeads, cache.Cast<ushort>(), slots, positions, tokens, sequenceLength, tokens);
            }

            /// <summary>
            /// M-RoPE: queues the rotation of new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), at the ids of <paramref name="positions"/> <c>[3, tokens]</c> axis-major, into row <c>slots[t]</c> of the bfloat16 (<see cref="global::RopeGen.BFloat16"/>) cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, rounded once; other rows are left as they were. The slots are read back to the host and checked first (a synchronization).
            /// The frequency table does not depend on the sequence length.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void RotateMultimodalInto(global::ILGPU.ArrayView<float> source, global::ILGPU.ArrayView<int> positions, int numHeads, global::ILGPU.ArrayView<global::RopeGen.BFloat16> cache, global::ILGPU.ArrayView<int> slots)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.Heads(source, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
                global::RopeGen.Gpu.GpuChecks.Slots(slots, tokens, cache, numHeads, RopeGenRotary.HeadDim);
                LaunchIntoBFloat16(source, numHeads, cache.Cast<ushort>(), slots, positions, tokens, 0, tokens);
            }

            /// <summary>
            /// M-RoPE: queues the rotation of new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), at the ids of <paramref name="positions"/> <c>[3, tokens]</c> axis-major, into row <c>slots[t]</c> of the bfloat16 (<see cref="global::RopeGen.BFloat16"/>) cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, rounded once; other rows are left as they were. The slots are read back to the host and checked first (a synchronization).
            /// The explicit sequence length selects the table of the dynamic kinds (pass the whole sequence's length to every chunk) and grows the device table to cover it.
            /// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated, or <paramref name="sequenceLength"/> &lt; 1; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void RotateMultimodalInto(global::ILGPU.ArrayView<float> source, global::ILGPU.ArrayView<int> positions, int numHeads, global::ILGPU.ArrayView<global::RopeGen.BFloat16> cache, global::ILGPU.ArrayView<int> slots, int sequenceLength)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.MultimodalTokens(positions);
                global::RopeGen.Gpu.GpuChecks.Heads(source, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
                global::RopeGen.Gpu.GpuChecks.Slots(slots, tokens, cache, numHeads, RopeGenRotary.HeadDim);
                global::RopeGen.Gpu.GpuChecks.SequenceLength(sequenceLength);
                LaunchIntoBFloat16(source, numHeads, cache.Cast<ushort>(), slots, positions, tokens, sequenceLength, tokens);
            }

// ...
            private void Launch(global::ILGPU.ArrayView<float> a, global::RopeGen.Gpu.HeadStrides headsA, global::ILGPU.ArrayView<float> b, global::RopeGen.Gpu.HeadStrides headsB, global::ILGPU.ArrayView<int> positions, int tokens, int sequenceLength, int axisStride = 0)
            {
                Select(sequenceLength, out global::ILGPU.ArrayView<float> rows, out int cachedRows, out global::ILGPU.ArrayView<double> theta);
                int threads = global::RopeGen.Gpu.GpuChecks.Threads(tokens, headsA.Heads + headsB.Heads, RopeGenRotary.PairCount);
                if (threads == 0) return;
                _rotate(threads, a, headsA.Heads, headsA.Places, b, headsB.Heads, headsB.Places, positions, rows, cachedRows, theta, axisStride);
            }
// ...
            /// <summary>One thread per rotation pair of every head of a, then of b; consecutive threads touch consecutive pairs.</summary>
            private static void RotateKernel(global::ILGPU.Index1D index, global::ILGPU.ArrayView<float> a, int headsA, global::ILGPU.LongIndex3D placesA, global::ILGPU.ArrayView<float> b, int headsB, global::ILGPU.LongIndex3D placesB, global::ILGPU.ArrayView<int> positions, global::ILGPU.ArrayView<float> rows, int cachedRows, global::ILGPU.ArrayView<double> theta, int axisStride)
            {
                int pair = index % RopeGenRotary.PairCount;
                int head = index / RopeGenRotary.PairCount;
                int heads = headsA + headsB;
                int token = head / heads;
                int h = head - token * heads;
                // M-RoPE: the pair's axis picks one of the token's three ids ([3, tokens]); plain calls pass axisStride 0.
                int p = positions[(pair % 3 == 1 && pair < 60 ? 1 : pair % 3 == 2 && pair < 60 ? 2 : 0) * axisStride + token];
                float c, s;
                if (p >= 0 && p < cachedRows)
                {
                    long row = (long)p * RopeGenRotary.RowStride;
                    c = rows[row + pair];
                    s = rows[row + RopeGenRotary.RowWidth + pair];
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
                    global::RopeGen.Gpu.GpuMath.RotatePair(a, at + pair, at + pair + RopeGenRotary.PairCount, c, s);
                }
                else
                {
                    long at = global::RopeGen.Gpu.HeadStrides.Start(placesB, token, h - headsA);
                    global::RopeGen.Gpu.GpuMath.RotatePair(b, at + pair, at + pair + RopeGenRotary.PairCount, c, s);
                }
            }
// ...
            /// <summary>One thread per rotation pair: token t's heads rotated from the float source into cache row slots[t]; the dims past the rotary dim copied.</summary>
            private static void RotateIntoKernel(global::ILGPU.Index1D index, global::ILGPU.ArrayView<float> source, int heads, global::ILGPU.ArrayView<float> cache, global::ILGPU.ArrayView<int> slots, global::ILGPU.ArrayView<int> positions, global::ILGPU.ArrayView<float> rows, int cachedRows, global::ILGPU.ArrayView<double> theta, int axisStride)
            {
                int pair = index % RopeGenRotary.PairCount;
                int head = index / RopeGenRotary.PairCount;
                int token = head / heads;
                // M-RoPE: the pair's axis picks one of the token's three ids ([3, tokens]); plain calls pass axisStride 0.
                int p = positions[(pair % 3 == 1 && pair < 60 ? 1 : pair % 3 == 2 && pair < 60 ? 2 : 0) * axisStride + token];
                float c, s;
                if (p >= 0 && p < cachedRows)
                {
                    long row = (long)p * RopeGenRotary.RowStride;
                    c = rows[row + pair];
                    s = rows[row + RopeGenRotary.RowWidth + pair];
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
                global::RopeGen.Gpu.GpuMath.RotateInto(source, from + pair, from + pair + RopeGenRotary.PairCount, cache, to + pair, to + pair + RopeGenRotary.PairCount, c, s);
            }
// ...
            /// <summary>One thread per rotation pair: every head rotated by the same shift row.</summary>
            private static void ShiftKernel(global::ILGPU.Index1D index, global::ILGPU.ArrayView<float> keys, global::ILGPU.ArrayView<float> row)
            {
                int pair = index % RopeGenRotary.PairCount;
                long at = (long)(index.X / RopeGenRotary.PairCount) * RopeGenRotary.HeadDim;
                global::RopeGen.Gpu.GpuMath.RotatePair(keys, at + pair, at + pair + RopeGenRotary.PairCount, row[pair], row[RopeGenRotary.RowWidth + pair]);
            }
