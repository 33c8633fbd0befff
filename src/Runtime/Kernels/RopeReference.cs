using System;
using System.Numerics;

namespace RopeGen
{
    /// <summary>
    /// The scalar reference rotation: slow, simple and exact to double precision (angles formed and reduced in double),
    /// for any configuration. Tests hold every fast kernel against it.
    /// </summary>
    public static partial class RopeReference
    {
        /// <summary>
        /// Rotates <paramref name="x"/>, laid out <c>[positions.Length, numHeads, HeadDim]</c> row-major, in place; token t
        /// is at position <c>positions[t]</c>. Dims past the rotary dim are left untouched.
        /// </summary>
        /// <param name="config">The configuration; validated first.</param>
        /// <param name="x">The query or key vectors.</param>
        /// <param name="positions">One position per token (KV-cache offsets, packed sequences).</param>
        /// <param name="numHeads">Heads per token.</param>
        /// <param name="sequenceLength">Selects the table of the dynamic kinds; 0 means max(positions) + 1.</param>
        public static void Apply(RotaryConfig config, Span<float> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength = 0) =>
            ApplyCore(config, x, positions, numHeads, sequenceLength);

        /// <inheritdoc cref="Apply(RotaryConfig, Span{float}, ReadOnlySpan{int}, int, int)"/>
        public static void Apply(RotaryConfig config, Span<double> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength = 0) =>
            ApplyCore(config, x, positions, numHeads, sequenceLength);

        /// <summary>
        /// Re-rotates keys already rotated at their positions by <paramref name="delta"/> positions: a pure rotation
        /// R(delta), without the attention factor. <paramref name="keys"/> is laid out <c>[tokens, numHeads, HeadDim]</c>.
        /// </summary>
        /// <exception cref="NotSupportedException">The kind is dynamic (DynamicNtk, LongRope): no single shift is correct.</exception>
        public static void Shift(RotaryConfig config, Span<float> keys, int numHeads, int delta) =>
            ShiftCore(config, keys, numHeads, delta);

        /// <inheritdoc cref="Shift(RotaryConfig, Span{float}, int, int)"/>
        public static void Shift(RotaryConfig config, Span<double> keys, int numHeads, int delta) =>
            ShiftCore(config, keys, numHeads, delta);

        private static void ApplyCore<T>(RotaryConfig config, Span<T> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength)
            where T : IFloatingPointIeee754<T>
        {
            RotaryValidation.ThrowIfInvalid(config);
            RotaryGuard.CheckLayout(x.Length, positions.Length, numHeads, config.HeadDim, nameof(x), nameof(numHeads));
            int maxPosition = RotaryGuard.MaxPosition(positions);
            if (sequenceLength == 0) sequenceLength = maxPosition + 1;
            else RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);

            double[] theta = RopeFrequencies.InverseFrequencies(config, sequenceLength);
            double scale = RopeFrequencies.AttentionFactor(config);
            var cos = new double[theta.Length];
            var sin = new double[theta.Length];
            int headDim = config.HeadDim;
            for (int t = 0; t < positions.Length; t++)
            {
                for (int i = 0; i < theta.Length; i++)
                {
                    double angle = positions[t] * theta[i];
                    cos[i] = Math.Cos(angle) * scale;
                    sin[i] = Math.Sin(angle) * scale;
                }
                for (int h = 0; h < numHeads; h++)
                    RotateHead(x.Slice((t * numHeads + h) * headDim, headDim), cos, sin, config.Layout);
            }
        }

        private static void ShiftCore<T>(RotaryConfig config, Span<T> keys, int numHeads, int delta)
            where T : IFloatingPointIeee754<T>
        {
            RotaryValidation.ThrowIfInvalid(config);
            RotaryGuard.ThrowIfDynamicShift(config);
            int headDim = config.HeadDim;
            int tokens = RotaryGuard.TokenCount(keys.Length, numHeads, headDim, nameof(keys), nameof(numHeads));

            double[] theta = RopeFrequencies.InverseFrequencies(config);
            var cos = new double[theta.Length];
            var sin = new double[theta.Length];
            for (int i = 0; i < theta.Length; i++)
            {
                cos[i] = Math.Cos(delta * theta[i]);
                sin[i] = Math.Sin(delta * theta[i]);
            }
            for (int row = 0; row < tokens * numHeads; row++)
                RotateHead(keys.Slice(row * headDim, headDim), cos, sin, config.Layout);
        }

        private static void RotateHead<T>(Span<T> head, double[] cos, double[] sin, RotaryLayout layout)
            where T : IFloatingPointIeee754<T>
        {
            int pairs = cos.Length;
            for (int i = 0; i < pairs; i++)
            {
                // Half-split pairs (i, i + d/2); interleaved pairs (2i, 2i + 1).
                int a = layout == RotaryLayout.HalfSplit ? i : 2 * i;
                int b = layout == RotaryLayout.HalfSplit ? i + pairs : 2 * i + 1;
                double x1 = double.CreateChecked(head[a]), x2 = double.CreateChecked(head[b]);
                head[a] = T.CreateChecked(x1 * cos[i] - x2 * sin[i]);
                head[b] = T.CreateChecked(x2 * cos[i] + x1 * sin[i]);
            }
        }
    }
}
