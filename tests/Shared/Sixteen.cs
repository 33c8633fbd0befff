using System;
using System.Linq;

namespace RopeGen.Testing;

/// <summary>
/// Element helpers for float, Half and BFloat16 buffers, built on the scalar casts (.NET's Half casts and BFloat16's
/// operators), not on the vectorized FloatConvert the kernels use. Shared by the kernel and runtime tests.
/// </summary>
internal static class Sixteen
{
    public static float ToFloat<T>(T value) => value switch
    {
        float f => f,
        Half h => (float)h,
        BFloat16 b => (float)b,
        _ => throw new NotSupportedException(typeof(T).Name),
    };

    public static T FromFloat<T>(float value)
    {
        if (typeof(T) == typeof(Half)) return (T)(object)(Half)value;
        if (typeof(T) == typeof(BFloat16)) return (T)(object)(BFloat16)value;
        return (T)(object)value;
    }

    public static uint Bits<T>(T value) => value switch
    {
        float f => BitConverter.SingleToUInt32Bits(f),
        Half h => BitConverter.HalfToUInt16Bits(h),
        BFloat16 b => b.Bits,
        _ => throw new NotSupportedException(typeof(T).Name),
    };

    /// <summary>Each value rounded to <typeparamref name="T"/>.</summary>
    public static T[] Round<T>(float[] values) => values.Select(FromFloat<T>).ToArray();

    public static float[] Widen<T>(T[] values) => values.Select(ToFloat).ToArray();

    /// <summary>One unit in the last place of <typeparamref name="T"/> at magnitude <paramref name="value"/>.</summary>
    public static double Ulp<T>(double value)
    {
        (int fractionBits, int minExponent) = typeof(T) == typeof(Half) ? (10, -14) : typeof(T) == typeof(BFloat16) ? (7, -126) : (23, -126);
        int exponent = value == 0 ? minExponent : Math.Max(Math.ILogB(value), minExponent);
        return Math.ScaleB(1.0, exponent - fractionBits);
    }

    /// <summary>
    /// A cache after a cache write of rows <paramref name="row"/> long: row <c>slots[t]</c> holds token t of
    /// <paramref name="expected"/> rounded once (<see cref="AssertRoundedOnce{T}"/>), every other row is as it was.
    /// </summary>
    public static void AssertCacheRows<T>(T[] cache, T[] before, int[] slots, int row, float[] expected, double[] exact, string what)
    {
        for (int slot = 0; slot < cache.Length / row; slot++)
        {
            int t = Array.IndexOf(slots, slot);
            Span<T> written = cache.AsSpan(slot * row, row);
            if (t < 0) Assert.True(written.SequenceEqual(before.AsSpan(slot * row, row)), $"{what}: cache row {slot} was not to be written");
            else AssertRoundedOnce<T>(written, expected.AsSpan(t * row, row), exact.AsSpan(t * row, row), $"{what}, cache row {slot}");
        }
    }

    /// <summary>
    /// The bounds for one result: the bits of <paramref name="floatResult"/> (the float kernel on the decoded input)
    /// rounded once to <typeparamref name="T"/>; and within one unit in the last place of <typeparamref name="T"/>, plus the
    /// float kernel's own 2e-6, of the exact double rotation <paramref name="reference"/>.
    /// </summary>
    public static void AssertRoundedOnce<T>(ReadOnlySpan<T> actual, ReadOnlySpan<float> floatResult, ReadOnlySpan<double> reference, string what = "")
    {
        Assert.Equal(floatResult.Length, actual.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            uint expected = Bits(FromFloat<T>(floatResult[i])), got = Bits(actual[i]);
            if (expected != got)
                Assert.Fail($"{what}[{i}]: expected 0x{expected:X} (the float result {floatResult[i]:R} rounded once), got 0x{got:X} ({ToFloat(actual[i]):R})");
            double value = ToFloat(actual[i]), error = Math.Abs(value - reference[i]);
            if (error > Ulp<T>(Math.Max(Math.Abs(value), Math.Abs(reference[i]))) + 2e-6)
                Assert.Fail($"{what}[{i}]: {value:R} is {error:G3} from the exact {reference[i]:R}");
        }
    }
}
