using System;
using System.Runtime.CompilerServices;

namespace RopeGen
{
    /// <summary>
    /// A 16-bit float format's conversions from and to float, one value at a time and as vectors of 32-bit lanes
    /// (<see cref="ILanes{TVector}"/>). The vector forms are bit manipulations with a float add or subtract where the
    /// hardware's rounding does the work: .NET exposes no F16C instructions, and every vector width must give the same
    /// bits as the scalar form.
    /// </summary>
    internal interface ISixteenBitFormat
    {
        static abstract float ToSingle(ushort bits);

        static abstract ushort FromSingle(float value);

        /// <summary>Lanes holding 16-bit values (zero-extended) to the bits of the floats they equal.</summary>
        static abstract TVector ToSingleBits<TLanes, TVector>(TVector bits)
            where TLanes : struct, ILanes<TVector>
            where TVector : struct;

        /// <summary>Lanes holding float bits to the 16-bit values nearest them (ties to even), zero-extended.</summary>
        static abstract TVector FromSingleBits<TLanes, TVector>(TVector bits)
            where TLanes : struct, ILanes<TVector>
            where TVector : struct;
    }

    /// <summary>
    /// IEEE 754 binary16 (<see cref="Half"/>): 1 sign, 5 exponent (bias 15) and 10 fraction bits. The vector forms give
    /// the same bits as .NET's <c>(float)Half</c> and <c>(Half)float</c> casts for every input, NaN payloads included
    /// (NaN is made quiet, as the casts do).
    /// </summary>
    internal readonly struct HalfFormat : ISixteenBitFormat
    {
        public static float ToSingle(ushort bits) => (float)BitConverter.UInt16BitsToHalf(bits);

        public static ushort FromSingle(float value) => BitConverter.HalfToUInt16Bits((Half)value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVector ToSingleBits<TLanes, TVector>(TVector bits)
            where TLanes : struct, ILanes<TVector>
            where TVector : struct
        {
            TVector magnitude = TLanes.And(bits, TLanes.Create(0x7FFF));
            TVector sign = TLanes.ShiftLeft(TLanes.And(bits, TLanes.Create(0x8000)), 16);
            // Exponent and fraction moved to float's places and the exponent rebiased from 15 to 127: right for normal numbers.
            TVector result = TLanes.Add(TLanes.ShiftLeft(magnitude, 13), TLanes.Create(0x3800_0000));
            // Exponent 31 (infinity, NaN) becomes 255; NaN also gets the quiet bit.
            result = TLanes.Add(result, TLanes.And(TLanes.GreaterThan(magnitude, TLanes.Create(0x7BFF)), TLanes.Create(0x3800_0000)));
            result = TLanes.Or(result, TLanes.And(TLanes.GreaterThan(magnitude, TLanes.Create(0x7C00)), TLanes.Create(0x0040_0000)));
            // Exponent 0 (zero, subnormals) means f·2^-24, computed exactly as (2^-14 + f·2^-24) - 2^-14.
            TVector subnormal = TLanes.SubtractAsSingle(TLanes.Add(result, TLanes.Create(0x0080_0000)), TLanes.Create(0x3880_0000));
            result = TLanes.Select(TLanes.GreaterThan(TLanes.Create(0x0400), magnitude), subnormal, result);
            return TLanes.Or(result, sign);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVector FromSingleBits<TLanes, TVector>(TVector bits)
            where TLanes : struct, ILanes<TVector>
            where TVector : struct
        {
            TVector magnitude = TLanes.And(bits, TLanes.Create(0x7FFF_FFFF));
            TVector sign = TLanes.And(TLanes.ShiftRight(bits, 16), TLanes.Create(0x8000));
            TVector truncated = TLanes.ShiftRight(magnitude, 13);
            // Normal results: the 13 dropped fraction bits rounded to nearest even (a carry moves into the exponent),
            // the exponent rebiased from 127 to 15, anything from 65520 up saturated to infinity (0x7C00).
            TVector roundingBias = TLanes.Add(TLanes.Create(0x0FFF), TLanes.And(truncated, TLanes.Create(1)));
            TVector rounded = TLanes.Subtract(TLanes.ShiftRight(TLanes.Add(magnitude, roundingBias), 13), TLanes.Create(0x1_C000));
            TVector result = TLanes.Min(rounded, TLanes.Create(0x7C00));
            // Below 2^-14 the result is a multiple of 2^-24: adding 0.5 (whose unit in the last place is 2^-24) lets the
            // float adder round it to nearest even, and leaves it in the sum's low bits.
            TVector subnormal = TLanes.Subtract(TLanes.AddAsSingle(magnitude, TLanes.Create(0x3F00_0000)), TLanes.Create(0x3F00_0000));
            result = TLanes.Select(TLanes.GreaterThan(TLanes.Create(0x3880_0000), magnitude), subnormal, result);
            // NaN stays NaN: quiet, with the top 9 payload bits.
            TVector nan = TLanes.Or(TLanes.And(truncated, TLanes.Create(0x03FF)), TLanes.Create(0x7E00));
            result = TLanes.Select(TLanes.GreaterThan(magnitude, TLanes.Create(0x7F80_0000)), nan, result);
            return TLanes.Or(result, sign);
        }
    }

    /// <summary>
    /// bfloat16 (<see cref="BFloat16"/>): the upper half of a float. Widening is a shift; narrowing rounds the dropped 16
    /// bits to nearest even, as PyTorch does, and keeps NaN a NaN (see <see cref="BFloat16"/>).
    /// </summary>
    internal readonly struct BFloat16Format : ISixteenBitFormat
    {
        public static float ToSingle(ushort bits) => BitConverter.UInt32BitsToSingle((uint)bits << 16);

        public static ushort FromSingle(float value) => BFloat16.RoundToBits(BitConverter.SingleToUInt32Bits(value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVector ToSingleBits<TLanes, TVector>(TVector bits)
            where TLanes : struct, ILanes<TVector>
            where TVector : struct =>
            TLanes.ShiftLeft(bits, 16);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TVector FromSingleBits<TLanes, TVector>(TVector bits)
            where TLanes : struct, ILanes<TVector>
            where TVector : struct
        {
            // The same steps as BFloat16.RoundToBits, lane by lane.
            TVector upper = TLanes.ShiftRight(bits, 16);
            TVector roundingBias = TLanes.Add(TLanes.Create(0x7FFF), TLanes.And(upper, TLanes.Create(1)));
            TVector rounded = TLanes.ShiftRight(TLanes.Add(bits, roundingBias), 16);
            TVector isNaN = TLanes.GreaterThan(TLanes.And(bits, TLanes.Create(0x7FFF_FFFF)), TLanes.Create(0x7F80_0000));
            return TLanes.Select(isNaN, TLanes.Or(upper, TLanes.Create(0x0040)), rounded);
        }
    }
}
