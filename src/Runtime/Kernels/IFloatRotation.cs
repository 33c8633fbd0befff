using System;
using System.ComponentModel;

namespace RopeGen
{
    /// <summary>
    /// The float rotation of one RoPE configuration, as <see cref="StagedRotation"/> drives it: implemented by each
    /// <c>[Rotary]</c> class's generated <c>RopeGenRotary.FloatRotation</c> and by <see cref="RotaryKernel"/>. Support for
    /// generated code; not meant to be implemented by hand.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IFloatRotation
    {
        /// <summary>Width of one attention head.</summary>
        int HeadDim { get; }

        /// <summary>Floats in a cos/sin table row (<see cref="RotaryTable.Stride"/>).</summary>
        int RowStride { get; }

        /// <summary>
        /// Rotates float buffers <paramref name="a"/> <c>[positions.Length, headsA, HeadDim]</c> and <paramref name="b"/>
        /// <c>[positions.Length, headsB, HeadDim]</c> in place, as the float kernels do, with the table that
        /// <paramref name="sequenceLength"/> selects. Arguments are not checked.
        /// </summary>
        void Rotate(Span<float> a, int headsA, Span<float> b, int headsB, ReadOnlySpan<int> positions, int maxPosition, int sequenceLength);

        /// <summary>Writes the row that rotates by <paramref name="delta"/> positions, without the attention factor
        /// (<see cref="RotaryTable.ComputeShiftRow"/>).</summary>
        void ComputeShiftRow(int delta, Span<float> row);

        /// <summary>Rotates <paramref name="heads"/> consecutive float heads at <paramref name="x"/> with one row.</summary>
        void RotateHeads(ref float row, ref float x, int heads);
    }
}
