using System.Collections.Generic;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes the rotation of every head of one token for one vector width: the rotated slice of a head is cut into
    /// blocks of 16, 8 and 4 floats (Vector512, Vector256, Vector128, widest first, no wider than the path allows),
    /// with constant offsets, and a scalar remainder. The token's cos/sin vectors are loaded once, before the head loop,
    /// as many as fit in registers. Nothing is read or written past the rotary dim.
    /// </summary>
    internal static class HeadRotationEmitter
    {
        private static readonly int[] s_widths = { 16, 8, 4 };

        /// <summary>
        /// Writes statements that rotate heads <c>0 .. headsA + headsB</c>: the first <c>headsA</c> at <c>ref float a</c>,
        /// <c>strideA</c> elements apart, the rest at <c>ref float b</c>, <c>strideB</c> apart, each with the row at
        /// <c>ref float row</c> (cos at 0, sin at <paramref name="width"/>). Offsets within a head are constants.
        /// </summary>
        /// <param name="maxVector">The widest vector in floats this path may use; 0 for the scalar path.</param>
        /// <param name="registers">How many row vectors may be kept in registers across the head loop.</param>
        public static void EmitHeads(SourceWriter w, RotaryLayout layout, int rotaryDim, int width, int maxVector, int registers)
        {
            int pairs = rotaryDim / 2;
            // Half-split rotates pairs (i, i + d/2): blocks run over the first half. Interleaved blocks run over all
            // d floats; every width is even, so blocks start on a pair boundary.
            int span = layout == RotaryLayout.HalfSplit ? pairs : rotaryDim;
            var blocks = new List<(int Size, int At)>(Blocks(span, maxVector));
            // Every head of the token uses the same row: its first blocks' cos/sin vectors are loaded once, before the
            // head loop, as many as fit in registers; the rest are read for each block of each head.
            int hoisted = System.Math.Min(blocks.Count, registers / 2);
            for (int k = 0; k < hoisted; k++)
            {
                string v = Vector(blocks[k].Size);
                w.Line($"{v}<float> c{k} = {v}.LoadUnsafe(ref row, {blocks[k].At});");
                w.Line($"{v}<float> s{k} = {v}.LoadUnsafe(ref row, {blocks[k].At + width});");
            }
            HeadLoop(w, layout, blocks, hoisted, pairs, width, maxVector, span);
        }

        /// <summary>The loop over the heads: every block (the first <paramref name="hoisted"/> with the row vectors loaded before
        /// it), then the scalar remainder.</summary>
        private static void HeadLoop(SourceWriter w, RotaryLayout layout, List<(int Size, int At)> blocks, int hoisted,
            int pairs, int width, int maxVector, int span)
        {
            w.Open("for (int h = 0; h < headsA + headsB; h++)");
            w.Line("ref float x = ref h < headsA");
            w.Line("    ? ref global::System.Runtime.CompilerServices.Unsafe.Add(ref a, h * strideA)");
            w.Line("    : ref global::System.Runtime.CompilerServices.Unsafe.Add(ref b, (h - headsA) * strideB);");
            for (int k = 0; k < blocks.Count; k++)
            {
                var (size, at) = blocks[k];
                bool hoist = k < hoisted;
                string c = hoist ? "c" + k : $"{Vector(size)}.LoadUnsafe(ref row, {at})";
                string sin = hoist ? "s" + k : $"{Vector(size)}.LoadUnsafe(ref row, {at + width})";
                if (layout == RotaryLayout.HalfSplit) HalfSplitBlock(w, size, at, pairs, c, sin);
                else InterleavedBlock(w, size, at, c, sin);
            }
            int offset = blocks.Count == 0 ? 0 : blocks[blocks.Count - 1].At + blocks[blocks.Count - 1].Size;
            if (maxVector == 0 && span > 3) ScalarLoop(w, layout, offset, pairs, width);
            else
                for (int i = layout == RotaryLayout.HalfSplit ? offset : offset / 2; i < pairs; i++)
                    ScalarPair(w, layout, i, pairs, width);
            w.Close();
        }

        private static IEnumerable<(int Size, int At)> Blocks(int span, int maxVector)
        {
            int at = 0;
            foreach (int size in s_widths)
            {
                if (size > maxVector) continue;
                for (; at + size <= span; at += size) yield return (size, at);
            }
        }

        private static string Vector(int size) => "global::System.Runtime.Intrinsics.Vector" + (size * 32);

        private static void HalfSplitBlock(SourceWriter w, int size, int at, int pairs, string cos, string sin)
        {
            string v = Vector(size);
            w.Open();
            w.Line($"{v}<float> x1 = {v}.LoadUnsafe(ref x, {at});");
            w.Line($"{v}<float> x2 = {v}.LoadUnsafe(ref x, {at + pairs});");
            w.Line($"{v}<float> c = {cos};");
            w.Line($"{v}<float> s = {sin};");
            w.Line($"{v}.StoreUnsafe(x1 * c - x2 * s, ref x, {at});");
            w.Line($"{v}.StoreUnsafe(x2 * c + x1 * s, ref x, {at + pairs});");
            w.Close();
        }

        private static void InterleavedBlock(SourceWriter w, int size, int at, string cos, string sin)
        {
            string v = Vector(size);
            var swap = new List<string>();
            for (int i = 0; i < size; i += 2) swap.Add($"{i + 1}, {i}");
            w.Open();
            w.Line($"{v}<float> v = {v}.LoadUnsafe(ref x, {at});");
            // Lanes (2i, 2i+1) swapped: x·cos + swap(x)·[−sin, +sin] is the pair rotation.
            w.Line($"{v}<float> swapped = {v}.Shuffle(v, {v}.Create({string.Join(", ", swap)}));");
            w.Line($"{v}.StoreUnsafe(v * {cos} + swapped * {sin}, ref x, {at});");
            w.Close();
        }

        private static void ScalarLoop(SourceWriter w, RotaryLayout layout, int offset, int pairs, int width)
        {
            int first = layout == RotaryLayout.HalfSplit ? offset : offset / 2;
            w.Open($"for (int i = {first}; i < {pairs}; i++)");
            ScalarPairBody(w, layout, null, pairs, width);
            w.Close();
        }

        private static void ScalarPair(SourceWriter w, RotaryLayout layout, int index, int pairs, int width)
        {
            w.Open();
            ScalarPairBody(w, layout, index, pairs, width);
            w.Close();
        }

        /// <summary>One pair, at a constant index or (null) at the loop variable <c>i</c>.</summary>
        private static void ScalarPairBody(SourceWriter w, RotaryLayout layout, int? index, int pairs, int width)
        {
            // Offsets of the form scale·i + add, folded to a number when the index is known.
            string At(int scale, int add) => index is int i
                ? (scale * i + add).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : (scale == 1 ? "i" : scale + " * i") + (add == 0 ? "" : " + " + add);

            // Interleaved rows hold each cos/sin twice, with sin negated at the even lane: read the odd lane.
            bool half = layout == RotaryLayout.HalfSplit;
            string a = half ? At(1, 0) : At(2, 0), b = half ? At(1, pairs) : At(2, 1);
            string cos = half ? At(1, 0) : At(2, 1), sin = half ? At(1, width) : At(2, width + 1);
            const string unsafeAdd = "global::System.Runtime.CompilerServices.Unsafe.Add";
            w.Line($"ref float first = ref {unsafeAdd}(ref x, {a});");
            w.Line($"ref float second = ref {unsafeAdd}(ref x, {b});");
            w.Line($"float c = {unsafeAdd}(ref row, {cos});");
            w.Line($"float s = {unsafeAdd}(ref row, {sin});");
            w.Line("float x1 = first, x2 = second;");
            w.Line("first = x1 * c - x2 * s;");
            w.Line("second = x2 * c + x1 * s;");
        }
    }
}
