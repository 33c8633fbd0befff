using System.Collections.Generic;
using System.Linq;

namespace RopeGen
{
    public static partial class RotaryValidation
    {
        /// <summary>
        /// M-RoPE: three positive sections summing to the pair count; interleaved height and width sections that fit
        /// their every-third-pair slots; only with the static kinds, whose table does not depend on the sequence length
        /// (no published model combines M-RoPE with DynamicNtk or LongRope).
        /// </summary>
        private static void CheckMultimodal(RotaryConfig c, List<RotaryProblem> problems)
        {
            IReadOnlyList<int>? sections = c.MRopeSections;
            if (sections is null)
            {
                if (c.MRopeInterleaved)
                    problems.Add(new(RotaryRule.NoEffect, "MRopeInterleaved",
                        "MRopeInterleaved is true, which has no effect without MRopeSections; expected the default (false): remove it, or give MRopeSections (rope_scaling.mrope_section)."));
                return;
            }

            if (c.IsDynamic)
                Multimodal(problems, $"MRopeSections cannot be combined with RopeScaling.{c.Scaling}, whose table depends on the sequence length; expected a static kind (None, Linear, NtkAware, Yarn or Llama3).");

            if (sections.Count != MultimodalAxes.Count)
            {
                Multimodal(problems, $"MRopeSections has {Format(sections.Count)} entries; expected 3 pair counts, temporal, height and width (rope_scaling.mrope_section, such as [16, 24, 24]).");
                return;
            }
            for (int i = 0; i < sections.Count; i++)
            {
                if (sections[i] <= 0)
                {
                    Multimodal(problems, $"MRopeSections[{i}] is {Format(sections[i])}; expected a positive number of rotation pairs.");
                    return;
                }
            }

            int pairs = c.PairCount;
            long sum = sections.Sum(s => (long)s);
            if (sum != pairs)
            {
                Multimodal(problems, $"MRopeSections sum to {sum.ToString(System.Globalization.CultureInfo.InvariantCulture)} pairs; expected RotaryDim / 2 = {Format(pairs)}, one axis for every rotation pair.");
                return;
            }

            // Interleaved height pairs are 1, 4, 7, … below 3·h and width pairs 2, 5, 8, … below 3·w: all of them must exist.
            if (c.MRopeInterleaved && (3L * sections[1] > pairs + 1 || 3L * sections[2] > pairs))
                Multimodal(problems, $"MRopeSections [{Format(sections[0])}, {Format(sections[1])}, {Format(sections[2])}] do not fit the interleaved scheme of {Format(pairs)} pairs: " +
                    $"height takes every third pair from pair 1 and width from pair 2, so expected 3 × MRopeSections[1] ≤ {Format(pairs + 1)} and 3 × MRopeSections[2] ≤ {Format(pairs)}.");
        }

        private static void Multimodal(List<RotaryProblem> problems, string message) =>
            problems.Add(new(RotaryRule.Multimodal, "MRopeSections", message));
    }
}
