using System;

namespace RopeGen
{
    public static partial class RotaryGuard
    {
        /// <summary>
        /// Checks a <see cref="HeadView"/> for a call over <paramref name="tokens"/> tokens with heads of
        /// <paramref name="headDim"/> elements: the view has heads, a packed row holds its heads, no two heads (of one
        /// token or of different tokens) overlap, and the buffer of <paramref name="length"/> elements holds every head.
        /// </summary>
        /// <exception cref="ArgumentException">The view is default, its heads overlap or its rows are shorter than its
        /// heads (named <paramref name="viewName"/>), or the buffer is too short (named <paramref name="bufferName"/>).</exception>
        public static void CheckView(int length, int tokens, HeadView view, int headDim, string bufferName, string viewName)
        {
            int heads = view.Heads;
            if (heads <= 0)
                throw new ArgumentException(
                    $"{viewName} is default(HeadView), which has no heads; expected a view made by HeadView.Contiguous, Packed, HeadsMajor or Strided.",
                    viewName);
            long tokenStride = view.TokenStride(headDim), headStride = view.HeadStride(headDim);
            long headsSpan = (heads - 1) * headStride + headDim;
            if (view.RowLength is int row && view.Offset + headsSpan > row)
                throw new ArgumentException(
                    $"{viewName} is {view}: its rows are shorter than its heads; expected a rowLength of at least offset + heads × head dim = " +
                    $"{view.Offset} + {heads} × {headDim} = {view.Offset + headsSpan}.", viewName);

            // Whichever of heads and tokens lies closer together nests inside the other, so neither may overlap.
            bool headsInside = headStride <= tokenStride;
            (long innerStride, long innerCount, string inner) = headsInside ? (headStride, heads, "heads") : (tokenStride, tokens, "tokens");
            (long outerStride, long outerCount, string outer) = headsInside ? (tokenStride, tokens, "token") : (headStride, heads, "head");
            if (innerCount > 1 && innerStride < headDim)
                throw new ArgumentException(
                    $"{viewName} is {view}: its {inner} start {innerStride} elements apart, less than the head dim {headDim}, so they would overlap; " +
                    $"expected at least {headDim}.", viewName);
            long innerSpan = (innerCount - 1) * innerStride + headDim;
            if (outerCount > 1 && outerStride < innerSpan)
                throw new ArgumentException(
                    $"{viewName} is {view}: each {outer} starts {outerStride} elements after the previous one, but the {innerCount} {inner} of one {outer} " +
                    $"span {innerSpan} elements, so they would overlap; expected at least {innerSpan}.", viewName);

            if (tokens == 0) return;
            long needed = view.Offset + (tokens - 1) * tokenStride + headsSpan;
            if (length < needed)
                throw new ArgumentException(
                    $"{bufferName} has {length} elements; expected at least {needed} for {viewName} = {view} over {tokens} tokens of head dim {headDim} " +
                    "(offset + (tokens − 1) × token stride + (heads − 1) × head stride + head dim).", bufferName);
        }

        /// <summary>
        /// Checks that the heads of two views, each already accepted by <see cref="CheckView"/>, share no element, so that
        /// nothing is rotated twice: q and k in separate buffers, or side by side in one packed row (the same buffer
        /// passed twice). Views in one buffer must lie in separate ranges of it or have the same token stride with each
        /// view's heads inside one token's row; anything else that shares memory is rejected.
        /// </summary>
        /// <exception cref="ArgumentException">The views may rotate the same elements (named <paramref name="bName"/>).</exception>
        public static void CheckDisjoint<T>(ReadOnlySpan<T> a, HeadView viewA, ReadOnlySpan<T> b, HeadView viewB, int tokens, int headDim,
            string aName, string bName)
        {
            if (a.Overlaps(b, out int shift)) CheckDisjoint(shift, viewA, viewB, tokens, headDim, aName, bName);
        }

        /// <summary>
        /// <see cref="CheckDisjoint{T}(ReadOnlySpan{T}, HeadView, ReadOnlySpan{T}, HeadView, int, int, string, string)"/>
        /// for two buffers known to overlap, b's first element <paramref name="shift"/> elements after a's (negative:
        /// before), such as two views of one GPU buffer.
        /// </summary>
        /// <exception cref="ArgumentException">The views may rotate the same elements (named <paramref name="bName"/>).</exception>
        public static void CheckDisjoint(long shift, HeadView viewA, HeadView viewB, int tokens, int headDim, string aName, string bName)
        {
            if (tokens == 0 || viewB.Heads == 0) return;
            // Everything in a's coordinates: b's buffer starts `shift` elements after a's.
            long startA = viewA.Offset, startB = shift + (long)viewB.Offset;
            long tokenA = viewA.TokenStride(headDim), tokenB = viewB.TokenStride(headDim);
            long headA = viewA.HeadStride(headDim), headB = viewB.HeadStride(headDim);
            long rowA = (viewA.Heads - 1) * headA + headDim, rowB = (viewB.Heads - 1) * headB + headDim;
            long endA = startA + (tokens - 1) * tokenA + rowA, endB = startB + (tokens - 1) * tokenB + rowB;
            if (endA <= startB || endB <= startA) return;
            // Views without gaps cover their whole ranges, so ranges that meet mean heads that meet.
            bool gapless = endA - startA == (long)tokens * viewA.Heads * headDim && endB - startB == (long)tokens * viewB.Heads * headDim;

            bool rowLocal = tokens == 1 || (tokenA == tokenB && rowA <= tokenA && rowB <= tokenA);
            if (!rowLocal && !gapless)
                throw new ArgumentException(
                    $"{aName} and {bName} share memory ({bName} starts {shift} elements into {aName}) and their heads are not provably apart: " +
                    $"{aName} is {viewA}, {bName} is {viewB}; expected separate buffers, or views with the same token stride whose heads lie within a token's row.",
                    bName);
            if (!gapless && !HeadsMeet(startB - startA, tokens == 1 ? 0 : tokenA, viewA.Heads, headA, viewB.Heads, headB, headDim)) return;
            throw new ArgumentException(
                $"{aName} and {bName} overlap: {aName} is {viewA} and {bName} is {viewB} ({bName} starts {shift} elements into {aName}), so some elements " +
                $"would be rotated twice; expected heads that do not meet, such as q and k side by side in a packed QKV row.", bName);
        }

        /// <summary>
        /// Whether a head of b (first head <paramref name="delta"/> elements after a's first head) meets a head of a, when
        /// every token repeats the same pattern every <paramref name="row"/> elements (0: a single token).
        /// </summary>
        private static bool HeadsMeet(long delta, long row, int headsA, long strideA, int headsB, long strideB, int headDim)
        {
            if (row > 0)
            {
                // A token's b heads fall in a's row of that token or of the next one (each view spans at most a row).
                delta = ((delta % row) + row) % row;
                long spanA = (headsA - 1) * strideA + headDim, spanB = (headsB - 1) * strideB + headDim;
                if (delta >= spanA && delta + spanB <= row) return false;
            }
            for (int j = 0; j < headsB; j++)
            {
                long at = delta + j * strideB;
                if (Meets(at, 0, headsA, strideA, headDim) || (row > 0 && Meets(at, row, headsA, strideA, headDim))) return true;
            }
            return false;
        }

        /// <summary>Whether the head at <paramref name="at"/> meets one of <paramref name="count"/> heads starting at
        /// <paramref name="first"/>, <paramref name="stride"/> apart (at least a head dim, when count > 1).</summary>
        private static bool Meets(long at, long first, int count, long stride, int headDim)
        {
            // Heads a head dim or more apart: only the two nearest to `at` can meet it.
            long nearest = count == 1 ? 0 : Math.Clamp(FloorDivide(at - first, stride), 0, count - 1);
            for (long i = nearest; i <= nearest + 1 && i < count; i++)
                if (Math.Abs(at - (first + i * stride)) < headDim) return true;
            return false;
        }

        private static long FloorDivide(long value, long divisor)
        {
            long quotient = value / divisor;
            return value % divisor != 0 && value < 0 ? quotient - 1 : quotient;
        }
    }
}
