namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes the ILGPU helpers every class's GPU code shares, once per compilation that references ILGPU: the
    /// <c>IGpuRotary</c> interface the generated <c>RopeGenGpuRotary</c> classes implement, the argument checks on views,
    /// uploads and the growing device copy of a host <c>RotaryTable</c>. They are internal and marked
    /// <c>[Microsoft.CodeAnalysis.Embedded]</c>, so two assemblies that both hold them never clash, not even when one
    /// sees the other's internals.
    /// </summary>
    internal static class GpuSupportEmitter
    {
        /// <summary>The generated file's name.</summary>
        public const string HintName = "RopeGen.Gpu.g.cs";

        /// <summary>The helpers' namespace.</summary>
        public const string Namespace = "global::RopeGen.Gpu";

        private const string View = "global::ILGPU.ArrayView";
        private const string Buffer = "global::ILGPU.Runtime.MemoryBuffer1D";
        private const string Dense = "global::ILGPU.Stride1D.Dense";
        private const string Accelerator = "global::ILGPU.Runtime.Accelerator";
        private const string Extensions = "global::ILGPU.Runtime.ArrayViewExtensions";
        private const string Embedded = "[global::Microsoft.CodeAnalysis.Embedded]";
        private const string LongIndex = "global::ILGPU.LongIndex3D";

        public static string Emit()
        {
            var w = new SourceWriter();
            FileHeader.Write(w, "RopeGen: the helpers that every class's ILGPU GPU kernels share, generated once per compilation that references ILGPU (do not edit).");
            w.Line("#nullable enable");
            w.Line();
            // The same declaration as Roslyn's AddEmbeddedAttributeDefinition, so that it merges with other generators' copies.
            w.Open("namespace Microsoft.CodeAnalysis");
            w.Open("internal sealed partial class EmbeddedAttribute : global::System.Attribute");
            w.Close();
            w.Close();
            w.Line();
            w.Open("namespace RopeGen.Gpu");
            EmitInterface(w);
            w.Line();
            EmitStrides(w);
            w.Line();
            EmitChecks(w);
            w.Line();
            EmitMath(w);
            w.Line();
            EmitDeviceTable(w);
            w.Close();
            return w.ToString();
        }

        private static void EmitInterface(SourceWriter w)
        {
            w.Line("/// <summary>");
            w.Line("/// The GPU operations of one <c>[Rotary]</c> configuration on one accelerator, implemented by every generated");
            w.Line("/// <c>RopeGenGpuRotary</c> of this assembly (from <c>CreateGpuRotary</c>), so that code can hold several configurations.");
            w.Line("/// </summary>");
            w.Line(Embedded);
            w.Line(ClassEmitter.GeneratedCode);
            w.Open("internal interface IGpuRotary : global::System.IDisposable");
            GpuOverloads.EmitDeclarations(w, multimodal: false);
            w.Line();
            w.Line("/// <summary>Grows the device table to cover positions below <paramref name=\"positions\"/> (up to the cap).</summary>");
            w.Line("void Reserve(int positions);");
            w.Line();
            w.Line("/// <summary>Positions the device table covers.</summary>");
            w.Line("int CachedPositions { get; }");
            w.Close();
            w.Line();
            w.Line("/// <summary>The GPU operations of an M-RoPE configuration (<c>MRopeSections</c>): those of every configuration, and the rotations by three position ids per token.</summary>");
            w.Line(Embedded);
            w.Line(ClassEmitter.GeneratedCode);
            w.Open("internal interface IGpuMultimodalRotary : IGpuRotary");
            GpuOverloads.EmitDeclarations(w, multimodal: true);
            w.Close();
        }

        private static void EmitStrides(SourceWriter w)
        {
            w.Block($$"""
            /// <summary>
            /// Where a tensor's heads sit in a view: heads per token, and the offset, token stride and head stride in elements as
            /// an ILGPU <c>LongIndex3D</c> (X, Y, Z), the form kernels take: ILGPU's CPU accelerator accepts only public parameter types.
            /// </summary>
            {{Embedded}}
            {{ClassEmitter.GeneratedCode}}
            internal readonly struct HeadStrides
            {
                /// <summary>Heads per token (0: no tensor).</summary>
                public readonly int Heads;

                /// <summary>The offset of the first head of the first token (X), the token stride (Y) and the head stride (Z).</summary>
                public readonly {{LongIndex}} Places;

                private HeadStrides(int heads, {{LongIndex}} places)
                {
                    Heads = heads;
                    Places = places;
                }

                /// <summary>The strides of a checked <see cref="global::RopeGen.HeadView"/> for heads of <paramref name="headDim"/> elements.</summary>
                public static HeadStrides Of(global::RopeGen.HeadView view, int headDim) => new HeadStrides(view.Heads, new {{LongIndex}}(view.Offset, view.TokenStride(headDim), view.HeadStride(headDim)));

                /// <summary>In a kernel: the first element of head <paramref name="head"/> of token <paramref name="token"/>.</summary>
                public static long Start({{LongIndex}} places, int token, int head) => places.X + token * places.Y + head * places.Z;
            }
            """);
        }

        private static void EmitChecks(SourceWriter w)
        {
            w.Block($$"""
            /// <summary>Argument checks and uploads shared by the generated GPU classes; messages as the CPU kernels give them.</summary>
            {{Embedded}}
            {{ClassEmitter.GeneratedCode}}
            internal static class GpuChecks
            {
                /// <summary>The tokens of a call: one position each.</summary>
                public static int Tokens({{View}}<int> positions) => Length(positions, "positions");

                /// <summary>The tokens of an M-RoPE call: three position ids each, <c>[3, tokens]</c>.</summary>
                public static int MultimodalTokens({{View}}<int> positions) => global::RopeGen.RotaryGuard.MultimodalTokenCount(Length(positions, "positions"));

                /// <summary>Checks that <paramref name="x"/> holds <c>[tokens, numHeads, headDim]</c> elements; the heads' places.</summary>
                public static HeadStrides Heads<T>({{View}}<T> x, int tokens, int numHeads, int headDim, string bufferName, string headsName) where T : unmanaged
                {
                    global::RopeGen.RotaryGuard.CheckLayout(Length(x, bufferName), tokens, numHeads, headDim, bufferName, headsName);
                    return HeadStrides.Of(global::RopeGen.HeadView.Contiguous(numHeads), headDim);
                }

                /// <summary>Checks the queries and keys of a fused call, <c>[tokens, heads, headDim]</c> each, as the CPU kernels do.</summary>
                public static void FusedLayout<T>({{View}}<T> q, int numQueryHeads, {{View}}<T> k, int numKeyValueHeads, int tokens, int headDim) where T : unmanaged
                {
                    global::RopeGen.RotaryGuard.CheckFusedLayout(Length(q, "q"), numQueryHeads, Length(k, "k"), numKeyValueHeads, tokens, headDim);
                }

                /// <summary>Checks <paramref name="view"/> against <paramref name="x"/> over <paramref name="tokens"/> tokens; the heads' places.</summary>
                public static HeadStrides Heads({{View}}<float> x, int tokens, global::RopeGen.HeadView view, int headDim, string bufferName, string viewName)
                {
                    global::RopeGen.RotaryGuard.CheckView(Length(x, bufferName), tokens, view, headDim, bufferName, viewName);
                    return HeadStrides.Of(view, headDim);
                }

                /// <summary>Checks that the heads of two views share no element when <paramref name="a"/> and <paramref name="b"/> are parts of one buffer.</summary>
                public static void Disjoint<T>({{View}}<T> a, global::RopeGen.HeadView viewA, {{View}}<T> b, global::RopeGen.HeadView viewB, int tokens, int headDim, string aName, string bName) where T : unmanaged
                {
                    if (a.Length == 0 || b.Length == 0 || !global::System.Object.ReferenceEquals(((global::ILGPU.IArrayView)a).Buffer, ((global::ILGPU.IArrayView)b).Buffer)) return;
                    long startA = ((global::ILGPU.IContiguousArrayView)a).IndexInBytes, startB = ((global::ILGPU.IContiguousArrayView)b).IndexInBytes;
                    if (startA + a.LengthInBytes <= startB || startB + b.LengthInBytes <= startA) return;
                    int size = global::System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
                    if ((startB - startA) % size != 0) throw new global::System.ArgumentException($"{aName} and {bName} overlap and are not aligned to each other's elements; expected separate ranges.", bName);
                    global::RopeGen.RotaryGuard.CheckDisjoint((startB - startA) / size, viewA, viewB, tokens, headDim, aName, bName);
                }

                /// <summary>The tokens of <paramref name="keys"/>, a whole number of <c>[numHeads, headDim]</c> rows.</summary>
                public static int Tokens<T>({{View}}<T> keys, int numHeads, int headDim, string bufferName, string headsName) where T : unmanaged
                {
                    return global::RopeGen.RotaryGuard.TokenCount(Length(keys, bufferName), numHeads, headDim, bufferName, headsName);
                }

                /// <summary>Reads <paramref name="slots"/> back to the host (a synchronization) and checks them as the CPU kernels do: one row of the cache per token, in range, none twice.</summary>
                public static void Slots<T>({{View}}<int> slots, int tokens, {{View}}<T> cache, int numHeads, int headDim) where T : unmanaged
                {
                    int[] rows = Length(slots, "slots") == 0 ? global::System.Array.Empty<int>() : {{Extensions}}.GetAsArray(slots);
                    global::RopeGen.RotaryGuard.CheckSlots(rows, tokens, Length(cache, "cache"), numHeads, headDim);
                }

                /// <summary>Checks an explicit sequence length; positions are checked against it only on the host.</summary>
                public static void SequenceLength(int sequenceLength)
                {
                    if (sequenceLength < 1) throw new global::System.ArgumentOutOfRangeException(nameof(sequenceLength), sequenceLength, $"sequenceLength is {sequenceLength}; expected at least 1 (the largest position + 1).");
                }

                /// <summary>The threads of a launch with one thread per rotation pair, which must fit an <c>int</c>.</summary>
                public static int Threads(long tokens, int heads, int pairCount)
                {
                    long threads = tokens * heads * pairCount;
                    if (threads > int.MaxValue) throw new global::System.ArgumentException($"The call needs {threads} GPU threads; at most {int.MaxValue} fit one launch. Split it by tokens.");
                    return (int)threads;
                }

                /// <summary>Throws when a generated GPU object is used after <c>Dispose</c>.</summary>
                public static void NotDisposed(bool disposed, string name)
                {
                    if (disposed) throw new global::System.ObjectDisposedException(name);
                }

                /// <summary>A device copy of <paramref name="values"/>.</summary>
                public static {{Buffer}}<double, {{Dense}}> Upload({{Accelerator}} accelerator, global::System.ReadOnlySpan<double> values)
                {
                    {{Buffer}}<double, {{Dense}}> buffer = accelerator.Allocate1D<double>(values.Length);
                    {{Extensions}}.CopyFromCPU(buffer.View.BaseView, values);
                    return buffer;
                }

                private static int Length<T>({{View}}<T> view, string name) where T : unmanaged
                {
                    if (view.Length > int.MaxValue) throw new global::System.ArgumentException($"{name} has {view.Length} elements; RoPE kernels accept at most {int.MaxValue}.", name);
                    return (int)view.Length;
                }
            }
            """);
        }

        // How kernels read and write each element type, bit for bit as the CPU kernels convert (see GpuElement).
        private static string Load(GpuElement e, string view, string index) =>
            e == GpuElement.Float ? $"{view}[{index}]" : $"From{e.Suffix}({view}[{index}])";

        private static string Store(GpuElement e, string view, string index, string value) =>
            e == GpuElement.Float ? $"{view}[{index}] = {value};" : $"{view}[{index}] = To{e.Suffix}({value});";

        private static void EmitMath(SourceWriter w)
        {
            w.Line("/// <summary>");
            w.Line("/// What the generated kernels share: a pair's rotation for each element type, and the 16-bit conversions, bit for bit");
            w.Line("/// as .NET's <c>Half</c> casts and <c>RopeGen.BFloat16</c> (round to nearest, ties to even; NaN stays a quiet NaN). Bit");
            w.Line("/// manipulations and a float add, so that every accelerator gives the same bits (ILGPU's own Half conversion truncates on");
            w.Line("/// its CPU accelerator).");
            w.Line("/// </summary>");
            w.Line(Embedded);
            w.Line(ClassEmitter.GeneratedCode);
            w.Open("internal static class GpuMath");
            foreach (GpuElement e in GpuElement.All)
            {
                string view = $"{View}<{e.KernelType}>";
                w.Line($"/// <summary>Rotates the pair (x[i], x[j]) of a {e.Description} view by cos <paramref name=\"c\"/> and sin <paramref name=\"s\"/>.</summary>");
                w.Open($"public static void RotatePair{e.Suffix}({view} x, long i, long j, float c, float s)");
                w.Line($"float x1 = {Load(e, "x", "i")}, x2 = {Load(e, "x", "j")};");
                w.Line(Store(e, "x", "i", "x1 * c - x2 * s"));
                w.Line(Store(e, "x", "j", "x2 * c + x1 * s"));
                w.Close();
                w.Line();
                w.Line("/// <summary>Writes the rotation of the float pair (source[i], source[j]) to (cache[k], cache[l]).</summary>");
                w.Open($"public static void RotateInto{e.Suffix}({View}<float> source, long i, long j, {view} cache, long k, long l, float c, float s)");
                w.Line("float x1 = source[i], x2 = source[j];");
                w.Line(Store(e, "cache", "k", "x1 * c - x2 * s"));
                w.Line(Store(e, "cache", "l", "x2 * c + x1 * s"));
                w.Close();
                w.Line();
                w.Line("/// <summary>Copies a dim past the rotary dim from a float source into the cache.</summary>");
                w.Line($"public static void Copy{e.Suffix}({View}<float> source, long i, {view} cache, long k) => {Store(e, "cache", "k", "source[i]")}");
                w.Line();
            }
            w.Block($$"""
            /// <summary>The float an fp16 value equals.</summary>
            public static float FromHalf(ushort bits)
            {
                uint magnitude = bits & 0x7FFFu, sign = (uint)(bits & 0x8000) << 16;
                // Exponent and fraction moved to float's places and the exponent rebiased from 15 to 127: right for normal numbers.
                uint result = (magnitude << 13) + 0x3800_0000u;
                if (magnitude > 0x7BFFu) result += 0x3800_0000u; // infinity and NaN: exponent 255
                if (magnitude > 0x7C00u) result |= 0x0040_0000u; // NaN: quiet
                // Zero and subnormals are f·2^-24, computed exactly as (2^-14 + f·2^-24) - 2^-14.
                if (magnitude < 0x0400u) result = global::ILGPU.Interop.FloatAsInt(global::ILGPU.Interop.IntAsFloat(result + 0x0080_0000u) - global::ILGPU.Interop.IntAsFloat(0x3880_0000u));
                return global::ILGPU.Interop.IntAsFloat(result | sign);
            }

            /// <summary>The fp16 value nearest <paramref name="value"/> (ties to even; from 65520 up, infinity).</summary>
            public static ushort ToHalf(float value)
            {
                uint bits = global::ILGPU.Interop.FloatAsInt(value);
                uint magnitude = bits & 0x7FFF_FFFFu, sign = (bits >> 16) & 0x8000u, truncated = magnitude >> 13;
                uint result;
                // NaN stays NaN: quiet, with the top 9 payload bits.
                if (magnitude > 0x7F80_0000u) result = (truncated & 0x03FFu) | 0x7E00u;
                // Below 2^-14 the result is a multiple of 2^-24: adding 0.5 (whose last place is 2^-24) lets the float adder round it.
                else if (magnitude < 0x3880_0000u) result = global::ILGPU.Interop.FloatAsInt(global::ILGPU.Interop.IntAsFloat(magnitude) + 0.5f) - 0x3F00_0000u;
                else
                {
                    // The 13 dropped fraction bits rounded to nearest even (a carry moves into the exponent), the exponent rebiased.
                    result = ((magnitude + 0x0FFFu + (truncated & 1u)) >> 13) - 0x1_C000u;
                    if (result > 0x7C00u) result = 0x7C00u;
                }
                return (ushort)(result | sign);
            }

            /// <summary>The float a bfloat16 value equals: its upper half.</summary>
            public static float FromBFloat16(ushort bits) => global::ILGPU.Interop.IntAsFloat((uint)bits << 16);

            /// <summary>The bfloat16 value nearest <paramref name="value"/> (ties to even); NaN stays NaN, quiet.</summary>
            public static ushort ToBFloat16(float value)
            {
                uint bits = global::ILGPU.Interop.FloatAsInt(value);
                if ((bits & 0x7FFF_FFFFu) > 0x7F80_0000u) return (ushort)((bits >> 16) | 0x0040u);
                return (ushort)((bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16);
            }
            """);
            w.Close();
        }

        private static void EmitDeviceTable(SourceWriter w)
        {
            w.Block($$"""
            /// <summary>
            /// The device copy of the first rows of a host <see cref="global::RopeGen.RotaryTable"/>, grown by doubling up to its cap,
            /// and a device row for shifts.
            /// </summary>
            {{Embedded}}
            {{ClassEmitter.GeneratedCode}}
            internal sealed class DeviceTable : global::System.IDisposable
            {
                private readonly {{Accelerator}} _accelerator;
                private readonly global::RopeGen.RotaryTable _host;
                private {{Buffer}}<float, {{Dense}}> _rows;
                private {{Buffer}}<float, {{Dense}}>? _shiftRow;

                /// <summary>Uploads the rows of positions below <paramref name="positions"/> (up to the host table's cap).</summary>
                public DeviceTable({{Accelerator}} accelerator, global::RopeGen.RotaryTable host, int positions)
                {
                    _accelerator = accelerator;
                    _host = host;
                    _rows = accelerator.Allocate1D<float>(1);
                    Ensure(positions);
                }

                /// <summary>Positions the device rows cover.</summary>
                public int Rows { get; private set; }

                /// <summary>The rows, <c>RowStride</c> floats per position.</summary>
                public {{View}}<float> View => _rows.View;

                /// <summary>Grows the device rows to cover positions below <paramref name="positions"/> (at least doubling), up to the host table's cap.</summary>
                public void Ensure(int positions)
                {
                    if (positions <= Rows || Rows == _host.MaxCachedPositions) return;
                    // At least doubling, so that lengths growing token by token upload rarely.
                    int wanted = (int)global::System.Math.Min(global::System.Math.Max(positions, 2L * Rows), _host.MaxCachedPositions);
                    float[] rows = _host.Acquire(wanted - 1);
                    int count = global::System.Math.Min(wanted, rows.Length / _host.Stride);
                    if (count <= Rows) return;
                    {{Buffer}}<float, {{Dense}}> buffer = _accelerator.Allocate1D<float>((long)count * _host.Stride);
                    {{Extensions}}.CopyFromCPU(buffer.View.BaseView, new global::System.ReadOnlySpan<float>(rows, 0, count * _host.Stride));
                    // Launches already queued may still read the old rows.
                    _accelerator.Synchronize();
                    _rows.Dispose();
                    _rows = buffer;
                    Rows = count;
                }

                /// <summary>Uploads the row that rotates by <paramref name="delta"/> positions, without the attention factor.</summary>
                public {{View}}<float> ShiftRow(int delta)
                {
                    float[] row = new float[_host.Stride];
                    _host.ComputeShiftRow(delta, row);
                    _shiftRow ??= _accelerator.Allocate1D<float>(row.Length);
                    // Queued on the default stream, after the launches that read the previous row.
                    {{Extensions}}.CopyFromCPU(_shiftRow.View.BaseView, row);
                    return _shiftRow.View;
                }

                /// <summary>Frees the device rows.</summary>
                public void Dispose()
                {
                    _rows.Dispose();
                    _shiftRow?.Dispose();
                }
            }
            """);
        }
    }
}
