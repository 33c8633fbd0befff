using System;
using System.Threading;

namespace RopeGen
{
    /// <summary>
    /// A cos/sin table, one row per position, computed in double and stored as float with the attention factor folded
    /// in. It grows lazily, in blocks, to the positions actually used, up to <see cref="MaxCachedPositions"/>; rows past
    /// that are computed on demand with <see cref="ComputeRow"/>. Safe to share between threads and kernels.
    /// </summary>
    /// <remarks>
    /// A row is <c>[cos | sin]</c>, each <see cref="Width"/> floats. Half-split: <c>cos[i] = s·cos(pθ_i)</c> and
    /// <c>sin[i] = s·sin(pθ_i)</c> for the d/2 pairs. Interleaved: each value is expanded to its two lanes,
    /// <c>cos = [c_0, c_0, c_1, c_1, …]</c> and <c>sin = [−s_0, +s_0, −s_1, +s_1, …]</c>, so a kernel rotates a vector
    /// as <c>x·cos + swap_pairs(x)·sin</c>. Memory: <see cref="Stride"/> × 4 bytes per cached position
    /// (d = 128: 512 bytes half-split, 1 KiB interleaved).
    /// </remarks>
    public sealed class RotaryTable
    {
        /// <summary>The default cap on cached positions: 65,536.</summary>
        public const int DefaultMaxCachedPositions = 1 << 16;

        private const int Block = 1024;

        private readonly double[] _theta;
        private readonly double _attentionFactor;
        private readonly object _growLock = new();
        private float[] _rows = Array.Empty<float>();
        private int _maxCachedPositions;

        /// <summary>Creates an empty table; rows are computed when first acquired.</summary>
        /// <param name="inverseFrequencies">θ_i for each of the d/2 pairs.</param>
        /// <param name="attentionFactor">Multiplies every cos and sin.</param>
        /// <param name="layout">Selects the row format (see remarks).</param>
        /// <param name="maxCachedPositions">Positions at or beyond this are never cached (see <see cref="MaxCachedPositions"/>).</param>
        public RotaryTable(ReadOnlySpan<double> inverseFrequencies, double attentionFactor, RotaryLayout layout,
            int maxCachedPositions = DefaultMaxCachedPositions)
        {
            if (inverseFrequencies.IsEmpty)
                throw new ArgumentException("inverseFrequencies is empty; expected one frequency per rotation pair.", nameof(inverseFrequencies));
            _theta = inverseFrequencies.ToArray();
            _attentionFactor = attentionFactor;
            Layout = layout;
            Width = layout == RotaryLayout.Interleaved ? 2 * _theta.Length : _theta.Length;
            MaxCachedPositions = maxCachedPositions;
        }

        /// <summary>The row format.</summary>
        public RotaryLayout Layout { get; }

        /// <summary>Floats in the cos half of a row (and in the sin half): d/2 half-split, d interleaved.</summary>
        public int Width { get; }

        /// <summary>Floats per row: 2 × <see cref="Width"/>.</summary>
        public int Stride => 2 * Width;

        /// <summary>
        /// The cap on cached positions: the table never grows past it, and rows at or beyond it are computed on demand.
        /// Lowering it later does not free rows already cached.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
        public int MaxCachedPositions
        {
            get => Volatile.Read(ref _maxCachedPositions);
            set
            {
                if (value < 0)
                    throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxCachedPositions is {value}; expected 0 or more.");
                Volatile.Write(ref _maxCachedPositions, value);
            }
        }

        /// <summary>Positions cached so far.</summary>
        public int CachedPositions => Volatile.Read(ref _rows).Length / Stride;

        /// <summary>Bytes held by the cached rows.</summary>
        public long MemoryBytes => (long)Volatile.Read(ref _rows).Length * sizeof(float);

        /// <summary>
        /// Returns the rows, covering at least positions 0 .. min(<paramref name="maxPosition"/>, cap − 1); row p starts
        /// at <c>p × Stride</c>, and <c>length / Stride</c> rows are valid. The array is never written after it is
        /// returned; growth publishes a new one.
        /// </summary>
        public float[] Acquire(int maxPosition)
        {
            float[] rows = Volatile.Read(ref _rows);
            int needed = (int)Math.Min(maxPosition + 1L, MaxCachedPositions); // long: maxPosition may be int.MaxValue
            return needed <= rows.Length / Stride ? rows : Grow(needed);
        }

        /// <summary>Writes the row of <paramref name="position"/> (any position, cached or not) into <paramref name="row"/>.</summary>
        public void ComputeRow(long position, Span<float> row) => WriteRow(position, _attentionFactor, row);

        /// <summary>Writes the row of a pure rotation by <paramref name="delta"/> positions, without the attention factor
        /// (for re-rotating cached keys).</summary>
        public void ComputeShiftRow(long delta, Span<float> row) => WriteRow(delta, 1.0, row);

        private float[] Grow(int needed)
        {
            lock (_growLock)
            {
                float[] old = _rows;
                int have = old.Length / Stride;
                if (needed <= have) return old;
                // Round up to a block and at least double, so decode loops grow O(log n) times.
                long target = Math.Max((long)(needed + Block - 1) / Block * Block, 2L * have);
                int count = (int)Math.Min(target, MaxCachedPositions);
                var rows = new float[(long)count * Stride];
                old.AsSpan().CopyTo(rows);
                for (int p = have; p < count; p++)
                    WriteRow(p, _attentionFactor, rows.AsSpan(p * Stride, Stride));
                Volatile.Write(ref _rows, rows);
                return rows;
            }
        }

        private void WriteRow(long position, double scale, Span<float> row)
        {
            if (row.Length < Stride)
                throw new ArgumentException($"row has {row.Length} elements; expected at least {Stride}.", nameof(row));
            int pairs = _theta.Length;
            Span<float> cos = row.Slice(0, Width), sin = row.Slice(Width, Width);
            for (int i = 0; i < pairs; i++)
            {
                (double s, double c) = Math.SinCos(position * _theta[i]);
                float fc = (float)(c * scale), fs = (float)(s * scale);
                if (Layout == RotaryLayout.Interleaved)
                {
                    cos[2 * i] = fc;
                    cos[2 * i + 1] = fc;
                    sin[2 * i] = -fs;
                    sin[2 * i + 1] = fs;
                }
                else
                {
                    cos[i] = fc;
                    sin[i] = fs;
                }
            }
        }
    }
}
