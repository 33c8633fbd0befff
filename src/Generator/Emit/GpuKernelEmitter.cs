using RopeGen.Generator.Model;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes the ILGPU members of an annotated class; only called when the compilation references ILGPU. Emits
    /// <c>CreateGpuRotary(accelerator)</c> and the disposable <c>RopeGenGpuRotary</c> that owns the loaded kernels and the
    /// device tables, on the helpers of <see cref="GpuSupportEmitter"/>. Kernels use only what ILGPU 1.5 compiles: static
    /// methods, constants, <c>ArrayView</c> parameters, double-precision <c>Math.Sin/Cos</c>, fully qualified names.
    /// </summary>
    internal static class GpuKernelEmitter
    {
        private const string View = "global::ILGPU.ArrayView";
        private const string Buffer = "global::ILGPU.Runtime.MemoryBuffer1D";
        private const string Dense = "global::ILGPU.Stride1D.Dense";
        private const string Extensions = "global::ILGPU.Runtime.ArrayViewExtensions";
        private const string Guard = "global::RopeGen.RotaryGuard";
        private const string Support = GpuSupportEmitter.Namespace;
        private const string Checks = Support + ".GpuChecks";
        private const string Table = Support + ".DeviceTable";
        private const string Strides = Support + ".HeadStrides";
        private const string Places = "global::ILGPU.LongIndex3D";
        private const string RotateSignature =
            "global::ILGPU.Index1D, " + View + "<float>, int, " + Places + ", " + View + "<float>, int, " + Places + ", " + View + "<int>, " + View + "<float>, int, " + View + "<double>";

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
            w.Open(GeneratedMember.RopeGenGpuRotary.Public(spec) + $"sealed class RopeGenGpuRotary : global::System.IDisposable, {Support}.IGpuRotary");
            w.Line($"private readonly global::System.Action<{RotateSignature}> _rotate;");
            w.Line($"private readonly global::System.Action<global::ILGPU.Index1D, {View}<float>, {View}<float>> _shift;");
            w.Line($"private readonly {Table} _table;");
            w.Line($"private readonly {Buffer}<double, {Dense}> _theta;");
            if (longRope)
            {
                w.Line($"private readonly {Table} _longTable;");
                w.Line($"private readonly {Buffer}<double, {Dense}> _longTheta;");
            }
            if (dynamicNtk) w.Line($"private readonly {Buffer}<double, {Dense}> _stretchedTheta;");
            w.Line("private bool _disposed;");
            w.Line();

            w.Line("/// <summary>Loads the kernels and uploads the first table rows; use <c>CreateGpuRotary</c>.</summary>");
            w.Open("internal RopeGenGpuRotary(global::ILGPU.Runtime.Accelerator accelerator)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(accelerator);");
            w.Line($"_rotate = global::ILGPU.Runtime.KernelLoaders.LoadAutoGroupedStreamKernel<{RotateSignature}>(accelerator, RotateKernel);");
            w.Line($"_shift = global::ILGPU.Runtime.KernelLoaders.LoadAutoGroupedStreamKernel<global::ILGPU.Index1D, {View}<float>, {View}<float>>(accelerator, ShiftKernel);");
            w.Line($"_table = new {Table}(accelerator, RopeGenRotary.Table, {InitialPositions});");
            w.Line($"_theta = {Checks}.Upload(accelerator, RopeGenRotary.InverseFrequencies);");
            if (longRope)
            {
                w.Line($"_longTable = new {Table}(accelerator, RopeGenRotary.LongTable, {InitialPositions});");
                w.Line($"_longTheta = {Checks}.Upload(accelerator, RopeGenRotary.LongInverseFrequencies);");
            }
            if (dynamicNtk) w.Line("_stretchedTheta = accelerator.Allocate1D<double>(RopeGenRotary.PairCount);");
            w.Close();
            w.Line();

            EmitPublicMethods(w, config);
            w.Line();

            // Launch: picks the table and frequencies for the sequence length, one thread per rotation pair.
            w.Open($"private void Launch({View}<float> a, {Strides} headsA, {View}<float> b, {Strides} headsB, {View}<int> positions, int sequenceLength)");
            w.Line($"{Checks}.NotDisposed(_disposed, nameof(RopeGenGpuRotary));");
            if (longRope)
            {
                w.Line($"bool useLong = sequenceLength > {original};");
                w.Line($"{Table} table = useLong ? _longTable : _table;");
                w.Line($"{View}<double> theta = useLong ? _longTheta.View : _theta.View;");
                w.Line("table.Ensure(sequenceLength);");
                w.Line("int cachedRows = table.Rows;");
            }
            else if (dynamicNtk)
            {
                // Above L the base stretches with every length: no table row applies, the kernel computes every pair.
                w.Line($"{Table} table = _table;");
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
                w.Line($"{Table} table = _table;");
                w.Line($"{View}<double> theta = _theta.View;");
                w.Line("table.Ensure(sequenceLength);");
                w.Line("int cachedRows = table.Rows;");
            }
            w.Line($"int threads = {Checks}.Threads(positions.Length, headsA.Heads + headsB.Heads, RopeGenRotary.PairCount);");
            w.Line("if (threads == 0) return;");
            w.Line("_rotate(threads, a, headsA.Heads, headsA.Places, b, headsB.Heads, headsB.Places, positions, table.View, cachedRows, theta);");
            w.Close();
            w.Line();

            EmitKernels(w, half);
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

            GpuOverloads.EmitMembers(w, impliedLength, lengthNote);

            w.Line("/// <summary>Queues the re-rotation of cached <paramref name=\"keys\"/> by <paramref name=\"delta\"/> positions, without the attention factor.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">The length is not a whole number of tokens.</exception>");
            w.Line("/// <exception cref=\"global::System.NotSupportedException\">The scaling kind is dynamic (DynamicNtk, LongRope).</exception>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Open($"public void Shift({View}<float> keys, int numHeads, int delta)");
            w.Line($"{Checks}.NotDisposed(_disposed, nameof(RopeGenGpuRotary));");
            w.Line($"{Guard}.ThrowIfDynamicShift(RopeGenRotary.Config);");
            w.Line($"int threads = {Checks}.Threads({Checks}.Tokens(keys, numHeads, RopeGenRotary.HeadDim, \"keys\", \"numHeads\"), numHeads, RopeGenRotary.PairCount);");
            w.Line("if (threads == 0) return;");
            w.Line("_shift(threads, keys, _table.ShiftRow(delta));");
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
            w.Open($"private static void RotateKernel(global::ILGPU.Index1D index, {View}<float> a, int headsA, {Places} placesA, {View}<float> b, int headsB, {Places} placesB, {View}<int> positions, {View}<float> rows, int cachedRows, {View}<double> theta)");
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
            w.Line($"long at = {Strides}.Start(placesA, token, h);");
            w.Line($"RotatePair(a, at + {first}, at + {second}, c, s);");
            w.Close();
            w.Open("else");
            w.Line($"long at = {Strides}.Start(placesB, token, h - headsA);");
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
    }
}
