using System;
using System.Threading.Tasks;

namespace RopeGen
{
    // Strided buffers (HeadView), explicit sequence lengths for the fused call, and calls split across threads.
    public sealed partial class RotaryKernel
    {
        /// <summary>
        /// Rotates <paramref name="q"/> and <paramref name="k"/> like
        /// <see cref="Apply(Span{float}, int, Span{float}, int, ReadOnlySpan{int})"/>, with an explicit sequence length that
        /// selects the table of the dynamic kinds: pass the whole sequence's length to every chunk of a chunked prefill.
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes or positions, q and k overlap, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        public void Apply(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int sequenceLength) =>
            ApplyFused(q, numQueryHeads, k, numKeyValueHeads, positions, sequenceLength);

        /// <summary>
        /// Rotates the heads of <paramref name="x"/> that <paramref name="view"/> describes (packed rows, heads-major,
        /// any strides), in place; token t is at position <c>positions[t]</c>. Elements outside the heads are untouched.
        /// The dynamic kinds use max(positions) + 1 as the sequence length.
        /// </summary>
        /// <exception cref="ArgumentException">The view is default or its heads overlap, <paramref name="x"/> is too short, or a position is negative; nothing is written.</exception>
        public void Apply(Span<float> x, ReadOnlySpan<int> positions, HeadView view) => ApplyView(x, positions, view, null, null);

        /// <summary>Rotates like <see cref="Apply(Span{float}, ReadOnlySpan{int}, HeadView)"/>, with an explicit sequence
        /// length that selects the table of the dynamic kinds (DynamicNtk, LongRope); other kinds ignore it.</summary>
        /// <exception cref="ArgumentException">A bad view, buffer or position, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        public void Apply(Span<float> x, ReadOnlySpan<int> positions, HeadView view, int sequenceLength) =>
            ApplyView(x, positions, view, sequenceLength, null);

        /// <summary>Rotates like <see cref="Apply(Span{float}, ReadOnlySpan{int}, HeadView)"/>, split by tokens over up to
        /// <paramref name="parallel"/>'s <see cref="ParallelOptions.MaxDegreeOfParallelism"/> threads; calls too small to
        /// gain (see <see cref="RotaryParallel.MinFloatsPerThread"/>) run on the calling thread. The result is the
        /// serial result bit for bit.</summary>
        /// <exception cref="ArgumentException">A bad view, buffer or position; nothing is written.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="parallel"/> is null.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="parallel"/>'s token was cancelled before the call started.</exception>
        public void Apply(Span<float> x, ReadOnlySpan<int> positions, HeadView view, ParallelOptions parallel) =>
            ApplyView(x, positions, view, null, parallel ?? throw new ArgumentNullException(nameof(parallel)));

        /// <summary>Rotates like <see cref="Apply(Span{float}, ReadOnlySpan{int}, HeadView, ParallelOptions)"/>, with an
        /// explicit sequence length.</summary>
        /// <exception cref="ArgumentException">A bad view, buffer or position, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="parallel"/> is null.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="parallel"/>'s token was cancelled before the call started.</exception>
        public void Apply(Span<float> x, ReadOnlySpan<int> positions, HeadView view, int sequenceLength, ParallelOptions parallel) =>
            ApplyView(x, positions, view, sequenceLength, parallel ?? throw new ArgumentNullException(nameof(parallel)));

        /// <summary>
        /// Rotates the query heads of <paramref name="q"/> and the key heads of <paramref name="k"/> that the views describe
        /// in one pass, sharing each token's cos/sin. q and k may be the same buffer (a packed QKV row: pass it twice) as
        /// long as their heads do not meet.
        /// </summary>
        /// <exception cref="ArgumentException">A bad view or buffer, q and k overlap, or a bad position; nothing is written.</exception>
        public void Apply(Span<float> q, HeadView queryView, Span<float> k, HeadView keyView, ReadOnlySpan<int> positions) =>
            ApplyViews(q, queryView, k, keyView, positions, null, null);

        /// <summary>Rotates like <see cref="Apply(Span{float}, HeadView, Span{float}, HeadView, ReadOnlySpan{int})"/>, with an
        /// explicit sequence length that selects the table of the dynamic kinds.</summary>
        /// <exception cref="ArgumentException">A bad view, buffer or position, q and k overlap, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        public void Apply(Span<float> q, HeadView queryView, Span<float> k, HeadView keyView, ReadOnlySpan<int> positions, int sequenceLength) =>
            ApplyViews(q, queryView, k, keyView, positions, sequenceLength, null);

        /// <summary>Rotates like <see cref="Apply(Span{float}, HeadView, Span{float}, HeadView, ReadOnlySpan{int})"/>, split
        /// by tokens over up to <paramref name="parallel"/>'s <see cref="ParallelOptions.MaxDegreeOfParallelism"/> threads;
        /// calls too small to gain run on the calling thread. The result is the serial result bit for bit.</summary>
        /// <exception cref="ArgumentException">A bad view, buffer or position, or q and k overlap; nothing is written.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="parallel"/> is null.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="parallel"/>'s token was cancelled before the call started.</exception>
        public void Apply(Span<float> q, HeadView queryView, Span<float> k, HeadView keyView, ReadOnlySpan<int> positions, ParallelOptions parallel) =>
            ApplyViews(q, queryView, k, keyView, positions, null, parallel ?? throw new ArgumentNullException(nameof(parallel)));

        /// <summary>Rotates like <see cref="Apply(Span{float}, HeadView, Span{float}, HeadView, ReadOnlySpan{int}, ParallelOptions)"/>,
        /// with an explicit sequence length.</summary>
        /// <exception cref="ArgumentException">A bad view, buffer or position, q and k overlap, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="parallel"/> is null.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="parallel"/>'s token was cancelled before the call started.</exception>
        public void Apply(Span<float> q, HeadView queryView, Span<float> k, HeadView keyView, ReadOnlySpan<int> positions, int sequenceLength,
            ParallelOptions parallel) =>
            ApplyViews(q, queryView, k, keyView, positions, sequenceLength, parallel ?? throw new ArgumentNullException(nameof(parallel)));

        private void ApplyFused(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int? sequenceLength)
        {
            RotaryGuard.CheckFusedLayout(q.Length, numQueryHeads, k.Length, numKeyValueHeads, positions.Length, _headDim);
            RotaryGuard.CheckDisjoint<float>(q, HeadView.Contiguous(numQueryHeads), k, HeadView.Contiguous(numKeyValueHeads), positions.Length, _headDim, nameof(q), nameof(k));
            Rotate(q, HeadView.Contiguous(numQueryHeads), k, HeadView.Contiguous(numKeyValueHeads), positions, sequenceLength, null);
        }

        private void ApplyView(Span<float> x, ReadOnlySpan<int> positions, HeadView view, int? sequenceLength, ParallelOptions? parallel)
        {
            RotaryGuard.CheckView(x.Length, positions.Length, view, _headDim, nameof(x), nameof(view));
            Rotate(x, view, default, default, positions, sequenceLength, parallel);
        }

        private void ApplyViews(Span<float> q, HeadView queryView, Span<float> k, HeadView keyView, ReadOnlySpan<int> positions,
            int? sequenceLength, ParallelOptions? parallel)
        {
            RotaryGuard.CheckView(q.Length, positions.Length, queryView, _headDim, nameof(q), nameof(queryView));
            RotaryGuard.CheckView(k.Length, positions.Length, keyView, _headDim, nameof(k), nameof(keyView));
            RotaryGuard.CheckDisjoint<float>(q, queryView, k, keyView, positions.Length, _headDim, nameof(q), nameof(k));
            Rotate(q, queryView, k, keyView, positions, sequenceLength, parallel);
        }

        /// <summary>Checks the positions and the sequence length (max(positions) + 1 when not given), then rotates.</summary>
        private void Rotate(Span<float> a, HeadView viewA, Span<float> b, HeadView viewB, ReadOnlySpan<int> positions, int? sequenceLength,
            ParallelOptions? parallel)
        {
            int maxPosition = RotaryGuard.MaxPosition(positions);
            if (sequenceLength is int length) RotaryGuard.CheckSequenceLength(length, maxPosition);
            Rotate(a, viewA, b, viewB, positions, maxPosition, sequenceLength ?? maxPosition + 1, parallel);
        }
    }
}
