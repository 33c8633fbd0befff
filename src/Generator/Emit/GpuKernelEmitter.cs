using RopeGen.Generator.Model;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes the ILGPU members of an annotated class; only called when the compilation references ILGPU. Emits
    /// <c>CreateGpuRotary(accelerator)</c> and the disposable <c>RopeGenGpuRotary</c> that owns the loaded kernels and the
    /// device tables. Kernels use only what ILGPU 1.5 compiles: static methods, constants, <c>ArrayView</c> parameters,
    /// double-precision <c>Math.Sin/Cos</c>, fully qualified names.
    /// </summary>
    internal static class GpuKernelEmitter
    {
        private const string View = "global::ILGPU.ArrayView";
        private const string Buffer = "global::ILGPU.Runtime.MemoryBuffer1D";
        private const string Dense = "global::ILGPU.Stride1D.Dense";
        private const string Extensions = "global::ILGPU.Runtime.ArrayViewExtensions";
        private const string Guard = "global::RopeGen.RotaryGuard";
        private const string RotateSignature =
            "global::ILGPU.Index1D, " + View + "<float>, int, " + View + "<float>, int, " + View + "<int>, " + View + "<float>, int, " + View + "<double>";

        // Positions uploaded when the object is created: 4,096 rows (2 MiB at head dim 128, half-split).
        private const int InitialPositions = 4096;

        public static void EmitMembers(SourceWriter w, RotaryClassSpec spec, RotaryConfig config)
        {
            w.Line("/// <summary>");
            w.Line("/// Loads this configuration's GPU kernels on <paramref name=\"accelerator\"/> and uploads its cos/sin table. Create one per");
            w.Line("/// accelerator and reuse it: loading kernels is slow. Dispose it to free the device memory.");
            w.Line("/// </summary>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Line(GeneratedMember.CreateGpuRotary.Public(spec) + "static RopeGenGpuRotary CreateGpuRotary(global::ILGPU.Runtime.Accelerator accelerator) => new RopeGenGpuRotary(accelerator);");
            w.Line();
            EmitClass(w, spec, config);
        }

        private static void EmitClass(SourceWriter w, RotaryClassSpec spec, RotaryConfig config)
        {
            bool longRope = config.Scaling == RopeScaling.LongRope, dynamicNtk = config.Scaling == RopeScaling.DynamicNtk;
            bool half = config.Layout == RotaryLayout.HalfSplit;
            int original = config.OriginalMaxPositions;

            w.Line("/// <summary>");
            w.Line("/// The GPU kernels of this class's RoPE configuration on one ILGPU accelerator, with the device cos/sin tables. Launches");
            w.Line("/// are queued on the accelerator's default stream; call <c>accelerator.Synchronize()</c> before reading results.");
            w.Line("/// Positions the device table does not cover are computed in the kernel in double precision, never read past the table.");
            w.Line("/// </summary>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Open(GeneratedMember.RopeGenGpuRotary.Public(spec) + "sealed class RopeGenGpuRotary : global::System.IDisposable");
            w.Line("private readonly global::ILGPU.Runtime.Accelerator _accelerator;");
            w.Line($"private readonly global::System.Action<{RotateSignature}> _rotate;");
            w.Line($"private readonly global::System.Action<global::ILGPU.Index1D, {View}<float>, {View}<float>> _shift;");
            w.Line("private readonly DeviceTable _table;");
            w.Line($"private readonly {Buffer}<double, {Dense}> _theta;");
            w.Line($"private readonly {Buffer}<float, {Dense}> _shiftRow;");
            if (longRope)
            {
                w.Line("private readonly DeviceTable _longTable;");
                w.Line($"private readonly {Buffer}<double, {Dense}> _longTheta;");
            }
            if (dynamicNtk) w.Line($"private readonly {Buffer}<double, {Dense}> _stretchedTheta;");
            w.Line("private bool _disposed;");
            w.Line();

            w.Line("/// <summary>Loads the kernels and uploads the first table rows; use <c>CreateGpuRotary</c>.</summary>");
            w.Open("internal RopeGenGpuRotary(global::ILGPU.Runtime.Accelerator accelerator)");
            w.Line("_accelerator = accelerator ?? throw new global::System.ArgumentNullException(nameof(accelerator));");
            w.Line($"_rotate = global::ILGPU.Runtime.KernelLoaders.LoadAutoGroupedStreamKernel<{RotateSignature}>(accelerator, RotateKernel);");
            w.Line($"_shift = global::ILGPU.Runtime.KernelLoaders.LoadAutoGroupedStreamKernel<global::ILGPU.Index1D, {View}<float>, {View}<float>>(accelerator, ShiftKernel);");
            w.Line($"_table = new DeviceTable(accelerator, RopeGenRotary.Table, {InitialPositions});");
            w.Line("_theta = Upload(accelerator, RopeGenRotary.InverseFrequencies.ToArray());");
            w.Line("_shiftRow = accelerator.Allocate1D<float>(RopeGenRotary.RowStride);");
            if (longRope)
            {
                w.Line($"_longTable = new DeviceTable(accelerator, RopeGenRotary.LongTable, {InitialPositions});");
                w.Line("_longTheta = Upload(accelerator, RopeGenRotary.LongInverseFrequencies.ToArray());");
            }
            if (dynamicNtk) w.Line("_stretchedTheta = accelerator.Allocate1D<double>(RopeGenRotary.PairCount);");
            w.Close();
            w.Line();

            EmitPublicMethods(w, config);
            w.Line();

            // Launch: picks the table and frequencies for the sequence length, one thread per rotation pair.
            w.Open($"private void Launch({View}<float> a, int headsA, {View}<float> b, int headsB, {View}<int> positions, int sequenceLength)");
            w.Line("if (_disposed) throw new global::System.ObjectDisposedException(nameof(RopeGenGpuRotary));");
            if (longRope)
            {
                w.Line($"bool useLong = sequenceLength > {original};");
                w.Line("DeviceTable table = useLong ? _longTable : _table;");
                w.Line($"{View}<double> theta = useLong ? _longTheta.View : _theta.View;");
                w.Line("table.Ensure(sequenceLength);");
                w.Line("int cachedRows = table.Rows;");
            }
            else if (dynamicNtk)
            {
                // Above L the base stretches with every length: no table row applies, the kernel computes every pair.
                w.Line("DeviceTable table = _table;");
                w.Line($"{View}<double> theta = _theta.View;");
                w.Line("int cachedRows;");
                w.Open($"if (sequenceLength > {original})");
                w.Line($"{Extensions}.CopyFromCPU(_stretchedTheta.View.BaseView, global::RopeGen.RopeFrequencies.InverseFrequencies(RopeGenRotary.Config, sequenceLength));");
                w.Line("theta = _stretchedTheta.View;");
                w.Line("cachedRows = 0;");
                w.Close();
                w.Open("else");
                w.Line("table.Ensure(sequenceLength);");
                w.Line("cachedRows = table.Rows;");
                w.Close();
            }
            else
            {
                w.Line("DeviceTable table = _table;");
                w.Line($"{View}<double> theta = _theta.View;");
                w.Line("table.Ensure(sequenceLength);");
                w.Line("int cachedRows = table.Rows;");
            }
            w.Line("long threads = positions.Length * (headsA + headsB) * (long)RopeGenRotary.PairCount;");
            w.Line("if (threads == 0) return;");
            w.Line("if (threads > int.MaxValue) throw new global::System.ArgumentException($\"The call needs {threads} GPU threads; at most {int.MaxValue} fit one launch. Split it by tokens.\");");
            w.Line("_rotate((int)threads, a, headsA, b, headsB, positions, table.View, cachedRows, theta);");
            w.Close();
            w.Line();

            EmitKernels(w, half);
            w.Line();
            EmitHelpers(w);
            w.Close();
        }

        private static void EmitPublicMethods(SourceWriter w, RotaryConfig config)
        {
            // The dynamic kinds need max(positions) + 1 when no length is given: read the positions back (synchronizes).
            string impliedLength = config.IsDynamic
                ? $"{Guard}.MaxPosition({Extensions}.GetAsArray(positions)) + 1"
                : "0";
            string lengthNote = config.IsDynamic
                ? "The table is chosen by max(positions) + 1, which reads the positions back to the host (a synchronization); pass a sequence length to avoid it."
                : "The frequency table does not depend on the sequence length.";

            w.Line("/// <summary>");
            w.Line("/// Queues the rotation of <paramref name=\"x\"/>, laid out <c>[positions.Length, numHeads, HeadDim]</c>, in place; token t at");
            w.Line($"/// <c>positions[t]</c>. {lengthNote}");
            w.Line("/// </summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">The length does not match or <paramref name=\"numHeads\"/> &lt;= 0.</exception>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Open($"public void Apply({View}<float> x, {View}<int> positions, int numHeads)");
            w.Line($"{Guard}.CheckLayout(Length(x), Length(positions), numHeads, RopeGenRotary.HeadDim, \"x\", \"numHeads\");");
            w.Line($"Launch(x, numHeads, {View}<float>.Empty, 0, positions, {impliedLength});");
            w.Close();
            w.Line();

            w.Line("/// <summary>");
            w.Line("/// Queues the rotation of <paramref name=\"x\"/> with an explicit sequence length, which selects the table of the dynamic");
            w.Line("/// kinds and grows the device table to cover it (up to <c>RopeGenRotary.Table.MaxCachedPositions</c>).");
            w.Line("/// </summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">The length does not match, <paramref name=\"numHeads\"/> &lt;= 0 or <paramref name=\"sequenceLength\"/> &lt; 1.</exception>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Open($"public void Apply({View}<float> x, {View}<int> positions, int numHeads, int sequenceLength)");
            w.Line($"{Guard}.CheckLayout(Length(x), Length(positions), numHeads, RopeGenRotary.HeadDim, \"x\", \"numHeads\");");
            w.Line("if (sequenceLength < 1) throw new global::System.ArgumentOutOfRangeException(nameof(sequenceLength), sequenceLength, $\"sequenceLength is {sequenceLength}; expected at least 1 (the largest position + 1).\");");
            w.Line($"Launch(x, numHeads, {View}<float>.Empty, 0, positions, sequenceLength);");
            w.Close();
            w.Line();

            w.Line("/// <summary>Queues the rotation of queries <paramref name=\"q\"/> and keys <paramref name=\"k\"/> (grouped-query attention) in one launch.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">A length does not match or a head count &lt;= 0.</exception>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Open($"public void Apply({View}<float> q, int numQueryHeads, {View}<float> k, int numKeyValueHeads, {View}<int> positions)");
            w.Line($"{Guard}.CheckFusedLayout(Length(q), numQueryHeads, Length(k), numKeyValueHeads, Length(positions), RopeGenRotary.HeadDim);");
            w.Line($"Launch(q, numQueryHeads, k, numKeyValueHeads, positions, {impliedLength});");
            w.Close();
            w.Line();

            w.Line("/// <summary>Queues the re-rotation of cached <paramref name=\"keys\"/> by <paramref name=\"delta\"/> positions, without the attention factor.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">The length is not a whole number of tokens.</exception>");
            w.Line("/// <exception cref=\"global::System.NotSupportedException\">The scaling kind is dynamic (DynamicNtk, LongRope).</exception>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Open($"public void Shift({View}<float> keys, int numHeads, int delta)");
            w.Line("if (_disposed) throw new global::System.ObjectDisposedException(nameof(RopeGenGpuRotary));");
            w.Line($"{Guard}.ThrowIfDynamicShift(RopeGenRotary.Config);");
            w.Line($"int rows = {Guard}.TokenCount(Length(keys), numHeads, RopeGenRotary.HeadDim, \"keys\", \"numHeads\") * numHeads;");
            w.Line("if (rows == 0) return;");
            w.Line("float[] row = new float[RopeGenRotary.RowStride];");
            w.Line("RopeGenRotary.Table.ComputeShiftRow(delta, row);");
            w.Line($"{Extensions}.CopyFromCPU(_shiftRow.View.BaseView, row);");
            w.Line("_shift(rows * RopeGenRotary.PairCount, keys, _shiftRow.View);");
            w.Close();
            w.Line();

            w.Line("/// <summary>Grows the device table to cover positions below <paramref name=\"positions\"/> now (up to the cap), so later launches read rather than compute them.</summary>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Line("public void Reserve(int positions) => _table.Ensure(positions);");
            w.Line();
            w.Line("/// <summary>Positions the device table covers.</summary>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Line("public int CachedPositions => _table.Rows;");
            w.Line();
            w.Line("/// <summary>Frees the device tables.</summary>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Open("public void Dispose()");
            w.Line("if (_disposed) return;");
            w.Line("_disposed = true;");
            w.Line("_table.Dispose();");
            w.Line("_theta.Dispose();");
            w.Line("_shiftRow.Dispose();");
            if (config.Scaling == RopeScaling.LongRope)
            {
                w.Line("_longTable.Dispose();");
                w.Line("_longTheta.Dispose();");
            }
            if (config.Scaling == RopeScaling.DynamicNtk) w.Line("_stretchedTheta.Dispose();");
            w.Close();
        }

        private static void EmitKernels(SourceWriter w, bool half)
        {
            // Row format as in RotaryTable: cos at [0, RowWidth), sin after; interleaved rows hold each pair's values at
            // 2i and 2i + 1 with sin negated at 2i, so read the odd lane.
            string cos = half ? "pair" : "2 * pair + 1";
            string first = half ? "pair" : "2 * pair", second = half ? "pair + RopeGenRotary.PairCount" : "2 * pair + 1";

            w.Line("/// <summary>One thread per rotation pair of every head of a, then of b; consecutive threads touch consecutive pairs.</summary>");
            w.Open($"private static void RotateKernel(global::ILGPU.Index1D index, {View}<float> a, int headsA, {View}<float> b, int headsB, {View}<int> positions, {View}<float> rows, int cachedRows, {View}<double> theta)");
            w.Line("int pair = index % RopeGenRotary.PairCount;");
            w.Line("int head = index / RopeGenRotary.PairCount;");
            w.Line("int heads = headsA + headsB;");
            w.Line("int token = head / heads;");
            w.Line("int h = head - token * heads;");
            w.Line("int p = positions[token];");
            w.Line("float c, s;");
            w.Open("if (p >= 0 && p < cachedRows)");
            w.Line("long row = (long)p * RopeGenRotary.RowStride;");
            w.Line($"c = rows[row + {cos}];");
            w.Line($"s = rows[row + RopeGenRotary.RowWidth + {cos}];");
            w.Close();
            w.Open("else");
            w.Line("// Not in the table: the angle is formed and reduced in double, never with fast float trig.");
            w.Line("double angle = p * theta[pair];");
            w.Line("c = (float)(global::System.Math.Cos(angle) * RopeGenRotary.AttentionFactor);");
            w.Line("s = (float)(global::System.Math.Sin(angle) * RopeGenRotary.AttentionFactor);");
            w.Close();
            w.Open("if (h < headsA)");
            w.Line("long at = ((long)token * headsA + h) * RopeGenRotary.HeadDim;");
            w.Line($"RotatePair(a, at + {first}, at + {second}, c, s);");
            w.Close();
            w.Open("else");
            w.Line("long at = ((long)token * headsB + h - headsA) * RopeGenRotary.HeadDim;");
            w.Line($"RotatePair(b, at + {first}, at + {second}, c, s);");
            w.Close();
            w.Close();
            w.Line();

            w.Line("/// <summary>One thread per rotation pair: every head rotated by the same shift row.</summary>");
            w.Open($"private static void ShiftKernel(global::ILGPU.Index1D index, {View}<float> keys, {View}<float> row)");
            w.Line("int pair = index % RopeGenRotary.PairCount;");
            w.Line("long at = (long)(index.X / RopeGenRotary.PairCount) * RopeGenRotary.HeadDim;");
            w.Line($"RotatePair(keys, at + {first}, at + {second}, row[{cos}], row[RopeGenRotary.RowWidth + {cos}]);");
            w.Close();
            w.Line();

            w.Open($"private static void RotatePair({View}<float> x, long i, long j, float c, float s)");
            w.Line("float x1 = x[i], x2 = x[j];");
            w.Line("x[i] = x1 * c - x2 * s;");
            w.Line("x[j] = x2 * c + x1 * s;");
            w.Close();
        }

        private static void EmitHelpers(SourceWriter w)
        {
            w.Open($"private static int Length<T>({View}<T> view) where T : unmanaged");
            w.Line("if (view.Length > int.MaxValue) throw new global::System.ArgumentException($\"A view of {view.Length} elements is longer than RoPE kernels accept ({int.MaxValue}).\");");
            w.Line("return (int)view.Length;");
            w.Close();
            w.Line();
            w.Open($"private static {Buffer}<double, {Dense}> Upload(global::ILGPU.Runtime.Accelerator accelerator, double[] values)");
            w.Line($"{Buffer}<double, {Dense}> buffer = accelerator.Allocate1D<double>(values.Length);");
            w.Line($"{Extensions}.CopyFromCPU(buffer.View.BaseView, values);");
            w.Line("return buffer;");
            w.Close();
            w.Line();

            w.Line("/// <summary>The device copy of a host <see cref=\"global::RopeGen.RotaryTable\"/>, grown in the host table's blocks up to its cap.</summary>");
            w.Open("private sealed class DeviceTable : global::System.IDisposable");
            w.Line("private readonly global::ILGPU.Runtime.Accelerator _accelerator;");
            w.Line("private readonly global::RopeGen.RotaryTable _host;");
            w.Line($"private {Buffer}<float, {Dense}> _buffer;");
            w.Line();
            w.Open("public DeviceTable(global::ILGPU.Runtime.Accelerator accelerator, global::RopeGen.RotaryTable host, int positions)");
            w.Line("_accelerator = accelerator;");
            w.Line("_host = host;");
            w.Line("_buffer = accelerator.Allocate1D<float>(1);");
            w.Line("Ensure(positions);");
            w.Close();
            w.Line();
            w.Line("public int Rows { get; private set; }");
            w.Line();
            w.Line($"public {View}<float> View => _buffer.View;");
            w.Line();
            w.Open("public void Ensure(int positions)");
            w.Line("int wanted = global::System.Math.Min(positions, _host.MaxCachedPositions);");
            w.Line("if (wanted <= Rows) return;");
            w.Line("float[] rows = _host.Acquire(wanted - 1);");
            w.Line("if (rows.Length == 0) return;");
            w.Line($"{Buffer}<float, {Dense}> buffer = _accelerator.Allocate1D<float>(rows.Length);");
            w.Line($"{Extensions}.CopyFromCPU(buffer.View.BaseView, rows);");
            w.Line("// Launches already queued may still read the old rows.");
            w.Line("_accelerator.Synchronize();");
            w.Line("_buffer.Dispose();");
            w.Line("_buffer = buffer;");
            w.Line("Rows = rows.Length / RopeGenRotary.RowStride;");
            w.Close();
            w.Line();
            w.Line("public void Dispose() => _buffer.Dispose();");
            w.Close();
        }
    }
}
