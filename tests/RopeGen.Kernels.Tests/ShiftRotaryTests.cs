using System;
using System.Linq;

namespace RopeGen.Kernels.Tests;

/// <summary>Re-rotating cached keys: R(p + delta) = R(delta)·R(p), without the attention factor.</summary>
public class ShiftRotaryTests
{
    [Theory]
    [MemberData(nameof(KernelCase.StaticCases), MemberType = typeof(KernelCase))]
    public void ShiftAfterApplyEqualsApplyAtTheShiftedPosition(KernelCase kernel)
    {
        int d = kernel.Config.HeadDim, heads = 2;
        int[] positions = { 10, 300, 5000, 70000 };
        foreach (int delta in new[] { -10, -7, 1, 123, 250_000 })
        {
            float[] keys = TestData.Random(positions.Length * heads * d, seed: delta + 1000);
            int[] shifted = positions.Select(p => p + delta).ToArray();
            double[] expected = TestData.Reference(kernel.Config, keys, shifted, heads);

            kernel.Apply(keys, positions, heads);
            kernel.Shift(keys, heads, delta);

            // Two float rotations in sequence: twice the single-rotation bound.
            Assert.True(TestData.MaxError(keys, expected) <= 4e-6, $"delta {delta}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelCase.StaticCases), MemberType = typeof(KernelCase))]
    public void ShiftMatchesTheReferenceShift(KernelCase kernel)
    {
        float[] keys = TestData.Random(5 * 3 * kernel.Config.HeadDim, seed: 77);
        double[] expected = keys.Select(v => (double)v).ToArray();
        RopeReference.Shift(kernel.Config, expected, 3, -4096);

        kernel.Shift(keys, 3, -4096);

        Assert.InRange(TestData.MaxError(keys, expected), 0, 2e-6);
    }

    [Theory]
    [MemberData(nameof(KernelCase.DynamicCases), MemberType = typeof(KernelCase))]
    public void DynamicKindsRefuseToShift(KernelCase kernel)
    {
        float[] keys = TestData.Random(kernel.Config.HeadDim, seed: 1);
        float[] before = keys.ToArray();

        var error = Assert.Throws<NotSupportedException>(() => kernel.Shift(keys, 1, 5));

        Assert.Contains(kernel.Config.Scaling.ToString(), error.Message);
        Assert.Equal(before, keys);
    }
}
