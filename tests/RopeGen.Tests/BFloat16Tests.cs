using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RopeGen.Tests;

/// <summary>RopeGen.BFloat16 against the bfloat16 format's definition and figures PyTorch gives.</summary>
public class BFloat16Tests
{
    [Fact]
    public void ItIsTwoBytesLaidOutAsPyTorchStoresThem()
    {
        Assert.Equal(2, Unsafe.SizeOf<BFloat16>());
        // torch.tensor([1.0, -2.0], dtype=torch.bfloat16).view(torch.uint8) on a little-endian machine.
        byte[] bytes = { 0x80, 0x3F, 0x00, 0xC0 };
        Span<BFloat16> values = MemoryMarshal.Cast<byte, BFloat16>(bytes.AsSpan());
        Assert.Equal(1f, (float)values[0]);
        Assert.Equal(-2f, (float)values[1]);
        Assert.Equal(0x3F80, BFloat16.FromBits(0x3F80).Bits);
    }

    [Theory]
    [InlineData(1f, 0x3F80)]
    [InlineData(3.14159274f, 0x4049)] // torch.tensor(math.pi).bfloat16() == 3.140625
    [InlineData(0.1f, 0x3DCD)] // 0.10009765625
    [InlineData(-0f, 0x8000)]
    [InlineData(1.00390625f, 0x3F80)] // 1 + 2^-8, halfway between 1 and 1 + 2^-7: to the even one, 1
    [InlineData(1.01171875f, 0x3F82)] // 1 + 3·2^-8, halfway between 1 + 2^-7 and 1 + 2^-6: to the even one, 1 + 2^-6
    [InlineData(1.00390637f, 0x3F81)] // just above halfway: up
    [InlineData(float.MaxValue, 0x7F80)] // above the largest bfloat16 (0x7F7F) by more than half a step: infinity
    [InlineData(float.NegativeInfinity, 0xFF80)]
    [InlineData(1e-45f, 0x0000)] // the smallest float subnormal rounds to zero
    public void FloatsRoundToNearestTiesToEven(float value, int bits)
    {
        Assert.Equal(bits, ((BFloat16)value).Bits);
    }

    [Fact]
    public void WideningIsExact()
    {
        for (int bits = 0; bits < 1 << 16; bits++)
        {
            float value = (float)BFloat16.FromBits((ushort)bits);
            Assert.Equal((uint)bits << 16, BitConverter.SingleToUInt32Bits(value));
            if (!float.IsNaN(value)) Assert.Equal(bits, ((BFloat16)value).Bits);
        }
    }

    [Fact]
    public void NaNStaysNaNWithItsSign()
    {
        BFloat16 nan = (BFloat16)float.NaN, negative = (BFloat16)BitConverter.UInt32BitsToSingle(0xFFC0_0001);
        BFloat16 payloadInLowBitsOnly = (BFloat16)BitConverter.UInt32BitsToSingle(0x7F80_0001); // would truncate to infinity
        Assert.True(BFloat16.IsNaN(nan));
        Assert.True(BFloat16.IsNaN(negative));
        Assert.True(BFloat16.IsNaN(payloadInLowBitsOnly));
        Assert.Equal(1, negative.Bits >> 15);
        Assert.False(BFloat16.IsNaN((BFloat16)float.PositiveInfinity));
    }

    [Fact]
    public void EqualityIsIeeeForOperatorsAndDotNetsConventionForEquals()
    {
        BFloat16 nan = (BFloat16)float.NaN, zero = (BFloat16)0f, negativeZero = (BFloat16)(-0f), one = (BFloat16)1f;
        BFloat16 otherNaN = BFloat16.FromBits(0x7FC1);
        Assert.False(nan == otherNaN);
        Assert.True(nan != otherNaN);
        Assert.True(nan.Equals(otherNaN));
        Assert.True(zero == negativeZero);
        Assert.True(zero.Equals(negativeZero));
        Assert.Equal(zero.GetHashCode(), negativeZero.GetHashCode());
        Assert.Equal(nan.GetHashCode(), BFloat16.FromBits(0xFFC1).GetHashCode());
        Assert.True(one == (BFloat16)1.001f); // the same bfloat16
        Assert.False(one == (BFloat16)1.01f);
        Assert.False(one.Equals((object)1f));
    }

    [Theory]
    [InlineData(3.14159274f, "3.14")]
    [InlineData(1f, "1")]
    [InlineData(0.1f, "0.1")]
    [InlineData(100f, "100")]
    [InlineData(-0f, "-0")]
    [InlineData(65536f, "65500")] // 3 digits tell 2^16 from its neighbours 65280 and 66048 (Half prints 65504 as "65500" too)
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    public void ToStringGivesTheShortestDecimalThatConvertsBack(float value, string expected)
    {
        Assert.Equal(expected, ((BFloat16)value).ToString(null, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EveryFiniteValuePrintsAndParsesBackToItself()
    {
        for (int bits = 0; bits < 1 << 16; bits++)
        {
            BFloat16 value = BFloat16.FromBits((ushort)bits);
            if (!float.IsFinite((float)value)) continue;
            string text = value.ToString(null, CultureInfo.InvariantCulture);
            Assert.Equal(value.Bits, ((BFloat16)float.Parse(text, CultureInfo.InvariantCulture)).Bits);
        }
        Assert.Equal("3,14", ((BFloat16)3.14159274f).ToString(null, CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("3.141", ((BFloat16)3.14159274f).ToString("F3", CultureInfo.InvariantCulture)); // 3.140625
    }
}
