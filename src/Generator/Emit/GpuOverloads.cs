using System.Collections.Generic;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// The <c>Apply</c> overloads of the GPU objects, written once here: as members of every generated
    /// <c>RopeGenGpuRotary</c> (<see cref="EmitMembers"/>) and as the declarations of the shared <c>IGpuRotary</c>
    /// (<see cref="EmitDeclarations"/>). They mirror the CPU kernels' <c>ApplyRotary</c> overloads (head counts or
    /// <c>HeadView</c>s, one tensor or q and k, with or without a sequence length), check their arguments with the shared
    /// <c>GpuChecks</c> and queue one launch.
    /// </summary>
    internal static class GpuOverloads
    {
        private const string View = "global::ILGPU.ArrayView";
        private const string HeadView = "global::RopeGen.HeadView";
        private const string Strides = GpuSupportEmitter.Namespace + ".HeadStrides";
        private const string Checks = GpuSupportEmitter.Namespace + ".GpuChecks";

        /// <summary>One overload: its parameters before the sequence length, its summary, faults, checks and launch.</summary>
        private sealed record Overload(string Parameters, string Summary, string Fault, string[] Checks, string Launch);

        private static readonly Overload[] s_overloads =
        {
            new($"{View}<float> x, {View}<int> positions, int numHeads",
                "Queues the in-place rotation of <paramref name=\"x\"/>, laid out <c>[positions.Length, numHeads, HeadDim]</c>; token t at <c>positions[t]</c>.",
                "The length does not match or <paramref name=\"numHeads\"/> &lt;= 0",
                new[] { $"{Strides} heads = {Checks}.Heads(x, positions, numHeads, RopeGenRotary.HeadDim, \"x\", \"numHeads\");" },
                $"Launch(x, heads, {View}<float>.Empty, default, positions, LENGTH);"),
            new($"{View}<float> q, int numQueryHeads, {View}<float> k, int numKeyValueHeads, {View}<int> positions",
                "Queues the rotation of queries <paramref name=\"q\"/> and keys <paramref name=\"k\"/> (grouped-query attention) in one launch.",
                "A length does not match, a head count &lt;= 0 or q and k overlap",
                new[]
                {
                    $"{Strides} queryHeads = {Checks}.Heads(q, positions, numQueryHeads, RopeGenRotary.HeadDim, \"q\", \"numQueryHeads\");",
                    $"{Strides} keyHeads = {Checks}.Heads(k, positions, numKeyValueHeads, RopeGenRotary.HeadDim, \"k\", \"numKeyValueHeads\");",
                    $"{Checks}.Disjoint(q, {HeadView}.Contiguous(numQueryHeads), k, {HeadView}.Contiguous(numKeyValueHeads), positions, RopeGenRotary.HeadDim, \"q\", \"k\");",
                },
                "Launch(q, queryHeads, k, keyHeads, positions, LENGTH);"),
            new($"{View}<float> x, {View}<int> positions, {HeadView} view",
                "Queues the in-place rotation of the heads of <paramref name=\"x\"/> that <paramref name=\"view\"/> describes (packed QKV rows, heads-major tensors, any strides); elements outside them are untouched.",
                "The view is default or its heads overlap, or <paramref name=\"x\"/> is too short",
                new[] { $"{Strides} heads = {Checks}.Heads(x, positions, view, RopeGenRotary.HeadDim, \"x\", \"view\");" },
                $"Launch(x, heads, {View}<float>.Empty, default, positions, LENGTH);"),
            new($"{View}<float> q, {HeadView} queryView, {View}<float> k, {HeadView} keyView, {View}<int> positions",
                "Queues the rotation of the query heads of <paramref name=\"q\"/> and the key heads of <paramref name=\"k\"/> that the views describe, in one launch; q and k may be one buffer (a packed QKV row: pass it twice) if their heads do not meet.",
                "A view is default or its heads overlap, a buffer is too short, or q and k overlap",
                new[]
                {
                    $"{Strides} queryHeads = {Checks}.Heads(q, positions, queryView, RopeGenRotary.HeadDim, \"q\", \"queryView\");",
                    $"{Strides} keyHeads = {Checks}.Heads(k, positions, keyView, RopeGenRotary.HeadDim, \"k\", \"keyView\");",
                    $"{Checks}.Disjoint(q, queryView, k, keyView, positions, RopeGenRotary.HeadDim, \"q\", \"k\");",
                },
                "Launch(q, queryHeads, k, keyHeads, positions, LENGTH);"),
        };

        /// <summary>Every overload, first without and then with an explicit sequence length.</summary>
        private static IEnumerable<(Overload Overload, bool WithLength)> All()
        {
            foreach (Overload overload in s_overloads)
            {
                yield return (overload, false);
                yield return (overload, true);
            }
        }

        private static string Parameters(Overload overload, bool withLength) => overload.Parameters + (withLength ? ", int sequenceLength" : "");

        /// <summary>The overloads as members of a <c>RopeGenGpuRotary</c>.</summary>
        /// <param name="w">The writer.</param>
        /// <param name="impliedLength">The sequence length the overloads without one pass.</param>
        /// <param name="lengthNote">What those overloads do about the sequence length.</param>
        public static void EmitMembers(SourceWriter w, string impliedLength, string lengthNote)
        {
            foreach ((Overload overload, bool withLength) in All())
            {
                w.Line("/// <summary>");
                w.Line($"/// {overload.Summary}");
                w.Line(withLength
                    ? "/// The explicit sequence length selects the table of the dynamic kinds (pass the whole sequence's length to every chunk) and grows the device table to cover it."
                    : $"/// {lengthNote}");
                w.Line("/// Launches are queued; synchronize the accelerator before reading the result.");
                w.Line("/// </summary>");
                w.Line($"/// <exception cref=\"global::System.ArgumentException\">{overload.Fault}{(withLength ? ", or <paramref name=\"sequenceLength\"/> &lt; 1" : "")}; nothing is launched.</exception>");
                w.Line(ClassEmitter.GeneratedCode);
                w.Open($"public void Apply({Parameters(overload, withLength)})");
                foreach (string check in overload.Checks) w.Line(check);
                if (withLength) w.Line($"{Checks}.SequenceLength(sequenceLength);");
                w.Line(overload.Launch.Replace("LENGTH", withLength ? "sequenceLength" : impliedLength));
                w.Close();
                w.Line();
            }
        }

        /// <summary>The overloads as declarations of <c>IGpuRotary</c>.</summary>
        public static void EmitDeclarations(SourceWriter w)
        {
            foreach ((Overload overload, bool withLength) in All())
            {
                w.Line($"/// <summary>{overload.Summary}{(withLength ? " With an explicit sequence length." : "")}</summary>");
                w.Line($"void Apply({Parameters(overload, withLength)});");
                w.Line();
            }
        }
    }
}
