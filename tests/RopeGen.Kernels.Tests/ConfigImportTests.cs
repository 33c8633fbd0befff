using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Kernels.Tests;

/// <summary>
/// Each config.json of the corpus, imported at build time ([RotaryFromConfig]) and at run time
/// (RotaryConfig.FromHuggingFaceFile), is the README's hand-written [Rotary] line: the same settings, and the same
/// rotation bit for bit.
/// </summary>
public class ConfigImportTests
{
    /// <summary>One corpus model: its folder, the imported and the hand-written class.</summary>
    public sealed record Model(string Folder, RotaryConfig Imported, KernelCase.ApplyLengthFn ImportedApply,
        RotaryConfig HandWritten, KernelCase.ApplyLengthFn HandWrittenApply)
    {
        public string File => Path.Combine(RepoRoot.Path, "tests", "Configs", Folder, "config.json");
    }

    private static readonly Model[] Corpus =
    {
        new("Llama-2-7b-hf", Llama2FromConfig.RopeGenRotary.Config, Llama2FromConfig.ApplyRotary, Llama2_7B.RopeGenRotary.Config, Llama2_7B.ApplyRotary),
        new("Llama-3.1-8B", Llama31FromConfig.RopeGenRotary.Config, Llama31FromConfig.ApplyRotary, Llama31_8B.RopeGenRotary.Config, Llama31_8B.ApplyRotary),
        new("Llama-3.2-1B", Llama32FromConfig.RopeGenRotary.Config, Llama32FromConfig.ApplyRotary, Llama32_1B.RopeGenRotary.Config, Llama32_1B.ApplyRotary),
        new("Mistral-7B-v0.1", Mistral7BFromConfig.RopeGenRotary.Config, Mistral7BFromConfig.ApplyRotary, Mistral7B.RopeGenRotary.Config, Mistral7B.ApplyRotary),
        new("Qwen2-7B", Qwen2FromConfig.RopeGenRotary.Config, Qwen2FromConfig.ApplyRotary, Qwen2_7B.RopeGenRotary.Config, Qwen2_7B.ApplyRotary),
        new("Qwen2.5-7B-Instruct-YaRN", Qwen25YarnFromConfig.RopeGenRotary.Config, Qwen25YarnFromConfig.ApplyRotary, Qwen2_7BYarn.RopeGenRotary.Config, Qwen2_7BYarn.ApplyRotary),
        new("Qwen3-8B", Qwen3FromConfig.RopeGenRotary.Config, Qwen3FromConfig.ApplyRotary, Qwen2_7B.RopeGenRotary.Config, Qwen2_7B.ApplyRotary),
        new("phi-2", Phi2FromConfig.RopeGenRotary.Config, Phi2FromConfig.ApplyRotary, Phi2Model.RopeGenRotary.Config, Phi2Model.ApplyRotary),
        new("Phi-3-mini-128k-instruct", Phi3MiniFromConfig.RopeGenRotary.Config, Phi3MiniFromConfig.ApplyRotary, Phi3Mini128k.RopeGenRotary.Config, Phi3Mini128k.ApplyRotary),
        new("Phi-3-vision-128k-instruct", Phi3VisionFromConfig.RopeGenRotary.Config, Phi3VisionFromConfig.ApplyRotary, Phi3Vision128kSu.RopeGenRotary.Config, Phi3Vision128kSu.ApplyRotary),
        new("gpt-neox-20b", GptNeoXFromConfig.RopeGenRotary.Config, GptNeoXFromConfig.ApplyRotary, GptNeoX20BModel.RopeGenRotary.Config, GptNeoX20BModel.ApplyRotary),
        new("gpt-j-6b", GptJFromConfig.RopeGenRotary.Config, GptJFromConfig.ApplyRotary, GptJ6BModel.RopeGenRotary.Config, GptJ6BModel.ApplyRotary),
        new("DeepSeek-V2", DeepSeekV2FromConfig.RopeGenRotary.Config, DeepSeekV2FromConfig.ApplyRotary, DeepSeekV2RopePart.RopeGenRotary.Config, DeepSeekV2RopePart.ApplyRotary),
        new("gemma-7b", Gemma7BFromConfig.RopeGenRotary.Config, Gemma7BFromConfig.ApplyRotary, Gemma7BModel.RopeGenRotary.Config, Gemma7BModel.ApplyRotary),
        new("gpt-oss-20b", GptOssFromConfig.RopeGenRotary.Config, GptOssFromConfig.ApplyRotary, GptOss20B.RopeGenRotary.Config, GptOss20B.ApplyRotary),
        new("stablelm-3b-4e1t", StableLmFromConfig.RopeGenRotary.Config, StableLmFromConfig.ApplyRotary, StableLm3B.RopeGenRotary.Config, StableLm3B.ApplyRotary),
        new("falcon-7b", Falcon7BFromConfig.RopeGenRotary.Config, Falcon7BFromConfig.ApplyRotary, Falcon7B.RopeGenRotary.Config, Falcon7B.ApplyRotary),
        new("internlm2_5-7b-chat", InternLM25FromConfig.RopeGenRotary.Config, InternLM25FromConfig.ApplyRotary, InternLM25_7B.RopeGenRotary.Config, InternLM25_7B.ApplyRotary),
        new("LLaMA-2-7B-32K", Llama2Long32KFromConfig.RopeGenRotary.Config, Llama2Long32KFromConfig.ApplyRotary, Llama2_7B_32K.RopeGenRotary.Config, Llama2_7B_32K.ApplyRotary),
        new("Qwen2-VL-7B-Instruct", Qwen2VLFromConfig.RopeGenRotary.Config, Qwen2VLFromConfig.ApplyRotary, Qwen2VL.RopeGenRotary.Config, Qwen2VL.ApplyRotary),
        new("Qwen3-VL-8B-Instruct", Qwen3VLFromConfig.RopeGenRotary.Config, Qwen3VLFromConfig.ApplyRotary, Qwen3VL.RopeGenRotary.Config, Qwen3VL.ApplyRotary),
    };

    public static TheoryData<string> Folders() => new(Corpus.Select(m => m.Folder));

    private static Model Find(string folder) => Corpus.Single(m => m.Folder == folder);

    [Fact]
    public void TheCorpusHoldsEveryConfigFileAndEveryKind()
    {
        string[] files = Directory.GetDirectories(Path.Combine(RepoRoot.Path, "tests", "Configs")).Select(Path.GetFileName).ToArray()!;
        Assert.Equal(files.OrderBy(f => f, StringComparer.Ordinal), Corpus.Select(m => m.Folder).OrderBy(f => f, StringComparer.Ordinal));
        // Every kind config.json can name (NtkAware is static NTK, a rope_theta edit rather than a rope type).
        foreach (RopeScaling kind in new[] { RopeScaling.None, RopeScaling.Linear, RopeScaling.DynamicNtk, RopeScaling.Yarn, RopeScaling.LongRope, RopeScaling.Llama3 })
            Assert.Contains(Corpus, m => m.Imported.Scaling == kind);
        Assert.Contains(Corpus, m => m.Imported.Layout == RotaryLayout.Interleaved);
        Assert.Contains(Corpus, m => m.Imported.RotaryDim != 0);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void BuildTimeImportHasTheSettingsOfTheHandWrittenLine(string folder)
    {
        Model model = Find(folder);
        ConfigAssert.SameSettings(model.HandWritten, model.Imported);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void RunTimeImportHasTheSettingsOfTheHandWrittenLine(string folder)
    {
        Model model = Find(folder);
        ConfigAssert.SameSettings(model.HandWritten, RotaryConfig.FromHuggingFaceFile(model.File));
        ConfigAssert.SameSettings(model.HandWritten, RotaryConfig.FromHuggingFace(File.ReadAllText(model.File)));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void BuildTimeRunTimeAndHandWrittenRotateIdentically(string folder)
    {
        Model model = Find(folder);
        var runTime = new RotaryKernel(RotaryConfig.FromHuggingFaceFile(model.File));
        var handWrittenAtRunTime = new RotaryKernel(model.HandWritten);
        const int heads = 3;

        // Sequences within and past every original context, so that DynamicNtk and LongRope switch tables; positions in
        // the table and past its cap (computed per token), few enough that no table grows beyond 8,194 rows.
        int[] all = { 0, 1, 7, 1023, 2047, 4095, 4096, 4097, 8191, 8192, 8193, 100_000, 999_999, 1_000_000 };
        foreach (int sequenceLength in new[] { 2048, 1_000_001 })
        {
            int[] positions = all.Where(p => p < sequenceLength).ToArray();
            float[] input = TestData.Random(positions.Length * heads * model.HandWritten.HeadDim, seed: sequenceLength);
            double[] exact = TestData.Reference(model.HandWritten, input, positions, heads, sequenceLength);
            float[] imported = (float[])input.Clone(), handWritten = (float[])input.Clone();
            float[] imported2 = (float[])input.Clone(), handWritten2 = (float[])input.Clone();

            model.ImportedApply(imported, positions, heads, sequenceLength);
            model.HandWrittenApply(handWritten, positions, heads, sequenceLength);
            runTime.Apply(imported2, positions, heads, sequenceLength);
            handWrittenAtRunTime.Apply(handWritten2, positions, heads, sequenceLength);

            Assert.Equal(handWritten, imported);   // generated kernels: bit for bit
            Assert.Equal(handWritten2, imported2); // RotaryKernel: bit for bit
            Assert.InRange(TestData.MaxError(imported, exact), 0, 2e-6);
            Assert.InRange(TestData.MaxError(imported2, exact), 0, 2e-6);
        }
    }

    public static TheoryData<string> MultimodalFolders() => new("Qwen2-VL-7B-Instruct", "Qwen3-VL-8B-Instruct");

    [Theory]
    [MemberData(nameof(MultimodalFolders))]
    public void MultimodalImportsRotateThreeAxisPositionsIdentically(string folder)
    {
        Model model = Find(folder);
        MultimodalCase.ApplyFn imported = folder.StartsWith("Qwen2") ? Qwen2VLFromConfig.ApplyMultimodalRotary : Qwen3VLFromConfig.ApplyMultimodalRotary;
        MultimodalCase.ApplyFn handWritten = folder.StartsWith("Qwen2") ? Qwen2VL.ApplyMultimodalRotary : Qwen3VL.ApplyMultimodalRotary;
        // [3, tokens], axis-major: 4 text tokens (equal ids), then a 2 x 3 image grid at time 4, then text again.
        int[] positions =
        {
            0, 1, 2, 3, 4, 4, 4, 4, 4, 4, 7, 8,
            0, 1, 2, 3, 4, 4, 4, 5, 5, 5, 7, 8,
            0, 1, 2, 3, 4, 5, 6, 4, 5, 6, 7, 8,
        };
        const int heads = 2;
        float[] input = TestData.Random(12 * heads * model.HandWritten.HeadDim, seed: 17);
        float[] a = (float[])input.Clone(), b = (float[])input.Clone(), c = (float[])input.Clone(), d = (float[])input.Clone();

        imported(a, positions, heads);
        handWritten(b, positions, heads);
        new RotaryKernel(RotaryConfig.FromHuggingFaceFile(model.File)).ApplyMultimodal(c, positions, heads);
        new RotaryKernel(model.HandWritten).ApplyMultimodal(d, positions, heads);

        Assert.Equal(b, a);
        Assert.Equal(d, c);
        Assert.NotEqual(input, a);
    }

    [Fact]
    public void EveryReadmeModelHasAKnownModelsPresetWithTheSettingsOfItsConfig()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md"));
        var rows = Regex.Matches(readme, @"^\|.*`\[RotaryFromConfig\(""(?<folder>[^""]+)/config\.json""\)\]`, `KnownModels\.(?<preset>\w+)` \|$", RegexOptions.Multiline);
        Assert.Equal(Corpus.Select(m => m.Folder).Order(), rows.Select(r => r.Groups["folder"].Value).Order());

        foreach (Match row in rows)
        {
            var preset = (RotaryConfig)typeof(KnownModels).GetProperty(row.Groups["preset"].Value)!.GetValue(null)!;
            ConfigAssert.SameSettings(RotaryConfig.FromHuggingFaceFile(Find(row.Groups["folder"].Value).File), preset);
        }
        Assert.Equal(typeof(KnownModels).GetProperties().Where(p => p.PropertyType == typeof(RotaryConfig)).Select(p => p.Name).Order(),
            rows.Select(r => r.Groups["preset"].Value).Order());
    }

    [Fact]
    public void TheLayoutOverrideReplacesTheInferredLayout()
    {
        string llama = Find("Llama-3.1-8B").File;
        Assert.Equal(RotaryLayout.HalfSplit, RotaryConfig.FromHuggingFaceFile(llama).Layout);
        Assert.Equal(RotaryLayout.Interleaved, RotaryConfig.FromHuggingFaceFile(llama, RotaryLayout.Interleaved).Layout);
        Assert.Equal(RotaryLayout.Interleaved, MetaLlama31.RopeGenRotary.Layout);
        ConfigAssert.SameSettings(Llama31Interleaved.RopeGenRotary.Config, MetaLlama31.RopeGenRotary.Config);
    }
}

[RotaryFromConfig("Llama-3.1-8B/config.json", Layout = RotaryLayout.Interleaved)]
public partial class MetaLlama31 { }

/// <summary>Settings compared one by one, by reflection, so that a setting added later is compared too.</summary>
internal static class ConfigAssert
{
    public static void SameSettings(RotaryConfig expected, RotaryConfig actual)
    {
        foreach (var property in typeof(RotaryConfig).GetProperties())
        {
            object? e = property.GetValue(expected), a = property.GetValue(actual);
            if (e is IEnumerable expectedValues and not string && a is IEnumerable actualValues)
                Assert.True(expectedValues.Cast<object>().SequenceEqual(actualValues.Cast<object>()), $"{property.Name} differs");
            else
                Assert.True(Equals(e, a), $"{property.Name}: expected {e ?? "null"}, found {a ?? "null"}");
        }
    }
}
