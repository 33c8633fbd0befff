using System;
using System.Linq;

namespace RopeGen.Kernels.Tests;

internal static class TestData
{
    /// <summary>Deterministic values in [-3, 3].</summary>
    public static float[] Random(int length, int seed) => RopeGen.Testing.Buffers.Random(length, seed);

    /// <summary>The double-precision reference result for float inputs.</summary>
    public static double[] Reference(RotaryConfig config, float[] input, int[] positions, int numHeads, int sequenceLength = 0)
    {
        double[] exact = input.Select(v => (double)v).ToArray();
        RopeReference.Apply(config, exact, positions, numHeads, sequenceLength);
        return exact;
    }

    public static double MaxError(ReadOnlySpan<float> actual, ReadOnlySpan<double> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double max = 0;
        for (int i = 0; i < actual.Length; i++) max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
        return max;
    }

    /// <summary>
    /// Asserts that a rotation of the heads in <c>buffer[margin..^margin]</c> changed only their first
    /// <paramref name="rotaryDim"/> dims: the other dims and the margins keep their values, and something did change.
    /// </summary>
    public static void AssertOnlyRotatedDimsChanged(float[] before, float[] after, int margin, int headDim, int rotaryDim)
    {
        Assert.Equal(before.Length, after.Length);
        for (int i = 0; i < before.Length; i++)
        {
            bool rotated = i >= margin && i < before.Length - margin && (i - margin) % headDim < rotaryDim;
            if (!rotated) Assert.Equal(before[i], after[i]);
        }
        Assert.NotEqual(before[margin + 1], after[margin + 1]);
    }

    /// <summary>Positions from 0 to 1,000,000: both sides of the table's block and cap boundaries, the original
    /// contexts of the real models (4096, 8192, 32768) and large positions where float angles would fail.</summary>
    public static readonly int[] Positions =
    {
        0, 1, 2, 7, 1023, 1024, 1025, 4095, 4096, 4097, 8191, 8192, 8193, 32767, 32768, 32769, 65535, 65536, 65537,
        131071, 262143, 524287, 999_999, 1_000_000,
    };
}
