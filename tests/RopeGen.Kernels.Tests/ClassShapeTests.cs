using System;
using System.Linq;

namespace RopeGen.Kernels.Tests;

// Class shapes the README names (issue 15, items 3 and 14): static (the quick start's), sealed, record, and a [Rotary]
// class deriving from another, whose generated members hide the base's with `new`.

[Rotary(64)]
public static partial class StaticShape { }

[Rotary(64, Layout = RotaryLayout.Interleaved)]
public sealed partial class SealedShape { }

[Rotary(80, RotaryDim = 32)]
public partial record RecordShape(int Layer);

[Rotary(64)]
public partial class BaseShape { }

[Rotary(128, 500000.0, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]
public partial class DerivedShape : BaseShape { }

/// <summary>Each shape's kernels rotate like the reference of its own configuration.</summary>
public class ClassShapeTests
{
    private const double Tolerance = 2e-6;

    private static void AssertRotates(RotaryConfig config, Action<float[], int[]> apply)
    {
        int[] positions = { 0, 1, 4097, 1_000_000 };
        float[] x = TestData.Random(positions.Length * 2 * config.HeadDim, seed: config.HeadDim);
        double[] expected = TestData.Reference(config, x, positions, 2);
        apply(x, positions);
        Assert.InRange(TestData.MaxError(x, expected), 0, Tolerance);
    }

    [Fact]
    public void StaticSealedAndRecordClassesRotateLikeTheReference()
    {
        AssertRotates(new RotaryConfig(64), (x, p) => StaticShape.ApplyRotary(x, p, 2));
        AssertRotates(new RotaryConfig(64) { Layout = RotaryLayout.Interleaved }, (x, p) => SealedShape.ApplyRotary(x, p, 2));
        AssertRotates(new RotaryConfig(80) { RotaryDim = 32 }, (x, p) => RecordShape.ApplyRotary(x, p, 2));
        Assert.Equal(7, new RecordShape(7).Layer);
    }

    [Fact]
    public void ADerivedClassHasItsOwnConfigurationAndTheBaseKeepsItsOwn()
    {
        RotaryConfig llama = new(128, 500000.0, RopeScaling.Llama3) { Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192 };
        AssertRotates(llama, (x, p) => DerivedShape.ApplyRotary(x, p, 2));
        AssertRotates(new RotaryConfig(64), (x, p) => BaseShape.ApplyRotary(x, p, 2));
        Assert.Equal(128, DerivedShape.RopeGenRotary.HeadDim);
        Assert.Equal(64, BaseShape.RopeGenRotary.HeadDim);
        Assert.NotSame(BaseShape.RopeGenRotary.Table, DerivedShape.RopeGenRotary.Table);
    }
}
