using System;
using System.IO;
using System.Linq;

namespace RopeGen.Tests;

/// <summary>
/// RotaryConfig.FromHuggingFace: each config.json rule of rope-math.md §3 on a small config written for it (the
/// real files are tested in the kernel tests), and each fault as an ArgumentException naming the JSON key.
/// </summary>
public class FromHuggingFaceTests
{
    private static RotaryConfig Read(string json) => RotaryConfig.FromHuggingFace(json);

    private static string Fault(string json) => Assert.Throws<ArgumentException>("json", () => Read(json)).Message;

    [Fact]
    public void HeadDimComesFromHeadDimElseHiddenSizeOverHeadsElseGpt2Names()
    {
        Assert.Equal(256, Read("""{ "head_dim": 256, "hidden_size": 3072, "num_attention_heads": 16 }""").HeadDim); // Gemma
        Assert.Equal(128, Read("""{ "head_dim": null, "hidden_size": 4096, "num_attention_heads": 32 }""").HeadDim);
        Assert.Equal(64, Read("""{ "hidden_size": 4544, "num_attention_heads": 71 }""").HeadDim); // Falcon
        Assert.Equal(256, Read("""{ "n_embd": 4096, "n_head": 16 }""").HeadDim); // GPT-J
        Assert.Equal(64, Read("""{ "hidden_size": 4544, "n_head": 71 }""").HeadDim); // Falcon's old names
        Assert.Equal(66, Read("""{ "hidden_size": 200, "num_attention_heads": 3 }""").HeadDim); // floored, as hidden_size // heads
        // DeepSeek MLA: the rope slice is the rotated head, whole.
        RotaryConfig mla = Read("""{ "hidden_size": 5120, "num_attention_heads": 128, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64, "partial_rotary_factor": 0.5 }""");
        Assert.Equal((64, 0), (mla.HeadDim, mla.RotaryDim));
    }

    [Fact]
    public void RotatedDimsAreIntOfHeadDimTimesTheFactor()
    {
        Assert.Equal(32, Read("""{ "head_dim": 80, "partial_rotary_factor": 0.4 }""").RotaryDim); // 80 · 0.4 = 32.000000000000004
        Assert.Equal(24, Read("""{ "head_dim": 96, "rotary_pct": 0.25 }""").RotaryDim);
        Assert.Equal(64, Read("""{ "head_dim": 256, "rotary_dim": 64 }""").RotaryDim);
        Assert.Equal(32, Read("""{ "head_dim": 128, "rope_parameters": { "rope_type": "default", "partial_rotary_factor": 0.25 } }""").RotaryDim);
        Assert.Equal(0, Read("""{ "head_dim": 128, "partial_rotary_factor": 1.0 }""").RotaryDim); // the whole head
        Assert.Equal(0, Read("""{ "head_dim": 64, "rotary_dim": 64 }""").RotaryDim);
    }

    [Fact]
    public void BaseComesFromRopeParametersThenRopeThetaThenRotaryEmbBase()
    {
        Assert.Equal(10000.0, Read("""{ "head_dim": 64 }""").Base);
        Assert.Equal(12345.0, Read("""{ "head_dim": 64, "rotary_emb_base": 12345 }""").Base);
        Assert.Equal(500000.0, Read("""{ "head_dim": 64, "rope_theta": 500000.0, "rotary_emb_base": 12345 }""").Base);
        Assert.Equal(1e6, Read("""{ "head_dim": 64, "rope_theta": 10000, "rope_parameters": { "rope_type": "default", "rope_theta": 1e6 } }""").Base);
    }

    [Fact]
    public void TheTypeKeyIsRopeTypeOrTypeAndSuIsLongRope()
    {
        Assert.Equal(RopeScaling.Linear, Read("""{ "head_dim": 64, "rope_scaling": { "type": "linear", "factor": 2 } }""").Scaling);
        Assert.Equal(RopeScaling.Linear, Read("""{ "head_dim": 64, "rope_scaling": { "rope_type": "linear", "type": "ignored", "factor": 2 } }""").Scaling);
        Assert.Equal(RopeScaling.None, Read("""{ "head_dim": 64, "rope_scaling": { "rope_type": "default", "factor": 8 } }""").Scaling);
        Assert.Equal(0.0, Read("""{ "head_dim": 64, "rope_scaling": { "rope_type": "default", "factor": 8 } }""").Factor); // no effect, not read
        Assert.Equal(RopeScaling.None, Read("""{ "head_dim": 64, "rope_scaling": {}, "rope_parameters": { "rope_type": "default" } }""").Scaling);
        string su = """{ "head_dim": 8, "max_position_embeddings": 8192, "original_max_position_embeddings": 4096, "rope_scaling": { "type": "su", "short_factor": [1, 1, 1, 1], "long_factor": [1, 2, 3, 4] } }""";
        Assert.Equal(RopeScaling.LongRope, Read(su).Scaling);
    }

    [Fact]
    public void DynamicTakesItsOriginalContextFromMaxPositionEmbeddings()
    {
        RotaryConfig c = Read("""{ "head_dim": 64, "max_position_embeddings": 32768, "rope_scaling": { "type": "dynamic", "factor": 2.0, "original_max_position_embeddings": 4096 } }""");
        Assert.Equal((RopeScaling.DynamicNtk, 2.0, 32768), (c.Scaling, c.Factor, c.OriginalMaxPositions));
    }

    [Fact]
    public void TheOriginalContextIsTopLevelThenTheDictionaryThenMaxPositionEmbeddings()
    {
        const string factors = """ "short_factor": [1, 1, 1, 1], "long_factor": [1, 1, 1, 1] """;
        Assert.Equal(4096, Read($$"""{ "head_dim": 8, "original_max_position_embeddings": 4096, "max_position_embeddings": 131072, "rope_scaling": { "type": "longrope", "original_max_position_embeddings": 2048, {{factors}} } }""").OriginalMaxPositions);
        Assert.Equal(2048, Read($$"""{ "head_dim": 8, "max_position_embeddings": 131072, "rope_scaling": { "type": "longrope", "original_max_position_embeddings": 2048, {{factors}} } }""").OriginalMaxPositions);
        RotaryConfig fallback = Read("""{ "head_dim": 8, "max_position_embeddings": 8192, "rope_scaling": { "rope_type": "llama3", "factor": 8 } }""");
        Assert.Equal(8192, fallback.OriginalMaxPositions);
        Assert.Equal(131072, Read($$"""{ "head_dim": 8, "original_max_position_embeddings": 4096, "max_position_embeddings": 131072, "rope_scaling": { "type": "longrope", {{factors}} } }""").MaxPositions);
    }

    [Fact]
    public void YarnReadsLikeTransformers()
    {
        // v5: without a factor, max_position_embeddings / original.
        Assert.Equal(4.0, Read("""{ "head_dim": 64, "max_position_embeddings": 131072, "rope_scaling": { "type": "yarn", "original_max_position_embeddings": 32768 } }""").Factor);
        // beta_fast / beta_slow read as `x or default`; truncate false kept.
        RotaryConfig betas = Read("""{ "head_dim": 64, "rope_scaling": { "type": "yarn", "factor": 4, "original_max_position_embeddings": 4096, "beta_fast": 0, "beta_slow": null, "truncate": false } }""");
        Assert.Equal((32.0, 1.0, false), (betas.BetaFast, betas.BetaSlow, betas.YarnTruncate));
        // mscale and mscale_all_dim count together; an explicit attention_factor wins over them.
        RotaryConfig both = Read("""{ "head_dim": 64, "rope_scaling": { "type": "yarn", "factor": 40, "original_max_position_embeddings": 4096, "mscale": 0.707, "mscale_all_dim": 0.707 } }""");
        Assert.Equal((0.707, 0.707), (both.YarnMScale, both.YarnMScaleAllDim));
        RotaryConfig alone = Read("""{ "head_dim": 64, "rope_scaling": { "type": "yarn", "factor": 40, "original_max_position_embeddings": 4096, "mscale": 0.707 } }""");
        Assert.Equal((0.0, 0.0), (alone.YarnMScale, alone.YarnMScaleAllDim));
        RotaryConfig explicitFactor = Read("""{ "head_dim": 64, "rope_scaling": { "type": "yarn", "factor": 40, "original_max_position_embeddings": 4096, "attention_factor": 1.0, "mscale": 1, "mscale_all_dim": 1 } }""");
        Assert.Equal((1.0, 0.0, 0.0), (explicitFactor.AttentionFactor, explicitFactor.YarnMScale, explicitFactor.YarnMScaleAllDim));
        Assert.Empty(RotaryValidation.Validate(explicitFactor)); // nothing without effect
    }

    [Fact]
    public void TheLayoutFollowsTheModelTypeUnlessOverridden()
    {
        foreach (string type in new[] { "gptj", "codegen", "cohere", "deepseek_v2", "deepseek_v3", "glm", "glm4", "chatglm" })
            Assert.Equal(RotaryLayout.Interleaved, Read($$"""{ "model_type": "{{type}}", "head_dim": 64 }""").Layout);
        foreach (string type in new[] { "llama", "mistral", "qwen2", "phi3", "gpt_neox", "gemma", "glm4_moe", "unknown" })
            Assert.Equal(RotaryLayout.HalfSplit, Read($$"""{ "model_type": "{{type}}", "head_dim": 64 }""").Layout);
        Assert.Equal(RotaryLayout.HalfSplit, Read("""{ "model_type": "deepseek_v3", "qk_rope_head_dim": 64, "rope_interleave": false }""").Layout);
        Assert.Equal(RotaryLayout.Interleaved, RotaryConfig.FromHuggingFace("""{ "model_type": "llama", "head_dim": 64 }""", RotaryLayout.Interleaved).Layout);
        Assert.Equal(RotaryLayout.HalfSplit, RotaryConfig.FromHuggingFace("""{ "model_type": "gptj", "head_dim": 64 }""", RotaryLayout.HalfSplit).Layout);
    }

    [Fact]
    public void AMultimodalConfigIsReadInItsTextConfig()
    {
        RotaryConfig c = Read("""{ "model_type": "llava", "hidden_size": 1024, "num_attention_heads": 16, "text_config": { "model_type": "llama", "hidden_size": 4096, "num_attention_heads": 32, "rope_theta": 500000.0 } }""");
        Assert.Equal((128, 500000.0), (c.HeadDim, c.Base));
        Assert.Contains("text_config.rope_scaling.factor", Fault("""{ "text_config": { "head_dim": 64, "rope_scaling": { "type": "linear" } } }"""));
    }

    [Fact]
    public void MRopeSectionsGoWithAnyKindAndTheLegacyMropeTypeIsDefault()
    {
        RotaryConfig qwen2VL = Read("""{ "hidden_size": 3584, "num_attention_heads": 28, "rope_theta": 1000000.0, "rope_scaling": { "type": "mrope", "mrope_section": [16, 24, 24] } }""");
        Assert.Equal((RopeScaling.None, false), (qwen2VL.Scaling, qwen2VL.MRopeInterleaved));
        Assert.Equal(new[] { 16, 24, 24 }, qwen2VL.MRopeSections);
        RotaryConfig qwen3VL = Read("""{ "text_config": { "head_dim": 128, "rope_scaling": { "mrope_interleaved": true, "mrope_section": [24, 20, 20], "rope_type": "default" } } }""");
        Assert.Equal(new[] { 24, 20, 20 }, qwen3VL.MRopeSections);
        Assert.True(qwen3VL.MRopeInterleaved);
        RotaryConfig yarn = Read("""{ "head_dim": 128, "rope_scaling": { "type": "yarn", "factor": 4, "original_max_position_embeddings": 32768, "mrope_section": [16, 24, 24] } }""");
        Assert.Equal((RopeScaling.Yarn, 3), (yarn.Scaling, yarn.MRopeSections!.Count));
        Assert.False(Read("""{ "head_dim": 128, "rope_scaling": { "rope_type": "default", "mrope_interleaved": true } }""").MRopeInterleaved); // no sections: no effect, not read
    }

    [Fact]
    public void IntegralFloatsAndLastDuplicateKeysReadAsPythonReadsThem()
    {
        Assert.Equal(128, Read("""{ "head_dim": 128.0 }""").HeadDim);
        Assert.Equal(64, Read("""{ "head_dim": 128, "head_dim": 64 }""").HeadDim);
        Assert.Equal(128, Read("\uFEFF{ \"head_dim\": 128 }").HeadDim);
    }

    [Theory]
    [InlineData("""{ "head_dim": 64, "rope_scaling": { "type": "mrope", "mrope_section": [16, 8, 9] } }""", "rope_scaling.mrope_section", "MRopeSections sum to 33 pairs")]
    [InlineData("""{ "head_dim": 64, "rope_scaling": { "type": "mrope", "mrope_section": "16,8,8" } }""", "rope_scaling.mrope_section", "expected an array of whole numbers")]
    [InlineData("""{ "head_dim": 64, "rope_scaling": { "rope_type": "proportional" } }""", "rope_scaling.rope_type", "\"proportional\", a rope type RopeGen does not support")]
    [InlineData("""{ "model_type": "bloom", "n_embd": 4096, "n_head": 32 }""", "model_type", "rather than rotary embeddings")]
    [InlineData("""{ "head_dim": 64, "rope_scaling": { "type": "linear" } }""", "rope_scaling.factor", "Factor is missing")]
    [InlineData("""{ "head_dim": 64, "rope_scaling": { "type": "linear", "factor": 0.5 } }""", "rope_scaling.factor", "Factor is 0.5")]
    [InlineData("""{ "head_dim": 64, "rope_scaling": [1] }""", "rope_scaling", "expected an object")]
    [InlineData("""{ "head_dim": "64" }""", "head_dim", "expected a whole number")]
    [InlineData("""{ "head_dim": 64.5 }""", "head_dim", "expected a whole number")]
    [InlineData("""{ "head_dim": 64, "max_position_embeddings": 1e10, "rope_scaling": { "type": "dynamic", "factor": 2 } }""", "max_position_embeddings", "expected a whole number from")]
    [InlineData("""{ "head_dim": 64, "partial_rotary_factor": 1.5 }""", "partial_rotary_factor", "at most 1")]
    [InlineData("""{ "head_dim": 64, "partial_rotary_factor": 0.01 }""", "partial_rotary_factor", "0 dimensions")]
    [InlineData("""{ "head_dim": 64, "rotary_dim": 0 }""", "rotary_dim", "rotary_dim is 0")]
    [InlineData("""{ "head_dim": 64, "rotary_dim": 33 }""", "rotary_dim", "RotaryDim is 33")]
    [InlineData("""{ "hidden_size": 4096, "num_attention_heads": 0 }""", "num_attention_heads", "positive number of attention heads")]
    [InlineData("""{ "num_attention_heads": 32 }""", "head_dim", "hidden_size")]
    [InlineData("""{ "head_dim": 64, "rope_theta": -5 }""", "rope_theta", "Base is -5")]
    [InlineData("""{ "head_dim": 64, "rope_scaling": { "type": "llama3", "factor": 8, "original_max_position_embeddings": 8192, "low_freq_factor": 4, "high_freq_factor": 1 } }""", "rope_scaling.high_freq_factor", "HighFreqFactor is 1")]
    [InlineData("""{ "head_dim": 64, "rope_scaling": { "type": "yarn", "factor": 4, "original_max_position_embeddings": 4096, "beta_fast": 1, "beta_slow": 2 } }""", "rope_scaling.beta_fast", "BetaFast is 1")]
    [InlineData("""{ "head_dim": 8, "max_position_embeddings": 8192, "rope_scaling": { "type": "longrope", "short_factor": [1, 1, 1], "long_factor": [1, 1, 1, 1] } }""", "rope_scaling.short_factor", "ShortFactors has 3 entries")]
    [InlineData("""{ "head_dim": 8, "max_position_embeddings": 8192, "rope_scaling": { "type": "longrope", "short_factor": [1, 1, 1, "1"], "long_factor": [1, 1, 1, 1] } }""", "rope_scaling.short_factor[3]", "expected a number")]
    [InlineData("""[{ "head_dim": 64 }]""", "(top level)", "expected a JSON object")]
    public void FaultsThrowNamingTheKey(string json, string key, string reason)
    {
        string message = Fault(json);
        Assert.StartsWith("config.json: " + key, message);
        Assert.Contains(reason, message);
    }

    [Theory]
    [InlineData("{\n  \"head_dim\": 64,\n}", "line 3, column 1: ")]
    [InlineData("", "line 1, column 1: ")]
    [InlineData("{ \"head_dim\": 64 }\n\n trailing", "line 3, column ")] // System.Text.Json's column: bytes read on the line
    public void MalformedJsonThrowsWithLineAndColumn(string json, string where)
    {
        string message = Fault(json);
        Assert.StartsWith("config.json is not valid JSON: " + where, message);
        Assert.DoesNotContain("LineNumber", message); // System.Text.Json's 0-based repeat is cut
    }

    [Fact]
    public void FilesAndNullArguments()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ropegen-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "head_dim": 64, "rope_scaling": { "type": "linear" } }""");
        try
        {
            var e = Assert.Throws<ArgumentException>("path", () => RotaryConfig.FromHuggingFaceFile(path));
            Assert.StartsWith(path + ": rope_scaling.factor: Factor is missing", e.Message);
            File.WriteAllText(path, """{ "head_dim": 64 }""");
            Assert.Equal(64, RotaryConfig.FromHuggingFaceFile(path).HeadDim);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<FileNotFoundException>(() => RotaryConfig.FromHuggingFaceFile(path));
        Assert.Throws<ArgumentNullException>("json", () => RotaryConfig.FromHuggingFace(null!));
        Assert.Throws<ArgumentNullException>("path", () => RotaryConfig.FromHuggingFaceFile(null!));
        Assert.Contains("Layout is 5", Assert.Throws<ArgumentException>(() => RotaryConfig.FromHuggingFace("""{ "head_dim": 64 }""", (RotaryLayout)5)).Message);
    }

    [Fact]
    public void EveryFaultIsListedAtOnce()
    {
        string message = Fault("""{ "head_dim": 64, "rope_theta": "x", "rope_scaling": { "type": "yarn", "factor": "y" } }""");
        Assert.Contains("rope_theta is \"x\"", message);
        Assert.Contains("rope_scaling.factor is \"y\"", message);
        Assert.Equal(2, message.Split("expected a number").Length - 1);
    }
}
