namespace RopeGen
{
    /// <summary>
    /// Tuning constants shared by <see cref="RotaryKernel"/> and the generated kernels (this file is linked into the
    /// generator, which writes the values into the code it emits), so that both choose their paths alike.
    /// </summary>
    internal static class KernelTuning
    {
        /// <summary>
        /// Calls over at most this many floats (1 MiB) work in cache and take 512-bit vectors where accelerated; larger
        /// calls stream from memory with at most 256-bit vectors, which measured faster there (docs/performance.md,
        /// Measured design decisions).
        /// </summary>
        public const int InCacheFloats = 1 << 18;

        /// <summary>Scratch rows of up to this many floats (16 KiB) live on the stack; larger ones (huge heads) on the heap.</summary>
        public const int MaxStackRowFloats = 4096;
    }
}
