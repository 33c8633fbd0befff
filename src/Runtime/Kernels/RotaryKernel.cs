using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading.Tasks;

namespace RopeGen
{
    /// <summary>
    /// RoPE kernels for a configuration known only at run time (for example read from a model's config.json): the same
    /// operations as the generated <c>ApplyRotary</c> / <c>ShiftRotary</c>, with the head dim and rotary dim as run-time
    /// values, vectorized (Vector512, Vector256, Vector128, scalar tail) over the pairs. Prefer <c>[Rotary]</c> when the
    /// configuration is known at build time: the generated kernels fold it in as constants.
    /// </summary>
    /// <remarks>
    /// cos/sin rows come from a shared <see cref="RotaryTable"/> (computed in double, stored as float). The dynamic kinds
    /// follow transformers: DynamicNtk stretches its base once the sequence length N exceeds <c>OriginalMaxPositions</c>
    /// (rows are then computed per call from <see cref="RopeFrequencies.InverseFrequencies"/> at that N), and LongRope
    /// switches from its short-factor table to its long-factor table at the same point. Calls that fit in cache (decode)
    /// load each block of cos/sin once for all of a token's heads; larger calls (prefill) go through memory head by head.
    /// Instances are safe to share between threads.
    /// </remarks>
    public sealed partial class RotaryKernel
    {
        // Calls over at most KernelTuning.InCacheFloats work in cache: they rotate a group of heads block by block, each
        // block of cos/sin loaded once for the group, and take 512-bit vectors where accelerated. Larger calls stream
        // from memory: heads in memory order and at most 256-bit vectors. Measured on the AVX-512 development VM: block
        // order made decode 1.6-1.9x faster than head order and prefill 10-20% slower. In-cache groups of about 16 KiB
        // stay in L1 while the blocks pass over them.
        private const int GroupFloats = 4096;

        private readonly RotaryTable _table;
        private readonly RotaryTable? _longTable;
        // _width: the floats a row's cos (and sin) part holds, d/2 half-split or d interleaved (RotaryTable.Width).
        private readonly int _headDim, _width;
        private readonly bool _interleaved;
        private readonly double _attentionFactor;

        /// <summary>Creates the kernel and its tables (filled lazily, on first use).</summary>
        /// <param name="config">The configuration; validated here.</param>
        /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
        /// <exception cref="ArgumentException">The configuration is invalid; the message names each setting and its valid range.</exception>
        public RotaryKernel(RotaryConfig config)
        {
            if (config is null) throw new ArgumentNullException(nameof(config));
            RotaryValidation.ThrowIfInvalid(config);
            Config = config;
            _headDim = config.HeadDim;
            _interleaved = config.Layout == RotaryLayout.Interleaved;
            _attentionFactor = RopeFrequencies.AttentionFactor(config);
            _table = new RotaryTable(RopeFrequencies.InverseFrequencies(config), _attentionFactor, config.Layout);
            _width = _table.Width;
            if (config.Scaling == RopeScaling.LongRope)
                _longTable = new RotaryTable(RopeFrequencies.InverseFrequencies(config, config.OriginalMaxPositions + 1), _attentionFactor, config.Layout);
        }

        /// <summary>The configuration.</summary>
        public RotaryConfig Config { get; }

        /// <summary>The cos/sin table used within the original context (LongRope: the short-factor table). Its cap,
        /// <see cref="RotaryTable.MaxCachedPositions"/>, can be changed.</summary>
        public RotaryTable Table => _table;

        /// <summary>LongRope only: the long-factor table, used once the sequence length exceeds <c>OriginalMaxPositions</c>;
        /// null for the other kinds.</summary>
        public RotaryTable? LongTable => _longTable;

        /// <summary>
        /// Rotates <paramref name="x"/>, laid out <c>[positions.Length, numHeads, HeadDim]</c> row-major, in place; token t
        /// is at position <c>positions[t]</c>. The dynamic kinds use max(positions) + 1 as the sequence length.
        /// </summary>
        /// <exception cref="ArgumentException">The length does not match, a position is negative or <paramref name="numHeads"/> &lt;= 0; nothing is written.</exception>
        public void Apply(Span<float> x, ReadOnlySpan<int> positions, int numHeads)
        {
            RotaryGuard.CheckLayout(x.Length, positions.Length, numHeads, _headDim, nameof(x), nameof(numHeads));
            int maxPosition = RotaryGuard.MaxPosition(positions);
            Rotate(x, numHeads, default, 0, positions, maxPosition, maxPosition + 1);
        }

        /// <summary>
        /// Rotates <paramref name="x"/> like <see cref="Apply(Span{float}, ReadOnlySpan{int}, int)"/>, with an explicit
        /// sequence length that selects the table of the dynamic kinds (DynamicNtk, LongRope); other kinds ignore it.
        /// </summary>
        /// <exception cref="ArgumentException">Bad sizes or positions, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        public void Apply(Span<float> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength)
        {
            RotaryGuard.CheckLayout(x.Length, positions.Length, numHeads, _headDim, nameof(x), nameof(numHeads));
            int maxPosition = RotaryGuard.MaxPosition(positions);
            RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            Rotate(x, numHeads, default, 0, positions, maxPosition, sequenceLength);
        }

        /// <summary>
        /// Rotates queries <paramref name="q"/> <c>[positions.Length, numQueryHeads, HeadDim]</c> and keys <paramref name="k"/>
        /// <c>[positions.Length, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin (grouped-query
        /// attention has fewer key/value heads).
        /// </summary>
        /// <exception cref="ArgumentException">A length does not match, q and k overlap, a position is negative or a head count &lt;= 0; nothing is written.</exception>
        public void Apply(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions) =>
            ApplyFused(q, numQueryHeads, k, numKeyValueHeads, positions, null);

        /// <summary>
        /// Re-rotates <paramref name="keys"/> <c>[tokens, numHeads, HeadDim]</c>, already rotated at their positions, by
        /// <paramref name="delta"/> positions (R(p + delta) = R(delta)·R(p)): a pure rotation without the attention factor,
        /// for attention sinks and context shifts. <paramref name="delta"/> may be negative.
        /// </summary>
        /// <exception cref="ArgumentException">The length is not a whole number of tokens or <paramref name="numHeads"/> &lt;= 0; nothing is written.</exception>
        /// <exception cref="NotSupportedException">The scaling kind is dynamic (DynamicNtk, LongRope): no single shift is correct.</exception>
        public void Shift(Span<float> keys, int numHeads, int delta)
        {
            RotaryGuard.ThrowIfDynamicShift(Config);
            int heads = RotaryGuard.TokenCount(keys.Length, numHeads, _headDim, nameof(keys), nameof(numHeads)) * numHeads;
            int stride = _table.Stride;
            Span<float> row = stride <= KernelTuning.MaxStackRowFloats ? stackalloc float[stride] : new float[stride];
            _table.ComputeShiftRow(delta, row);
            // Every cached head, of every token, takes the same rotation.
            RotateHeads(ref MemoryMarshal.GetReference(row), ref MemoryMarshal.GetReference(keys), heads, keys.Length <= KernelTuning.InCacheFloats);
        }

        private void Rotate(Span<float> a, int headsA, Span<float> b, int headsB, ReadOnlySpan<int> positions, int maxPosition, int sequenceLength) =>
            Rotate(a, HeadView.Contiguous(headsA), b, headsB > 0 ? HeadView.Contiguous(headsB) : default, positions, maxPosition, sequenceLength, null);

        /// <summary>
        /// Rotates a's heads (and b's, if it has any) at each token's position with the table that
        /// <paramref name="sequenceLength"/> selects, once for the whole call: on this thread, or split by tokens when
        /// <paramref name="parallel"/> is given and the call is large enough.
        /// </summary>
        private void Rotate(Span<float> a, HeadView viewA, Span<float> b, HeadView viewB, ReadOnlySpan<int> positions, int maxPosition,
            int sequenceLength, ParallelOptions? parallel)
        {
            RotaryTable table = _table;
            if (_longTable is not null && RopeFrequencies.UsesLongFactors(Config, sequenceLength)) table = _longTable;
            else if (RopeFrequencies.IsDynamicNtkStretched(Config, sequenceLength))
                // The base stretches with every length: rows are computed for this call only (cap 0), never cached.
                table = new RotaryTable(RopeFrequencies.InverseFrequencies(Config, sequenceLength), _attentionFactor, Config.Layout, 0);

            long floats = (long)positions.Length * (viewA.Heads + viewB.Heads) * _headDim;
            var call = new Call(this, table, viewA, viewB, maxPosition, floats <= KernelTuning.InCacheFloats);
            if (parallel is null) RotateTokens(call, a, b, positions, 0, positions.Length);
            else
                RotaryParallel.For(a, b, positions, RotaryParallel.ChunkCount(positions.Length, floats, parallel), parallel, call,
                    static (in Call c, Span<float> a, Span<float> b, ReadOnlySpan<int> p, int first, int end) => c.Kernel.RotateTokens(c, a, b, p, first, end));
        }

        /// <summary>What every chunk of one call shares: the table chosen for the call, the views and the path.</summary>
        private readonly record struct Call(RotaryKernel Kernel, RotaryTable Table, HeadView A, HeadView B, int MaxPosition, bool InCache);

        /// <summary>The token loop over tokens <paramref name="first"/> to <paramref name="end"/> − 1: each token's row is
        /// fetched once and shared by its heads of a and b.</summary>
        private void RotateTokens(in Call call, Span<float> a, Span<float> b, ReadOnlySpan<int> positions, int first, int end)
        {
            RotaryTable table = call.Table;
            float[] rows = table.Acquire(call.MaxPosition);
            int stride = table.Stride, cached = rows.Length / stride;
            // Rows past the cache are computed into a scratch row; most calls never need one.
            Span<float> scratch = call.MaxPosition < cached ? default
                : stride <= KernelTuning.MaxStackRowFloats ? stackalloc float[stride] : new float[stride];
            HeadView viewA = call.A, viewB = call.B;
            // Strides fit in an int once the guard has checked the views against their buffers.
            int tokenA = (int)viewA.TokenStride(_headDim), headA = (int)viewA.HeadStride(_headDim);
            int tokenB = (int)viewB.TokenStride(_headDim), headB = (int)viewB.HeadStride(_headDim);
            ref float aRef = ref Unsafe.Add(ref MemoryMarshal.GetReference(a), viewA.Offset);
            ref float bRef = ref Unsafe.Add(ref MemoryMarshal.GetReference(b), viewB.Offset);
            for (int t = first; t < end; t++)
            {
                int p = positions[t];
                ref float row = ref MemoryMarshal.GetReference(scratch);
                if (p < cached) row = ref rows[p * stride];
                else table.ComputeRow(p, scratch);
                RotateHeads(ref row, ref Unsafe.Add(ref aRef, t * tokenA), viewA.Heads, headA, call.InCache);
                RotateHeads(ref row, ref Unsafe.Add(ref bRef, t * tokenB), viewB.Heads, headB, call.InCache);
            }
        }

        /// <summary>Rotates <paramref name="heads"/> consecutive heads at <paramref name="x"/> with one row.</summary>
        private void RotateHeads(ref float row, ref float x, int heads, bool inCache) => RotateHeads(ref row, ref x, heads, _headDim, inCache);

        /// <summary>Rotates <paramref name="heads"/> heads at <paramref name="x"/>, <paramref name="headStride"/> elements
        /// apart, with one row.</summary>
        private void RotateHeads(ref float row, ref float x, int heads, int headStride, bool inCache)
        {
            if (_interleaved) RotateHeads<Interleaved>(ref row, ref x, heads, headStride, inCache);
            else RotateHeads<HalfSplit>(ref row, ref x, heads, headStride, inCache);
        }

        private void RotateHeads<TLayout>(ref float row, ref float x, int heads, int headStride, bool inCache) where TLayout : struct, ILayout
        {
            if (!inCache)
            {
                Streaming<TLayout>(ref row, ref x, heads, headStride, _width);
                return;
            }
            int group = Math.Max(1, GroupFloats / _headDim);
            for (int h = 0; h < heads; h += group)
                InCache<TLayout>(ref row, ref Unsafe.Add(ref x, h * headStride), Math.Min(group, heads - h), headStride, _width);
        }

        // The entry points below are compiled once, fully optimized, without a profile. With tiered PGO they shared the
        // profile of the block loops they inline: decode (in cache, 512-bit blocks) left the 256-bit loops idle, so they
        // were compiled as cold code, and prefill through them then ran up to 1.35x slower.

        /// <summary>In cache: block by block over all the heads, 512-bit blocks first where accelerated.</summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static void InCache<TLayout>(ref float row, ref float x, int heads, int headStride, int width) where TLayout : struct, ILayout
        {
            int i = Vector512.IsHardwareAccelerated ? TLayout.Blocks<Simd512, Vector512<float>>(ref row, ref x, heads, headStride, width, 0) : 0;
            From<TLayout>(ref row, ref x, heads, headStride, width, i);
        }

        /// <summary>Streaming: one head after the other, in memory order.</summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static void Streaming<TLayout>(ref float row, ref float x, int heads, int headStride, int width) where TLayout : struct, ILayout
        {
            for (int h = 0; h < heads; h++) From<TLayout>(ref row, ref Unsafe.Add(ref x, h * headStride), 1, headStride, width, 0);
        }

        /// <summary>From float <paramref name="i"/> of the row's width on: 256-bit blocks, then 128-bit ones, then the
        /// scalar tail. Every path computes the same result.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void From<TLayout>(ref float row, ref float x, int heads, int headStride, int width, int i) where TLayout : struct, ILayout
        {
            if (Vector256.IsHardwareAccelerated) i = TLayout.Blocks<Simd256, Vector256<float>>(ref row, ref x, heads, headStride, width, i);
            if (Vector128.IsHardwareAccelerated) i = TLayout.Blocks<Simd128, Vector128<float>>(ref row, ref x, heads, headStride, width, i);
            TLayout.Tail(ref row, ref x, heads, headStride, width, i);
        }

        /// <summary>
        /// A layout's rotation of <c>heads</c> heads, <c>headStride</c> elements apart, with a row whose cos part is <c>width</c> floats
        /// (sin follows it), from float <c>i</c> of that width on. Each block's cos/sin is loaded once for all the heads.
        /// </summary>
        private interface ILayout
        {
            /// <summary>Rotates whole blocks of <c>TSimd.Count</c> floats; returns the first float not rotated.</summary>
            static abstract int Blocks<TSimd, TVector>(ref float row, ref float x, int heads, int headStride, int width, int i)
                where TSimd : struct, IPairSimd<TVector>
                where TVector : struct;

            /// <summary>Rotates what is left, one pair at a time.</summary>
            static abstract void Tail(ref float row, ref float x, int heads, int headStride, int width, int i);
        }

        /// <summary>Pairs (j, j + d/2): x1' = x1·cos − x2·sin, x2' = x2·cos + x1·sin, cos at <c>row[j]</c>, sin at <c>row[d/2 + j]</c>.</summary>
        private readonly struct HalfSplit : ILayout
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static int Blocks<TSimd, TVector>(ref float row, ref float x, int heads, int headStride, int width, int i)
                where TSimd : struct, IPairSimd<TVector>
                where TVector : struct =>
                Rotate<TSimd, TVector>(ref row, ref x, heads, headStride, width, i);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static void Tail(ref float row, ref float x, int heads, int headStride, int width, int i) =>
                Rotate<Scalar, float>(ref row, ref x, heads, headStride, width, i);

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private static int Rotate<TSimd, TVector>(ref float row, ref float x, int heads, int headStride, int pairs, int i)
                where TSimd : struct, ISimd<TVector>
                where TVector : struct
            {
                for (; i + TSimd.Count <= pairs; i += TSimd.Count)
                {
                    TVector c = TSimd.Load(ref row, i), s = TSimd.Load(ref row, pairs + i), minusS = TSimd.Negate(s);
                    for (int h = 0; h < heads; h++)
                    {
                        ref float head = ref Unsafe.Add(ref x, h * headStride);
                        TVector x1 = TSimd.Load(ref head, i), x2 = TSimd.Load(ref head, pairs + i);
                        TSimd.Store(TSimd.Rotate(x1, x2, c, minusS), ref head, i);
                        TSimd.Store(TSimd.Rotate(x2, x1, c, s), ref head, pairs + i);
                    }
                }
                return i;
            }
        }

        /// <summary>Pairs (2j, 2j + 1) over d floats: x·cos + swap_pairs(x)·sin with the row's cos repeated per lane and
        /// sin folded in as (−sin, +sin).</summary>
        private readonly struct Interleaved : ILayout
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static int Blocks<TSimd, TVector>(ref float row, ref float x, int heads, int headStride, int d, int i)
                where TSimd : struct, IPairSimd<TVector>
                where TVector : struct
            {
                for (; i + TSimd.Count <= d; i += TSimd.Count)
                {
                    TVector c = TSimd.Load(ref row, i), s = TSimd.Load(ref row, d + i);
                    for (int h = 0; h < heads; h++)
                    {
                        ref float head = ref Unsafe.Add(ref x, h * headStride);
                        TVector v = TSimd.Load(ref head, i);
                        TSimd.Store(TSimd.Rotate(v, TSimd.SwapPairs(v), c, s), ref head, i);
                    }
                }
                return i;
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static void Tail(ref float row, ref float x, int heads, int headStride, int d, int i)
            {
                for (; i < d; i += 2)
                {
                    // The same arithmetic as the vector blocks, for lanes i and i + 1.
                    float c0 = Unsafe.Add(ref row, i), c1 = Unsafe.Add(ref row, i + 1);
                    float s0 = Unsafe.Add(ref row, d + i), s1 = Unsafe.Add(ref row, d + i + 1);
                    for (int h = 0; h < heads; h++)
                    {
                        ref float first = ref Unsafe.Add(ref x, h * headStride + i);
                        ref float second = ref Unsafe.Add(ref first, 1);
                        float x1 = first, x2 = second;
                        first = x1 * c0 + x2 * s0;
                        second = x2 * c1 + x1 * s1;
                    }
                }
            }
        }

        /// <summary>One width's operations, so the block loops are written once; the JIT specializes and inlines them
        /// per width.</summary>
        private interface ISimd<TVector> where TVector : struct
        {
            /// <summary>Floats per vector.</summary>
            static abstract int Count { get; }

            static abstract TVector Load(ref float source, int index);

            static abstract void Store(TVector value, ref float destination, int index);

            /// <summary>x·c + y·s.</summary>
            static abstract TVector Rotate(TVector x, TVector y, TVector c, TVector s);

            static abstract TVector Negate(TVector value);
        }

        /// <summary>A vector width with at least one pair of lanes.</summary>
        private interface IPairSimd<TVector> : ISimd<TVector> where TVector : struct
        {
            /// <summary>Lanes (0, 1), (2, 3), … swapped (implementations are marked for inlining: the shuffle's constant
            /// otherwise makes them too large for the JIT to inline).</summary>
            static abstract TVector SwapPairs(TVector value);
        }

        private readonly struct Simd512 : IPairSimd<Vector512<float>>
        {
            public static int Count => Vector512<float>.Count;
            public static Vector512<float> Load(ref float source, int index) => Vector512.LoadUnsafe(ref source, (nuint)index);
            public static void Store(Vector512<float> value, ref float destination, int index) => value.StoreUnsafe(ref destination, (nuint)index);
            public static Vector512<float> Rotate(Vector512<float> x, Vector512<float> y, Vector512<float> c, Vector512<float> s) => x * c + y * s;
            public static Vector512<float> Negate(Vector512<float> value) => -value;
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector512<float> SwapPairs(Vector512<float> value) =>
                Vector512.Shuffle(value, Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14));
        }

        private readonly struct Simd256 : IPairSimd<Vector256<float>>
        {
            public static int Count => Vector256<float>.Count;
            public static Vector256<float> Load(ref float source, int index) => Vector256.LoadUnsafe(ref source, (nuint)index);
            public static void Store(Vector256<float> value, ref float destination, int index) => value.StoreUnsafe(ref destination, (nuint)index);
            public static Vector256<float> Rotate(Vector256<float> x, Vector256<float> y, Vector256<float> c, Vector256<float> s) => x * c + y * s;
            public static Vector256<float> Negate(Vector256<float> value) => -value;
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector256<float> SwapPairs(Vector256<float> value) => Vector256.Shuffle(value, Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
        }

        private readonly struct Simd128 : IPairSimd<Vector128<float>>
        {
            public static int Count => Vector128<float>.Count;
            public static Vector128<float> Load(ref float source, int index) => Vector128.LoadUnsafe(ref source, (nuint)index);
            public static void Store(Vector128<float> value, ref float destination, int index) => value.StoreUnsafe(ref destination, (nuint)index);
            public static Vector128<float> Rotate(Vector128<float> x, Vector128<float> y, Vector128<float> c, Vector128<float> s) => x * c + y * s;
            public static Vector128<float> Negate(Vector128<float> value) => -value;
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static Vector128<float> SwapPairs(Vector128<float> value) => Vector128.Shuffle(value, Vector128.Create(1, 0, 3, 2));
        }

        /// <summary>One float at a time: the half-split tail (an interleaved pair needs two lanes; see Interleaved.Tail).</summary>
        private readonly struct Scalar : ISimd<float>
        {
            public static int Count => 1;
            public static float Load(ref float source, int index) => Unsafe.Add(ref source, index);
            public static void Store(float value, ref float destination, int index) => Unsafe.Add(ref destination, index) = value;
            public static float Rotate(float x, float y, float c, float s) => x * c + y * s;
            public static float Negate(float value) => -value;
        }
    }
}
