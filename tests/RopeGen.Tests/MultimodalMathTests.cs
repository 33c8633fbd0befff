using System;
using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Tests;

/// <summary>
/// M-RoPE's math: the pair-to-axis assignment of the published models, the double reference against rotations formed
/// by hand, the get_rope_index-style ids against hand-computed ones, and the validation rules.
/// </summary>
public class MultimodalMathTests
{
    private static IEnumerable<int> Range(int start, int end, int step = 1)
    {
        for (int i = start; i < end; i += step) yield return i;
    }

    [Fact]
    public void Qwen2VlSectionsAreContiguousTemporalHeightWidth()
    {
        // mrope_section [16, 24, 24]: pairs 0-15 temporal, 16-39 height, 40-63 width.
        int[] axes = MultimodalAxes.PairAxes(new[] { 16, 24, 24 }, interleaved: false);
        Assert.Equal(Enumerable.Repeat(0, 16).Concat(Enumerable.Repeat(1, 24)).Concat(Enumerable.Repeat(2, 24)), axes);
    }

    [Fact]
    public void Qwen3VlSectionsInterleaveHeightAndWidthBelowPair60()
    {
        // mrope_section [24, 20, 20] interleaved: height 1, 4, …, 58; width 2, 5, …, 59; temporal 0, 3, …, 57 and 60-63.
        int[] axes = MultimodalAxes.PairAxes(new[] { 24, 20, 20 }, interleaved: true);
        Assert.Equal(Range(1, 60, 3), Range(0, 64).Where(j => axes[j] == 1));
        Assert.Equal(Range(2, 60, 3), Range(0, 64).Where(j => axes[j] == 2));
        Assert.Equal(Range(0, 60, 3).Concat(new[] { 60, 61, 62, 63 }), Range(0, 64).Where(j => axes[j] == 0));
    }

    [Fact]
    public void Qwen35InterleavedSectionsFillTheirSlotsExactly()
    {
        // [11, 11, 10] over 32 pairs: height 1, 4, …, 31 (11 pairs), width 2, 5, …, 29 (10 pairs), the other 11 temporal.
        int[] axes = MultimodalAxes.PairAxes(new[] { 11, 11, 10 }, interleaved: true);
        Assert.Equal(Range(1, 32, 3), Range(0, 32).Where(j => axes[j] == 1));
        Assert.Equal(Range(2, 30, 3), Range(0, 32).Where(j => axes[j] == 2));
        Assert.Equal(11, axes.Count(a => a == 0));
    }

    [Fact]
    public void PairAxesRefusesSectionsThatAreNotThreePositiveCounts()
    {
        Assert.Contains("sections has 2 entries", Assert.Throws<ArgumentException>(() => MultimodalAxes.PairAxes(new[] { 8, 8 }, false)).Message);
        Assert.Contains("sections[2] is -1", Assert.Throws<ArgumentException>(() => MultimodalAxes.PairAxes(new[] { 8, 8, -1 }, true)).Message);
        Assert.Contains("no MRopeSections", Assert.Throws<ArgumentException>(() => MultimodalAxes.PairAxes(new RotaryConfig(64))).Message);
    }

    [Theory]
    [InlineData(RotaryLayout.HalfSplit, false)]
    [InlineData(RotaryLayout.HalfSplit, true)]
    [InlineData(RotaryLayout.Interleaved, false)]
    [InlineData(RotaryLayout.Interleaved, true)]
    public void TheReferenceTurnsEachPairByItsAxisIdTimesItsFrequency(RotaryLayout layout, bool interleaved)
    {
        // 8 pairs, sections [3, 3, 2]; each pair of a unit head rotated alone: (1, 0) -> (cos, sin) of id · θ_j.
        var c = new RotaryConfig(16, 100) { Layout = layout, MRopeSections = new[] { 3, 3, 2 }, MRopeInterleaved = interleaved };
        int[] ids = { 11, 5, 2 }; // temporal, height, width
        // Hand-assigned: contiguous 0-2 T, 3-5 H, 6-7 W; interleaved H at 1, 4, 7 (< 9), W at 2, 5 (< 6), T at 0, 3, 6.
        int[] axisOf = interleaved ? new[] { 0, 1, 2, 0, 1, 2, 0, 1 } : new[] { 0, 0, 0, 1, 1, 1, 2, 2 };
        for (int j = 0; j < 8; j++)
        {
            var x = new double[16];
            int first = layout == RotaryLayout.HalfSplit ? j : 2 * j, second = layout == RotaryLayout.HalfSplit ? j + 8 : 2 * j + 1;
            x[first] = 1;
            RopeReference.ApplyMultimodal(c, x, ids, 1);
            double angle = ids[axisOf[j]] * Math.Pow(100, -2.0 * j / 16);
            // Within a few ulps: the frequency may be formed differently from base^(-2j/d).
            Assert.InRange(x[first] - Math.Cos(angle), -1e-14, 1e-14);
            Assert.InRange(x[second] - Math.Sin(angle), -1e-14, 1e-14);
        }
    }

    [Fact]
    public void TheReferenceWithEqualIdsIsThePlainReferenceExactly()
    {
        var c = new RotaryConfig(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, MRopeSections = new[] { 16, 24, 24 } };
        int[] plain = { 0, 9, 40000, 1_000_000 };
        var rng = new Random(3);
        double[] x = Enumerable.Range(0, plain.Length * 2 * 128).Select(_ => rng.NextDouble() - 0.5).ToArray(), y = x.ToArray();
        RopeReference.Apply(c, x, plain, 2);
        RopeReference.ApplyMultimodal(c, y, plain.Concat(plain).Concat(plain).ToArray(), 2);
        Assert.Equal(x, y);
    }

    [Fact]
    public void TextAndImageIdsFollowGetRopeIndex()
    {
        // Hand-computed as Qwen2-VL's get_rope_index: 2 text tokens (0, 1); a t=2, h=2, w=3 grid from id 2, tokens in
        // t, h, w order: temporal 2 + t, height 2 + h, width 2 + w; then text from 2 + max(2, 2, 3) = 5.
        int[] ids = MultimodalPositions.TextAndImage(2, 2, 2, 3, 2);
        int[] temporal = { 0, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 5, 6 };
        int[] height = { 0, 1, 2, 2, 2, 3, 3, 3, 2, 2, 2, 3, 3, 3, 5, 6 };
        int[] width = { 0, 1, 2, 3, 4, 2, 3, 4, 2, 3, 4, 2, 3, 4, 5, 6 };
        Assert.Equal(temporal.Concat(height).Concat(width), ids);
    }

    [Fact]
    public void TextAndImageIdsStartAtTheGivenPosition()
    {
        // An image alone after 100 cached tokens: a 1 × 2 × 2 grid, then one text token at 100 + max(1, 2, 2) = 102.
        int[] ids = MultimodalPositions.TextAndImage(0, 1, 2, 2, 1, firstPosition: 100);
        Assert.Equal(new[] { 100, 100, 100, 100, 102, 100, 100, 101, 101, 102, 100, 101, 100, 101, 102 }, ids);
    }

    [Fact]
    public void TextAndImageRefusesBadCounts()
    {
        Assert.Contains("gridH is 0; expected 1 or more", Assert.Throws<ArgumentOutOfRangeException>(() => MultimodalPositions.TextAndImage(1, 1, 0, 2, 1)).Message);
        Assert.Contains("textBefore is -1; expected 0 or more", Assert.Throws<ArgumentOutOfRangeException>(() => MultimodalPositions.TextAndImage(-1, 1, 1, 1, 0)).Message);
        Assert.Contains("every id to fit an int", Assert.Throws<ArgumentException>(() => MultimodalPositions.TextAndImage(0, 1, 1, 1, 1, int.MaxValue - 1)).Message);
    }

    private static readonly Dictionary<string, (RotaryConfig Config, string[] Parts)> Errors = new()
    {
        ["two sections"] = (new(128) { MRopeSections = new[] { 32, 32 } }, new[] { "MRopeSections has 2 entries", "expected 3 pair counts" }),
        ["zero section"] = (new(128) { MRopeSections = new[] { 32, 0, 32 } }, new[] { "MRopeSections[1] is 0", "positive number" }),
        ["sum too large"] = (new(64, 1e6) { MRopeSections = new[] { 16, 24, 24 } }, new[] { "sum to 64 pairs", "RotaryDim / 2 = 32" }),
        ["sum of the rotary dim"] = (new(128) { RotaryDim = 64, MRopeSections = new[] { 16, 24, 24 } }, new[] { "sum to 64 pairs", "= 32" }),
        ["interleaved height too large"] = (new(128) { MRopeSections = new[] { 20, 22, 22 }, MRopeInterleaved = true },
            new[] { "[20, 22, 22] do not fit the interleaved scheme of 64 pairs", "3 × MRopeSections[1] ≤ 65", "3 × MRopeSections[2] ≤ 64" }),
        ["interleaved width one too large"] = (new(64) { MRopeSections = new[] { 11, 10, 11 }, MRopeInterleaved = true }, new[] { "3 × MRopeSections[2] ≤ 32" }),
        ["DynamicNtk"] = (new(128, 10000, RopeScaling.DynamicNtk) { Factor = 2, OriginalMaxPositions = 4096, MRopeSections = new[] { 16, 24, 24 } },
            new[] { "cannot be combined with RopeScaling.DynamicNtk", "static kind" }),
    };

    public static TheoryData<string> ErrorNames() => new(Errors.Keys);

    [Theory, MemberData(nameof(ErrorNames))]
    public void EachSectionFaultIsAnErrorNamingTheValueAndTheExpectation(string name)
    {
        (RotaryConfig config, string[] parts) = Errors[name];
        RotaryProblem problem = Assert.Single(RotaryValidation.Validate(config));
        Assert.Equal((RotaryRule.Multimodal, "MRopeSections", true), (problem.Rule, problem.Setting, problem.IsError));
        foreach (string part in parts) Assert.Contains(part, problem.Message);
        Assert.Equal("MRopeSections", Assert.Throws<ArgumentException>(config.ThrowIfInvalid).ParamName);
    }

    [Fact]
    public void InterleavedWithoutSectionsHasNoEffect()
    {
        RotaryProblem problem = Assert.Single(RotaryValidation.Validate(new RotaryConfig(128) { MRopeInterleaved = true }));
        Assert.Equal((RotaryRule.NoEffect, "MRopeInterleaved"), (problem.Rule, problem.Setting));
        Assert.Contains("no effect without MRopeSections", problem.Message);
    }

    [Fact]
    public void PublishedAndStaticScaledConfigurationsAreValid()
    {
        RotaryConfig[] valid =
        {
            new(128, 1e6) { MRopeSections = new[] { 16, 24, 24 } },
            new(128, 5e6) { MRopeSections = new[] { 24, 20, 20 }, MRopeInterleaved = true },
            new(256, 1e7) { RotaryDim = 64, MRopeSections = new[] { 11, 11, 10 }, MRopeInterleaved = true },
            new(256, 1e7, RopeScaling.Yarn) { RotaryDim = 64, Factor = 4, OriginalMaxPositions = 262144, MRopeSections = new[] { 11, 11, 10 }, MRopeInterleaved = true },
            new(128) { RotaryDim = 64, Layout = RotaryLayout.Interleaved, MRopeSections = new[] { 8, 12, 12 } },
            new(128, 10000, RopeScaling.Linear) { Factor = 2, MRopeSections = new[] { 16, 24, 24 } },
            new(128, 10000, RopeScaling.NtkAware) { Factor = 2, MRopeSections = new[] { 16, 24, 24 } },
            new(128, 500000, RopeScaling.Llama3) { Factor = 8, OriginalMaxPositions = 8192, MRopeSections = new[] { 16, 24, 24 } },
        };
        Assert.All(valid, c => Assert.Empty(RotaryValidation.Validate(c)));
    }
}
