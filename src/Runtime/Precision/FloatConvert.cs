using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RopeGen
{
    /// <summary>
    /// Vectorized conversions between float and the 16-bit float types (<see cref="Half"/>, <see cref="BFloat16"/>),
    /// as the 16-bit kernels use them: Vector512, Vector256 and Vector128 where the machine accelerates them, then one
    /// value at a time. Every path gives the same bits: those of <c>(float)Half</c> and <c>(Half)float</c>, and of
    /// <see cref="BFloat16"/>'s conversions. Narrowing rounds to nearest, ties to even; NaN stays NaN.
    /// </summary>
    public static class FloatConvert
    {
        /// <summary>Widens each value of <paramref name="source"/> into <paramref name="destination"/> (exact).</summary>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>; nothing is written.</exception>
        public static void ToSingle(ReadOnlySpan<Half> source, Span<float> destination)
        {
            CheckDestination(source.Length, destination.Length);
            Widen<HalfFormat>(ref Bits(source), ref MemoryMarshal.GetReference(destination), source.Length);
        }

        /// <summary>Widens each value of <paramref name="source"/> into <paramref name="destination"/> (exact).</summary>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>; nothing is written.</exception>
        public static void ToSingle(ReadOnlySpan<BFloat16> source, Span<float> destination)
        {
            CheckDestination(source.Length, destination.Length);
            Widen<BFloat16Format>(ref Bits(source), ref MemoryMarshal.GetReference(destination), source.Length);
        }

        /// <summary>Rounds each value of <paramref name="source"/> to the nearest <see cref="Half"/> (ties to even; from
        /// 65520 up in magnitude, infinity) into <paramref name="destination"/>.</summary>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>; nothing is written.</exception>
        public static void ToHalf(ReadOnlySpan<float> source, Span<Half> destination)
        {
            CheckDestination(source.Length, destination.Length);
            Narrow<HalfFormat>(ref MemoryMarshal.GetReference(source), ref Bits(destination), source.Length);
        }

        /// <summary>Rounds each value of <paramref name="source"/> to the nearest <see cref="BFloat16"/> (ties to even)
        /// into <paramref name="destination"/>.</summary>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>; nothing is written.</exception>
        public static void ToBFloat16(ReadOnlySpan<float> source, Span<BFloat16> destination)
        {
            CheckDestination(source.Length, destination.Length);
            Narrow<BFloat16Format>(ref MemoryMarshal.GetReference(source), ref Bits(destination), source.Length);
        }

        /// <summary>Widens the values of a 16-bit format (or copies floats) into a destination at least as long, without checks.</summary>
        internal static void Widen<T>(ReadOnlySpan<T> source, Span<float> destination) where T : unmanaged
        {
            if (typeof(T) == typeof(float)) MemoryMarshal.Cast<T, float>(source).CopyTo(destination);
            else if (typeof(T) == typeof(Half)) Widen<HalfFormat>(ref Bits(source), ref MemoryMarshal.GetReference(destination), source.Length);
            else if (typeof(T) == typeof(BFloat16)) Widen<BFloat16Format>(ref Bits(source), ref MemoryMarshal.GetReference(destination), source.Length);
            else throw Unsupported<T>();
        }

        /// <summary>Rounds floats into a 16-bit format (or copies them) without checks.</summary>
        internal static void Narrow<T>(ReadOnlySpan<float> source, Span<T> destination) where T : unmanaged
        {
            if (typeof(T) == typeof(float)) source.CopyTo(MemoryMarshal.Cast<T, float>(destination));
            else if (typeof(T) == typeof(Half)) Narrow<HalfFormat>(ref MemoryMarshal.GetReference(source), ref Bits(destination), source.Length);
            else if (typeof(T) == typeof(BFloat16)) Narrow<BFloat16Format>(ref MemoryMarshal.GetReference(source), ref Bits(destination), source.Length);
            else throw Unsupported<T>();
        }

        /// <summary>Throws unless <typeparamref name="T"/> is float, <see cref="Half"/> or <see cref="BFloat16"/>.</summary>
        internal static void CheckElementType<T>()
        {
            if (typeof(T) != typeof(float) && typeof(T) != typeof(Half) && typeof(T) != typeof(BFloat16)) throw Unsupported<T>();
        }

        private static NotSupportedException Unsupported<T>() =>
            new($"{typeof(T).Name} buffers are not supported; expected float, System.Half or RopeGen.BFloat16.");

        private static ref ushort Bits<T>(ReadOnlySpan<T> span) where T : unmanaged =>
            ref Unsafe.As<T, ushort>(ref MemoryMarshal.GetReference(span));

        private static ref ushort Bits<T>(Span<T> span) where T : unmanaged =>
            ref Unsafe.As<T, ushort>(ref MemoryMarshal.GetReference(span));

        private static void CheckDestination(int sourceLength, int destinationLength)
        {
            if (destinationLength < sourceLength)
                throw new ArgumentException(
                    $"destination has {destinationLength} elements; expected at least {sourceLength}, the length of source.", "destination");
        }

        private static void Widen<TFormat>(ref ushort source, ref float destination, int length) where TFormat : struct, ISixteenBitFormat =>
            Convert<Widening<TFormat>, ushort, float>(ref source, ref destination, length);

        private static void Narrow<TFormat>(ref float source, ref ushort destination, int length) where TFormat : struct, ISixteenBitFormat =>
            Convert<Narrowing<TFormat>, float, ushort>(ref source, ref destination, length);

        /// <summary>The widest accelerated vectors first, then narrower ones, then one value at a time.</summary>
        private static void Convert<TConversion, TFrom, TTo>(ref TFrom source, ref TTo destination, int length)
            where TConversion : struct, IConversion<TFrom, TTo>
        {
            int i = 0;
            if (Vector512.IsHardwareAccelerated) i = TConversion.Blocks<Lanes512, Vector512<uint>>(ref source, ref destination, length, i);
            if (Vector256.IsHardwareAccelerated) i = TConversion.Blocks<Lanes256, Vector256<uint>>(ref source, ref destination, length, i);
            if (Vector128.IsHardwareAccelerated) i = TConversion.Blocks<Lanes128, Vector128<uint>>(ref source, ref destination, length, i);
            for (; i < length; i++) Unsafe.Add(ref destination, i) = TConversion.One(Unsafe.Add(ref source, i));
        }

        /// <summary>One direction of a format's conversion.</summary>
        private interface IConversion<TFrom, TTo>
        {
            /// <summary>Whole blocks of 2 × <c>TLanes.Count</c> values from <c>i</c> on; returns the first value left.</summary>
            static abstract int Blocks<TLanes, TVector>(ref TFrom source, ref TTo destination, int length, int i)
                where TLanes : struct, ILanes<TVector>
                where TVector : struct;

            static abstract TTo One(TFrom value);
        }

        private readonly struct Widening<TFormat> : IConversion<ushort, float> where TFormat : struct, ISixteenBitFormat
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static int Blocks<TLanes, TVector>(ref ushort source, ref float destination, int length, int i)
                where TLanes : struct, ILanes<TVector>
                where TVector : struct
            {
                for (int step = 2 * TLanes.Count; i <= length - step; i += step)
                {
                    (TVector lower, TVector upper) = TLanes.LoadWidened(ref source, i);
                    TLanes.Store(TFormat.ToSingleBits<TLanes, TVector>(lower), ref destination, i);
                    TLanes.Store(TFormat.ToSingleBits<TLanes, TVector>(upper), ref destination, i + TLanes.Count);
                }
                return i;
            }

            public static float One(ushort value) => TFormat.ToSingle(value);
        }

        private readonly struct Narrowing<TFormat> : IConversion<float, ushort> where TFormat : struct, ISixteenBitFormat
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static int Blocks<TLanes, TVector>(ref float source, ref ushort destination, int length, int i)
                where TLanes : struct, ILanes<TVector>
                where TVector : struct
            {
                for (int step = 2 * TLanes.Count; i <= length - step; i += step)
                {
                    TVector lower = TFormat.FromSingleBits<TLanes, TVector>(TLanes.Load(ref source, i));
                    TVector upper = TFormat.FromSingleBits<TLanes, TVector>(TLanes.Load(ref source, i + TLanes.Count));
                    TLanes.StoreNarrowed(lower, upper, ref destination, i);
                }
                return i;
            }

            public static ushort One(float value) => TFormat.FromSingle(value);
        }
    }
}
