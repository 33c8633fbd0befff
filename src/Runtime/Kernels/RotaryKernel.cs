using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RopeGen
{
    /// <summary>
    /// RoPE kernels for a configuration known only at run time (for example read from a model's config.json): the same
    /// operations as the generated <c>ApplyRotary</c> / <c>ShiftRotary</c>, with the head dim and rotary dim as run-time
    /// values and vectorized loops (Vector256, Vector128, scalar). Prefer <c>[Rotary]</c> when the configuration is
    /// known at build time: the generated kernels fold it in as constants.
    /// </summary>
    public sealed class RotaryKernel
    {
        private readonly RotaryTable _table;
        private readonly RotaryTable? _longTable;
        private readonly int _headDim, _pairs;
        private readonly double _attentionFactor;

        /// <summary>Creates the kernel and its (lazily filled) tables.</summary>
        /// <exception cref="ArgumentException">The configuration is invalid; the message names each setting and its valid range.</exception>
        public RotaryKernel(RotaryConfig config)
        {
            if (config is null) throw new ArgumentNullException(nameof(config));
            RotaryValidation.ThrowIfInvalid(config);
            Config = config;
            _headDim = config.HeadDim;
            _pairs = config.PairCount;
            _attentionFactor = RopeFrequencies.AttentionFactor(config);
            _table = new RotaryTable(RopeFrequencies.InverseFrequencies(config), _attentionFactor, config.Layout);
            if (config.Scaling == RopeScaling.LongRope)
                _longTable = new RotaryTable(RopeFrequencies.InverseFrequencies(config, config.OriginalMaxPositions + 1), _attentionFactor, config.Layout);
        }

        /// <summary>The configuration.</summary>
        public RotaryConfig Config { get; }

        /// <summary>The cos/sin table used within the original context (its cap can be changed).</summary>
        public RotaryTable Table => _table;

        /// <summary>Rotates <paramref name="x"/> <c>[positions.Length, numHeads, HeadDim]</c> in place; the dynamic kinds use max(positions) + 1 as the sequence length.</summary>
        /// <exception cref="ArgumentException">Bad sizes, heads or positions; nothing is written.</exception>
        public void Apply(Span<float> x, ReadOnlySpan<int> positions, int numHeads)
        {
            RotaryGuard.CheckLayout(x.Length, positions.Length, numHeads, _headDim, nameof(x), nameof(numHeads));
            int maxPosition = RotaryGuard.MaxPosition(positions);
            Rotate(x, numHeads, default, 0, positions, maxPosition, maxPosition + 1);
        }

        /// <summary>Rotates <paramref name="x"/> in place with an explicit sequence length for the dynamic kinds.</summary>
        /// <exception cref="ArgumentException">Bad sizes, heads or positions, or a sequence length that does not cover them; nothing is written.</exception>
        public void Apply(Span<float> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength)
        {
            RotaryGuard.CheckLayout(x.Length, positions.Length, numHeads, _headDim, nameof(x), nameof(numHeads));
            int maxPosition = RotaryGuard.MaxPosition(positions);
            RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            Rotate(x, numHeads, default, 0, positions, maxPosition, sequenceLength);
        }

        /// <summary>Rotates queries and keys (grouped-query attention: fewer key heads) in one pass.</summary>
        /// <exception cref="ArgumentException">Bad sizes, heads or positions; nothing is written.</exception>
        public void Apply(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions)
        {
            RotaryGuard.CheckLayout(q.Length, positions.Length, numQueryHeads, _headDim, nameof(q), nameof(numQueryHeads));
            RotaryGuard.CheckLayout(k.Length, positions.Length, numKeyValueHeads, _headDim, nameof(k), nameof(numKeyValueHeads));
            int maxPosition = RotaryGuard.MaxPosition(positions);
            Rotate(q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition, maxPosition + 1);
        }

        /// <summary>Re-rotates cached keys by <paramref name="delta"/> positions, without the attention factor.</summary>
        /// <exception cref="ArgumentException">The length is not a whole number of tokens.</exception>
        /// <exception cref="NotSupportedException">The kind is dynamic (DynamicNtk, LongRope).</exception>
        public void Shift(Span<float> keys, int numHeads, int delta)
        {
            RotaryGuard.ThrowIfDynamicShift(Config);
            int rows = RotaryGuard.TokenCount(keys.Length, numHeads, _headDim, nameof(keys), nameof(numHeads)) * numHeads;
            Span<float> row = new float[_table.Stride];
            _table.ComputeShiftRow(delta, row);
            for (int r = 0; r < rows; r++) RotateHead(keys.Slice(r * _headDim, _headDim), row);
        }

        private void Rotate(Span<float> a, int headsA, Span<float> b, int headsB, ReadOnlySpan<int> positions, int maxPosition, int sequenceLength)
        {
            RotaryTable table = _table;
            if (_longTable is not null && RopeFrequencies.UsesLongFactors(Config, sequenceLength)) table = _longTable;
            else if (RopeFrequencies.IsDynamicNtkStretched(Config, sequenceLength))
                table = new RotaryTable(RopeFrequencies.InverseFrequencies(Config, sequenceLength), _attentionFactor, Config.Layout, 0);

            float[] rows = table.Acquire(maxPosition);
            int stride = table.Stride, cached = rows.Length / stride;
            Span<float> scratch = maxPosition < cached ? default : new float[stride];
            for (int t = 0; t < positions.Length; t++)
            {
                int p = positions[t];
                ReadOnlySpan<float> row = p < cached ? rows.AsSpan(p * stride, stride) : scratch;
                if (p >= cached) table.ComputeRow(p, scratch);
                for (int h = 0; h < headsA; h++) RotateHead(a.Slice((t * headsA + h) * _headDim, _headDim), row);
                for (int h = 0; h < headsB; h++) RotateHead(b.Slice((t * headsB + h) * _headDim, _headDim), row);
            }
        }

        private void RotateHead(Span<float> head, ReadOnlySpan<float> row)
        {
            ref float x = ref MemoryMarshal.GetReference(head);
            ref float r = ref MemoryMarshal.GetReference(row);
            if (Config.Layout == RotaryLayout.HalfSplit) RotateHalfSplit(ref x, ref r, _pairs);
            else RotateInterleaved(ref x, ref r, 2 * _pairs);
        }

        // Pairs (i, i + n): x1' = x1·cos − x2·sin, x2' = x2·cos + x1·sin; cos at row[i], sin at row[n + i].
        private static void RotateHalfSplit(ref float x, ref float row, int n)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i + 8 <= n; i += 8)
                {
                    var x1 = Vector256.LoadUnsafe(ref x, (nuint)i);
                    var x2 = Vector256.LoadUnsafe(ref x, (nuint)(i + n));
                    var c = Vector256.LoadUnsafe(ref row, (nuint)i);
                    var s = Vector256.LoadUnsafe(ref row, (nuint)(i + n));
                    (x1 * c - x2 * s).StoreUnsafe(ref x, (nuint)i);
                    (x2 * c + x1 * s).StoreUnsafe(ref x, (nuint)(i + n));
                }
            }
            if (Vector128.IsHardwareAccelerated)
            {
                for (; i + 4 <= n; i += 4)
                {
                    var x1 = Vector128.LoadUnsafe(ref x, (nuint)i);
                    var x2 = Vector128.LoadUnsafe(ref x, (nuint)(i + n));
                    var c = Vector128.LoadUnsafe(ref row, (nuint)i);
                    var s = Vector128.LoadUnsafe(ref row, (nuint)(i + n));
                    (x1 * c - x2 * s).StoreUnsafe(ref x, (nuint)i);
                    (x2 * c + x1 * s).StoreUnsafe(ref x, (nuint)(i + n));
                }
            }
            for (; i < n; i++) RotatePair(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref x, i + n), Unsafe.Add(ref row, i), Unsafe.Add(ref row, n + i));
        }

        // Pairs (2j, 2j + 1) over d floats: x·cos + swap_pairs(x)·sin with the row's expanded, sign-folded sin.
        private static void RotateInterleaved(ref float x, ref float row, int d)
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i + 8 <= d; i += 8)
                {
                    var v = Vector256.LoadUnsafe(ref x, (nuint)i);
                    var swapped = Vector256.Shuffle(v, Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
                    (v * Vector256.LoadUnsafe(ref row, (nuint)i) + swapped * Vector256.LoadUnsafe(ref row, (nuint)(i + d))).StoreUnsafe(ref x, (nuint)i);
                }
            }
            if (Vector128.IsHardwareAccelerated)
            {
                for (; i + 4 <= d; i += 4)
                {
                    var v = Vector128.LoadUnsafe(ref x, (nuint)i);
                    var swapped = Vector128.Shuffle(v, Vector128.Create(1, 0, 3, 2));
                    (v * Vector128.LoadUnsafe(ref row, (nuint)i) + swapped * Vector128.LoadUnsafe(ref row, (nuint)(i + d))).StoreUnsafe(ref x, (nuint)i);
                }
            }
            for (; i < d; i += 2) RotatePair(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref x, i + 1), Unsafe.Add(ref row, i + 1), Unsafe.Add(ref row, d + i + 1));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void RotatePair(ref float a, ref float b, float cos, float sin)
        {
            float x1 = a, x2 = b;
            a = x1 * cos - x2 * sin;
            b = x2 * cos + x1 * sin;
        }
    }
}
