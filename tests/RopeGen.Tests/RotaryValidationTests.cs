using System;
using System.Linq;

namespace RopeGen.Tests;

/// <summary>Every validation rule: the rule, the setting, and a message naming the value found and what was expected.</summary>
public class RotaryValidationTests
{
    private static RotaryProblem Single(RotaryConfig config, RotaryRule rule)
    {
        var problems = RotaryValidation.Validate(config).Where(p => p.Rule == rule).ToList();
        Assert.True(problems.Count == 1, string.Join("; ", RotaryValidation.Validate(config)));
        return problems[0];
    }

    private static void AssertProblem(RotaryConfig config, RotaryRule rule, string setting, params string[] parts)
    {
        RotaryProblem problem = Single(config, rule);
        Assert.Equal(setting, problem.Setting);
        foreach (string part in parts) Assert.Contains(part, problem.Message);
    }

    [Fact]
    public void RealModelsAreValid()
    {
        RotaryConfig[] models =
        {
            new(128, 500000, RopeScaling.Llama3) { Factor = 8, OriginalMaxPositions = 8192 },
            new(80) { RotaryDim = 32 },
            new(256) { RotaryDim = 64, Layout = RotaryLayout.Interleaved },
            new(64, 10000, RopeScaling.Yarn) { Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707, YarnMScaleAllDim = 0.707 },
            KnownModels.Phi3Mini128k,
        };
        Assert.All(models, m => Assert.Empty(RotaryValidation.Validate(m)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-64)]
    [InlineData(127)]
    public void HeadDim(int headDim) =>
        AssertProblem(new RotaryConfig(headDim), RotaryRule.HeadDim, "HeadDim", $"HeadDim is {headDim}", "positive even");

    [Theory]
    [InlineData(31)]
    [InlineData(-2)]
    [InlineData(130)]
    public void RotaryDim(int rotaryDim) =>
        AssertProblem(new RotaryConfig(128) { RotaryDim = rotaryDim }, RotaryRule.RotaryDim, "RotaryDim",
            $"RotaryDim is {rotaryDim}", "from 2 to HeadDim (128)");

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(1.0, "1")]
    [InlineData(-5.0, "-5")]
    public void Base(double @base, string shown) =>
        AssertProblem(new RotaryConfig(128, @base), RotaryRule.Base, "Base", $"Base is {shown}", "greater than 1");

    [Fact]
    public void UndefinedLayout() =>
        AssertProblem(new RotaryConfig(128) { Layout = (RotaryLayout)9 }, RotaryRule.Layout, "Layout", "Layout is 9", "HalfSplit or Interleaved");

    [Fact]
    public void UndefinedScalingKind() =>
        AssertProblem(new RotaryConfig(128, 10000, (RopeScaling)42), RotaryRule.Scaling, "Scaling", "Scaling is 42", "Llama3");

    [Theory]
    [InlineData(RopeScaling.Linear)]
    [InlineData(RopeScaling.NtkAware)]
    [InlineData(RopeScaling.Yarn)]
    [InlineData(RopeScaling.Llama3)]
    [InlineData(RopeScaling.DynamicNtk)]
    public void MissingFactor(RopeScaling kind)
    {
        var problems = RotaryValidation.Validate(new RotaryConfig(128, 10000, kind) { OriginalMaxPositions = 4096 });
        var factor = Assert.Single(problems, p => p.Setting == "Factor");
        Assert.Contains("Factor is missing", factor.Message);
        Assert.Contains("at least 1", factor.Message);
    }

    [Fact]
    public void FactorBelowOne() =>
        AssertProblem(new RotaryConfig(128, 10000, RopeScaling.Linear) { Factor = 0.5 }, RotaryRule.Scaling, "Factor", "Factor is 0.5", "at least 1");

    [Theory]
    [InlineData(RopeScaling.Yarn)]
    [InlineData(RopeScaling.Llama3)]
    [InlineData(RopeScaling.DynamicNtk)]
    public void MissingOriginalMaxPositions(RopeScaling kind) =>
        AssertProblem(new RotaryConfig(128, 10000, kind) { Factor = 4 }, RotaryRule.Scaling, "OriginalMaxPositions",
            "OriginalMaxPositions is missing", "original_max_position_embeddings");

    [Fact]
    public void LongRopeArraysOfTheWrongLength() =>
        AssertProblem(KnownModels.Phi3Mini128k.WithShort(KnownModels.Phi3ShortFactors.Take(47).ToArray()), RotaryRule.Scaling, "ShortFactors",
            "ShortFactors has 47 entries", "exactly 48");

    [Fact]
    public void LongRopeArraysWithANonPositiveEntry()
    {
        double[] factors = KnownModels.Phi3LongFactors.ToArray();
        factors[5] = 0;
        AssertProblem(KnownModels.Phi3Mini128k.WithLong(factors), RotaryRule.Scaling, "LongFactors", "LongFactors[5] is 0", "positive");
    }

    [Fact]
    public void LongRopeArraysMissing() =>
        AssertProblem(KnownModels.Phi3Mini128k.WithShort(null), RotaryRule.Scaling, "ShortFactors", "ShortFactors is missing", "48");

    [Fact]
    public void LongRopeOriginalContextMustLeaveRoomForTheLongTable()
    {
        var config = new RotaryConfig(8, 10000, RopeScaling.LongRope)
        { OriginalMaxPositions = int.MaxValue, Factor = 2, ShortFactors = new[] { 1.0, 1.0, 1.0, 1.0 }, LongFactors = new[] { 1.0, 2.0, 3.0, 4.0 } };
        AssertProblem(config, RotaryRule.Scaling, "OriginalMaxPositions", "OriginalMaxPositions is 2147483647", "below 2147483647");
    }

    [Fact]
    public void Llama3HighFactorNotAboveLowFactor() =>
        AssertProblem(new RotaryConfig(128, 500000, RopeScaling.Llama3) { Factor = 8, OriginalMaxPositions = 8192, LowFreqFactor = 4, HighFreqFactor = 4 },
            RotaryRule.Scaling, "HighFreqFactor", "HighFreqFactor is 4", "greater than LowFreqFactor (4)");

    [Fact]
    public void YarnBetaFastNotAboveBetaSlow() =>
        AssertProblem(new RotaryConfig(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, BetaFast = 1, BetaSlow = 1 },
            RotaryRule.Scaling, "BetaFast", "BetaFast is 1", "greater than BetaSlow (1)");

    [Fact]
    public void SettingWithoutEffectIsAWarningThatDoesNotThrow()
    {
        var config = new RotaryConfig(128) { Factor = 4 };
        RotaryProblem problem = Single(config, RotaryRule.NoEffect);
        Assert.Equal("Factor", problem.Setting);
        Assert.False(problem.IsError);
        Assert.Contains("no effect with RopeScaling.None", problem.Message);
        config.ThrowIfInvalid();
    }

    [Fact]
    public void ThrowIfInvalidNamesTheSettingAndTheValidRange()
    {
        var error = Assert.Throws<ArgumentException>(() => new RotaryConfig(128) { RotaryDim = 33 }.ThrowIfInvalid());
        Assert.Equal("RotaryDim", error.ParamName);
        Assert.Contains("RotaryDim is 33", error.Message);
        Assert.Contains("from 2 to HeadDim (128)", error.Message);
    }

    [Fact]
    public void ThrowIfInvalidListsEveryError()
    {
        var error = Assert.Throws<ArgumentException>(() => new RotaryConfig(127, 0.5).ThrowIfInvalid());
        Assert.Contains("HeadDim is 127", error.Message);
        Assert.Contains("Base is 0.5", error.Message);
    }
}

internal static class RotaryConfigTestExtensions
{
    public static RotaryConfig WithShort(this RotaryConfig c, double[]? factors) => Copy(c, factors, c.LongFactors?.ToArray());

    public static RotaryConfig WithLong(this RotaryConfig c, double[]? factors) => Copy(c, c.ShortFactors?.ToArray(), factors);

    private static RotaryConfig Copy(RotaryConfig c, double[]? shortFactors, double[]? longFactors) =>
        new(c.HeadDim, c.Base, c.Scaling)
        {
            OriginalMaxPositions = c.OriginalMaxPositions,
            MaxPositions = c.MaxPositions,
            ShortFactors = shortFactors,
            LongFactors = longFactors,
        };
}
