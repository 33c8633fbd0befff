using System;
using System.ComponentModel;

namespace RopeGen
{
    /// <summary>
    /// The float M-RoPE rotation of one configuration with <see cref="RotaryConfig.MRopeSections"/>, as
    /// <see cref="StagedRotation"/> drives it for the Half, BFloat16 and cache-writing M-RoPE kernels: implemented by the
    /// generated <c>RopeGenRotary.MultimodalFloatRotation</c> of M-RoPE classes and by <see cref="RotaryKernel"/>. Support
    /// for generated code; not meant to be implemented by hand.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IMultimodalFloatRotation
    {
        /// <summary>Width of one attention head.</summary>
        int HeadDim { get; }

        /// <summary>
        /// Rotates float buffers <paramref name="a"/> <c>[count, headsA, HeadDim]</c> and <paramref name="b"/>
        /// <c>[count, headsB, HeadDim]</c> in place, as the float M-RoPE kernels do, with the ids of tokens
        /// <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 of <paramref name="positions"/>
        /// (<c>[3, tokens]</c> axis-major, every token's ids). Arguments are not checked.
        /// </summary>
        void RotateMultimodal(Span<float> a, int headsA, Span<float> b, int headsB, ReadOnlySpan<int> positions, int first, int count, int maxPosition);
    }
}
