namespace RopeGen
{
    /// <summary>
    /// The shape of a cos/sin table row, for <see cref="RotaryTable"/>, <see cref="MultimodalRows"/> and the generated
    /// kernels alike (this file is linked into the source generator).
    /// </summary>
    internal static class RotaryRows
    {
        /// <summary>
        /// Floats in the cos half (and in the sin half) of a row of <paramref name="pairs"/> rotation pairs: one per pair
        /// half-split; two per pair interleaved, each pair's value at 2i and 2i + 1. A row holds the cos half, then the sin half.
        /// </summary>
        public static long Width(RotaryLayout layout, long pairs) => layout == RotaryLayout.Interleaved ? 2 * pairs : pairs;
    }
}
