using System;
using System.Collections.Generic;
using System.Numerics;

namespace RopeGen
{
    public static partial class RopeReference
    {
        /// <summary>
        /// M-RoPE, exact to double precision: rotates <paramref name="x"/>, laid out <c>[tokens, numHeads, HeadDim]</c>, in
        /// place; token t has the position ids <c>positions[t]</c>, <c>positions[tokens + t]</c> and
        /// <c>positions[2·tokens + t]</c> (temporal, height, width; <c>[3, tokens]</c> axis-major). Each pair's angle is
        /// chosen from the three axes' angles the way transformers does, independently of the kernels' row composition:
        /// Qwen2-VL's <c>apply_multimodal_rotary_pos_emb</c> (split into sections, chunk i from axis i mod 3) or, with
        /// <see cref="RotaryConfig.MRopeInterleaved"/>, Qwen3-VL's <c>apply_interleaved_mrope</c>.
        /// </summary>
        /// <param name="config">An M-RoPE configuration; validated first.</param>
        /// <param name="x">The query or key vectors.</param>
        /// <param name="positions">Three position ids per token, axis-major.</param>
        /// <param name="numHeads">Heads per token.</param>
        public static void ApplyMultimodal(RotaryConfig config, Span<float> x, ReadOnlySpan<int> positions, int numHeads) =>
            ApplyMultimodalCore(config, x, positions, numHeads);

        /// <inheritdoc cref="ApplyMultimodal(RotaryConfig, Span{float}, ReadOnlySpan{int}, int)"/>
        public static void ApplyMultimodal(RotaryConfig config, Span<double> x, ReadOnlySpan<int> positions, int numHeads) =>
            ApplyMultimodalCore(config, x, positions, numHeads);

        private static void ApplyMultimodalCore<T>(RotaryConfig config, Span<T> x, ReadOnlySpan<int> positions, int numHeads)
            where T : IFloatingPointIeee754<T>
        {
            RotaryValidation.ThrowIfInvalid(config);
            RotaryGuard.ThrowIfNotMultimodal(config);
            int tokens = RotaryGuard.MultimodalTokenCount(positions.Length);
            RotaryGuard.CheckLayout(x.Length, tokens, numHeads, config.HeadDim, nameof(x), nameof(numHeads));
            int maxPosition = RotaryGuard.MaxPosition(positions);

            double[] theta = RopeFrequencies.InverseFrequencies(config, maxPosition + 1);
            double scale = RopeFrequencies.AttentionFactor(config);
            int pairs = theta.Length, headDim = config.HeadDim;
            var freqs = new[] { new double[pairs], new double[pairs], new double[pairs] };
            var cos = new double[pairs];
            var sin = new double[pairs];
            for (int t = 0; t < tokens; t++)
            {
                for (int axis = 0; axis < MultimodalAxes.Count; axis++)
                    for (int i = 0; i < pairs; i++) freqs[axis][i] = positions[axis * tokens + t] * theta[i];
                double[] angles = config.MRopeInterleaved
                    ? InterleavedAngles(freqs, config.MRopeSections!)
                    : SectionAngles(freqs, config.MRopeSections!);
                for (int i = 0; i < pairs; i++)
                {
                    cos[i] = Math.Cos(angles[i]) * scale;
                    sin[i] = Math.Sin(angles[i]) * scale;
                }
                for (int h = 0; h < numHeads; h++)
                    RotateHead(x.Slice((t * numHeads + h) * headDim, headDim), cos, sin, config.Layout);
            }
        }

        /// <summary>
        /// Qwen2-VL: <c>emb = cat(freqs, freqs)</c> per axis is split into chunks of <c>mrope_section * 2</c> (the list
        /// repeated), chunk i taken from axis i % 3 and the chunks concatenated; the first half holds the pairs' angles.
        /// </summary>
        private static double[] SectionAngles(double[][] freqs, IReadOnlyList<int> sections)
        {
            int pairs = freqs[0].Length;
            var emb = new double[2 * pairs];
            int start = 0;
            for (int chunk = 0; chunk < 2 * sections.Count; chunk++)
            {
                int size = sections[chunk % sections.Count];
                double[] axis = freqs[chunk % 3];
                for (int k = start; k < start + size; k++) emb[k] = axis[k % pairs]; // cat(freqs, freqs)[k]
                start += size;
            }
            return emb.AsSpan(0, pairs).ToArray();
        }

        /// <summary>
        /// Qwen3-VL: start from the temporal angles and overwrite, for height (offset 1) and width (offset 2), the slice
        /// <c>offset : sections[axis]·3 : 3</c> with that axis's angles.
        /// </summary>
        private static double[] InterleavedAngles(double[][] freqs, IReadOnlyList<int> sections)
        {
            double[] angles = (double[])freqs[0].Clone();
            for (int axis = 1; axis <= 2; axis++)
            {
                int stop = Math.Min(sections[axis] * 3, angles.Length); // a Python slice stops at the end
                for (int k = axis; k < stop; k += 3) angles[k] = freqs[axis][k];
            }
            return angles;
        }
    }
}
