using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace RopeGen.Kernels.Tests;

/// <summary>
/// The vectorized 16-bit conversions against independent references: .NET's own Half casts, and bfloat16 rounding
/// computed in double from the two neighbouring bfloat16 values. .ci/run repeats these on the 256-bit, 128-bit and
/// scalar paths; lengths from 0 to 100 cover every block size and tail.
/// </summary>
public class FloatConvertTests
{
    /// <summary>Every sign, exponent and kept fraction, each with low (dropped) bits that are zero, just below, at and
    /// just above the halfway point, all ones and random: every rounding case, ties included.</summary>
    private static uint[] Floats(int keptBits, int seed)
    {
        int dropped = 32 - keptBits;
        uint half = 1u << (dropped - 1), all = (1u << dropped) - 1;
        var rng = new Random(seed);
        var values = new List<uint>();
        for (uint upper = 0; upper < 1u << keptBits; upper++)
            foreach (uint low in new[] { 0u, 1u, half - 1, half, half + 1, all, (uint)rng.Next() & all })
                values.Add(upper << dropped | low);
        return values.ToArray();
    }

    private static float[] AsFloats(uint[] bits) => MemoryMarshal.Cast<uint, float>(bits).ToArray();

    [Fact]
    public void EveryHalfWidensAsTheCastDoes()
    {
        Half[] halves = Enumerable.Range(0, 1 << 16).Select(b => BitConverter.UInt16BitsToHalf((ushort)b)).ToArray();
        var floats = new float[halves.Length];

        FloatConvert.ToSingle(halves, floats);

        for (int i = 0; i < halves.Length; i++)
        {
            uint expected = BitConverter.SingleToUInt32Bits((float)halves[i]), actual = BitConverter.SingleToUInt32Bits(floats[i]);
            if (expected != actual) Assert.Fail($"0x{i:X4}: expected 0x{expected:X8}, got 0x{actual:X8}");
        }
    }

    [Fact]
    public void FloatsRoundToHalfAsTheCastDoes()
    {
        // 2^19 kept patterns (sign, exponent, 10 fraction bits) times 7 dropped patterns; NaN payloads included.
        float[] floats = AsFloats(Floats(19, seed: 1));
        var halves = new Half[floats.Length];

        FloatConvert.ToHalf(floats, halves);

        for (int i = 0; i < floats.Length; i++)
        {
            ushort expected = BitConverter.HalfToUInt16Bits((Half)floats[i]), actual = BitConverter.HalfToUInt16Bits(halves[i]);
            if (expected != actual) Assert.Fail($"0x{BitConverter.SingleToUInt32Bits(floats[i]):X8}: expected 0x{expected:X4}, got 0x{actual:X4}");
        }
    }

    [Fact]
    public void EveryBFloat16WidensToTheFloatWithTheSameUpperBits()
    {
        BFloat16[] values = Enumerable.Range(0, 1 << 16).Select(b => BFloat16.FromBits((ushort)b)).ToArray();
        var floats = new float[values.Length];

        FloatConvert.ToSingle(values, floats);

        for (int i = 0; i < values.Length; i++)
            if (BitConverter.SingleToUInt32Bits(floats[i]) != (uint)i << 16) Assert.Fail($"0x{i:X4} widened to 0x{BitConverter.SingleToUInt32Bits(floats[i]):X8}");
    }

    [Fact]
    public void FloatsRoundToTheNearestBFloat16TiesToEven()
    {
        uint[] bits = Floats(16, seed: 2);
        var rounded = new BFloat16[bits.Length];

        FloatConvert.ToBFloat16(AsFloats(bits), rounded);

        for (int i = 0; i < bits.Length; i++)
        {
            float value = BitConverter.UInt32BitsToSingle(bits[i]);
            if (float.IsNaN(value))
            {
                Assert.True(BFloat16.IsNaN(rounded[i]), $"0x{bits[i]:X8} is NaN");
                Assert.Equal(bits[i] >> 31, (uint)rounded[i].Bits >> 15);
                continue;
            }
            ushort expected = NearestBFloat16(bits[i]);
            if (expected != rounded[i].Bits || expected != ((BFloat16)value).Bits)
                Assert.Fail($"0x{bits[i]:X8}: expected 0x{expected:X4}, got 0x{rounded[i].Bits:X4} (vector) and 0x{((BFloat16)value).Bits:X4} (scalar)");
        }
    }

    /// <summary>The nearer of the two bfloat16 neighbours of a finite float, in double; ties to the even one. Past the
    /// largest finite value the upper neighbour is infinity, which IEEE rounding treats as 2^128.</summary>
    private static ushort NearestBFloat16(uint bits)
    {
        ushort below = (ushort)(bits >> 16), above = (ushort)(below + 1);
        if ((bits & 0xFFFF) == 0) return below;
        double value = Math.Abs((double)BitConverter.UInt32BitsToSingle(bits));
        double down = Math.Abs(Magnitude(below)), up = Math.Abs(Magnitude(above));
        double toDown = value - down, toUp = up - value;
        if (toDown != toUp) return toDown < toUp ? below : above;
        return (below & 1) == 0 ? below : above;
    }

    /// <summary>The value of bfloat16 bits with exponent 255 read as a number (2^128 for infinity's pattern).</summary>
    private static double Magnitude(ushort bits)
    {
        int exponent = (bits >> 7) & 0xFF, fraction = bits & 0x7F;
        return exponent == 0 ? fraction * Math.Pow(2, -133) : (1 + fraction / 128.0) * Math.Pow(2, exponent - 127);
    }

    [Fact]
    public void EveryLengthAndOffsetGivesTheScalarResult()
    {
        // Lengths 0..100 at offsets 0..3: whole 512-, 256- and 128-bit blocks and every tail, unaligned.
        float[] source = TestData.Random(104, seed: 3).Select((v, i) => v * MathF.Pow(2, i % 40 - 20)).ToArray();
        for (int offset = 0; offset < 4; offset++)
            for (int length = 0; length <= 100; length++)
            {
                ReadOnlySpan<float> input = source.AsSpan(offset, length);
                var halves = new Half[length + 1];
                var bf16 = new BFloat16[length + 1];
                FloatConvert.ToHalf(input, halves);
                FloatConvert.ToBFloat16(input, bf16);
                var back = new float[length + 1];
                var bfBack = new float[length + 1];
                FloatConvert.ToSingle(halves.AsSpan(0, length), back);
                FloatConvert.ToSingle(bf16.AsSpan(0, length), bfBack);
                for (int i = 0; i < length; i++)
                {
                    Assert.Equal((Half)input[i], halves[i]);
                    Assert.Equal((float)halves[i], back[i]);
                    Assert.Equal(((BFloat16)input[i]).Bits, bf16[i].Bits);
                    Assert.Equal((float)bf16[i], bfBack[i]);
                }
                // Nothing is written past the source's length.
                Assert.Equal(0, BitConverter.HalfToUInt16Bits(halves[length]));
                Assert.Equal(0, bf16[length].Bits);
                Assert.Equal(0f, back[length]);
                Assert.Equal(0f, bfBack[length]);
            }
    }

    [Fact]
    public void AShortDestinationIsRejectedBeforeAnythingIsWritten()
    {
        float[] source = { 1, 2, 3 };
        var destination = new Half[2];
        var error = Assert.Throws<ArgumentException>(() => FloatConvert.ToHalf(source, destination));
        Assert.Equal("destination", error.ParamName);
        Assert.Contains("destination has 2 elements; expected at least 3", error.Message);
        Assert.All(destination, h => Assert.Equal(0, BitConverter.HalfToUInt16Bits(h)));
        Assert.Throws<ArgumentException>(() => FloatConvert.ToSingle(new BFloat16[3], new float[2]));
    }
}
