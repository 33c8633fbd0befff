using System;

namespace RopeGen
{
    /// <summary>
    /// Where one tensor's heads sit in a buffer: how many heads there are, where the first head of the first token
    /// starts, and how far apart (in elements) consecutive tokens and consecutive heads are. Pass it instead of a head
    /// count to rotate q and k in place inside packed QKV rows, heads-major tensors or any other strided layout.
    /// </summary>
    /// <remarks>
    /// Made only by the factories: <see cref="Contiguous"/> (<c>[tokens, heads, headDim]</c>), <see cref="Packed"/> (the
    /// heads as one block inside a longer row per token, such as q or k in a fused QKV projection),
    /// <see cref="HeadsMajor"/> (<c>[heads, tokens, headDim]</c>) and <see cref="Strided"/> (any element strides, as
    /// PyTorch's <c>tensor.stride()</c> reports them). The factories check what they can on their own; a kernel checks
    /// the rest against its head dim, the buffer and the call's tokens before anything is written. A default value has
    /// no heads and is rejected by every kernel.
    /// </remarks>
    public readonly struct HeadView
    {
        private readonly Kind _kind;
        // Contiguous: unused; Packed: the row length; HeadsMajor: the tokens per head; Strided: the token stride.
        private readonly int _first;
        // Strided: the head stride; unused otherwise.
        private readonly int _second;

        private HeadView(Kind kind, int heads, int offset, int first, int second)
        {
            _kind = kind;
            Heads = heads;
            Offset = offset;
            _first = first;
            _second = second;
        }

        /// <summary>Heads per token.</summary>
        public int Heads { get; }

        /// <summary>Elements from the start of the buffer to the first head of the first token.</summary>
        public int Offset { get; }

        /// <summary>
        /// <c>[tokens, heads, headDim]</c> row-major from the start of the buffer: what the overloads taking a head count
        /// rotate.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="heads"/> is below 1.</exception>
        public static HeadView Contiguous(int heads) => new(Kind.Contiguous, CheckHeads(heads), 0, 0, 0);

        /// <summary>
        /// One row of <paramref name="rowLength"/> elements per token, with the <paramref name="heads"/> heads side by side
        /// starting at element <paramref name="offset"/> of each row. For Llama 3.1's fused projection
        /// <c>[tokens, (32 + 8 + 8) × 128]</c>: q is <c>Packed(32, 0, 6144)</c> and k is <c>Packed(8, 4096, 6144)</c>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="heads"/> is below 1, <paramref name="offset"/> is
        /// negative or <paramref name="rowLength"/> is below 1.</exception>
        public static HeadView Packed(int heads, int offset, int rowLength) =>
            new(Kind.Packed, CheckHeads(heads), CheckOffset(offset), CheckPositive(rowLength, nameof(rowLength), "elements per token row"), 0);

        /// <summary>
        /// <c>[heads, tokens, headDim]</c> from the start of the buffer (PyTorch's <c>[batch, heads, seq, headDim]</c>, one
        /// call per batch element): head h of token t starts at <c>(h × tokens + t) × headDim</c>. A call may rotate fewer
        /// tokens than <paramref name="tokens"/> (a chunk of the sequence: slice the buffer from the chunk's first token).
        /// </summary>
        /// <param name="heads">Heads per token.</param>
        /// <param name="tokens">Tokens per head in the buffer (its sequence dimension).</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="heads"/> or <paramref name="tokens"/> is below 1.</exception>
        public static HeadView HeadsMajor(int heads, int tokens) =>
            new(Kind.HeadsMajor, CheckHeads(heads), 0, CheckPositive(tokens, nameof(tokens), "tokens per head"), 0);

        /// <summary>
        /// Any layout by its element strides: head h of token t starts at
        /// <c>offset + t × tokenStride + h × headStride</c>, and its head dim elements are consecutive. GPT-NeoX's fused
        /// <c>[tokens, heads, 3, headDim]</c> projection: q is <c>Strided(heads, 0, 3 × heads × headDim, 3 × headDim)</c>
        /// and k the same with offset headDim.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="heads"/> is below 1, <paramref name="offset"/> is
        /// negative or a stride is below 1.</exception>
        public static HeadView Strided(int heads, int offset, int tokenStride, int headStride) =>
            new(Kind.Strided, CheckHeads(heads), CheckOffset(offset),
                CheckPositive(tokenStride, nameof(tokenStride), "elements between consecutive tokens"),
                CheckPositive(headStride, nameof(headStride), "elements between consecutive heads"));

        /// <summary>Elements between the first elements of consecutive tokens, for a head dim of <paramref name="headDim"/>.</summary>
        public long TokenStride(int headDim) => _kind switch
        {
            Kind.Packed or Kind.Strided => _first,
            Kind.HeadsMajor => headDim,
            _ => (long)Heads * headDim,
        };

        /// <summary>Elements between the first elements of consecutive heads of a token, for a head dim of <paramref name="headDim"/>.</summary>
        public long HeadStride(int headDim) => _kind switch
        {
            Kind.Strided => _second,
            Kind.HeadsMajor => (long)_first * headDim,
            _ => headDim,
        };

        /// <summary>For a <see cref="Packed"/> view, the row length; null for the others.</summary>
        internal int? RowLength => _kind == Kind.Packed ? _first : null;

        /// <summary>The factory call that makes this view, e.g. <c>HeadView.Packed(8, 4096, 6144)</c>.</summary>
        public override string ToString() => _kind switch
        {
            _ when Heads == 0 => "default(HeadView)",
            Kind.Packed => $"HeadView.Packed({Heads}, {Offset}, {_first})",
            Kind.HeadsMajor => $"HeadView.HeadsMajor({Heads}, {_first})",
            Kind.Strided => $"HeadView.Strided({Heads}, {Offset}, {_first}, {_second})",
            _ => $"HeadView.Contiguous({Heads})",
        };

        private static int CheckHeads(int heads) => heads >= 1 ? heads
            : throw new ArgumentOutOfRangeException(nameof(heads), heads, $"heads is {heads}; expected at least 1 head.");

        private static int CheckOffset(int offset) => offset >= 0 ? offset
            : throw new ArgumentOutOfRangeException(nameof(offset), offset,
                $"offset is {offset}; expected 0 or more elements from the start of the buffer to the first head.");

        private static int CheckPositive(int value, string name, string what) => value >= 1 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; expected at least 1 ({what}).");

        private enum Kind
        {
            Contiguous,
            Packed,
            HeadsMajor,
            Strided,
        }
    }
}
