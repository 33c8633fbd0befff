using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Config;

/// <summary>[RotaryFromConfig] generates exactly what the equivalent [Rotary] line generates, and nothing for a faulty
/// file, which an analyzer then explains; neither the generator nor an analyzer crashes on any file.</summary>
public class ConfigGeneratorTests
{
    public static TheoryData<string, string> Lines() => new()
    {
        { "Llama-2-7b-hf", "[Rotary(128)]" },
        { "Llama-3.2-1B", "[Rotary(64, 500000, RopeScaling.Llama3, Factor = 32, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]" },
        { "gpt-j-6b", "[Rotary(256, RotaryDim = 64, Layout = RotaryLayout.Interleaved)]" },
        { "DeepSeek-V2", "[Rotary(64, 10000, RopeScaling.Yarn, Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707, YarnMScaleAllDim = 0.707, Layout = RotaryLayout.Interleaved)]" },
        { "gpt-oss-20b", "[Rotary(64, 150000, RopeScaling.Yarn, Factor = 32, OriginalMaxPositions = 4096, YarnTruncate = false)]" },
        { "internlm2_5-7b-chat", "[Rotary(128, 1000000, RopeScaling.DynamicNtk, Factor = 2, OriginalMaxPositions = 32768)]" },
        { "phi-2", "[Rotary(80, RotaryDim = 32)]" },
        { "Qwen3-VL-8B-Instruct", "[Rotary(128, 5000000, MRopeSections = new[] { 24, 20, 20 }, MRopeInterleaved = true)]" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void TheImportGeneratesExactlyWhatTheRotaryLineGenerates(string folder, string line)
    {
        string source = $"""
            using RopeGen;
            namespace Models;
            [RotaryFromConfig("{folder}/config.json")] public partial class Imported;
            {line} public partial class Written;
            """;
        var trees = ConfigProject.Driver(ConfigProject.Corpus(folder))
            .RunGeneratorsAndUpdateCompilation(TestCompilation.Create(source), out Compilation output, out _)
            .GetRunResult().GeneratedTrees;

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string imported = Assert.Single(trees, t => t.FilePath.EndsWith("Models.Imported.Rotary.g.cs")).ToString();
        string written = Assert.Single(trees, t => t.FilePath.EndsWith("Models.Written.Rotary.g.cs")).ToString();
        Assert.Equal(written, imported.Replace("Imported", "Written"));
    }

    public static TheoryData<string, string> Faulty() => new()
    {
        // The file: absent, ambiguous, malformed, unsupported, invalid.
        { "[RotaryFromConfig(\"absent.json\")] partial class C { }", "{}" },
        { "[RotaryFromConfig(\"\")] partial class C { }", "{}" },
        { "[RotaryFromConfig(null)] partial class C { }", "{}" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 128, }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "[128]" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", new string('[', 100000) },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 128, \"rope_scaling\": { \"type\": \"mrope\", \"mrope_section\": [16, 24] } }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 128, \"rope_scaling\": { \"type\": \"dynamic\", \"factor\": 2, \"mrope_section\": [16, 24, 24] }, \"max_position_embeddings\": 4096 }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 128, \"rope_scaling\": { \"rope_type\": \"proportional\" } }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 128, \"rope_scaling\": { \"rope_type\": 7 } }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 1e300 }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": -64 }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"hidden_size\": 4096, \"num_attention_heads\": 0 }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 128, \"rope_theta\": 1e400 }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 128, \"partial_rotary_factor\": 0 }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 128, \"rotary_dim\": 0 }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 128, \"rope_scaling\": { \"type\": \"yarn\", \"factor\": 0.5, \"original_max_position_embeddings\": 4096 } }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 4, \"rope_scaling\": { \"type\": \"su\", \"short_factor\": [1, \"x\"], \"long_factor\": [1, 1] }, \"max_position_embeddings\": 8 }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"text_config\": 5 }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 4096 }" },
        // The layout beside it, and the class.
        { "[RotaryFromConfig(\"config.json\", Layout = (RotaryLayout)3)] partial class C { }", "{ \"head_dim\": 128 }" },
        { "[RotaryFromConfig(\"config.json\")] class C { }", "{ \"head_dim\": 128 }" },
        { "[RotaryFromConfig(\"config.json\")] partial class C<T> { }", "{ \"head_dim\": 128 }" },
        { "[RotaryFromConfig(\"config.json\"), RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 128 }" },
        { "[RotaryFromConfig(\"config.json\", Layout = Missing)] partial class C { }", "{ \"head_dim\": 128 }" },
        { "[RotaryFromConfig(42)] partial class C { }", "{ \"head_dim\": 128 }" },
        { "[RotaryFromConfig] partial class C { }", "{ \"head_dim\": 128 }" },
    };

    [Theory]
    [MemberData(nameof(Faulty))]
    public async Task AFaultyDeclarationOrFileGeneratesNothingAndIsReported(string declaration, string json)
    {
        var run = await RunAsync(declaration, json);
        Assert.Empty(run.Generated);
        Assert.True(run.Errors.Count > 0, "The generator skipped the class, but no error tells the user why.");
    }

    [Fact]
    public async Task WithBothAttributesTheRotaryLineIsGeneratedAndTheConflictReported()
    {
        var run = await RunAsync("[Rotary(64)] [RotaryFromConfig(\"config.json\")] partial class C { }", "{ \"head_dim\": 128 }");
        Assert.Contains("public const int HeadDim = 64;", Assert.Single(run.Generated).ToString());
        Assert.Equal("ROPE019", Assert.Single(run.Errors).Id);
    }

    private static Task<AnalyzedRun> RunAsync(string declaration, string json) =>
        AnalyzedRun.RunAsync(["using RopeGen;\n" + declaration], null, ConfigProject.File("config.json", json));
}
