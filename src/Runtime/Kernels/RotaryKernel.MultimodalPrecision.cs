using System;

namespace RopeGen
{
    // M-RoPE with Half and BFloat16 buffers, and M-RoPE keys rotated straight into a KV cache: StagedRotation over this
    // kernel's float M-RoPE rotation. Each value is widened to float, rotated with the same composed rows and arithmetic
    // as the float overloads, and rounded once (to nearest, ties to even).
    public sealed partial class RotaryKernel
    {
        /// <summary>
        /// M-RoPE on the fp16 buffer <paramref name="x"/>, laid out <c>[tokens, numHeads, HeadDim]</c>, in place, like
        /// <see cref="ApplyMultimodal(Span{float}, ReadOnlySpan{int}, int)"/> (<paramref name="positions"/> <c>[3, tokens]</c>
        /// axis-major): each value is widened to float, rotated in float and rounded once, so the result is the float
        /// rotation of the input rounded to nearest.
        /// </summary>
        /// <exception cref="ArgumentException">The positions are not 3 × tokens, the length does not match, a position is negative or <paramref name="numHeads"/> &lt;= 0; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void ApplyMultimodal(Span<Half> x, ReadOnlySpan<int> positions, int numHeads) => ApplyMultimodalStaged(x, positions, numHeads, null);

        /// <inheritdoc cref="ApplyMultimodal(Span{Half}, ReadOnlySpan{int}, int)"/>
        public void ApplyMultimodal(Span<BFloat16> x, ReadOnlySpan<int> positions, int numHeads) => ApplyMultimodalStaged(x, positions, numHeads, null);

        /// <summary>
        /// M-RoPE on the fp16 buffer <paramref name="x"/> like <see cref="ApplyMultimodal(Span{Half}, ReadOnlySpan{int}, int)"/>,
        /// with an explicit sequence length, checked against the positions (M-RoPE's static kinds do not use it).
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes or positions, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void ApplyMultimodal(Span<Half> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength) =>
            ApplyMultimodalStaged(x, positions, numHeads, sequenceLength);

        /// <inheritdoc cref="ApplyMultimodal(Span{Half}, ReadOnlySpan{int}, int, int)"/>
        public void ApplyMultimodal(Span<BFloat16> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength) =>
            ApplyMultimodalStaged(x, positions, numHeads, sequenceLength);

        /// <summary>
        /// M-RoPE for fp16 queries <paramref name="q"/> <c>[tokens, numQueryHeads, HeadDim]</c> and keys <paramref name="k"/>
        /// <c>[tokens, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's composed cos/sin;
        /// <paramref name="positions"/> as in <see cref="ApplyMultimodal(Span{float}, ReadOnlySpan{int}, int)"/>. Each value
        /// is widened to float, rotated in float and rounded once.
        /// </summary>
        /// <exception cref="ArgumentException">The positions are not 3 × tokens, a length does not match, q and k overlap, a position is negative or a head count &lt;= 0; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void ApplyMultimodal(Span<Half> q, int numQueryHeads, Span<Half> k, int numKeyValueHeads, ReadOnlySpan<int> positions) =>
            ApplyMultimodalStaged(q, numQueryHeads, k, numKeyValueHeads, positions, null);

        /// <inheritdoc cref="ApplyMultimodal(Span{Half}, int, Span{Half}, int, ReadOnlySpan{int})"/>
        public void ApplyMultimodal(Span<BFloat16> q, int numQueryHeads, Span<BFloat16> k, int numKeyValueHeads, ReadOnlySpan<int> positions) =>
            ApplyMultimodalStaged(q, numQueryHeads, k, numKeyValueHeads, positions, null);

        /// <summary>
        /// The fused fp16 M-RoPE of <see cref="ApplyMultimodal(Span{Half}, int, Span{Half}, int, ReadOnlySpan{int})"/> with an
        /// explicit sequence length, checked against the positions (the static kinds do not use it).
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes or positions, q and k overlap, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void ApplyMultimodal(Span<Half> q, int numQueryHeads, Span<Half> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int sequenceLength) =>
            ApplyMultimodalStaged(q, numQueryHeads, k, numKeyValueHeads, positions, sequenceLength);

        /// <inheritdoc cref="ApplyMultimodal(Span{Half}, int, Span{Half}, int, ReadOnlySpan{int}, int)"/>
        public void ApplyMultimodal(Span<BFloat16> q, int numQueryHeads, Span<BFloat16> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int sequenceLength) =>
            ApplyMultimodalStaged(q, numQueryHeads, k, numKeyValueHeads, positions, sequenceLength);

        /// <summary>
        /// M-RoPE for new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), at the ids of
        /// <paramref name="positions"/> <c>[3, tokens]</c> axis-major, written token t into row <c>slots[t]</c> of
        /// <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, in one pass; every other row is left as it was. The
        /// rows written equal what <see cref="ApplyMultimodal(Span{float}, ReadOnlySpan{int}, int)"/> computes in place, bit for bit.
        /// </summary>
        /// <exception cref="ArgumentException">The positions are not 3 × tokens, a length does not match, a position is negative,
        /// <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void RotateMultimodalInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<float> cache, ReadOnlySpan<int> slots) =>
            RotateMultimodalIntoStaged(source, positions, numHeads, cache, slots, null);

        /// <summary>
        /// M-RoPE for new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), at the ids of
        /// <paramref name="positions"/> <c>[3, tokens]</c> axis-major, written token t, rounded once to fp16, into row
        /// <c>slots[t]</c> of <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, in one pass; every other row is
        /// left as it was.
        /// </summary>
        /// <exception cref="ArgumentException">The positions are not 3 × tokens, a length does not match, a position is negative,
        /// <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void RotateMultimodalInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<Half> cache, ReadOnlySpan<int> slots) =>
            RotateMultimodalIntoStaged(source, positions, numHeads, cache, slots, null);

        /// <inheritdoc cref="RotateMultimodalInto(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{Half}, ReadOnlySpan{int})"/>
        public void RotateMultimodalInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<BFloat16> cache, ReadOnlySpan<int> slots) =>
            RotateMultimodalIntoStaged(source, positions, numHeads, cache, slots, null);

        /// <summary>
        /// <see cref="RotateMultimodalInto(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{float}, ReadOnlySpan{int})"/> with an
        /// explicit sequence length, checked against the positions (M-RoPE's static kinds do not use it).
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes, positions or slots, or <paramref name="sequenceLength"/> does not exceed every
        /// position; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void RotateMultimodalInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<float> cache, ReadOnlySpan<int> slots, int sequenceLength) =>
            RotateMultimodalIntoStaged(source, positions, numHeads, cache, slots, sequenceLength);

        /// <summary>
        /// <see cref="RotateMultimodalInto(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{Half}, ReadOnlySpan{int})"/> with an
        /// explicit sequence length, checked against the positions (M-RoPE's static kinds do not use it).
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes, positions or slots, or <paramref name="sequenceLength"/> does not exceed every
        /// position; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void RotateMultimodalInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<Half> cache, ReadOnlySpan<int> slots, int sequenceLength) =>
            RotateMultimodalIntoStaged(source, positions, numHeads, cache, slots, sequenceLength);

        /// <inheritdoc cref="RotateMultimodalInto(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{Half}, ReadOnlySpan{int}, int)"/>
        public void RotateMultimodalInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<BFloat16> cache, ReadOnlySpan<int> slots, int sequenceLength) =>
            RotateMultimodalIntoStaged(source, positions, numHeads, cache, slots, sequenceLength);

        private void ApplyMultimodalStaged<T>(Span<T> x, ReadOnlySpan<int> positions, int numHeads, int? sequenceLength) where T : unmanaged
        {
            RotaryGuard.ThrowIfNotMultimodal(Config);
            int tokens = RotaryGuard.MultimodalTokenCount(positions.Length);
            RotaryGuard.CheckLayout(x.Length, tokens, numHeads, _headDim, nameof(x), nameof(numHeads));
            int maxPosition = RotaryGuard.MaxPosition(positions);
            if (sequenceLength is int length) RotaryGuard.CheckSequenceLength(length, maxPosition);
            StagedRotation.ApplyMultimodal(new MultimodalRotation(this), x, numHeads, default, 0, positions, maxPosition);
        }

        private void ApplyMultimodalStaged<T>(Span<T> q, int numQueryHeads, Span<T> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int? sequenceLength)
            where T : unmanaged
        {
            RotaryGuard.ThrowIfNotMultimodal(Config);
            CheckMultimodalPair(q, numQueryHeads, k, numKeyValueHeads, positions);
            int maxPosition = RotaryGuard.MaxPosition(positions);
            if (sequenceLength is int length) RotaryGuard.CheckSequenceLength(length, maxPosition);
            StagedRotation.ApplyMultimodal(new MultimodalRotation(this), q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition);
        }

        private void RotateMultimodalIntoStaged<T>(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<T> cache,
            ReadOnlySpan<int> slots, int? sequenceLength) where T : unmanaged
        {
            RotaryGuard.ThrowIfNotMultimodal(Config);
            int tokens = RotaryGuard.MultimodalTokenCount(positions.Length);
            RotaryGuard.CheckLayout(source.Length, tokens, numHeads, _headDim, nameof(source), nameof(numHeads));
            RotaryGuard.CheckSlots(slots, tokens, cache.Length, numHeads, _headDim);
            int maxPosition = RotaryGuard.MaxPosition(positions);
            if (sequenceLength is int length) RotaryGuard.CheckSequenceLength(length, maxPosition);
            StagedRotation.RotateMultimodalInto(new MultimodalRotation(this), source, positions, numHeads, cache, slots, maxPosition);
        }

        /// <summary>This kernel's float M-RoPE rotation, for <see cref="StagedRotation"/>.</summary>
        private readonly struct MultimodalRotation : IMultimodalFloatRotation
        {
            private readonly RotaryKernel _kernel;

            public MultimodalRotation(RotaryKernel kernel) => _kernel = kernel;

            public int HeadDim => _kernel._headDim;

            public void RotateMultimodal(Span<float> a, int headsA, Span<float> b, int headsB, ReadOnlySpan<int> positions, int first, int count, int maxPosition) =>
                _kernel.RotateMultimodal(a, headsA, b, headsB, positions, first, count, maxPosition);
        }
    }
}
