using System.Collections.Generic;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// The public operations of the GPU objects, written once here: as members of every generated
    /// <c>RopeGenGpuRotary</c> (<see cref="EmitMembers"/>) and as the declarations of the shared <c>IGpuRotary</c> and
    /// <c>IGpuMultimodalRotary</c> (<see cref="EmitDeclarations"/>). They mirror the CPU kernels: <c>Apply</c> with head counts or <c>HeadView</c>s on
    /// float, fp16 and bfloat16 views, <c>RotateInto</c> a KV cache, <c>Shift</c>, and for M-RoPE classes
    /// <c>ApplyMultimodal</c> and <c>RotateMultimodalInto</c> on the same element types; each with and without an explicit sequence length where the CPU kernels have both. They
    /// check their arguments with the shared <c>GpuChecks</c> and queue one launch.
    /// </summary>
    /// <remarks>
    /// Templates: ELEM and KELEM are the public and kernel element types, CAST turns a public view into a kernel view,
    /// SUFFIX names the element type's launchers, ELEMDESC describes it, LENGTH is the sequence length passed on.
    /// </remarks>
    internal static class GpuOverloads
    {
        private const string View = "global::ILGPU.ArrayView";
        private const string HeadView = "global::RopeGen.HeadView";
        private const string Strides = GpuSupportEmitter.Namespace + ".HeadStrides";
        private const string Checks = GpuSupportEmitter.Namespace + ".GpuChecks";
        private const string Tokens = "int tokens = " + Checks + ".Tokens(positions);";

        /// <summary>One family of operations.</summary>
        /// <param name="Name">The method name.</param>
        /// <param name="Parameters">The parameters before the sequence length.</param>
        /// <param name="Summary">What it does.</param>
        /// <param name="Fault">When it throws <c>ArgumentException</c>.</param>
        /// <param name="Checks">The argument checks, in order.</param>
        /// <param name="Launch">The launch.</param>
        /// <param name="Elements">The element types it exists for.</param>
        /// <param name="WithLength">Whether it also exists with a trailing sequence length.</param>
        /// <param name="Multimodal">Whether it exists only on M-RoPE classes (and so not in the shared interface).</param>
        private sealed record Operation(string Name, string Parameters, string Summary, string Fault, string[] Checks, string Launch,
            GpuElement[] Elements, bool WithLength = true, bool Multimodal = false);

        private static readonly GpuElement[] FloatOnly = { GpuElement.Float };

        private static readonly string[] FusedChecks =
        {
            Tokens,
            $"{Checks}.FusedLayout(q, numQueryHeads, k, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);",
            $"{Strides} queryHeads = {Strides}.Of({HeadView}.Contiguous(numQueryHeads), RopeGenRotary.HeadDim);",
            $"{Strides} keyHeads = {Strides}.Of({HeadView}.Contiguous(numKeyValueHeads), RopeGenRotary.HeadDim);",
            $"{Checks}.Disjoint(q, {HeadView}.Contiguous(numQueryHeads), k, {HeadView}.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, \"q\", \"k\");",
        };

        private static readonly Operation[] s_operations =
        {
            new("Apply", $"{View}<ELEM> x, {View}<int> positions, int numHeads",
                "Queues the in-place rotation of the ELEMDESC buffer <paramref name=\"x\"/>, laid out <c>[positions.Length, numHeads, HeadDim]</c>; token t at <c>positions[t]</c>.",
                "The length does not match or <paramref name=\"numHeads\"/> &lt;= 0",
                new[] { Tokens, $"{Strides} heads = {Checks}.Heads(x, tokens, numHeads, RopeGenRotary.HeadDim, \"x\", \"numHeads\");" },
                $"LaunchSUFFIX(xCAST, heads, {View}<KELEM>.Empty, default, positions, tokens, LENGTH);",
                GpuElement.All),
            new("Apply", $"{View}<ELEM> q, int numQueryHeads, {View}<ELEM> k, int numKeyValueHeads, {View}<int> positions",
                "Queues the rotation of ELEMDESC queries <paramref name=\"q\"/> and keys <paramref name=\"k\"/> (grouped-query attention) in one launch.",
                "A length does not match, a head count &lt;= 0 or q and k overlap",
                FusedChecks,
                "LaunchSUFFIX(qCAST, queryHeads, kCAST, keyHeads, positions, tokens, LENGTH);",
                GpuElement.All),
            new("Apply", $"{View}<float> x, {View}<int> positions, {HeadView} view",
                "Queues the in-place rotation of the heads of <paramref name=\"x\"/> that <paramref name=\"view\"/> describes (packed QKV rows, heads-major tensors, any strides); elements outside them are untouched.",
                "The view is default or its heads overlap, or <paramref name=\"x\"/> is too short",
                new[] { Tokens, $"{Strides} heads = {Checks}.Heads(x, tokens, view, RopeGenRotary.HeadDim, \"x\", \"view\");" },
                $"Launch(x, heads, {View}<float>.Empty, default, positions, tokens, LENGTH);",
                FloatOnly),
            new("Apply", $"{View}<float> q, {HeadView} queryView, {View}<float> k, {HeadView} keyView, {View}<int> positions",
                "Queues the rotation of the query heads of <paramref name=\"q\"/> and the key heads of <paramref name=\"k\"/> that the views describe, in one launch; q and k may be one buffer (a packed QKV row: pass it twice) if their heads do not meet.",
                "A view is default or its heads overlap, a buffer is too short, or q and k overlap",
                new[]
                {
                    Tokens,
                    $"{Strides} queryHeads = {Checks}.Heads(q, tokens, queryView, RopeGenRotary.HeadDim, \"q\", \"queryView\");",
                    $"{Strides} keyHeads = {Checks}.Heads(k, tokens, keyView, RopeGenRotary.HeadDim, \"k\", \"keyView\");",
                    $"{Checks}.Disjoint(q, queryView, k, keyView, tokens, RopeGenRotary.HeadDim, \"q\", \"k\");",
                },
                "Launch(q, queryHeads, k, keyHeads, positions, tokens, LENGTH);",
                FloatOnly),
            new("RotateInto", $"{View}<float> source, {View}<int> positions, int numHeads, {View}<ELEM> cache, {View}<int> slots",
                "Queues the rotation of new keys <paramref name=\"source\"/> <c>[positions.Length, numHeads, HeadDim]</c> (left unchanged) into row <c>slots[t]</c> of the ELEMDESC cache <paramref name=\"cache\"/> <c>[capacity, numHeads, HeadDim]</c>, rounded once; other rows are left as they were. The slots are read back to the host and checked first (a synchronization).",
                "A length does not match, <paramref name=\"numHeads\"/> &lt;= 0, or a slot is out of range or repeated",
                new[]
                {
                    Tokens,
                    $"{Checks}.Heads(source, tokens, numHeads, RopeGenRotary.HeadDim, \"source\", \"numHeads\");",
                    $"{Checks}.Slots(slots, tokens, cache, numHeads, RopeGenRotary.HeadDim);",
                },
                "LaunchIntoSUFFIX(source, numHeads, cacheCAST, slots, positions, tokens, LENGTH);",
                GpuElement.All),
            new("Shift", $"{View}<ELEM> keys, int numHeads, int delta",
                "Queues the re-rotation of cached ELEMDESC keys <paramref name=\"keys\"/> <c>[tokens, numHeads, HeadDim]</c> by <paramref name=\"delta\"/> positions, without the attention factor. Throws <see cref=\"global::System.NotSupportedException\"/> for the dynamic kinds (DynamicNtk, LongRope).",
                "The length is not a whole number of tokens or <paramref name=\"numHeads\"/> &lt;= 0",
                new[] { $"int tokens = {Checks}.Tokens(keys, numHeads, RopeGenRotary.HeadDim, \"keys\", \"numHeads\");" },
                "LaunchShiftSUFFIX(keysCAST, tokens * numHeads, delta);",
                GpuElement.All, WithLength: false),
            new("ApplyMultimodal", $"{View}<ELEM> x, {View}<int> positions, int numHeads",
                "M-RoPE: queues the in-place rotation of the ELEMDESC buffer <paramref name=\"x\"/> <c>[tokens, numHeads, HeadDim]</c>, where <paramref name=\"positions\"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id); each pair turns with its axis's id.",
                "The positions are not 3 × tokens, the length does not match or <paramref name=\"numHeads\"/> &lt;= 0",
                new[]
                {
                    $"int tokens = {Checks}.MultimodalTokens(positions);",
                    $"{Strides} heads = {Checks}.Heads(x, tokens, numHeads, RopeGenRotary.HeadDim, \"x\", \"numHeads\");",
                },
                $"LaunchSUFFIX(xCAST, heads, {View}<KELEM>.Empty, default, positions, tokens, LENGTH, tokens);",
                GpuElement.All, Multimodal: true),
            new("ApplyMultimodal", $"{View}<ELEM> q, int numQueryHeads, {View}<ELEM> k, int numKeyValueHeads, {View}<int> positions",
                "M-RoPE for ELEMDESC queries <paramref name=\"q\"/> and keys <paramref name=\"k\"/> in one launch; <paramref name=\"positions\"/> holds three ids per token, <c>[3, tokens]</c> axis-major.",
                "The positions are not 3 × tokens, a length does not match, a head count &lt;= 0 or q and k overlap",
                new[] { $"int tokens = {Checks}.MultimodalTokens(positions);" }.Concat(FusedChecks, 1),
                "LaunchSUFFIX(qCAST, queryHeads, kCAST, keyHeads, positions, tokens, LENGTH, tokens);",
                GpuElement.All, Multimodal: true),
            new("RotateMultimodalInto", $"{View}<float> source, {View}<int> positions, int numHeads, {View}<ELEM> cache, {View}<int> slots",
                "M-RoPE: queues the rotation of new keys <paramref name=\"source\"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), at the ids of <paramref name=\"positions\"/> <c>[3, tokens]</c> axis-major, into row <c>slots[t]</c> of the ELEMDESC cache <paramref name=\"cache\"/> <c>[capacity, numHeads, HeadDim]</c>, rounded once; other rows are left as they were. The slots are read back to the host and checked first (a synchronization).",
                "The positions are not 3 × tokens, a length does not match, <paramref name=\"numHeads\"/> &lt;= 0, or a slot is out of range or repeated",
                new[]
                {
                    $"int tokens = {Checks}.MultimodalTokens(positions);",
                    $"{Checks}.Heads(source, tokens, numHeads, RopeGenRotary.HeadDim, \"source\", \"numHeads\");",
                    $"{Checks}.Slots(slots, tokens, cache, numHeads, RopeGenRotary.HeadDim);",
                },
                "LaunchIntoSUFFIX(source, numHeads, cacheCAST, slots, positions, tokens, LENGTH, tokens);",
                GpuElement.All, Multimodal: true),
        };

        /// <summary>Every overload: operation, element type, and whether it takes a sequence length.</summary>
        private static IEnumerable<(Operation Operation, GpuElement Element, bool WithLength)> All(bool multimodal)
        {
            foreach (Operation operation in s_operations)
            {
                if (operation.Multimodal && !multimodal) continue;
                foreach (GpuElement element in operation.Elements)
                {
                    yield return (operation, element, false);
                    if (operation.WithLength) yield return (operation, element, true);
                }
            }
        }

        private static string Fill(string template, GpuElement element) =>
            template.Replace("KELEM", element.KernelType).Replace("ELEMDESC", element.Description).Replace("ELEM", element.Type)
                .Replace("CAST", element.Cast).Replace("SUFFIX", element.Suffix);

        private static string Signature(Operation operation, GpuElement element, bool withLength) =>
            $"{operation.Name}({Fill(operation.Parameters, element)}{(withLength ? ", int sequenceLength" : "")})";

        /// <summary>The overloads as members of a <c>RopeGenGpuRotary</c>.</summary>
        /// <param name="w">The writer.</param>
        /// <param name="multimodal">Whether the class is M-RoPE (it gets the <c>ApplyMultimodal</c> overloads).</param>
        /// <param name="impliedLength">The sequence length the overloads without one pass.</param>
        /// <param name="lengthNote">What those overloads do about the sequence length.</param>
        public static void EmitMembers(SourceWriter w, bool multimodal, string impliedLength, string lengthNote)
        {
            foreach ((Operation operation, GpuElement element, bool withLength) in All(multimodal))
            {
                w.Line("/// <summary>");
                w.Line($"/// {Fill(operation.Summary, element)}");
                if (operation.WithLength)
                    w.Line(withLength
                        ? "/// The explicit sequence length selects the table of the dynamic kinds (pass the whole sequence's length to every chunk) and grows the device table to cover it."
                        : $"/// {lengthNote}");
                if (element != GpuElement.Float)
                    w.Line("/// Values are widened to float, rotated as the float overloads rotate them and rounded once to nearest (ties to even).");
                w.Line("/// Launches are queued; synchronize the accelerator before reading the result.");
                w.Line("/// </summary>");
                w.Line($"/// <exception cref=\"global::System.ArgumentException\">{operation.Fault}{(withLength ? ", or <paramref name=\"sequenceLength\"/> &lt; 1" : "")}; nothing is launched.</exception>");
                w.Line(ClassEmitter.GeneratedCode);
                w.Open($"public void {Signature(operation, element, withLength)}");
                foreach (string check in operation.Checks) w.Line(Fill(check, element));
                if (withLength) w.Line($"{Checks}.SequenceLength(sequenceLength);");
                w.Line(Fill(operation.Launch, element).Replace("LENGTH", withLength ? "sequenceLength" : impliedLength));
                w.Close();
                w.Line();
            }
        }

        /// <summary>
        /// The overloads as interface declarations: those every class has (<c>IGpuRotary</c>), or with
        /// <paramref name="multimodal"/> those only M-RoPE classes add (<c>IGpuMultimodalRotary</c>).
        /// </summary>
        public static void EmitDeclarations(SourceWriter w, bool multimodal)
        {
            bool first = true;
            foreach ((Operation operation, GpuElement element, bool withLength) in All(multimodal))
            {
                if (operation.Multimodal != multimodal) continue;
                if (!first) w.Line();
                first = false;
                w.Line($"/// <summary>{Fill(operation.Summary, element)}{(withLength ? " With an explicit sequence length." : "")}</summary>");
                w.Line($"void {Signature(operation, element, withLength)};");
            }
        }

        /// <summary><paramref name="first"/>, then <paramref name="rest"/> from index <paramref name="skip"/> on.</summary>
        private static string[] Concat(this string[] first, string[] rest, int skip)
        {
            var all = new List<string>(first);
            for (int i = skip; i < rest.Length; i++) all.Add(rest[i]);
            return all.ToArray();
        }
    }
}
