using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace RopeGen
{
    public sealed partial class RotaryKernel
    {
        private MultimodalRows? _multimodalRows;

        /// <summary>
        /// M-RoPE: rotates <paramref name="x"/>, laid out <c>[tokens, numHeads, HeadDim]</c>, in place; token t has the
        /// position ids <c>positions[t]</c> (temporal), <c>positions[tokens + t]</c> (height) and
        /// <c>positions[2·tokens + t]</c> (width), <paramref name="positions"/> being <c>[3, tokens]</c> axis-major as
        /// transformers' <c>position_ids</c>. Each pair turns with its axis's id (<see cref="RotaryConfig.MRopeSections"/>);
        /// a token with three equal ids is rotated exactly as <see cref="Apply(Span{float}, ReadOnlySpan{int}, int)"/> does.
        /// </summary>
        /// <exception cref="ArgumentException">The positions are not 3 × tokens, the length does not match, a position is negative or <paramref name="numHeads"/> &lt;= 0; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void ApplyMultimodal(Span<float> x, ReadOnlySpan<int> positions, int numHeads)
        {
            RotaryGuard.ThrowIfNotMultimodal(Config);
            int tokens = RotaryGuard.MultimodalTokenCount(positions.Length);
            RotaryGuard.CheckLayout(x.Length, tokens, numHeads, _headDim, nameof(x), nameof(numHeads));
            RotateMultimodal(x, numHeads, default, 0, positions, 0, tokens, RotaryGuard.MaxPosition(positions));
        }

        /// <summary>
        /// Rotates <paramref name="x"/> like <see cref="ApplyMultimodal(Span{float}, ReadOnlySpan{int}, int)"/>, with an
        /// explicit sequence length. M-RoPE comes with the static kinds only, whose table does not depend on it: it is
        /// checked against the positions and otherwise has no effect.
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes or positions, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void ApplyMultimodal(Span<float> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength)
        {
            RotaryGuard.ThrowIfNotMultimodal(Config);
            int tokens = RotaryGuard.MultimodalTokenCount(positions.Length);
            RotaryGuard.CheckLayout(x.Length, tokens, numHeads, _headDim, nameof(x), nameof(numHeads));
            int maxPosition = RotaryGuard.MaxPosition(positions);
            RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            RotateMultimodal(x, numHeads, default, 0, positions, 0, tokens, maxPosition);
        }

        /// <summary>
        /// M-RoPE for queries <paramref name="q"/> <c>[tokens, numQueryHeads, HeadDim]</c> and keys <paramref name="k"/>
        /// <c>[tokens, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's composed cos/sin;
        /// <paramref name="positions"/> as in <see cref="ApplyMultimodal(Span{float}, ReadOnlySpan{int}, int)"/>.
        /// </summary>
        /// <exception cref="ArgumentException">The positions are not 3 × tokens, a length does not match, q and k overlap, a position is negative or a head count &lt;= 0; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void ApplyMultimodal(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions)
        {
            RotaryGuard.ThrowIfNotMultimodal(Config);
            CheckMultimodalPair(q, numQueryHeads, k, numKeyValueHeads, positions);
            RotateMultimodal(q, numQueryHeads, k, numKeyValueHeads, positions, 0, positions.Length / MultimodalAxes.Count, RotaryGuard.MaxPosition(positions));
        }

        /// <summary>
        /// The fused M-RoPE of <see cref="ApplyMultimodal(Span{float}, int, Span{float}, int, ReadOnlySpan{int})"/> with an
        /// explicit sequence length, checked against the positions (the static kinds do not use it).
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes or positions, q and k overlap, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The configuration is not M-RoPE.</exception>
        public void ApplyMultimodal(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int sequenceLength)
        {
            RotaryGuard.ThrowIfNotMultimodal(Config);
            CheckMultimodalPair(q, numQueryHeads, k, numKeyValueHeads, positions);
            int maxPosition = RotaryGuard.MaxPosition(positions);
            RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            RotateMultimodal(q, numQueryHeads, k, numKeyValueHeads, positions, 0, positions.Length / MultimodalAxes.Count, maxPosition);
        }

        private void CheckMultimodalPair<T>(Span<T> q, int numQueryHeads, Span<T> k, int numKeyValueHeads, ReadOnlySpan<int> positions)
            where T : unmanaged
        {
            int tokens = RotaryGuard.MultimodalTokenCount(positions.Length);
            RotaryGuard.CheckLayout(q.Length, tokens, numQueryHeads, _headDim, nameof(q), nameof(numQueryHeads));
            RotaryGuard.CheckLayout(k.Length, tokens, numKeyValueHeads, _headDim, nameof(k), nameof(numKeyValueHeads));
            RotaryGuard.CheckDisjoint<T>(q, HeadView.Contiguous(numQueryHeads), k, HeadView.Contiguous(numKeyValueHeads), tokens, _headDim, nameof(q), nameof(k));
        }

        /// <summary>The composer, made on first use (plain configurations never need one); a race makes two equal ones.</summary>
        private MultimodalRows CreateMultimodalRows()
        {
            Interlocked.CompareExchange(ref _multimodalRows, new MultimodalRows(Config), null);
            return _multimodalRows!;
        }

        /// <summary>Rotates a and b, <paramref name="count"/> tokens each, at the ids of tokens <paramref name="first"/> on of
        /// <paramref name="positions"/> (<c>[3, tokens]</c>, every token's ids).</summary>
        private void RotateMultimodal(Span<float> a, int headsA, Span<float> b, int headsB, ReadOnlySpan<int> positions, int first, int count, int maxPosition)
        {
            MultimodalRows composer = Volatile.Read(ref _multimodalRows) ?? CreateMultimodalRows();
            bool inCache = (long)a.Length + b.Length <= KernelTuning.InCacheFloats;
            int length = composer.ScratchLength;
            Span<float> scratch = length <= KernelTuning.MaxStackRowFloats ? stackalloc float[length] : new float[length];
            MultimodalRowReader rows = composer.Begin(_table, maxPosition, scratch);
            ref float aRef = ref MemoryMarshal.GetReference(a);
            ref float bRef = ref MemoryMarshal.GetReference(b);
            int tokens = positions.Length / MultimodalAxes.Count, tokenA = headsA * _headDim, tokenB = headsB * _headDim;
            for (int t = 0; t < count; t++)
            {
                int at = first + t;
                ref float row = ref rows.Row(positions[at], positions[tokens + at], positions[2 * tokens + at]);
                RotateHeads(ref row, ref Unsafe.Add(ref aRef, t * tokenA), headsA, inCache);
                RotateHeads(ref row, ref Unsafe.Add(ref bRef, t * tokenB), headsB, inCache);
            }
        }
    }
}
