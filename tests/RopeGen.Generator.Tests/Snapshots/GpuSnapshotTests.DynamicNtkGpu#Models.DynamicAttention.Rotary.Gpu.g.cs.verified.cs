// Excerpt: the members that differ from GpuSnapshotTests.Llama31HalfSplitGpu (the whole file)
        /// <summary>
        /// The GPU kernels of this class's RoPE configuration on one ILGPU accelerator, with the device cos/sin tables. Launches
        /// are queued on the accelerator's default stream; call <c>accelerator.Synchronize()</c> before reading results.
        /// Positions the device table does not cover are computed in the kernel in double precision, never read past the table.
        /// The float rotation is loaded when the object is created, the other kernels on first use. Not thread-safe.
        /// </summary>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public sealed class RopeGenGpuRotary : global::System.IDisposable, global::RopeGen.Gpu.IGpuRotary
        {
            private readonly global::ILGPU.Runtime.Accelerator _accelerator;
            private readonly global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<float>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<float>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>> _rotate;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<float>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>>? _rotateInto;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<float>, global::ILGPU.ArrayView<float>>? _shift;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<ushort>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<ushort>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>>? _rotateHalf;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<ushort>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>>? _rotateIntoHalf;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<ushort>, global::ILGPU.ArrayView<float>>? _shiftHalf;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<ushort>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<ushort>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>>? _rotateBFloat16;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<ushort>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>>? _rotateIntoBFloat16;
            private global::System.Action<global::ILGPU.Index1D, global::ILGPU.ArrayView<ushort>, global::ILGPU.ArrayView<float>>? _shiftBFloat16;
            private readonly global::RopeGen.Gpu.DeviceTable _table;
            private readonly global::ILGPU.Runtime.MemoryBuffer1D<double, global::ILGPU.Stride1D.Dense> _theta;
            private readonly global::ILGPU.Runtime.MemoryBuffer1D<double, global::ILGPU.Stride1D.Dense> _stretchedTheta;
            private bool _disposed;

            /// <summary>Loads the float rotation and uploads the first table rows; use <c>CreateGpuRotary</c>.</summary>
            internal RopeGenGpuRotary(global::ILGPU.Runtime.Accelerator accelerator)
            {
                global::System.ArgumentNullException.ThrowIfNull(accelerator);
                _accelerator = accelerator;
                _rotate = global::ILGPU.Runtime.KernelLoaders.LoadAutoGroupedStreamKernel<global::ILGPU.Index1D, global::ILGPU.ArrayView<float>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<float>, int, global::ILGPU.LongIndex3D, global::ILGPU.ArrayView<int>, global::ILGPU.ArrayView<float>, int, global::ILGPU.ArrayView<double>>(_accelerator, RotateKernel);
                _table = new global::RopeGen.Gpu.DeviceTable(accelerator, RopeGenRotary.Table, 4096);
                _theta = global::RopeGen.Gpu.GpuChecks.Upload(accelerator, RopeGenRotary.InverseFrequencies);
                _stretchedTheta = accelerator.Allocate1D<double>(RopeGenRotary.PairCount);
            }

// ...
            /// <summary>
            /// Queues the in-place rotation of the float buffer <paramref name="x"/>, laid out <c>[positions.Length, numHeads, HeadDim]</c>; token t at <c>positions[t]</c>.
            /// The table is chosen by max(positions) + 1, which reads the positions back to the host (a synchronization); pass a sequence length to avoid it.
            /// Launches are queued; synchronize the accelerator before reading the result.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The length does not match or <paramref name="numHeads"/> &lt;= 0; nothing is launched.</exception>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void Apply(global::ILGPU.ArrayView<float> x, global::ILGPU.ArrayView<int> positions, int numHeads)
            {
                int tokens = global::RopeGen.Gpu.GpuChecks.Tokens(positions);
                global::RopeGen.Gpu.HeadStrides heads = global::RopeGen.Gpu.GpuChecks.Heads(x, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
                Launch(x, heads, global::ILGPU.ArrayView<float>.Empty, default, positions, tokens, global::RopeGen.RotaryGuard.MaxPosition(global::ILGPU.Runtime.ArrayViewExtensions.GetAsArray(positions)) + 1);
            }
// ...
            /// <summary>Frees the device tables.</summary>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            public void Dispose()
            {
                if (_disposed) return;
                _disposed = true;
                _table.Dispose();
                _theta.Dispose();
                _stretchedTheta.Dispose();
            }
// ...
            /// <summary>The device rows and frequencies for <paramref name="sequenceLength"/>, grown to cover it where the table allows.</summary>
            private void Select(int sequenceLength, out global::ILGPU.ArrayView<float> rows, out int cachedRows, out global::ILGPU.ArrayView<double> theta)
            {
                global::RopeGen.Gpu.GpuChecks.NotDisposed(_disposed, nameof(RopeGenGpuRotary));
                rows = _table.View;
                if (global::RopeGen.RopeFrequencies.IsDynamicNtkStretched(RopeGenRotary.Config, sequenceLength))
                {
                    global::ILGPU.Runtime.ArrayViewExtensions.CopyFromCPU(_stretchedTheta.View.BaseView, global::RopeGen.RopeFrequencies.InverseFrequencies(RopeGenRotary.Config, sequenceLength));
                    theta = _stretchedTheta.View;
                    cachedRows = 0;
                }
                else
                {
                    _table.Ensure(sequenceLength);
                    theta = _theta.View;
                    cachedRows = _table.Rows;
                }
            }
