using System;
using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Gpu.Tests;

/// <summary>
/// The kernels' 16-bit conversions (the generated <see cref="GpuMath"/>, run here on the host) give the bits of .NET's
/// Half casts and of <see cref="BFloat16"/>'s operators, which the CPU kernels give too: every 16-bit value widened, and
/// floats of every kind rounded (ties, subnormals, overflow, infinities, NaN payloads).
/// </summary>
public class GpuMathTests
{
    /// <summary>Floats around every 16-bit value of a format: the value, halfway to its neighbours (ties) and a hair off them.</summary>
    private static IEnumerable<float> AroundEvery(Func<ushort, float> widen)
    {
        for (int bits = 0; bits < 0x10000; bits++)
        {
            float value = widen((ushort)bits), next = widen((ushort)(bits + 1));
            yield return value;
            if (!float.IsFinite(value) || !float.IsFinite(next) || Math.Sign(value) != Math.Sign(next)) continue;
            float middle = (float)(((double)value + next) / 2);
            yield return middle;
            yield return MathF.BitIncrement(middle);
            yield return MathF.BitDecrement(middle);
        }
    }

    /// <summary>Random float bit patterns: every exponent, NaNs with payloads, infinities and zeros included.</summary>
    private static IEnumerable<float> RandomBits(int count)
    {
        var rng = new Random(17);
        for (int i = 0; i < count; i++) yield return BitConverter.Int32BitsToSingle(rng.Next(int.MinValue, int.MaxValue));
        yield return float.PositiveInfinity;
        yield return float.NegativeInfinity;
        yield return -0f;
        yield return 65504f;
        yield return 65519.996f;
        yield return 65520f;
    }

    [Fact]
    public void EveryHalfWidensToTheFloatOfTheCast()
    {
        for (int bits = 0; bits < 0x10000; bits++)
        {
            uint expected = BitConverter.SingleToUInt32Bits((float)BitConverter.UInt16BitsToHalf((ushort)bits));
            Assert.Equal(expected, BitConverter.SingleToUInt32Bits(GpuMath.FromHalf((ushort)bits)));
        }
    }

    [Fact]
    public void FloatsRoundToTheHalfOfTheCast()
    {
        int checkedValues = 0;
        foreach (float value in AroundEvery(b => (float)BitConverter.UInt16BitsToHalf(b)).Concat(RandomBits(2_000_000)))
        {
            ushort expected = BitConverter.HalfToUInt16Bits((Half)value), actual = GpuMath.ToHalf(value);
            if (expected != actual) Assert.Fail($"{value:R} (0x{BitConverter.SingleToUInt32Bits(value):X8}): expected 0x{expected:X4}, got 0x{actual:X4}");
            checkedValues++;
        }
        Assert.True(checkedValues > 2_200_000);
    }

    [Fact]
    public void EveryBFloat16WidensToItsFloat()
    {
        for (int bits = 0; bits < 0x10000; bits++)
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)BFloat16.FromBits((ushort)bits)), BitConverter.SingleToUInt32Bits(GpuMath.FromBFloat16((ushort)bits)));
    }

    [Fact]
    public void FloatsRoundToTheBFloat16OfItsConversion()
    {
        foreach (float value in AroundEvery(b => (float)BFloat16.FromBits(b)).Concat(RandomBits(2_000_000)))
        {
            ushort expected = ((BFloat16)value).Bits, actual = GpuMath.ToBFloat16(value);
            if (expected != actual) Assert.Fail($"{value:R} (0x{BitConverter.SingleToUInt32Bits(value):X8}): expected 0x{expected:X4}, got 0x{actual:X4}");
        }
    }
}
