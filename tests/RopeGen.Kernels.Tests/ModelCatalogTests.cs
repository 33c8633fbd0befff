using System;
using System.Linq;

namespace RopeGen.Kernels.Tests;

// The README's model table, line for line: each [Rotary] line compiles and resolves to the published figures.
[Rotary(128)] public partial class Llama2_7B { }
[Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)] public partial class Llama31_8B { }
[Rotary(128)] public partial class Mistral7B { }
[Rotary(128, 1000000)] public partial class Qwen2_7B { }
[Rotary(128, 1000000, RopeScaling.Yarn, Factor = 4, OriginalMaxPositions = 32768)] public partial class Qwen2_7BYarn { }
[Rotary(80, RotaryDim = 32)] public partial class Phi2Model { }
[Rotary(96, RotaryDim = 24)] public partial class GptNeoX20BModel { }
[Rotary(256, RotaryDim = 64, Layout = RotaryLayout.Interleaved)] public partial class GptJ6BModel { }
[Rotary(64, 10000, RopeScaling.Yarn, Factor = 40, OriginalMaxPositions = 4096, BetaFast = 32, BetaSlow = 1, YarnMScale = 0.707, YarnMScaleAllDim = 0.707, Layout = RotaryLayout.Interleaved)] public partial class DeepSeekV2RopePart { }
[Rotary(256)] public partial class Gemma7BModel { }
[Rotary(128, 1000000, MRopeSections = new[] { 16, 24, 24 })] public partial class Qwen2VL7B { }
[Rotary(128, 5000000, MRopeSections = new[] { 24, 20, 20 }, MRopeInterleaved = true)] public partial class Qwen3VL8B { }

public class ModelCatalogTests
{
    [Fact]
    public void PublishedFiguresOfTheRealModels()
    {
        // rope-math.md §4.5/§4.6: DeepSeek-V2's mscale ratio is exactly 1; Phi-3-mini-128k's factor sqrt(1 + ln 32 / ln 4096).
        Assert.Equal(1.0, DeepSeekV2RopePart.RopeGenRotary.AttentionFactor);
        Assert.Equal(1.190238, Phi3Mini128k.RopeGenRotary.AttentionFactor, 6);
        Assert.InRange(Qwen2_7BYarn.RopeGenRotary.AttentionFactor - (1 + 0.1 * Math.Log(4)), -1e-12, 1e-12);
        Assert.Equal(1.0, Llama31_8B.RopeGenRotary.AttentionFactor);
        Assert.Equal((32, 16), (Phi2Model.RopeGenRotary.RotaryDim, Phi2Model.RopeGenRotary.PairCount));
        Assert.Equal(24, GptNeoX20BModel.RopeGenRotary.RotaryDim);
        Assert.Equal(RotaryLayout.Interleaved, GptJ6BModel.RopeGenRotary.Layout);
        Assert.Equal(256, Gemma7BModel.RopeGenRotary.HeadDim);
        // Llama 3.1 keeps pair 28 and divides pair 35 by 8 (rope-math.md §4.7).
        Assert.Equal(Math.Pow(500000, -56.0 / 128), Llama31_8B.RopeGenRotary.InverseFrequencies[28], 15);
        Assert.Equal(Math.Pow(500000, -70.0 / 128) / 8, Llama31_8B.RopeGenRotary.InverseFrequencies[35], 15);
    }

    [Fact]
    public void TheVisionLanguageModelsGiveEveryPairAnAxisAsKnownModelsDo()
    {
        // 64 pairs each; Qwen2-VL's contiguous sections and Qwen3-VL's interleaved ones, as in KnownModels.
        foreach ((RotaryConfig generated, RotaryConfig known) in new[] { (Qwen2VL7B.RopeGenRotary.Config, KnownModels.Qwen2VL7B), (Qwen3VL8B.RopeGenRotary.Config, KnownModels.Qwen3VL8B) })
        {
            Assert.Equal(64, generated.MRopeSections!.Sum());
            Assert.Equal(known.MRopeSections!.ToArray(), generated.MRopeSections!.ToArray());
            Assert.Equal((known.Base, known.MRopeInterleaved), (generated.Base, generated.MRopeInterleaved));
        }
        Assert.Equal(128, Qwen2VL7B.RopeGenRotary.MultimodalRows.Stride);
    }

    [Fact]
    public void ThePhi3AttributeCarriesTheSameFactorsAsKnownModels()
    {
        RotaryConfig generated = Phi3Mini128k.RopeGenRotary.Config, known = KnownModels.Phi3Mini128k;
        Assert.Equal(known.ShortFactors!.ToArray(), generated.ShortFactors!.ToArray());
        Assert.Equal(known.LongFactors!.ToArray(), generated.LongFactors!.ToArray());
        Assert.Equal(Phi3Mini128k.RopeGenRotary.AttentionFactor, RopeFrequencies.AttentionFactor(known));
    }
}
