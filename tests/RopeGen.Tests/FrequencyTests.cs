using System;
using System.Linq;

namespace RopeGen.Tests;

/// <summary>
/// Each kind's inverse frequencies and attention factor against values derived independently: published figures in
/// rope-math.md, or the paper's definition written out here in a different form than the code's.
/// </summary>
public class FrequencyTests
{
    private static double[] Default(double b, int d) => Enumerable.Range(0, d / 2).Select(i => Math.Exp(-2.0 * i / d * Math.Log(b))).ToArray();

    private static void AssertClose(double expected, double actual, double relative = 1e-12) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void DefaultIsTheRoFormerGeometricProgression()
    {
        double[] theta = RopeFrequencies.InverseFrequencies(new RotaryConfig(128));
        Assert.Equal(64, theta.Length);
        Assert.Equal(1.0, theta[0]);
        // Consecutive pairs differ by the constant ratio b^(-2/d).
        for (int i = 1; i < theta.Length; i++) AssertClose(Math.Pow(10000, -2.0 / 128), theta[i] / theta[i - 1]);
        AssertClose(Math.Pow(10000, -126.0 / 128), theta[63]);
    }

    [Fact]
    public void LlamaThreeOneFirstPairMatchesThePublishedValue() =>
        // rope-math §6: θ_1 of Llama 3.1 (b = 500000, d = 128) is 0.814617234 exactly.
        Assert.Equal(0.814617234, RopeFrequencies.InverseFrequencies(new RotaryConfig(128, 500000))[1], 9);

    [Fact]
    public void PartialRotaryUsesTheRotaryDimInTheExponent()
    {
        // GPT-NeoX-20B: 24 of 96 dims, θ_i = b^(-2i/24), not b^(-2i/96).
        double[] theta = RopeFrequencies.InverseFrequencies(new RotaryConfig(96) { RotaryDim = 24 });
        Assert.Equal(12, theta.Length);
        AssertClose(Math.Pow(10000, -22.0 / 24), theta[11]);
    }

    [Fact]
    public void LinearDividesEveryFrequencyByTheFactor()
    {
        double[] theta = RopeFrequencies.InverseFrequencies(new RotaryConfig(128, 10000, RopeScaling.Linear) { Factor = 4 });
        double[] plain = Default(10000, 128);
        for (int i = 0; i < 64; i++) AssertClose(plain[i] / 4, theta[i]);
    }

    [Fact]
    public void NtkAwareKeepsTheFastestPairAndDividesTheSlowestByTheFactor()
    {
        double[] theta = RopeFrequencies.InverseFrequencies(new RotaryConfig(128, 10000, RopeScaling.NtkAware) { Factor = 4 });
        double[] plain = Default(10000, 128);
        Assert.Equal(1.0, theta[0]);
        AssertClose(plain[63] / 4, theta[63], 1e-10);
    }

    [Fact]
    public void DynamicNtkIsTheDefaultTableUpToTheOriginalLengthAndStretchesAfter()
    {
        var config = new RotaryConfig(128, 10000, RopeScaling.DynamicNtk) { Factor = 4, OriginalMaxPositions = 4096 };
        double[] plain = Default(10000, 128);
        foreach (int n in new[] { 0, 1, 4096 })
            Assert.All(RopeFrequencies.InverseFrequencies(config, n).Zip(plain), p => AssertClose(p.Second, p.First));

        // rope-math §6: factor 4, N = 16384, L = 4096 gives b' = 135401.973 (exact arithmetic).
        double[] stretched = RopeFrequencies.InverseFrequencies(config, 16384);
        double basePrime = Math.Pow(stretched[1], -128.0 / 2);
        Assert.Equal(135401.973, basePrime, 3);
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
        Assert.Equal(1 + 0.1 * Math.Log(factor), RopeFrequencies.AttentionFactor(config), 12);
    }

    [Fact]
    public void DeepSeekV2MscaleCancelsToOneAndAnExplicitFactorWins()
    {
        var deepSeek = new RotaryConfig(64, 10000, RopeScaling.Yarn)
        { Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707, YarnMScaleAllDim = 0.707 };
        Assert.Equal(1.0, RopeFrequencies.AttentionFactor(deepSeek));
        var explicitFactor = new RotaryConfig(64, 10000, RopeScaling.Yarn) { Factor = 40, OriginalMaxPositions = 4096, AttentionFactor = 1.0 };
        Assert.Equal(1.0, RopeFrequencies.AttentionFactor(explicitFactor));
        // get_mscale(40, 0.707)^2 is DeepSeek's softmax correction, 1.589626 (rope-math §4.5).
        Assert.Equal(1.589626, Math.Pow(RopeFrequencies.YarnMScale(40, 0.707), 2), 6);
    }

    [Fact]
    public void YarnKeepsFastPairsDividesSlowPairsAndBlendsBetween()
    {
        // Qwen2 with YaRN factor 4, L = 32768, b = 1e6, d = 128. Pair i turns L·θ_i/(2π) times in L: beta_fast = 32
        // turns and more are kept, beta_slow = 1 turn and fewer are divided by 4 (pair index range rounded outwards).
        var config = new RotaryConfig(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768 };
        double[] theta = RopeFrequencies.InverseFrequencies(config);
        double[] plain = Default(1e6, 128);
        double Turns(int i) => 32768 * plain[i] / (2 * Math.PI);
        int lastFast = Enumerable.Range(0, 64).Last(i => Turns(i) >= 32);
        int firstSlow = Enumerable.Range(0, 64).First(i => Turns(i) <= 1);
        for (int i = 0; i < lastFast; i++) AssertClose(plain[i], theta[i]);
        for (int i = firstSlow + 1; i < 64; i++) AssertClose(plain[i] / 4, theta[i]);
        for (int i = lastFast + 1; i < firstSlow; i++) Assert.InRange(theta[i], plain[i] / 4 * (1 + 1e-9), plain[i] * (1 - 1e-9));
    }

    [Fact]
    public void YarnWithoutTruncationMovesTheRampEnds()
    {
        var truncated = new RotaryConfig(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768 };
        var exact = new RotaryConfig(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, YarnTruncate = false };
        Assert.NotEqual(RopeFrequencies.InverseFrequencies(truncated), RopeFrequencies.InverseFrequencies(exact));
    }

    [Fact]
    public void LlamaThreeOneKeepsPairs0To28BlendsPairs29To34AndDividesPairs35To63()
    {
        var config = new RotaryConfig(128, 500000, RopeScaling.Llama3)
        { Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192 };
        double[] theta = RopeFrequencies.InverseFrequencies(config);
        double[] plain = Default(500000, 128);
        for (int i = 0; i <= 28; i++) AssertClose(plain[i], theta[i]);
        for (int i = 29; i <= 34; i++) Assert.InRange(theta[i], plain[i] / 8 * (1 + 1e-9), plain[i] * (1 - 1e-9));
        for (int i = 35; i <= 63; i++) AssertClose(plain[i] / 8, theta[i]);
        Assert.Equal(1.0, RopeFrequencies.AttentionFactor(config));
    }

    [Fact]
    public void LongRopePhi3MiniUsesShortThenLongFactorsAndItsPublishedAttentionFactor()
    {
        RotaryConfig config = KnownModels.Phi3Mini128k;
        double[] plain = Default(10000, 96);
        double[] shortTable = RopeFrequencies.InverseFrequencies(config, 4096);
        double[] longTable = RopeFrequencies.InverseFrequencies(config, 4097);
        for (int i = 0; i < 48; i++)
        {
            AssertClose(plain[i] / KnownModels.Phi3ShortFactors[i], shortTable[i]);
            AssertClose(plain[i] / KnownModels.Phi3LongFactors[i], longTable[i]);
        }
        // sqrt(1 + ln 32 / ln 4096) = sqrt(1 + 5/12) = 1.190238
        Assert.Equal(Math.Sqrt(1 + 5.0 / 12), RopeFrequencies.AttentionFactor(config), 12);
        Assert.Equal(1.190238, RopeFrequencies.AttentionFactor(config), 6);
        Assert.False(RopeFrequencies.UsesLongFactors(config, 4096));
        Assert.True(RopeFrequencies.UsesLongFactors(config, 4097));
    }
}
