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
        /// <summary>The default cap on cached positions: 65,536, or fewer for rows wider than 2 KiB (head dims above 256
        /// interleaved), so that the default never caches more than 128 MiB.</summary>
        public const int DefaultMaxCachedPositions = 1 << 16;

        private const long DefaultMaxCachedBytes = 128L << 20;

        // Growth rounds up to a block of 1,024 rows, or of 2 MiB when rows are wider than 2 KiB (head dims above 256
        // interleaved), so a huge head does not allocate 1,024 rows for one position.
        private const int BlockRows = 1024;
        private const int BlockBytes = 2 << 20;

        private readonly double[] _theta;
        private readonly double _attentionFactor;
        private readonly object _growLock = new();
        private readonly int _blockRows;
        private float[] _rows = Array.Empty<float>();
        private int _maxCachedPositions;

        /// <summary>Creates an empty table; rows are computed when first acquired.</summary>
        /// <param name="inverseFrequencies">θ_i for each of the d/2 pairs.</param>
        /// <param name="attentionFactor">Multiplies every cos and sin.</param>
        /// <param name="layout">Selects the row format (see remarks).</param>
        /// <param name="maxCachedPositions">Positions at or beyond this are never cached (see <see cref="MaxCachedPositions"/>);
        /// at most <see cref="MaxCachedPositionsLimit"/>. The default is lowered for rows wider than 2 KiB, to 128 MiB of rows.</param>
        /// <exception cref="ArgumentException"><paramref name="inverseFrequencies"/> is empty, or a row would not fit in an array.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCachedPositions"/> is negative or above the limit.</exception>
        public RotaryTable(ReadOnlySpan<double> inverseFrequencies, double attentionFactor, RotaryLayout layout,
            int maxCachedPositions = DefaultMaxCachedPositions)
        {
            if (inverseFrequencies.IsEmpty)
                throw new ArgumentException("inverseFrequencies is empty; expected one frequency per rotation pair.", nameof(inverseFrequencies));
            _theta = inverseFrequencies.ToArray();
            _attentionFactor = attentionFactor;
            Layout = layout;
            long width = RotaryRows.Width(layout, _theta.Length);
            if (2 * width > Array.MaxLength)
                throw new ArgumentException(
                    $"inverseFrequencies has {_theta.Length} pairs; a {layout} table row of {2 * width} floats would not fit in an array (at most {Array.MaxLength} elements).",
                    nameof(inverseFrequencies));
            Width = (int)width;
            _blockRows = (int)Math.Clamp(BlockBytes / (Stride * (long)sizeof(float)), 1, BlockRows);
            MaxCachedPositions = maxCachedPositions == DefaultMaxCachedPositions
                ? (int)Math.Min(maxCachedPositions, DefaultMaxCachedBytes / (Stride * (long)sizeof(float)))
                : maxCachedPositions;
        }

        /// <summary>The row format.</summary>
        public RotaryLayout Layout { get; }

        /// <summary>Floats in the cos half of a row (and in the sin half): d/2 half-split, d interleaved.</summary>
        public int Width { get; }

        /// <summary>Floats per row: 2 × <see cref="Width"/>.</summary>
        public int Stride => 2 * Width;

        /// <summary>
        /// The cap on cached positions: the table never grows past it, and rows at or beyond it are computed on demand.
        /// Lowering it later does not free rows already cached. It may change while other threads use the table.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is negative or above <see cref="MaxCachedPositionsLimit"/>.</exception>
        public int MaxCachedPositions
        {
            get => Volatile.Read(ref _maxCachedPositions);
            set
            {
                if (value < 0)
                    throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxCachedPositions is {value}; expected 0 or more.");
                if (value > MaxCachedPositionsLimit)
                    throw new ArgumentOutOfRangeException(nameof(value), value,
                        $"MaxCachedPositions is {value}; a table holds at most {MaxCachedPositionsLimit} positions of {Stride} floats (its rows share one array of at most {Array.MaxLength} elements), so expected 0 to {MaxCachedPositionsLimit}.");
                Volatile.Write(ref _maxCachedPositions, value);
            }
        }

        /// <summary>The most positions a table can cache: its rows share one array of at most <see cref="Array.MaxLength"/>
        /// floats (for d = 128 half-split, about 16.7 million positions, 8 GiB).</summary>
        public int MaxCachedPositionsLimit => Array.MaxLength / Stride;

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
            long wanted = maxPosition + 1L; // long: maxPosition may be int.MaxValue
            return Math.Min(wanted, MaxCachedPositions) <= rows.Length / Stride ? rows : Grow(wanted);
        }

        /// <summary>Writes the row of <paramref name="position"/> (any position, cached or not) into <paramref name="row"/>.</summary>
        public void ComputeRow(long position, Span<float> row) => WriteRow(position, _attentionFactor, row);

        /// <summary>Writes the row of a pure rotation by <paramref name="delta"/> positions, without the attention factor
        /// (for re-rotating cached keys).</summary>
        public void ComputeShiftRow(long delta, Span<float> row) => WriteRow(delta, 1.0, row);

        private float[] Grow(long wanted)
        {
            lock (_growLock)
            {
                float[] old = _rows;
                int have = old.Length / Stride;
                // The cap is read once: another thread may lower it meanwhile, and rows already cached are kept.
                int cap = MaxCachedPositions;
                long needed = Math.Min(wanted, cap);
                if (needed <= have) return old;
                // Round up to a block and at least double, so decode loops grow O(log n) times.
                long target = Math.Max((needed + _blockRows - 1) / _blockRows * _blockRows, 2L * have);
                int count = (int)Math.Min(target, cap);
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
