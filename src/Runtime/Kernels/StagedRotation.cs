using System;
using System.ComponentModel;

namespace RopeGen
{
    /// <summary>
    /// The 16-bit and cache-writing kernels, layered over a configuration's float rotation (<see cref="IFloatRotation"/>):
    /// each piece of work (whole tokens, or a group of one token's heads) is widened into a float scratch buffer of at
    /// most 16 KiB that stays in L1 cache, rotated there with the float kernel and its tables, and rounded once into its
    /// destination. The 16-bit data is read once and written once. Support for generated code and
    /// <see cref="RotaryKernel"/>: callers check the arguments first (<see cref="RotaryGuard"/>).
    /// </summary>
    /// <remarks>Element types: float (a copy), <see cref="Half"/> and <see cref="BFloat16"/>; conversions by <see cref="FloatConvert"/>.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class StagedRotation
    {
        // 16 KiB: the scratch and the 16-bit data it stages fit in L1 together.
        private const int ScratchFloats = 4096;

        // One scratch per thread, allocated once: a stackalloc would be zeroed on every call (a quarter of a decode step).
        [ThreadStatic]
        private static float[]? t_scratch;

        /// <summary>This thread's scratch, or a larger buffer for heads wider than it.</summary>
        private static Span<float> Scratch(int headDim) =>
            headDim <= ScratchFloats ? t_scratch ??= new float[ScratchFloats] : new float[headDim];

        /// <summary>
        /// Rotates <paramref name="a"/> <c>[positions.Length, headsA, HeadDim]</c> and <paramref name="b"/> (<paramref name="headsB"/>
        /// heads, or none) in place: widened to float, rotated as the float kernels rotate, rounded once.
        /// </summary>
        public static void Apply<TRotation, T>(TRotation rotation, Span<T> a, int headsA, Span<T> b, int headsB,
            ReadOnlySpan<int> positions, int maxPosition, int sequenceLength)
            where TRotation : struct, IFloatRotation
            where T : unmanaged =>
            Apply(new TextTokens<TRotation>(rotation, maxPosition, sequenceLength), a, headsA, b, headsB, positions, positions.Length);

        /// <summary>
        /// M-RoPE: rotates <paramref name="a"/> <c>[tokens, headsA, HeadDim]</c> and <paramref name="b"/> (<paramref name="headsB"/>
        /// heads, or none) in place at the three position ids of each token, <paramref name="positions"/> being
        /// <c>[3, tokens]</c> axis-major: widened to float, rotated as the float M-RoPE kernels rotate, rounded once.
        /// </summary>
        public static void ApplyMultimodal<TRotation, T>(TRotation rotation, Span<T> a, int headsA, Span<T> b, int headsB,
            ReadOnlySpan<int> positions, int maxPosition)
            where TRotation : struct, IMultimodalFloatRotation
            where T : unmanaged =>
            Apply(new MultimodalTokens<TRotation>(rotation, maxPosition), a, headsA, b, headsB, positions, positions.Length / MultimodalAxes.Count);

        /// <summary>
        /// Rotates <paramref name="source"/> <c>[positions.Length, numHeads, HeadDim]</c> (left unchanged) and writes token
        /// t, rounded once, into row <c>slots[t]</c> of <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>.
        /// Into a float cache the rows equal the in-place float rotation bit for bit.
        /// </summary>
        public static void RotateInto<TRotation, T>(TRotation rotation, ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads,
            Span<T> cache, ReadOnlySpan<int> slots, int maxPosition, int sequenceLength)
            where TRotation : struct, IFloatRotation
            where T : unmanaged
        {
            FloatConvert.CheckElementType<T>();
            Stage(new TextTokens<TRotation>(rotation, maxPosition, sequenceLength), source, numHeads, cache, slots, positions, positions.Length, Scratch(rotation.HeadDim));
        }

        /// <summary>
        /// M-RoPE: rotates <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged) at the three position
        /// ids of each token, <paramref name="positions"/> being <c>[3, tokens]</c> axis-major, and writes token t, rounded
        /// once, into row <c>slots[t]</c> of <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>. Into a float
        /// cache the rows equal the in-place float M-RoPE bit for bit.
        /// </summary>
        public static void RotateMultimodalInto<TRotation, T>(TRotation rotation, ReadOnlySpan<float> source, ReadOnlySpan<int> positions, int numHeads,
            Span<T> cache, ReadOnlySpan<int> slots, int maxPosition)
            where TRotation : struct, IMultimodalFloatRotation
            where T : unmanaged
        {
            FloatConvert.CheckElementType<T>();
            Stage(new MultimodalTokens<TRotation>(rotation, maxPosition), source, numHeads, cache, slots, positions,
                positions.Length / MultimodalAxes.Count, Scratch(rotation.HeadDim));
        }

        /// <summary>Rotates every head of <paramref name="keys"/> (a whole number of heads) by <paramref name="delta"/>
        /// positions, without the attention factor; rounded once.</summary>
        public static void Shift<TRotation, T>(TRotation rotation, Span<T> keys, int delta)
            where TRotation : struct, IFloatRotation
            where T : unmanaged
        {
            FloatConvert.CheckElementType<T>();
            int d = rotation.HeadDim, stride = rotation.RowStride;
            Span<float> row = stride <= ScratchFloats ? stackalloc float[stride] : new float[stride];
            rotation.ComputeShiftRow(delta, row);
            Span<float> scratch = Scratch(d);
            // Every head takes the same rotation: any run of whole heads is a piece.
            int piece = scratch.Length / d * d;
            for (int i = 0; i < keys.Length; i += piece)
            {
                Span<T> keysPiece = keys.Slice(i, Math.Min(piece, keys.Length - i));
                Span<float> floats = scratch.Slice(0, keysPiece.Length);
                FloatConvert.Widen<T>(keysPiece, floats);
                rotation.RotateHeads(ref row[0], ref floats[0], floats.Length / d);
                FloatConvert.Narrow(floats, keysPiece);
            }
        }

        /// <summary>Rotates <paramref name="a"/> <c>[tokens, headsA, HeadDim]</c> and <paramref name="b"/> in place, whole
        /// tokens of both together while they fit the scratch.</summary>
        private static void Apply<TTokens, T>(TTokens rotation, Span<T> a, int headsA, Span<T> b, int headsB, ReadOnlySpan<int> positions, int tokens)
            where TTokens : struct, ITokenRotation
            where T : unmanaged
        {
            FloatConvert.CheckElementType<T>();
            int d = rotation.HeadDim;
            Span<float> scratch = Scratch(d);
            if ((long)(headsA + headsB) * d <= scratch.Length)
            {
                // Whole tokens of a and b together: each row fetched once for both.
                int chunk = scratch.Length / ((headsA + headsB) * d);
                for (int t = 0; t < tokens; t += chunk)
                {
                    int n = Math.Min(chunk, tokens - t);
                    Span<T> pieceA = a.Slice(t * headsA * d, n * headsA * d), pieceB = b.Slice(t * headsB * d, n * headsB * d);
                    Span<float> floatA = scratch.Slice(0, pieceA.Length), floatB = scratch.Slice(pieceA.Length, pieceB.Length);
                    FloatConvert.Widen<T>(pieceA, floatA);
                    FloatConvert.Widen<T>(pieceB, floatB);
                    rotation.Rotate(floatA, headsA, floatB, headsB, positions, t, n);
                    FloatConvert.Narrow(floatA, pieceA);
                    FloatConvert.Narrow(floatB, pieceB);
                }
                return;
            }
            // A token does not fit: a, then b, each in pieces.
            Stage(rotation, (ReadOnlySpan<T>)a, headsA, a, default, positions, tokens, scratch);
            if (headsB > 0) Stage(rotation, (ReadOnlySpan<T>)b, headsB, b, default, positions, tokens, scratch);
        }

        /// <summary>
        /// Rotates <paramref name="source"/> <c>[tokenCount, numHeads, HeadDim]</c> in pieces that fit the scratch and
        /// writes token t into row <c>slots[t]</c> of <paramref name="destination"/>, or into row t when
        /// <paramref name="slots"/> is empty (then source and destination may be the same buffer).
        /// </summary>
        private static void Stage<TTokens, TSource, T>(TTokens rotation, ReadOnlySpan<TSource> source, int numHeads, Span<T> destination,
            ReadOnlySpan<int> slots, ReadOnlySpan<int> positions, int tokenCount, Span<float> scratch)
            where TTokens : struct, ITokenRotation
            where TSource : unmanaged
            where T : unmanaged
        {
            int d = rotation.HeadDim, token = numHeads * d;
            (int tokens, int heads) = Piece(numHeads, d, scratch.Length);
            for (int t = 0; t < tokenCount; t += tokens)
            {
                int n = Math.Min(tokens, tokenCount - t);
                for (int h = 0; h < numHeads; h += heads)
                {
                    // n whole tokens (g = numHeads) or g heads of one token (n = 1): contiguous either way.
                    int g = Math.Min(heads, numHeads - h), offset = t * token + h * d;
                    Span<float> floats = scratch.Slice(0, n * g * d);
                    FloatConvert.Widen(source.Slice(offset, floats.Length), floats);
                    rotation.Rotate(floats, g, default, 0, positions, t, n);
                    if (slots.IsEmpty) FloatConvert.Narrow(floats, destination.Slice(offset, floats.Length));
                    else
                        for (int j = 0; j < n; j++)
                            FloatConvert.Narrow(floats.Slice(j * g * d, g * d), destination.Slice(slots[t + j] * token + h * d, g * d));
                }
            }
        }

        /// <summary>The largest piece of a <c>[tokens, numHeads, d]</c> buffer that fits <paramref name="floats"/>: as
        /// many whole tokens as fit (at least one), or, when one token does not fit, one token's heads in groups.</summary>
        private static (int Tokens, int Heads) Piece(int numHeads, int d, int floats)
        {
            long token = (long)numHeads * d;
            return token <= floats ? ((int)(floats / token), numHeads) : (1, floats / d);
        }

        /// <summary>The float rotation of pieces of whole tokens, as the staging loops drive it: plain or M-RoPE positions.</summary>
        private interface ITokenRotation
        {
            /// <summary>Width of one attention head.</summary>
            int HeadDim { get; }

            /// <summary>Rotates <paramref name="a"/> <c>[count, headsA, HeadDim]</c> and <paramref name="b"/> <c>[count, headsB, HeadDim]</c>,
            /// tokens <paramref name="first"/> on of <paramref name="positions"/> (the caller's, whole).</summary>
            void Rotate(Span<float> a, int headsA, Span<float> b, int headsB, ReadOnlySpan<int> positions, int first, int count);
        }

        /// <summary>One position per token.</summary>
        private readonly struct TextTokens<TRotation> : ITokenRotation where TRotation : struct, IFloatRotation
        {
            private readonly TRotation _rotation;
            private readonly int _maxPosition, _sequenceLength;

            public TextTokens(TRotation rotation, int maxPosition, int sequenceLength)
            {
                _rotation = rotation;
                _maxPosition = maxPosition;
                _sequenceLength = sequenceLength;
            }

            public int HeadDim => _rotation.HeadDim;

            public void Rotate(Span<float> a, int headsA, Span<float> b, int headsB, ReadOnlySpan<int> positions, int first, int count) =>
                _rotation.Rotate(a, headsA, b, headsB, positions.Slice(first, count), _maxPosition, _sequenceLength);
        }

        /// <summary>Three position ids per token, <c>[3, tokens]</c> axis-major (M-RoPE).</summary>
        private readonly struct MultimodalTokens<TRotation> : ITokenRotation where TRotation : struct, IMultimodalFloatRotation
        {
            private readonly TRotation _rotation;
            private readonly int _maxPosition;

            public MultimodalTokens(TRotation rotation, int maxPosition)
            {
                _rotation = rotation;
                _maxPosition = maxPosition;
            }

            public int HeadDim => _rotation.HeadDim;

            public void Rotate(Span<float> a, int headsA, Span<float> b, int headsB, ReadOnlySpan<int> positions, int first, int count) =>
                _rotation.RotateMultimodal(a, headsA, b, headsB, positions, first, count, _maxPosition);
        }
    }
}
