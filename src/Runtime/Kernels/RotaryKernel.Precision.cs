using System;

namespace RopeGen
{
    // Half and BFloat16 buffers, and rotating new keys straight into a KV cache: StagedRotation over this kernel's float
    // rotation. Each value is widened to float, rotated with the same tables and arithmetic as the float overloads, and
    // rounded once (to nearest, ties to even).
    public sealed partial class RotaryKernel
    {
        /// <summary>
        /// Rotates the fp16 buffer <paramref name="x"/>, laid out <c>[positions.Length, numHeads, HeadDim]</c>, in place,
        /// like <see cref="Apply(Span{float}, ReadOnlySpan{int}, int)"/>: each value is widened to float, rotated in float
        /// and rounded once, so the result is the float rotation of the input rounded to nearest.
        /// </summary>
        /// <exception cref="ArgumentException">The length does not match, a position is negative or <paramref name="numHeads"/> &lt;= 0; nothing is written.</exception>
        public void Apply(Span<Half> x, ReadOnlySpan<int> positions, int numHeads) => ApplyStaged(x, positions, numHeads, null);

        /// <inheritdoc cref="Apply(Span{Half}, ReadOnlySpan{int}, int)"/>
        public void Apply(Span<BFloat16> x, ReadOnlySpan<int> positions, int numHeads) => ApplyStaged(x, positions, numHeads, null);

        /// <summary>
        /// Rotates the fp16 buffer <paramref name="x"/> like <see cref="Apply(Span{Half}, ReadOnlySpan{int}, int)"/>, with an
        /// explicit sequence length that selects the table of the dynamic kinds (DynamicNtk, LongRope); other kinds ignore it.
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes or positions, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        public void Apply(Span<Half> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength) =>
            ApplyStaged(x, positions, numHeads, sequenceLength);

        /// <inheritdoc cref="Apply(Span{Half}, ReadOnlySpan{int}, int, int)"/>
        public void Apply(Span<BFloat16> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength) =>
            ApplyStaged(x, positions, numHeads, sequenceLength);

        /// <summary>
        /// Rotates fp16 queries <paramref name="q"/> <c>[positions.Length, numQueryHeads, HeadDim]</c> and keys
        /// <paramref name="k"/> <c>[positions.Length, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's
        /// cos/sin; each value is widened to float, rotated in float and rounded once.
        /// </summary>
        /// <exception cref="ArgumentException">A length does not match, a position is negative or a head count &lt;= 0; nothing is written.</exception>
        public void Apply(Span<Half> q, int numQueryHeads, Span<Half> k, int numKeyValueHeads, ReadOnlySpan<int> positions) =>
            ApplyStaged(q, numQueryHeads, k, numKeyValueHeads, positions, null);

        /// <inheritdoc cref="Apply(Span{Half}, int, Span{Half}, int, ReadOnlySpan{int})"/>
        public void Apply(Span<BFloat16> q, int numQueryHeads, Span<BFloat16> k, int numKeyValueHeads, ReadOnlySpan<int> positions) =>
            ApplyStaged(q, numQueryHeads, k, numKeyValueHeads, positions, null);

        /// <summary>
        /// Rotates fp16 <paramref name="q"/> and <paramref name="k"/> like
        /// <see cref="Apply(Span{Half}, int, Span{Half}, int, ReadOnlySpan{int})"/>, with an explicit sequence length that
        /// selects the table of the dynamic kinds (DynamicNtk, LongRope); other kinds ignore it.
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes or positions, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        public void Apply(Span<Half> q, int numQueryHeads, Span<Half> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int sequenceLength) =>
            ApplyStaged(q, numQueryHeads, k, numKeyValueHeads, positions, sequenceLength);

        /// <inheritdoc cref="Apply(Span{Half}, int, Span{Half}, int, ReadOnlySpan{int}, int)"/>
        public void Apply(Span<BFloat16> q, int numQueryHeads, Span<BFloat16> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int sequenceLength) =>
            ApplyStaged(q, numQueryHeads, k, numKeyValueHeads, positions, sequenceLength);

        /// <summary>
        /// Re-rotates cached fp16 keys <paramref name="keys"/> <c>[tokens, numHeads, HeadDim]</c> by <paramref name="delta"/>
        /// positions like <see cref="Shift(Span{float}, int, int)"/>; each value is widened to float, rotated and rounded once.
        /// </summary>
        /// <exception cref="ArgumentException">The length is not a whole number of tokens or <paramref name="numHeads"/> &lt;= 0; nothing is written.</exception>
        /// <exception cref="NotSupportedException">The scaling kind is dynamic (DynamicNtk, LongRope): no single shift is correct.</exception>
        public void Shift(Span<Half> keys, int numHeads, int delta) => ShiftStaged(keys, numHeads, delta);

        /// <inheritdoc cref="Shift(Span{Half}, int, int)"/>
        public void Shift(Span<BFloat16> keys, int numHeads, int delta) => ShiftStaged(keys, numHeads, delta);

        /// <summary>
        /// Rotates new keys <paramref name="source"/> <c>[positions.Length, numHeads, HeadDim]</c> (left unchanged) and writes
        /// token t into row <c>slots[t]</c> of <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, in one pass;
        /// every other row is left as it was. The rows written equal what <see cref="Apply(Span{float}, ReadOnlySpan{int}, int)"/>
        /// computes in place, bit for bit. The dynamic kinds use max(positions) + 1 as the sequence length.
        /// </summary>
        /// <exception cref="ArgumentException">A length does not match, a position is negative, <paramref name="numHeads"/> &lt;= 0, or a
        /// slot is out of range or repeated; nothing is written.</exception>
        public void RotateInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<float> cache, ReadOnlySpan<int> slots) =>
            RotateIntoStaged(source, positions, numHeads, cache, slots, null);

        /// <summary>
        /// Rotates new keys <paramref name="source"/> <c>[positions.Length, numHeads, HeadDim]</c> (left unchanged) and writes
        /// token t, rounded once to fp16, into row <c>slots[t]</c> of <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>,
        /// in one pass; every other row is left as it was. The dynamic kinds use max(positions) + 1 as the sequence length.
        /// </summary>
        /// <exception cref="ArgumentException">A length does not match, a position is negative, <paramref name="numHeads"/> &lt;= 0, or a
        /// slot is out of range or repeated; nothing is written.</exception>
        public void RotateInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<Half> cache, ReadOnlySpan<int> slots) =>
            RotateIntoStaged(source, positions, numHeads, cache, slots, null);

        /// <inheritdoc cref="RotateInto(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{Half}, ReadOnlySpan{int})"/>
        public void RotateInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<BFloat16> cache, ReadOnlySpan<int> slots) =>
            RotateIntoStaged(source, positions, numHeads, cache, slots, null);

        /// <summary>
        /// <see cref="RotateInto(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{float}, ReadOnlySpan{int})"/> with an explicit
        /// sequence length that selects the table of the dynamic kinds (DynamicNtk, LongRope); other kinds ignore it.
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes, positions or slots, or <paramref name="sequenceLength"/> does not exceed every
        /// position; nothing is written.</exception>
        public void RotateInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<float> cache, ReadOnlySpan<int> slots, int sequenceLength) =>
            RotateIntoStaged(source, positions, numHeads, cache, slots, sequenceLength);

        /// <summary>
        /// <see cref="RotateInto(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{Half}, ReadOnlySpan{int})"/> with an explicit
        /// sequence length that selects the table of the dynamic kinds (DynamicNtk, LongRope); other kinds ignore it.
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes, positions or slots, or <paramref name="sequenceLength"/> does not exceed every
        /// position; nothing is written.</exception>
        public void RotateInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<Half> cache, ReadOnlySpan<int> slots, int sequenceLength) =>
            RotateIntoStaged(source, positions, numHeads, cache, slots, sequenceLength);

        /// <inheritdoc cref="RotateInto(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{Half}, ReadOnlySpan{int}, int)"/>
        public void RotateInto(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<BFloat16> cache, ReadOnlySpan<int> slots, int sequenceLength) =>
            RotateIntoStaged(source, positions, numHeads, cache, slots, sequenceLength);

        private void ApplyStaged<T>(Span<T> x, ReadOnlySpan<int> positions, int numHeads, int? sequenceLength) where T : unmanaged
        {
            RotaryGuard.CheckLayout(x.Length, positions.Length, numHeads, _headDim, nameof(x), nameof(numHeads));
            int maxPosition = RotaryGuard.MaxPosition(positions);
            StagedRotation.Apply(new Rotation(this), x, numHeads, default, 0, positions, maxPosition, LengthFor(sequenceLength, maxPosition));
        }

        private void ApplyStaged<T>(Span<T> q, int numQueryHeads, Span<T> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int? sequenceLength)
            where T : unmanaged
        {
            RotaryGuard.CheckLayout(q.Length, positions.Length, numQueryHeads, _headDim, nameof(q), nameof(numQueryHeads));
            RotaryGuard.CheckLayout(k.Length, positions.Length, numKeyValueHeads, _headDim, nameof(k), nameof(numKeyValueHeads));
            int maxPosition = RotaryGuard.MaxPosition(positions);
            StagedRotation.Apply(new Rotation(this), q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition, LengthFor(sequenceLength, maxPosition));
        }

        private void ShiftStaged<T>(Span<T> keys, int numHeads, int delta) where T : unmanaged
        {
            RotaryGuard.ThrowIfDynamicShift(Config);
            RotaryGuard.TokenCount(keys.Length, numHeads, _headDim, nameof(keys), nameof(numHeads));
            StagedRotation.Shift(new Rotation(this), keys, delta);
        }

        private void RotateIntoStaged<T>(ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads, Span<T> cache,
            ReadOnlySpan<int> slots, int? sequenceLength) where T : unmanaged
        {
            RotaryGuard.CheckLayout(source.Length, positions.Length, numHeads, _headDim, nameof(source), nameof(numHeads));
            RotaryGuard.CheckSlots(slots, positions.Length, cache.Length, numHeads, _headDim);
            int maxPosition = RotaryGuard.MaxPosition(positions);
            StagedRotation.RotateInto(new Rotation(this), source, positions, numHeads, cache, slots, maxPosition, LengthFor(sequenceLength, maxPosition));
        }

        /// <summary>The explicit sequence length, checked, or max(positions) + 1 when none was given.</summary>
        private static int LengthFor(int? sequenceLength, int maxPosition)
        {
            if (sequenceLength is not int length) return maxPosition + 1;
            RotaryGuard.CheckSequenceLength(length, maxPosition);
            return length;
        }

        /// <summary>This kernel's float rotation, for <see cref="StagedRotation"/>.</summary>
        private readonly struct Rotation : IFloatRotation
        {
            private readonly RotaryKernel _kernel;

            public Rotation(RotaryKernel kernel) => _kernel = kernel;

            public int HeadDim => _kernel._headDim;

            public int RowStride => _kernel._table.Stride;

            public void Rotate(Span<float> a, int headsA, Span<float> b, int headsB, ReadOnlySpan<int> positions, int maxPosition, int sequenceLength) =>
                _kernel.Rotate(a, headsA, b, headsB, positions, maxPosition, sequenceLength);

            public void ComputeShiftRow(int delta, Span<float> row) => _kernel._table.ComputeShiftRow(delta, row);

            // The pieces are at most 16 KiB: in cache.
            public void RotateHeads(ref float row, ref float x, int heads) => _kernel.RotateHeads(ref row, ref x, heads, inCache: true);
        }
    }
}
