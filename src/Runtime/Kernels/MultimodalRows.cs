using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RopeGen
{
    /// <summary>
    /// Composes M-RoPE cos/sin rows. A token has three position ids (temporal, height, width); each rotation pair takes
    /// its cos and sin from the <see cref="RotaryTable"/> row of its own axis's id (<see cref="MultimodalAxes"/>). The
    /// composed row has the table's row format, so the plain rotation applies it unchanged; a token whose three ids are
    /// equal (text) gets the table row itself, which makes it plain RoPE bit for bit. The generated
    /// <c>ApplyMultimodalRotary</c> and <see cref="RotaryKernel.ApplyMultimodal(Span{float}, ReadOnlySpan{int}, int)"/>
    /// read their rows through it. Immutable; safe to share between threads.
    /// </summary>
    public sealed class MultimodalRows
    {
        // Per float of a row (cos half and sin half alike): all bits set where the float's pair turns with that axis.
        private readonly int[] _height, _width;

        /// <summary>Prepares the composition for rows of <paramref name="layout"/> and the given sections.</summary>
        /// <param name="layout">The table's row format.</param>
        /// <param name="sections">Pairs per axis, temporal, height, width (<c>rope_scaling.mrope_section</c>); their sum is the pair count.</param>
        /// <param name="interleaved">Qwen3-VL's interleaved assignment (<c>mrope_interleaved</c>) instead of contiguous sections.</param>
        /// <exception cref="ArgumentException">The layout is undefined, or not three positive sections.</exception>
        public MultimodalRows(RotaryLayout layout, IReadOnlyList<int> sections, bool interleaved)
        {
            if (layout != RotaryLayout.HalfSplit && layout != RotaryLayout.Interleaved)
                throw new ArgumentException($"layout is {(int)layout}, which is not a RotaryLayout value; expected HalfSplit or Interleaved.", nameof(layout));
            int[] axes = MultimodalAxes.PairAxes(sections, interleaved);
            int width = (int)RotaryRows.Width(layout, axes.Length);
            Stride = 2 * width;
            _height = new int[Stride];
            _width = new int[Stride];
            for (int k = 0; k < Stride; k++)
            {
                int lane = k % width;
                int axis = axes[layout == RotaryLayout.Interleaved ? lane / 2 : lane];
                _height[k] = axis == MultimodalAxes.Height ? -1 : 0;
                _width[k] = axis == MultimodalAxes.Width ? -1 : 0;
            }
        }

        /// <summary>Prepares the composition for an M-RoPE configuration's sections and layout.</summary>
        /// <exception cref="ArgumentException">The configuration has no <see cref="RotaryConfig.MRopeSections"/>, or they are invalid.</exception>
        public MultimodalRows(RotaryConfig config)
            : this(config?.Layout ?? throw new ArgumentNullException(nameof(config)),
                config.MRopeSections ?? throw new ArgumentException("config has no MRopeSections; expected an M-RoPE configuration (rope_scaling.mrope_section).", nameof(config)),
                config.MRopeInterleaved)
        {
        }

        /// <summary>Floats per row: the <see cref="RotaryTable.Stride"/> of the tables this composes from.</summary>
        public int Stride { get; }

        /// <summary>Floats of scratch that <see cref="Begin"/> needs: three computed rows (positions past the table's
        /// cap) and the composed one.</summary>
        public int ScratchLength => 4 * Stride;

        /// <summary>
        /// Starts reading rows from <paramref name="table"/> for positions up to <paramref name="maxPosition"/> (rows
        /// past the table's cap are computed on demand into <paramref name="scratch"/>).
        /// </summary>
        /// <exception cref="ArgumentException">The table's row format differs, or <paramref name="scratch"/> is shorter than <see cref="ScratchLength"/>.</exception>
        public MultimodalRowReader Begin(RotaryTable table, int maxPosition, Span<float> scratch)
        {
            if (table is null) throw new ArgumentNullException(nameof(table));
            if (table.Stride != Stride)
                throw new ArgumentException($"table has rows of {table.Stride} floats; expected {Stride}, the rows of these sections and layout.", nameof(table));
            if (scratch.Length < ScratchLength)
                throw new ArgumentException($"scratch has {scratch.Length} floats; expected at least {ScratchLength} (ScratchLength).", nameof(scratch));
            return new MultimodalRowReader(this, table, table.Acquire(maxPosition), scratch);
        }

        /// <summary>Writes the row whose pairs come from <paramref name="temporal"/>, <paramref name="height"/> and
        /// <paramref name="width"/> by axis: a bitwise select, so every value is copied exactly.</summary>
        internal void Compose(ref float temporal, ref float height, ref float width, ref float destination)
        {
            ref int heightMask = ref MemoryMarshal.GetArrayDataReference(_height);
            ref int widthMask = ref MemoryMarshal.GetArrayDataReference(_width);
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                for (; i + Vector<float>.Count <= Stride; i += Vector<float>.Count)
                {
                    nuint at = (nuint)i;
                    Vector<float> composed = Vector.ConditionalSelect(Vector.LoadUnsafe(ref heightMask, at), Vector.LoadUnsafe(ref height, at),
                        Vector.ConditionalSelect(Vector.LoadUnsafe(ref widthMask, at), Vector.LoadUnsafe(ref width, at), Vector.LoadUnsafe(ref temporal, at)));
                    composed.StoreUnsafe(ref destination, at);
                }
            }
            for (; i < Stride; i++)
            {
                Unsafe.Add(ref destination, i) =
                    _height[i] != 0 ? Unsafe.Add(ref height, i)
                    : _width[i] != 0 ? Unsafe.Add(ref width, i)
                    : Unsafe.Add(ref temporal, i);
            }
        }
    }

    /// <summary>
    /// The rows of one kernel call (from <see cref="MultimodalRows.Begin"/>): the table's cached rows, acquired once,
    /// and scratch for rows computed on demand and for the composed row.
    /// </summary>
    public readonly ref struct MultimodalRowReader
    {
        private readonly MultimodalRows _rows;
        private readonly RotaryTable _table;
        private readonly float[] _cache;
        private readonly int _cached;
        private readonly Span<float> _scratch;

        internal MultimodalRowReader(MultimodalRows rows, RotaryTable table, float[] cache, Span<float> scratch)
        {
            _rows = rows;
            _table = table;
            _cache = cache;
            _cached = cache.Length / rows.Stride;
            _scratch = scratch;
        }

        /// <summary>
        /// The cos/sin row of a token at these position ids (each 0 or more): the table's own row when the three are
        /// equal, else the composed row, valid until the next call.
        /// </summary>
        public ref float Row(int temporal, int height, int width)
        {
            ref float t = ref Fetch(temporal, 0);
            if (height == temporal && width == temporal) return ref t;
            ref float composed = ref _scratch[3 * _rows.Stride];
            _rows.Compose(ref t, ref Fetch(height, 1), ref Fetch(width, 2), ref composed);
            return ref composed;
        }

        /// <summary>The cached row of <paramref name="position"/>, or the row computed into scratch slot <paramref name="slot"/>.</summary>
        private ref float Fetch(int position, int slot)
        {
            int stride = _rows.Stride;
            if (position < _cached) return ref _cache[position * stride];
            Span<float> row = _scratch.Slice(slot * stride, stride);
            _table.ComputeRow(position, row);
            return ref MemoryMarshal.GetReference(row);
        }
    }
}
