using System;

namespace RopeGen
{
    public static partial class RotaryGuard
    {
        /// <summary>
        /// The number of tokens in M-RoPE position ids laid out <c>[3, tokens]</c>, axis-major (temporal ids of every
        /// token, then height, then width, as transformers' <c>position_ids</c> of shape <c>[3, batch, seq]</c>).
        /// </summary>
        /// <exception cref="ArgumentException">The length is not a multiple of 3.</exception>
        public static int MultimodalTokenCount(int positionsLength)
        {
            if (positionsLength % MultimodalAxes.Count != 0)
                throw new ArgumentException(
                    $"positions has {positionsLength} elements; expected 3 × tokens, laid out [3, tokens]: every token's temporal id, then every height id, then every width id.",
                    "positions");
            return positionsLength / MultimodalAxes.Count;
        }

        /// <summary>Throws unless <paramref name="config"/> is M-RoPE: the multimodal kernels need its sections.</summary>
        /// <exception cref="InvalidOperationException"><paramref name="config"/> has no <see cref="RotaryConfig.MRopeSections"/>.</exception>
        public static void ThrowIfNotMultimodal(RotaryConfig config)
        {
            if (!config.IsMultimodal)
                throw new InvalidOperationException(
                    "This configuration has no MRopeSections, so its tokens take one position id: use Apply, or configure M-RoPE (MRopeSections, rope_scaling.mrope_section).");
        }
    }
}
