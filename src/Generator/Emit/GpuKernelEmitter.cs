using System.Collections.Generic;
using RopeGen.Generator.Model;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes the ILGPU members of an annotated class; only called when the compilation references ILGPU. Emits
    /// <c>CreateGpuRotary(accelerator)</c> and the disposable <c>RopeGenGpuRotary</c> that owns the loaded kernels and the
    /// device tables, on the helpers of <see cref="GpuSupportEmitter"/>; its public operations come from
    /// <see cref="GpuOverloads"/>. One kernel per operation and element type (<see cref="GpuElement"/>): rotate in place,
    /// rotate into a KV cache, shift. Kernels use only what ILGPU 1.5 compiles: static methods, constants,
    /// <c>ArrayView</c> parameters and public ILGPU types, double-precision <c>Math.Sin/Cos</c>, fully qualified names.
    /// </summary>
    internal static class GpuKernelEmitter
    {
        private const string View = "global::ILGPU.ArrayView";
        private const string Buffer = "global::ILGPU.Runtime.MemoryBuffer1D";
        private const string Dense = "global::ILGPU.Stride1D.Dense";
        private const string Extensions = "global::ILGPU.Runtime.ArrayViewExtensions";
        private const string Loaders = "global::ILGPU.Runtime.KernelLoaders";
        private const string Guard = "global::RopeGen.RotaryGuard";
        private const string Support = GpuSupportEmitter.Namespace;
        private const string Checks = Support + ".GpuChecks";
        private const string Math = Support + ".GpuMath";
        private const string Table = Support + ".DeviceTable";
        private const string Strides = Support + ".HeadStrides";
        private const string Places = "global::ILGPU.LongIndex3D";

        // Positions uploaded when the object is created: 4,096 rows (2 MiB at head dim 128, half-split).
        private const int InitialPositions = 4096;

        /// <summary>A kernel's parameter types after the index (the delegate's type arguments).</summary>
        private static string RotateTypes(GpuElement e, bool multimodal) =>
            $"{View}<{e.KernelType}>, int, {Places}, {View}<{e.KernelType}>, int, {Places}, {View}<int>, {View}<float>, int, {View}<double>" +
            (multimodal ? ", int" : "");

        private static string IntoTypes(GpuElement e, bool multimodal) =>
            $"{View}<float>, int, {View}<{e.KernelType}>, {View}<int>, {View}<int>, {View}<float>, int, {View}<double>" + (multimodal ? ", int" : "");

        private static string ShiftTypes(GpuElement e) => $"{View}<{e.KernelType}>, {View}<float>";

        private static string Kernel(string types) => $"global::System.Action<global::ILGPU.Index1D, {types}>";

        private static string Load(string types, string method) =>
            $"{Loaders}.LoadAutoGroupedStreamKernel<global::ILGPU.Index1D, {types}>(_accelerator, {method})";

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
            bool multimodal = config.IsMultimodal;

            w.Line("/// <summary>");
            w.Line("/// The GPU kernels of this class's RoPE configuration on one ILGPU accelerator, with the device cos/sin tables. Launches");
            w.Line("/// are queued on the accelerator's default stream; call <c>accelerator.Synchronize()</c> before reading results.");
            w.Line("/// Positions the device table does not cover are computed in the kernel in double precision, never read past the table.");
            w.Line("/// The float rotation is loaded when the object is created, the other kernels on first use. Not thread-safe.");
            w.Line("/// </summary>");
            w.Line(ClassEmitter.GeneratedCode);
            w.Open(GeneratedMember.RopeGenGpuRotary.Public(spec) + $"sealed class RopeGenGpuRotary : global::System.IDisposable, {Support}.{(multimodal ? "IGpuMultimodalRotary" : "IGpuRotary")}");
            w.Line("private readonly global::ILGPU.Runtime.Accelerator _accelerator;");
            foreach (GpuElement e in GpuElement.All)
            {
                string rotate = Kernel(RotateTypes(e, multimodal));
                w.Line(e == GpuElement.Float ? $"private readonly {rotate} _rotate;" : $"private {rotate}? _rotate{e.Suffix};");
                w.Line($"private {Kernel(IntoTypes(e, multimodal))}? _rotateInto{e.Suffix};");
                w.Line($"private {Kernel(ShiftTypes(e))}? _shift{e.Suffix};");
            }
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

            w.Line("/// <summary>Loads the float rotation and uploads the first table rows; use <c>CreateGpuRotary</c>.</summary>");
            w.Open("internal RopeGenGpuRotary(global::ILGPU.Runtime.Accelerator accelerator)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(accelerator);");
            w.Line("_accelerator = accelerator;");
            w.Line($"_rotate = {Load(RotateTypes(GpuElement.Float, multimodal), "RotateKernel")};");
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

            // The dynamic kinds need max(positions) + 1 when no length is given: read the positions back (synchronizes).
            string impliedLength = config.IsDynamic ? $"{Guard}.MaxPosition({Extensions}.GetAsArray(positions)) + 1" : "0";
            string lengthNote = config.IsDynamic
                ? "The table is chosen by max(positions) + 1, which reads the positions back to the host (a synchronization); pass a sequence length to avoid it."
                : "The frequency table does not depend on the sequence length.";
            GpuOverloads.EmitMembers(w, multimodal, impliedLength, lengthNote);

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
            if (longRope)
            {
                w.Line("_longTable.Dispose();");
                w.Line("_longTheta.Dispose();");
            }
            if (dynamicNtk) w.Line("_stretchedTheta.Dispose();");
            w.Close();
            w.Line();

            EmitSelect(w, config);
            foreach (GpuElement e in GpuElement.All) EmitLaunchers(w, e, multimodal);
            foreach (GpuElement e in GpuElement.All) EmitKernels(w, config, e);
            w.Close();
        }

        /// <summary>Select: the device rows and frequencies for a sequence length (and the rows they cover).</summary>
        private static void EmitSelect(SourceWriter w, RotaryConfig config)
        {
            w.Line("/// <summary>The device rows and frequencies for <paramref name=\"sequenceLength\"/>, grown to cover it where the table allows.</summary>");
            w.Open($"private void Select(int sequenceLength, out {View}<float> rows, out int cachedRows, out {View}<double> theta)");
            w.Line($"{Checks}.NotDisposed(_disposed, nameof(RopeGenGpuRotary));");
            if (config.Scaling == RopeScaling.LongRope)
            {
                w.Line("bool useLong = global::RopeGen.RopeFrequencies.UsesLongFactors(RopeGenRotary.Config, sequenceLength);");
                w.Line($"{Table} table = useLong ? _longTable : _table;");
                w.Line("theta = useLong ? _longTheta.View : _theta.View;");
                w.Line("table.Ensure(sequenceLength);");
                w.Line("rows = table.View;");
                w.Line("cachedRows = table.Rows;");
            }
            else if (config.Scaling == RopeScaling.DynamicNtk)
            {
                // Above L the base stretches with every length: no table row applies, the kernel computes every pair.
                w.Line("rows = _table.View;");
                w.Open("if (global::RopeGen.RopeFrequencies.IsDynamicNtkStretched(RopeGenRotary.Config, sequenceLength))");
                w.Line($"{Extensions}.CopyFromCPU(_stretchedTheta.View.BaseView, global::RopeGen.RopeFrequencies.InverseFrequencies(RopeGenRotary.Config, sequenceLength));");
                w.Line("theta = _stretchedTheta.View;");
                w.Line("cachedRows = 0;");
                w.Close();
                w.Open("else");
                w.Line("_table.Ensure(sequenceLength);");
                w.Line("theta = _theta.View;");
                w.Line("cachedRows = _table.Rows;");
                w.Close();
            }
            else
            {
                w.Line("_table.Ensure(sequenceLength);");
                w.Line("rows = _table.View;");
                w.Line("theta = _theta.View;");
                w.Line("cachedRows = _table.Rows;");
            }
            w.Close();
            w.Line();
        }

        /// <summary>The host side of one element type's kernels: pick the table, count the threads, load on first use, launch.</summary>
        private static void EmitLaunchers(SourceWriter w, GpuElement e, bool multimodal)
        {
            string view = $"{View}<{e.KernelType}>";
            string rotate = e == GpuElement.Float ? "_rotate" : $"(_rotate{e.Suffix} ??= {Load(RotateTypes(e, multimodal), "RotateKernel" + e.Suffix)})";
            string axis = multimodal ? ", int axisStride = 0" : "";
            string select = $"Select(sequenceLength, out {View}<float> rows, out int cachedRows, out {View}<double> theta);";
            Launcher(w, $"Launch{e.Suffix}({view} a, {Strides} headsA, {view} b, {Strides} headsB, {View}<int> positions, int tokens, int sequenceLength{axis})",
                select, "tokens, headsA.Heads + headsB.Heads",
                $"{rotate}(threads, a, headsA.Heads, headsA.Places, b, headsB.Heads, headsB.Places, positions, rows, cachedRows, theta{(multimodal ? ", axisStride" : "")});");
            Launcher(w, $"LaunchInto{e.Suffix}({View}<float> source, int heads, {view} cache, {View}<int> slots, {View}<int> positions, int tokens, int sequenceLength{axis})",
                select, "tokens, heads",
                $"(_rotateInto{e.Suffix} ??= {Load(IntoTypes(e, multimodal), "RotateIntoKernel" + e.Suffix)})(threads, source, heads, cache, slots, positions, rows, cachedRows, theta{(multimodal ? ", axisStride" : "")});");
            Launcher(w, $"LaunchShift{e.Suffix}({view} keys, int rows, int delta)",
                $"{Checks}.NotDisposed(_disposed, nameof(RopeGenGpuRotary));\n{Guard}.ThrowIfDynamicShift(RopeGenRotary.Config);", "rows, 1",
                $"(_shift{e.Suffix} ??= {Load(ShiftTypes(e), "ShiftKernel" + e.Suffix)})(threads, keys, _table.ShiftRow(delta));");
        }

        /// <summary>One launcher: its checks and table choice, the thread count (one per pair), the launch.</summary>
        private static void Launcher(SourceWriter w, string signature, string prologue, string tokensAndHeads, string launch)
        {
            w.Open("private void " + signature);
            foreach (string line in prologue.Split('\n')) w.Line(line);
            w.Line($"int threads = {Checks}.Threads({tokensAndHeads}, RopeGenRotary.PairCount);");
            w.Line("if (threads == 0) return;");
            w.Line(launch);
            w.Close();
            w.Line();
        }

        private static void EmitKernels(SourceWriter w, RotaryConfig config, GpuElement e)
        {
            // Row format as in RotaryTable: cos at [0, RowWidth), sin after; interleaved rows hold each pair's values at
            // 2i and 2i + 1 with sin negated at 2i, so read the odd lane.
            bool half = config.Layout == RotaryLayout.HalfSplit;
            string first = half ? "pair" : "2 * pair", second = half ? "pair + RopeGenRotary.PairCount" : "2 * pair + 1";
            string view = $"{View}<{e.KernelType}>";
            bool multimodal = config.IsMultimodal;

            w.Line("/// <summary>One thread per rotation pair of every head of a, then of b; consecutive threads touch consecutive pairs.</summary>");
            w.Open($"private static void RotateKernel{e.Suffix}(global::ILGPU.Index1D index, {view} a, int headsA, {Places} placesA, {view} b, int headsB, {Places} placesB, " +
                   $"{View}<int> positions, {View}<float> rows, int cachedRows, {View}<double> theta{(multimodal ? ", int axisStride" : "")})");
            w.Line("int pair = index % RopeGenRotary.PairCount;");
            w.Line("int head = index / RopeGenRotary.PairCount;");
            w.Line("int heads = headsA + headsB;");
            w.Line("int token = head / heads;");
            w.Line("int h = head - token * heads;");
            EmitPosition(w, config);
            EmitCosSin(w, half);
            w.Open("if (h < headsA)");
            w.Line($"long at = {Strides}.Start(placesA, token, h);");
            w.Line($"{Math}.RotatePair{e.Suffix}(a, at + {first}, at + {second}, c, s);");
            w.Close();
            w.Open("else");
            w.Line($"long at = {Strides}.Start(placesB, token, h - headsA);");
            w.Line($"{Math}.RotatePair{e.Suffix}(b, at + {first}, at + {second}, c, s);");
            w.Close();
            w.Close();
            w.Line();

            w.Line("/// <summary>One thread per rotation pair: token t's heads rotated from the float source into cache row slots[t]; the dims past the rotary dim copied.</summary>");
            w.Open($"private static void RotateIntoKernel{e.Suffix}(global::ILGPU.Index1D index, {View}<float> source, int heads, {view} cache, {View}<int> slots, " +
                   $"{View}<int> positions, {View}<float> rows, int cachedRows, {View}<double> theta{(multimodal ? ", int axisStride" : "")})");
            w.Line("int pair = index % RopeGenRotary.PairCount;");
            w.Line("int head = index / RopeGenRotary.PairCount;");
            w.Line("int token = head / heads;");
            EmitPosition(w, config);
            EmitCosSin(w, half);
            w.Line("long from = (long)head * RopeGenRotary.HeadDim;");
            w.Line("long to = ((long)slots[token] * heads + head - token * heads) * RopeGenRotary.HeadDim;");
            w.Line($"{Math}.RotateInto{e.Suffix}(source, from + {first}, from + {second}, cache, to + {first}, to + {second}, c, s);");
            if (config.EffectiveRotaryDim < config.HeadDim)
            {
                w.Line("for (int d = RopeGenRotary.RotaryDim + pair; d < RopeGenRotary.HeadDim; d += RopeGenRotary.PairCount)");
                w.Line($"    {Math}.Copy{e.Suffix}(source, from + d, cache, to + d);");
            }
            w.Close();
            w.Line();

            w.Line("/// <summary>One thread per rotation pair: every head rotated by the same shift row.</summary>");
            w.Open($"private static void ShiftKernel{e.Suffix}(global::ILGPU.Index1D index, {view} keys, {View}<float> row)");
            w.Line("int pair = index % RopeGenRotary.PairCount;");
            w.Line("long at = (long)(index.X / RopeGenRotary.PairCount) * RopeGenRotary.HeadDim;");
            string cos = half ? "pair" : "2 * pair + 1";
            w.Line($"{Math}.RotatePair{e.Suffix}(keys, at + {first}, at + {second}, row[{cos}], row[RopeGenRotary.RowWidth + {cos}]);");
            w.Close();
            w.Line();
        }

        /// <summary>Declares <c>p</c>, the position of pair <c>pair</c> of token <c>token</c>: with M-RoPE, the id of the pair's axis.</summary>
        private static void EmitPosition(SourceWriter w, RotaryConfig config)
        {
            if (config.IsMultimodal)
            {
                w.Line("// M-RoPE: the pair's axis picks one of the token's three ids ([3, tokens]); plain calls pass axisStride 0.");
                w.Line($"int p = positions[({AxisOfPair(config.MRopeSections!, config.MRopeInterleaved)}) * axisStride + token];");
            }
            else
            {
                w.Line("int p = positions[token];");
            }
        }

        /// <summary>Declares <c>c</c> and <c>s</c> for position <c>p</c> and pair <c>pair</c>: from the rows, or computed in double.</summary>
        private static void EmitCosSin(SourceWriter w, bool half)
        {
            string cos = half ? "pair" : "2 * pair + 1";
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
        }

        /// <summary>
        /// The axis (0 temporal, 1 height, 2 width) of rotation pair <c>pair</c> as an expression of constants, the same
        /// assignment as <see cref="MultimodalAxes.PairAxes(IReadOnlyList{int}, bool)"/>.
        /// </summary>
        private static string AxisOfPair(IReadOnlyList<int> sections, bool interleaved) => interleaved
            ? $"pair % 3 == 1 && pair < {3 * sections[1]} ? 1 : pair % 3 == 2 && pair < {3 * sections[2]} ? 2 : 0"
            : $"pair < {sections[0]} ? 0 : pair < {sections[0] + sections[1]} ? 1 : 2";
    }
}
