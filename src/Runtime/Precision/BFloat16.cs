using System;
using System.Globalization;

namespace RopeGen
{
    /// <summary>
    /// bfloat16, the 16-bit float of TPUs and of most LLM checkpoints: the upper half of a float (1 sign, 8 exponent and
    /// 7 fraction bits), so it has float's range with about 3 significant digits. Bit-compatible with PyTorch's
    /// <c>torch.bfloat16</c> and ONNX Runtime's <c>BFloat16</c>: reinterpret their buffers with
    /// <c>MemoryMarshal.Cast&lt;ushort, BFloat16&gt;</c> (or from bytes) and back.
    /// </summary>
    /// <remarks>
    /// Conversion from float rounds to nearest, ties to even, exactly as PyTorch does for every number; values beyond
    /// the largest bfloat16 (about 3.39e38) round to infinity. NaN stays NaN: its sign and top payload bits are kept and
    /// the quiet bit is set (PyTorch's scalar conversion returns 0x7FC0 for every NaN instead; both are NaN). Conversion
    /// to float is exact. <c>==</c> compares values as IEEE 754 does (NaN is unequal to everything, −0 equals +0);
    /// <see cref="Equals(BFloat16)"/> follows .NET's convention for floats (NaN equals NaN), like <see cref="Half"/>.
    /// </remarks>
    public readonly struct BFloat16 : IEquatable<BFloat16>, IFormattable
    {
        private readonly ushort _bits;

        private BFloat16(ushort bits) => _bits = bits;

        /// <summary>The value with the given bit pattern (as PyTorch stores it in a <c>uint16</c>).</summary>
        public static BFloat16 FromBits(ushort bits) => new(bits);

        /// <summary>The bit pattern: the upper 16 bits of the float this value equals.</summary>
        public ushort Bits => _bits;

        /// <summary>Whether the value is NaN.</summary>
        public static bool IsNaN(BFloat16 value) => (value._bits & 0x7FFF) > 0x7F80;

        /// <summary>The float equal to <paramref name="value"/> (exact).</summary>
        public static explicit operator float(BFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value._bits << 16);

        /// <summary>The bfloat16 nearest to <paramref name="value"/>, ties to even; NaN stays NaN.</summary>
        public static explicit operator BFloat16(float value) => new(RoundToBits(BitConverter.SingleToUInt32Bits(value)));

        /// <summary>IEEE 754 equality: false if either is NaN; −0 equals +0.</summary>
        public static bool operator ==(BFloat16 left, BFloat16 right) => (float)left == (float)right;

        /// <summary>IEEE 754 inequality: true if either is NaN.</summary>
        public static bool operator !=(BFloat16 left, BFloat16 right) => (float)left != (float)right;

        /// <summary>Whether both are the same number, NaN equal to NaN and −0 to +0 (as <see cref="float.Equals(float)"/>).</summary>
        public bool Equals(BFloat16 other) => ((float)this).Equals((float)other);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is BFloat16 other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => ((float)this).GetHashCode();

        /// <summary>The shortest decimal that converts back to this value, in the current culture (for example "3.14"
        /// for the bfloat16 nearest 3.14159, which is 3.140625).</summary>
        public override string ToString() => ToString(null, null);

        /// <summary>
        /// Formats the value: with a null or empty <paramref name="format"/>, the shortest decimal that converts back to
        /// this value; otherwise as the float it equals, formatted with <paramref name="format"/>.
        /// </summary>
        public string ToString(string? format, IFormatProvider? formatProvider)
        {
            float value = (float)this;
            if (!string.IsNullOrEmpty(format) || !float.IsFinite(value)) return value.ToString(format, formatProvider);
            // bfloat16 has 8 significant bits: 2 to 4 significant digits always tell it apart from its neighbours.
            for (int digits = 1; digits < 9; digits++)
            {
                // The nearest float to the short decimal prints as that decimal, in plain notation where float does.
                float candidate = float.Parse(value.ToString("G" + digits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (RoundToBits(BitConverter.SingleToUInt32Bits(candidate)) == _bits) return candidate.ToString(formatProvider);
            }
            return value.ToString(formatProvider);
        }

        /// <summary>The bits of the bfloat16 nearest to the float with bits <paramref name="bits"/>: the lower 16 bits
        /// rounded to nearest, ties to even (a carry moves into the exponent; past the largest finite value, infinity).</summary>
        internal static ushort RoundToBits(uint bits)
        {
            if ((bits & 0x7FFF_FFFF) > 0x7F80_0000) return (ushort)((bits >> 16) | 0x0040);
            return (ushort)((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16);
        }
    }
}
