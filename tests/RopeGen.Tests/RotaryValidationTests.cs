using System;
using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Tests;

/// <summary>
/// Every validation rule: each case below breaks exactly one, and the problem names the rule, the setting, the value
/// found and what was expected.
/// </summary>
public class RotaryValidationTests
{
    private sealed record Case(Func<RotaryConfig> Config, RotaryRule Rule, string Setting, params string[] Parts);

    private static readonly double[] Short = Expected.Phi3ShortFactors, Long = Expected.Phi3LongFactors;

    /// <summary>Phi-3-mini-128k-instruct, with one thing changed.</summary>
    private static RotaryConfig Phi3(double[]? shortFactors, double[]? longFactors, int original = 4096, int maxPositions = 131072,
        double factor = 0, double attentionFactor = 0) => new(96, 10000, RopeScaling.LongRope)
        {
            OriginalMaxPositions = original, MaxPositions = maxPositions, Factor = factor, AttentionFactor = attentionFactor,
            ShortFactors = shortFactors, LongFactors = longFactors,
        };

    private static double[] Replace(double[] values, int index, double value)
    {
        double[] copy = values.ToArray();
        copy[index] = value;
        return copy;
    }

    private static readonly Dictionary<string, Case> Errors = new()
    {
        ["HeadDim zero"] = new(() => new(0), RotaryRule.HeadDim, "HeadDim", "HeadDim is 0", "positive even number"),
        ["HeadDim negative"] = new(() => new(-64), RotaryRule.HeadDim, "HeadDim", "HeadDim is -64", "positive even number"),
        ["HeadDim odd"] = new(() => new(127), RotaryRule.HeadDim, "HeadDim", "HeadDim is 127", "positive even number"),
        ["RotaryDim odd"] = new(() => new(128) { RotaryDim = 31 }, RotaryRule.RotaryDim, "RotaryDim", "RotaryDim is 31", "even number from 2 to HeadDim (128)"),
        ["RotaryDim negative"] = new(() => new(128) { RotaryDim = -2 }, RotaryRule.RotaryDim, "RotaryDim", "RotaryDim is -2", "from 2 to HeadDim (128)"),
        ["RotaryDim above HeadDim"] = new(() => new(128) { RotaryDim = 130 }, RotaryRule.RotaryDim, "RotaryDim", "RotaryDim is 130", "from 2 to HeadDim (128)"),
        ["Layout undefined"] = new(() => new(128) { Layout = (RotaryLayout)9 }, RotaryRule.Layout, "Layout", "Layout is 9", "HalfSplit or Interleaved"),
        ["Base NaN"] = new(() => new(128, double.NaN), RotaryRule.Base, "Base", "Base is NaN", "finite number greater than 1"),
        ["Base Infinity"] = new(() => new(128, double.PositiveInfinity), RotaryRule.Base, "Base", "Base is Infinity", "finite number greater than 1"),
        ["Base -Infinity"] = new(() => new(128, double.NegativeInfinity), RotaryRule.Base, "Base", "Base is -Infinity", "finite number greater than 1"),
        ["Base one"] = new(() => new(128, 1.0), RotaryRule.Base, "Base", "Base is 1;", "greater than 1"),
        ["Base negative"] = new(() => new(128, -5.0), RotaryRule.Base, "Base", "Base is -5", "greater than 1"),
        ["Scaling undefined"] = new(() => new(128, 10000, (RopeScaling)42), RotaryRule.Scaling, "Scaling", "Scaling is 42",
            "None, Linear, NtkAware, DynamicNtk, Yarn, LongRope, Llama3"),
        ["Factor missing, Linear"] = new(() => new(128, 10000, RopeScaling.Linear), RotaryRule.Scaling, "Factor", "Factor is missing", "Linear scaling requires a factor of at least 1"),
        ["Factor missing, NtkAware"] = new(() => new(128, 10000, RopeScaling.NtkAware), RotaryRule.Scaling, "Factor", "Factor is missing", "NtkAware scaling requires a factor of at least 1"),
        ["Factor missing, DynamicNtk"] = new(() => new(128, 10000, RopeScaling.DynamicNtk) { OriginalMaxPositions = 4096 }, RotaryRule.Scaling, "Factor",
            "Factor is missing", "DynamicNtk scaling requires a factor of at least 1"),
        ["Factor missing, Yarn"] = new(() => new(128, 1e6, RopeScaling.Yarn) { OriginalMaxPositions = 32768 }, RotaryRule.Scaling, "Factor",
            "Factor is missing", "Yarn scaling requires a factor of at least 1"),
        ["Factor missing, Llama3"] = new(() => new(128, 500000, RopeScaling.Llama3) { OriginalMaxPositions = 8192 }, RotaryRule.Scaling, "Factor",
            "Factor is missing", "Llama3 scaling requires a factor of at least 1"),
        ["Factor missing, LongRope"] = new(() => Phi3(Short, Long, maxPositions: 0), RotaryRule.Scaling, "Factor", "Factor is missing", "MaxPositions", "AttentionFactor"),
        ["Factor below one"] = new(() => new(128, 10000, RopeScaling.Linear) { Factor = 0.5 }, RotaryRule.Scaling, "Factor", "Factor is 0.5", "finite number of at least 1"),
        ["Factor NaN"] = new(() => new(128, 10000, RopeScaling.NtkAware) { Factor = double.NaN }, RotaryRule.Scaling, "Factor", "Factor is NaN", "finite number of at least 1"),
        ["Factor Infinity"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = double.PositiveInfinity, OriginalMaxPositions = 32768 }, RotaryRule.Scaling, "Factor", "Factor is Infinity", "finite number of at least 1"),
        ["Factor below one, LongRope"] = new(() => Phi3(Short, Long, factor: 0.25), RotaryRule.Scaling, "Factor", "Factor is 0.25", "at least 1"),
        ["OriginalMaxPositions missing, DynamicNtk"] = new(() => new(128, 10000, RopeScaling.DynamicNtk) { Factor = 4 }, RotaryRule.Scaling, "OriginalMaxPositions",
            "OriginalMaxPositions is missing", "DynamicNtk scaling requires", "a positive number"),
        ["OriginalMaxPositions missing, Yarn"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4 }, RotaryRule.Scaling, "OriginalMaxPositions",
            "OriginalMaxPositions is missing", "original_max_position_embeddings", "a positive number"),
        ["OriginalMaxPositions missing, Llama3"] = new(() => new(128, 500000, RopeScaling.Llama3) { Factor = 8 }, RotaryRule.Scaling, "OriginalMaxPositions",
            "OriginalMaxPositions is missing", "Llama3 scaling requires"),
        ["OriginalMaxPositions missing, LongRope"] = new(() => Phi3(Short, Long, original: 0), RotaryRule.Scaling, "OriginalMaxPositions",
            "OriginalMaxPositions is missing", "LongRope scaling requires"),
        ["OriginalMaxPositions negative"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = -5 }, RotaryRule.Scaling, "OriginalMaxPositions",
            "OriginalMaxPositions is -5", "positive number of positions"),
        ["OriginalMaxPositions at int.MaxValue, LongRope"] = new(() => Phi3(Short, Long, original: int.MaxValue), RotaryRule.Scaling, "OriginalMaxPositions",
            "OriginalMaxPositions is 2147483647", "positive number below 2147483647"),
        ["MaxPositions negative"] = new(() => Phi3(Short, Long, maxPositions: -1), RotaryRule.Scaling, "MaxPositions", "MaxPositions is -1", "0 (not set) or a positive number"),
        ["AttentionFactor negative"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, AttentionFactor = -1 }, RotaryRule.Scaling,
            "AttentionFactor", "AttentionFactor is -1", "0 (the kind's default) or a positive finite number"),
        ["AttentionFactor NaN"] = new(() => Phi3(Short, Long, attentionFactor: double.NaN), RotaryRule.Scaling, "AttentionFactor", "AttentionFactor is NaN", "positive finite number"),
        ["NtkAware with one pair"] = new(() => new(128, 10000, RopeScaling.NtkAware) { Factor = 4, RotaryDim = 2 }, RotaryRule.Scaling, "RotaryDim",
            "the rotary dim is 2", "at least 4"),
        ["DynamicNtk with one pair"] = new(() => new(2, 10000, RopeScaling.DynamicNtk) { Factor = 4, OriginalMaxPositions = 4096 }, RotaryRule.Scaling, "RotaryDim",
            "the rotary dim is 2", "at least 4"),
        ["BetaSlow zero"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, BetaSlow = 0 }, RotaryRule.Scaling, "BetaSlow",
            "BetaSlow is 0", "positive finite number"),
        ["BetaFast not above BetaSlow"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, BetaFast = 1, BetaSlow = 1 }, RotaryRule.Scaling,
            "BetaFast", "BetaFast is 1", "greater than BetaSlow (1)"),
        ["BetaFast NaN"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, BetaFast = double.NaN }, RotaryRule.Scaling,
            "BetaFast", "BetaFast is NaN", "greater than BetaSlow (1)"),
        ["YarnMScale negative"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, YarnMScale = -0.5 }, RotaryRule.Scaling,
            "YarnMScale", "YarnMScale is -0.5", "0 (not set) or a positive finite number"),
        ["YarnMScaleAllDim infinite"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, YarnMScaleAllDim = double.PositiveInfinity },
            RotaryRule.Scaling, "YarnMScaleAllDim", "YarnMScaleAllDim is Infinity", "0 (not set) or a positive finite number"),
        ["LowFreqFactor zero"] = new(() => new(128, 500000, RopeScaling.Llama3) { Factor = 8, OriginalMaxPositions = 8192, LowFreqFactor = 0 }, RotaryRule.Scaling,
            "LowFreqFactor", "LowFreqFactor is 0", "positive finite number"),
        ["HighFreqFactor not above LowFreqFactor"] = new(() => new(128, 500000, RopeScaling.Llama3) { Factor = 8, OriginalMaxPositions = 8192, LowFreqFactor = 4, HighFreqFactor = 4 },
            RotaryRule.Scaling, "HighFreqFactor", "HighFreqFactor is 4", "greater than LowFreqFactor (4)"),
        ["ShortFactors missing"] = new(() => Phi3(null, Long), RotaryRule.Scaling, "ShortFactors", "ShortFactors is missing", "48 per-pair factors"),
        ["LongFactors missing"] = new(() => Phi3(Short, null), RotaryRule.Scaling, "LongFactors", "LongFactors is missing", "48 per-pair factors"),
        ["ShortFactors too short"] = new(() => Phi3(Short.Take(47).ToArray(), Long), RotaryRule.Scaling, "ShortFactors",
            "ShortFactors has 47 entries", "exactly 48"),
        ["LongFactors too long"] = new(() => Phi3(Short, Long.Append(70).ToArray()), RotaryRule.Scaling, "LongFactors",
            "LongFactors has 49 entries", "exactly 48"),
        ["LongFactors entry zero"] = new(() => Phi3(Short, Replace(Long, 5, 0)), RotaryRule.Scaling, "LongFactors",
            "LongFactors[5] is 0", "positive finite number"),
        ["ShortFactors entry negative"] = new(() => Phi3(Replace(Short, 0, -1), Long), RotaryRule.Scaling, "ShortFactors",
            "ShortFactors[0] is -1", "positive finite number"),
        ["ShortFactors entry NaN"] = new(() => Phi3(Replace(Short, 47, double.NaN), Long), RotaryRule.Scaling, "ShortFactors",
            "ShortFactors[47] is NaN", "positive finite number"),
        ["HeadDim above what a table row holds"] = new(() => new(1 << 30), RotaryRule.HeadDim, "HeadDim", "HeadDim is 1073741824", "at most 536870912"),
        // Settings valid one by one whose frequencies or attention factor are not (issue 15, item 8).
        ["AttentionFactor too large"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, AttentionFactor = 1e300 },
            RotaryRule.Scaling, "AttentionFactor", "AttentionFactor is 1E+300", "from 1E-06 to 1000000"),
        ["AttentionFactor too small"] = new(() => Phi3(Short, Long, attentionFactor: 1e-300), RotaryRule.Scaling, "AttentionFactor", "AttentionFactor is 1E-300", "from 1E-06"),
        ["YarnMScales that overflow"] = new(() => new(64, 10000, RopeScaling.Yarn) { Factor = 1e308, OriginalMaxPositions = 4096, YarnMScale = 1e308, YarnMScaleAllDim = 1e308 },
            RotaryRule.Scaling, "YarnMScale", "YarnMScale (1E+308) and YarnMScaleAllDim (1E+308)", "= NaN", "from 1E-06 to 1000000"),
        ["YarnMScales that round to zero"] = new(() => new(64, 10000, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 4096, YarnMScale = 1e-300, YarnMScaleAllDim = 1e300 },
            RotaryRule.Scaling, "YarnMScaleAllDim", "YarnMScale (1E-300) and YarnMScaleAllDim (1E+300)", "from 1E-06"),
        ["OriginalMaxPositions 1, LongRope"] = new(() => Phi3(Short, Long, original: 1), RotaryRule.Scaling, "OriginalMaxPositions",
            "OriginalMaxPositions is 1", "divides by ln 1 = 0", "at least 2, or an explicit AttentionFactor"),
        ["ShortFactors entry that makes θ infinite"] = new(() => Phi3(Replace(Short, 0, double.Epsilon), Long), RotaryRule.Scaling, "ShortFactors",
            "ShortFactors[0] is 5E-324", "θ_0 = Infinity", "at least 2.93873"),
        ["LongFactors entry that makes θ exceed float"] = new(() => Phi3(Short, Replace(Long, 1, 1e-300)), RotaryRule.Scaling, "LongFactors",
            "LongFactors[1] is 1E-300", "θ_1 = 8.2", "at most float.MaxValue"),
        ["DynamicNtk factor that cancels"] = new(() => new(128, 10000, RopeScaling.DynamicNtk) { Factor = 1e16, OriginalMaxPositions = 4096 }, RotaryRule.Scaling, "Factor",
            "Factor is 10000000000000000", "θ_1 = Infinity", "at sequence length 4096"),
        ["Yarn betas beyond double"] = new(() => new(8, 10000, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = int.MaxValue, BetaFast = 1e-307, BetaSlow = 1e-308 },
            RotaryRule.Scaling, "BetaFast", "BetaFast (1E-307) and BetaSlow (1E-308)", "θ_0 = NaN"),
    };

    private static readonly Dictionary<string, Case> Warnings = new()
    {
        ["Factor with None"] = new(() => new(128) { Factor = 4 }, RotaryRule.NoEffect, "Factor", "Factor is 4", "no effect with RopeScaling.None", "default (0)"),
        ["OriginalMaxPositions with Linear"] = new(() => new(128, 10000, RopeScaling.Linear) { Factor = 2, OriginalMaxPositions = 4096 }, RotaryRule.NoEffect,
            "OriginalMaxPositions", "OriginalMaxPositions is 4096", "no effect with RopeScaling.Linear", "default (0)"),
        ["OriginalMaxPositions with NtkAware"] = new(() => new(128, 10000, RopeScaling.NtkAware) { Factor = 2, OriginalMaxPositions = 4096 }, RotaryRule.NoEffect,
            "OriginalMaxPositions", "OriginalMaxPositions is 4096", "RopeScaling.NtkAware"),
        ["MaxPositions with Yarn"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, MaxPositions = 131072 }, RotaryRule.NoEffect,
            "MaxPositions", "MaxPositions is 131072", "no effect with RopeScaling.Yarn", "default (0)"),
        ["AttentionFactor with Llama3"] = new(() => new(128, 500000, RopeScaling.Llama3) { Factor = 8, OriginalMaxPositions = 8192, AttentionFactor = 1.2 }, RotaryRule.NoEffect,
            "AttentionFactor", "AttentionFactor is 1.2", "no effect with RopeScaling.Llama3"),
        ["BetaFast with None"] = new(() => new(128) { BetaFast = 16 }, RotaryRule.NoEffect, "BetaFast", "BetaFast is 16", "default (32)"),
        ["BetaSlow with Linear"] = new(() => new(128, 10000, RopeScaling.Linear) { Factor = 2, BetaSlow = 2 }, RotaryRule.NoEffect, "BetaSlow", "BetaSlow is 2", "default (1)"),
        ["YarnTruncate with None"] = new(() => new(128) { YarnTruncate = false }, RotaryRule.NoEffect, "YarnTruncate", "YarnTruncate is false", "default (true)"),
        ["YarnMScale with Llama3"] = new(() => new(128, 500000, RopeScaling.Llama3) { Factor = 8, OriginalMaxPositions = 8192, YarnMScale = 0.707 }, RotaryRule.NoEffect,
            "YarnMScale", "YarnMScale is 0.707", "default (0)"),
        ["YarnMScaleAllDim with DynamicNtk"] = new(() => new(128, 10000, RopeScaling.DynamicNtk) { Factor = 2, OriginalMaxPositions = 4096, YarnMScaleAllDim = 1 },
            RotaryRule.NoEffect, "YarnMScaleAllDim", "YarnMScaleAllDim is 1", "RopeScaling.DynamicNtk"),
        ["LowFreqFactor with Yarn"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, LowFreqFactor = 2 }, RotaryRule.NoEffect,
            "LowFreqFactor", "LowFreqFactor is 2", "default (1)"),
        ["HighFreqFactor with None"] = new(() => new(128) { HighFreqFactor = 8 }, RotaryRule.NoEffect, "HighFreqFactor", "HighFreqFactor is 8", "default (4)"),
        ["ShortFactors with Yarn"] = new(() => new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, ShortFactors = new double[64] }, RotaryRule.NoEffect,
            "ShortFactors", "ShortFactors is an array of 64 factors", "default (null)"),
        ["LongFactors with None"] = new(() => new(128) { LongFactors = new double[3] }, RotaryRule.NoEffect, "LongFactors", "LongFactors is an array of 3 factors", "default (null)"),
        ["YarnMScale beside an explicit AttentionFactor"] = new(() => new(64, 10000, RopeScaling.Yarn)
        { Factor = 40, OriginalMaxPositions = 4096, AttentionFactor = 1.0, YarnMScale = 0.707, YarnMScaleAllDim = 0.707 }, RotaryRule.NoEffect, "YarnMScale",
            "YarnMScale (0.707)", "YarnMScaleAllDim (0.707)", "AttentionFactor is given (1)", "one or the other"),
        ["YarnMScaleAllDim beside an explicit AttentionFactor"] = new(() => new(64, 10000, RopeScaling.Yarn)
        { Factor = 40, OriginalMaxPositions = 4096, AttentionFactor = 1.1, YarnMScaleAllDim = 0.707 }, RotaryRule.NoEffect, "YarnMScaleAllDim",
            "YarnMScaleAllDim (0.707)", "AttentionFactor is given (1.1)"),
    };

    public static TheoryData<string> ErrorNames() => new(Errors.Keys);

    public static TheoryData<string> WarningNames() => new(Warnings.Keys);

    private static RotaryProblem AssertSingleProblem(Case c)
    {
        var problems = RotaryValidation.Validate(c.Config());
        RotaryProblem problem = Assert.Single(problems);
        Assert.Equal(c.Rule, problem.Rule);
        Assert.Equal(c.Setting, problem.Setting);
        foreach (string part in c.Parts) Assert.Contains(part, problem.Message);
        Assert.Equal(c.Setting + ": " + problem.Message, problem.ToString());
        return problem;
    }

    [Theory, MemberData(nameof(ErrorNames))]
    public void EachErrorNamesItsSettingTheValueFoundAndTheExpectedRange(string name)
    {
        Case c = Errors[name];
        Assert.True(AssertSingleProblem(c).IsError);

        // ThrowIfInvalid: ArgumentException whose ParamName is the setting and whose message carries the problem's.
        var error = Assert.Throws<ArgumentException>(() => c.Config().ThrowIfInvalid());
        Assert.Equal(c.Setting, error.ParamName);
        Assert.Contains(c.Setting, error.Message);
        foreach (string part in c.Parts) Assert.Contains(part, error.Message);
    }

    [Theory, MemberData(nameof(WarningNames))]
    public void EachSettingWithoutEffectIsAWarningThatDoesNotThrow(string name)
    {
        Case c = Warnings[name];
        Assert.False(AssertSingleProblem(c).IsError);
        c.Config().ThrowIfInvalid();
        RotaryValidation.ThrowIfInvalid(c.Config());
    }

    [Fact]
    public void RealModelsAreValid()
    {
        RotaryConfig[] models =
        {
            Expected.Llama31(), KnownModels.Llama31, KnownModels.Llama2, KnownModels.Phi2, KnownModels.GptJ6B,
            Expected.DeepSeekV2, Expected.Phi3Mini128k(), KnownModels.Phi3Mini128k, Phi3(Short, Long),
            new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768 },
            new(96) { RotaryDim = 24 }, new(256), new(128, 10000, RopeScaling.DynamicNtk) { Factor = 2, OriginalMaxPositions = 4096 },
        };
        Assert.All(models, m => Assert.Empty(RotaryValidation.Validate(m)));
    }

    public static TheoryData<string> DerivedNames() => new(Errors.Keys.SkipWhile(k => k != "AttentionFactor too large"));

    [Theory, MemberData(nameof(DerivedNames))]
    public void DerivedValuesOutOfRangeAreRejectedByTheRuntimeKernel(string name)
    {
        Case c = Errors[name];
        var error = Assert.Throws<ArgumentException>(() => new RotaryKernel(c.Config()));
        Assert.Equal(c.Setting, error.ParamName);
        Assert.Contains(c.Parts[0], error.Message);
    }

    [Fact]
    public void ValuesJustInsideTheDerivedBoundsRotateToFiniteNumbers()
    {
        double smallestFactor = 1.0 / RotaryValidation.MaxInverseFrequency * 1.01; // θ_0 = 1 / factor just below float.MaxValue
        RotaryConfig[] configs =
        {
            new(64, 10000, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 4096, AttentionFactor = RotaryValidation.MaxAttentionFactor },
            new(64, 10000, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 4096, AttentionFactor = RotaryValidation.MinAttentionFactor },
            Phi3(Replace(Short, 0, smallestFactor), Long),
            new(64, 10000, RopeScaling.DynamicNtk) { Factor = 1e6, OriginalMaxPositions = 4096 },
        };
        int[] positions = { 0, 1, 4097, 1_000_000, int.MaxValue - 1 };
        foreach (RotaryConfig c in configs)
        {
            Assert.Empty(RotaryValidation.Validate(c));
            var rng = new Random(8);
            float[] x = Enumerable.Range(0, positions.Length * c.HeadDim).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
            double[] expected = x.Select(v => (double)v).ToArray();
            new RotaryKernel(c).Apply(x, positions, 1);
            RopeReference.Apply(c, expected, positions, 1);
            double scale = Math.Max(1.0, RopeFrequencies.AttentionFactor(c));
            Assert.All(x, v => Assert.True(float.IsFinite(v)));
            Assert.InRange(x.Zip(expected, (a, e) => Math.Abs(a - e)).Max(), 0, 2e-6 * scale);
        }
    }

    [Fact]
    public void ThrowIfInvalidListsEveryErrorAndNamesTheFirstSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new RotaryConfig(127, 0.5) { Factor = 4 }.ThrowIfInvalid());
        Assert.Equal("HeadDim", error.ParamName);
        Assert.Contains("HeadDim is 127", error.Message);
        Assert.Contains("Base is 0.5", error.Message);
        Assert.DoesNotContain("no effect", error.Message);
        Assert.Equal(3, RotaryValidation.Validate(new RotaryConfig(127, 0.5) { Factor = 4 }).Count);
    }

    [Fact]
    public void ANullConfigurationIsRejected() =>
        Assert.Equal("config", Assert.Throws<ArgumentNullException>(() => RotaryValidation.Validate(null!)).ParamName);
}
