using System;
using System.Linq;
using static RopeGen.Tests.Expected;

namespace RopeGen.Tests;

/// <summary>
/// Each kind's inverse frequencies and attention factor against values derived independently: published figures in
/// rope-math.md, or the paper's definition written out here in a different form than the code's.
/// </summary>
public class FrequencyTests
{
    [Fact]
    public void DefaultIsTheRoFormerGeometricProgression()
    {
        double[] theta = RopeFrequencies.InverseFrequencies(new RotaryConfig(128));
        Assert.Equal(64, theta.Length);
        Assert.Equal(1.0, theta[0]);
        // Consecutive pairs differ by the constant ratio b^(-2/d); the slowest pair is b^(-126/128).
        for (int i = 1; i < theta.Length; i++) Close(Math.Pow(10000, -2.0 / 128), theta[i] / theta[i - 1]);
        Close(Math.Pow(10000, -126.0 / 128), theta[63]);
        Close(DefaultTheta(10000, 128), theta);
    }

    [Fact]
    public void LlamaThreeOneSecondPairMatchesThePublishedValue() =>
        // rope-math §6: θ_1 of Llama 3.1 (b = 500000, d = 128) is 0.814617234 exactly.
        Assert.Equal(0.814617234, RopeFrequencies.InverseFrequencies(new RotaryConfig(128, 500000))[1], 9);

    [Fact]
    public void PartialRotaryUsesTheRotaryDimInTheExponent()
    {
        // GPT-NeoX-20B: 24 of 96 dims, θ_i = b^(-2i/24), not b^(-2i/96).
        double[] theta = RopeFrequencies.InverseFrequencies(new RotaryConfig(96) { RotaryDim = 24 });
        Close(DefaultTheta(10000, 24), theta);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(4.0)]
    public void LinearDividesEveryFrequencyByTheFactor(double factor)
    {
        var config = new RotaryConfig(128, 10000, RopeScaling.Linear) { Factor = factor };
        Close(DefaultTheta(10000, 128).Select(t => t / factor).ToArray(), RopeFrequencies.InverseFrequencies(config));
        Assert.Equal(1.0, RopeFrequencies.AttentionFactor(config));
    }

    [Theory]
    [InlineData(128, 10000.0, 4.0)]
    [InlineData(64, 500000.0, 2.5)]
    public void NtkAwareIsTheDefaultTableOfTheStretchedBase(int d, double b, double alpha)
    {
        var config = new RotaryConfig(d, b, RopeScaling.NtkAware) { Factor = alpha };
        double[] theta = RopeFrequencies.InverseFrequencies(config);
        Close(DefaultTheta(b * Math.Pow(alpha, d / (d - 2.0)), d), theta);
        // bloc97's construction: the fastest pair is kept, the slowest divided by α.
        Assert.Equal(1.0, theta[0]);
        Close(DefaultTheta(b, d)[d / 2 - 1] / alpha, theta[d / 2 - 1]);
        Assert.Equal(1.0, RopeFrequencies.AttentionFactor(config));
    }

    [Fact]
    public void DynamicNtkIsTheDefaultTableUpToTheOriginalLengthAndStretchesAfter()
    {
        var config = new RotaryConfig(128, 10000, RopeScaling.DynamicNtk) { Factor = 4, OriginalMaxPositions = 4096 };
        foreach (int n in new[] { 0, 1, 4096 })
        {
            Close(DefaultTheta(10000, 128), RopeFrequencies.InverseFrequencies(config, n));
            Assert.False(RopeFrequencies.IsDynamicNtkStretched(config, n));
        }

        // rope-math §6: factor 4, N = 16384, L = 4096 gives b' = 135401.973 (exact arithmetic).
        double[] stretched = RopeFrequencies.InverseFrequencies(config, 16384);
        Assert.Equal(135401.973, Math.Pow(stretched[1], -128.0 / 2), 3);
        Close(DefaultTheta(135401.97304176545, 128), stretched);
        Assert.True(RopeFrequencies.IsDynamicNtkStretched(config, 16384));

        // One position past L: α = 4·4097/4096 − 3.
        double alpha = 4.0 * 4097 / 4096 - 3;
        Close(DefaultTheta(10000 * Math.Pow(alpha, 128.0 / 126), 128), RopeFrequencies.InverseFrequencies(config, 4097));
        Assert.True(RopeFrequencies.IsDynamicNtkStretched(config, 4097));
        Assert.Equal(1.0, RopeFrequencies.AttentionFactor(config));
    }

    [Theory]
    [InlineData(4, 1.138629)]
    [InlineData(8, 1.207944)]
    [InlineData(16, 1.277259)]
    [InlineData(32, 1.346574)]
    [InlineData(40, 1.368888)]
    public void YarnAttentionFactorMatchesThePublishedValues(double factor, double expected)
    {
        var config = new RotaryConfig(128, 1e6, RopeScaling.Yarn) { Factor = factor, OriginalMaxPositions = 32768 };
        Assert.Equal(expected, RopeFrequencies.AttentionFactor(config), 6);
        Close(1 + 0.1 * Math.Log(factor), RopeFrequencies.AttentionFactor(config));
    }

    [Fact]
    public void YarnAttentionFactorOverrides()
    {
        // DeepSeek-V2: mscale = mscale_all_dim, so the cos/sin factor is exactly 1.
        Assert.Equal(1.0, RopeFrequencies.AttentionFactor(DeepSeekV2));
        // DeepSeek's softmax correction get_mscale(40, 0.707)^2 = 1.589626 (rope-math §4.5) is not part of RoPE.
        Assert.Equal(1.589626, Math.Pow(RopeFrequencies.YarnMScale(40, 0.707), 2), 6);

        // mscale alone is ignored (both must be set), an explicit attention factor wins, and s <= 1 gives 1.
        Assert.Equal(1.368888, RopeFrequencies.AttentionFactor(new RotaryConfig(64, 10000, RopeScaling.Yarn)
        { Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707 }), 6);
        Assert.Equal(1.25, RopeFrequencies.AttentionFactor(new RotaryConfig(64, 10000, RopeScaling.Yarn)
        { Factor = 40, OriginalMaxPositions = 4096, AttentionFactor = 1.25 }));
        Assert.Equal(1.0, RopeFrequencies.AttentionFactor(new RotaryConfig(64, 10000, RopeScaling.Yarn) { Factor = 1, OriginalMaxPositions = 4096 }));
        // mscale ≠ mscale_all_dim: the ratio of the two get_mscale values.
        Close((0.1 * 1.0 * Math.Log(40) + 1) / (0.1 * 0.5 * Math.Log(40) + 1), RopeFrequencies.AttentionFactor(new RotaryConfig(64, 10000, RopeScaling.Yarn)
        { Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 1.0, YarnMScaleAllDim = 0.5 }));
    }

    /// <summary>
    /// YaRN by parts (rope-math §4.5): the pair index that turns exactly r times in L is (d/2)·log_b(L/(2πr)); the ramp
    /// runs from the index of beta_fast turns (floor) to that of beta_slow turns (ceil); pairs below are kept, pairs
    /// above divided by s, and in between θ·(1 − ramp·(1 − 1/s)).
    /// </summary>
    [Theory]
    [InlineData(128, 1e6, 32768, 4.0, 23, 40)] // Qwen2 with the YaRN override Qwen's docs suggest
    [InlineData(64, 10000.0, 4096, 40.0, 10, 23)] // DeepSeek-V2's rope slice
    public void YarnKeepsFastPairsDividesSlowPairsAndRampsBetween(int d, double b, int original, double s, int low, int high)
    {
        double PairTurning(double turns) => d / 2.0 * Math.Log(original / (2 * Math.PI * turns)) / Math.Log(b);
        Assert.Equal(low, (int)Math.Floor(PairTurning(32)));
        Assert.Equal(high, (int)Math.Ceiling(PairTurning(1)));

        var config = new RotaryConfig(d, b, RopeScaling.Yarn) { Factor = s, OriginalMaxPositions = original };
        double[] theta = RopeFrequencies.InverseFrequencies(config), plain = DefaultTheta(b, d);
        for (int i = 0; i < d / 2; i++)
        {
            double ramp = Math.Clamp((i - low) / (double)(high - low), 0, 1);
            Close(plain[i] * (1 - ramp * (1 - 1 / s)), theta[i]);
            if (i <= low) Close(plain[i], theta[i]);
            else if (i >= high) Close(plain[i] / s, theta[i]);
            else Assert.InRange(theta[i], plain[i] / s * (1 + 1e-9), plain[i] * (1 - 1e-9));
        }
    }

    [Fact]
    public void YarnWithoutTruncationRampsBetweenTheFractionalPairIndexes()
    {
        // Qwen2 YaRN: without floor/ceil the ramp runs from pair 23.596 to pair 39.651.
        double PairTurning(double turns) => 64 * Math.Log(32768 / (2 * Math.PI * turns)) / Math.Log(1e6);
        double low = PairTurning(32), high = PairTurning(1);
        Assert.Equal(23.596, low, 3);
        Assert.Equal(39.651, high, 3);

        var exact = new RotaryConfig(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, YarnTruncate = false };
        var truncated = new RotaryConfig(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768 };
        double[] theta = RopeFrequencies.InverseFrequencies(exact), plain = DefaultTheta(1e6, 128);
        for (int i = 0; i < 64; i++)
            Close(plain[i] * (1 - Math.Clamp((i - low) / (high - low), 0, 1) * 0.75), theta[i]);
        // Pair 24 is 0.404 of a pair into the exact ramp (weight 0.025) but one pair into the truncated one (1/17).
        Close(plain[24] * (1 - 0.75 / 17), RopeFrequencies.InverseFrequencies(truncated)[24]);
        Assert.True(theta[24] > RopeFrequencies.InverseFrequencies(truncated)[24]);
    }

    [Fact]
    public void LlamaThreeOneKeepsPairs0To28BlendsPairs29To34AndDividesPairs35To63()
    {
        RotaryConfig config = Llama31();
        double[] theta = RopeFrequencies.InverseFrequencies(config), plain = DefaultTheta(500000, 128);
        for (int i = 0; i <= 28; i++) Close(plain[i], theta[i]);
        for (int i = 29; i <= 34; i++) Assert.InRange(theta[i], plain[i] / 8 * (1 + 1e-9), plain[i] * (1 - 1e-9));
        for (int i = 35; i <= 63; i++) Close(plain[i] / 8, theta[i]);

        // The same split from the wavelengths 2π/θ against L/high = 2048 and L/low = 8192, and Meta's smoothing
        // σ = (L/λ − low)/(high − low) between them.
        double Wavelength(int i) => 2 * Math.PI / plain[i];
        Assert.True(Wavelength(28) < 2048 && Wavelength(29) > 2048 && Wavelength(34) < 8192 && Wavelength(35) > 8192);
        for (int i = 29; i <= 34; i++)
        {
            double sigma = (8192 / Wavelength(i) - 1) / 3;
            Close((1 - sigma) * plain[i] / 8 + sigma * plain[i], theta[i]);
        }
        Assert.Equal(1.0, RopeFrequencies.AttentionFactor(config));
    }

    [Fact]
    public void KnownModelsCarryThePublishedPhi3Factors()
    {
        Assert.Equal(Phi3ShortFactors, KnownModels.Phi3ShortFactors);
        Assert.Equal(Phi3LongFactors, KnownModels.Phi3LongFactors);
        Assert.Equal(48, Phi3ShortFactors.Length);
        Assert.Equal(48, Phi3LongFactors.Length);
    }

    [Fact]
    public void LongRopePhi3MiniUsesShortFactorsUpTo4096AndLongFactorsFrom4097()
    {
        RotaryConfig config = Phi3Mini128k();
        double[] plain = DefaultTheta(10000, 96);
        foreach (int n in new[] { 0, 1, 4096 })
        {
            Close(plain.Select((t, i) => t / Phi3ShortFactors[i]).ToArray(), RopeFrequencies.InverseFrequencies(config, n));
            Assert.False(RopeFrequencies.UsesLongFactors(config, n));
        }
        foreach (int n in new[] { 4097, 131072 })
        {
            Close(plain.Select((t, i) => t / Phi3LongFactors[i]).ToArray(), RopeFrequencies.InverseFrequencies(config, n));
            Assert.True(RopeFrequencies.UsesLongFactors(config, n));
        }
    }

    [Fact]
    public void LongRopeAttentionFactor()
    {
        // s = 131072 / 4096 = 32: sqrt(1 + ln 32 / ln 4096) = sqrt(1 + 5/12) = 1.190238 (rope-math §4.6).
        Assert.Equal(1.190238, RopeFrequencies.AttentionFactor(Phi3Mini128k()), 6);
        Close(Math.Sqrt(1 + 5.0 / 12), RopeFrequencies.AttentionFactor(Phi3Mini128k()));

        static RotaryConfig With(double factor = 0, int maxPositions = 0, double attentionFactor = 0) => new(96, 10000, RopeScaling.LongRope)
        {
            OriginalMaxPositions = 4096, ShortFactors = Phi3ShortFactors, LongFactors = Phi3LongFactors,
            Factor = factor, MaxPositions = maxPositions, AttentionFactor = attentionFactor,
        };
        // An explicit factor wins over MaxPositions / L: s = 16 gives sqrt(1 + 4/12).
        Close(Math.Sqrt(1 + 4.0 / 12), RopeFrequencies.AttentionFactor(With(factor: 16, maxPositions: 131072)));
        Assert.Equal(1.5, RopeFrequencies.AttentionFactor(With(maxPositions: 131072, attentionFactor: 1.5)));
        Assert.Equal(1.0, RopeFrequencies.AttentionFactor(With(maxPositions: 4096)));
    }

    [Fact]
    public void LongRopeReferenceSwitchesTablesAtPositionId4096()
    {
        // transformers: the long table applies once max(position_ids) + 1 > L, i.e. already at position id L = 4096.
        RotaryConfig config = Phi3Mini128k();
        double scale = Math.Sqrt(1 + 5.0 / 12);
        double[] plain = DefaultTheta(10000, 96);
        var rng = new Random(11);
        double[] x = Enumerable.Range(0, 96).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        foreach ((int position, double[] factors) in new[] { (4095, Phi3ShortFactors), (4096, Phi3LongFactors) })
        {
            double[] y = x.ToArray();
            RopeReference.Apply(config, y, new[] { position }, 1);
            for (int j = 0; j < 48; j++)
            {
                // z = x_j + i·x_{j+48} turned by p·θ_j/ext_j and scaled by s.
                var z = new System.Numerics.Complex(x[j], x[j + 48]) * System.Numerics.Complex.FromPolarCoordinates(scale, position * plain[j] / factors[j]);
                Assert.Equal(z.Real, y[j], 1e-10);
                Assert.Equal(z.Imaginary, y[j + 48], 1e-10);
            }
        }
    }

    [Theory]
    [InlineData(RopeScaling.None)]
    [InlineData(RopeScaling.DynamicNtk)]
    [InlineData(RopeScaling.Llama3)]
    public void KindsWithoutMagnitudeCorrectionHaveAttentionFactorOne(RopeScaling kind) =>
        Assert.Equal(1.0, RopeFrequencies.AttentionFactor(new RotaryConfig(128, 500000, kind)
        { Factor = kind == RopeScaling.None ? 0 : 8, OriginalMaxPositions = kind == RopeScaling.None ? 0 : 8192 }));

    [Fact]
    public void ANegativeSequenceLengthIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => RopeFrequencies.InverseFrequencies(new RotaryConfig(64), -1));
        Assert.Equal("sequenceLength", error.ParamName);
        Assert.Contains("sequenceLength is -1", error.Message);
    }
}
