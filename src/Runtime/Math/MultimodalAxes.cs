using System;
using System.Collections.Generic;

namespace RopeGen
{
    /// <summary>
    /// M-RoPE's assignment of rotation pairs to position axes (temporal, height, width): which of a token's three
    /// position ids turns each pair. The kernels compose each token's cos/sin row from it.
    /// </summary>
    /// <remarks>This file is compiled into the source generator too (linked source).</remarks>
    public static class MultimodalAxes
    {
        /// <summary>Position axes per token: temporal, height, width.</summary>
        public const int Count = 3;

        /// <summary>The temporal axis (also the only one text tokens need: their three ids are equal).</summary>
        public const int Temporal = 0;

        /// <summary>The height axis.</summary>
        public const int Height = 1;

        /// <summary>The width axis.</summary>
        public const int Width = 2;

        /// <summary>
        /// The axis of each of the <c>sections[0] + sections[1] + sections[2]</c> pairs. Contiguous (Qwen2-VL): the
        /// first <c>sections[0]</c> pairs temporal, the next <c>sections[1]</c> height, the rest width. Interleaved
        /// (Qwen3-VL): pair j is height when j % 3 == 1 and j &lt; 3·sections[1], width when j % 3 == 2 and
        /// j &lt; 3·sections[2], temporal otherwise.
        /// </summary>
        /// <exception cref="ArgumentException">Not three sections, or one is not positive.</exception>
        public static int[] PairAxes(IReadOnlyList<int> sections, bool interleaved)
        {
            if (sections is null) throw new ArgumentNullException(nameof(sections));
            if (sections.Count != Count)
                throw new ArgumentException($"sections has {sections.Count} entries; expected 3 pair counts (temporal, height, width).", nameof(sections));
            for (int axis = 0; axis < Count; axis++)
                if (sections[axis] <= 0)
                    throw new ArgumentException($"sections[{axis}] is {sections[axis]}; expected a positive number of pairs.", nameof(sections));
            int pairs = sections[0] + sections[1] + sections[2];
            var axes = new int[pairs];
            for (int j = 0; j < pairs; j++)
            {
                if (interleaved)
                    axes[j] = j % 3 == Height && j < 3 * sections[Height] ? Height
                        : j % 3 == Width && j < 3 * sections[Width] ? Width
                        : Temporal;
                else
                    axes[j] = j < sections[Temporal] ? Temporal : j < sections[Temporal] + sections[Height] ? Height : Width;
            }
            return axes;
        }

        /// <summary>The axes of <paramref name="config"/>'s pairs; see <see cref="PairAxes(IReadOnlyList{int}, bool)"/>.</summary>
        /// <exception cref="ArgumentException">The configuration is not M-RoPE (no <see cref="RotaryConfig.MRopeSections"/>).</exception>
        public static int[] PairAxes(RotaryConfig config)
        {
            if (config is null) throw new ArgumentNullException(nameof(config));
            if (config.MRopeSections is null)
                throw new ArgumentException("config has no MRopeSections; expected an M-RoPE configuration (rope_scaling.mrope_section).", nameof(config));
            return PairAxes(config.MRopeSections, config.MRopeInterleaved);
        }
    }
}
