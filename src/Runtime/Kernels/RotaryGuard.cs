using System;

namespace RopeGen
{
    /// <summary>
    /// Argument checks shared by the reference rotation, the runtime kernels and the generated kernels, so every
    /// entry point rejects bad input with the same message, before anything is written.
    /// </summary>
    public static partial class RotaryGuard
    {
        /// <summary>
        /// Checks that <paramref name="length"/> equals tokens × heads × head dim for a buffer laid out
        /// <c>[tokens, heads, headDim]</c>, with one token per entry of <c>positions</c>.
        /// </summary>
        /// <exception cref="ArgumentException">The head count is not positive or the length does not match: a buffer of
        /// whole tokens that disagrees with <paramref name="tokens"/> names <c>positions</c>, any other the buffer.</exception>
        public static void CheckLayout(int length, int tokens, int numHeads, int headDim, string bufferName, string headsName)
        {
            CheckHeads(numHeads, headsName);
            if (length == (long)tokens * numHeads * headDim) return;
            long perToken = (long)numHeads * headDim;
            if (length % perToken == 0) throw PositionsDisagree(tokens, length, numHeads, headDim, bufferName);
            throw LengthDisagrees(length, tokens, numHeads, headDim, bufferName);
        }

        /// <summary>
        /// Checks the queries and keys of a fused call, laid out <c>[tokens, heads, headDim]</c> with one token per entry
        /// of <c>positions</c>. Names <c>positions</c> only when q and k hold the same whole number of tokens and it is
        /// not <paramref name="tokens"/>; otherwise the buffer that disagrees.
        /// </summary>
        /// <exception cref="ArgumentException">A head count is not positive or a length does not match.</exception>
        public static void CheckFusedLayout(int qLength, int numQueryHeads, int kLength, int numKeyValueHeads, int tokens, int headDim)
        {
            CheckHeads(numQueryHeads, "numQueryHeads");
            CheckHeads(numKeyValueHeads, "numKeyValueHeads");
            bool qFits = qLength == (long)tokens * numQueryHeads * headDim, kFits = kLength == (long)tokens * numKeyValueHeads * headDim;
            if (qFits && kFits) return;
            long qPerToken = (long)numQueryHeads * headDim, kPerToken = (long)numKeyValueHeads * headDim;
            if (!qFits && !kFits && qLength % qPerToken == 0 && kLength % kPerToken == 0 && qLength / qPerToken == kLength / kPerToken)
                throw PositionsDisagree(tokens, qLength, numQueryHeads, headDim, "q");
            if (!qFits) throw LengthDisagrees(qLength, tokens, numQueryHeads, headDim, "q");
            throw LengthDisagrees(kLength, tokens, numKeyValueHeads, headDim, "k");
        }

        private static void CheckHeads(int numHeads, string headsName)
        {
            if (numHeads <= 0)
                throw new ArgumentOutOfRangeException(headsName, numHeads, $"{headsName} is {numHeads}; expected at least 1 head.");
        }

        private static ArgumentException LengthDisagrees(int length, int tokens, int numHeads, int headDim, string bufferName) => new(
            $"{bufferName} has {length} elements; expected {(long)tokens * numHeads * headDim} = {tokens} tokens × {numHeads} heads × {headDim} head dims (layout [tokens, heads, headDim]).",
            bufferName);

        private static ArgumentException PositionsDisagree(int tokens, int length, int numHeads, int headDim, string bufferName) => new(
            $"positions cover {tokens} tokens, but {bufferName} has {length} elements = {length / ((long)numHeads * headDim)} tokens × {numHeads} heads × {headDim} head dims (layout [tokens, heads, headDim]); " +
            $"expected positions for every token of {bufferName}, or {bufferName} of {(long)tokens * numHeads * headDim} elements.",
            "positions");

        /// <summary>
        /// The number of tokens in a buffer laid out <c>[tokens, heads, headDim]</c> whose token count is not given
        /// separately (cached keys): the length must be a whole number of <c>numHeads × headDim</c> rows.
        /// </summary>
        /// <exception cref="ArgumentException">The head count is not positive or the length is not a whole number of tokens.</exception>
        public static int TokenCount(int length, int numHeads, int headDim, string bufferName, string headsName)
        {
            CheckHeads(numHeads, headsName);
            long perToken = (long)numHeads * headDim;
            if (length % perToken != 0)
                throw new ArgumentException(
                    $"{bufferName} has {length} elements; expected a multiple of {perToken} = {numHeads} heads × {headDim} head dims (layout [tokens, heads, headDim]).",
                    bufferName);
            return (int)(length / perToken);
        }

        /// <summary>Returns the largest position, checking that each is from 0 to <c>int.MaxValue − 1</c> (the sequence
        /// length, the largest position + 1, must be an int); -1 for no positions.</summary>
        /// <exception cref="ArgumentException">A position is negative or <c>int.MaxValue</c>.</exception>
        public static int MaxPosition(ReadOnlySpan<int> positions)
        {
            int max = -1;
            for (int t = 0; t < positions.Length; t++)
            {
                int p = positions[t];
                if (p < 0)
                    throw new ArgumentException($"positions[{t}] is {p}; expected a position of 0 or more.", nameof(positions));
                if (p == int.MaxValue)
                    throw new ArgumentException($"positions[{t}] is {p}; expected a position below {int.MaxValue}, so that the sequence length (the largest position + 1) is an int.", nameof(positions));
                if (p > max) max = p;
            }
            return max;
        }

        /// <summary>
        /// Checks that an explicit sequence length (which selects the table of the dynamic kinds) covers every position:
        /// it must exceed <paramref name="maxPosition"/>.
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="sequenceLength"/> does not exceed the largest position.</exception>
        public static void CheckSequenceLength(int sequenceLength, int maxPosition)
        {
            if (sequenceLength <= maxPosition)
                throw new ArgumentException(maxPosition < 0
                        ? $"sequenceLength is {sequenceLength}; expected 0 or more (there are no positions to cover)."
                        : $"sequenceLength is {sequenceLength}, but the positions reach {maxPosition}; expected at least {(long)maxPosition + 1} (the largest position + 1).",
                    nameof(sequenceLength));
        }

        /// <summary>Throws the exception every ShiftRotary throws for the dynamic kinds.</summary>
        /// <exception cref="NotSupportedException">Always, when <paramref name="config"/> is dynamic.</exception>
        public static void ThrowIfDynamicShift(RotaryConfig config)
        {
            if (config.IsDynamic)
                throw new NotSupportedException(
                    $"ShiftRotary cannot move keys cached with RopeScaling.{config.Scaling}: their frequencies depend on the sequence length, " +
                    "so keys rotated under one table cannot be moved to another by a single rotation. Re-rotate the un-rotated keys instead.");
        }
    }
}
