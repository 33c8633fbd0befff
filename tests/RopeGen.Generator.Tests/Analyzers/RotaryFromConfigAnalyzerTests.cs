using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Analyzers;

public class RotaryFromConfigAnalyzerTests
{
    private const string Usings = "using RopeGen;\n";
    private const string Llama = """{ "model_type": "llama", "hidden_size": 4096, "num_attention_heads": 32, "rope_theta": 500000.0 }""";

    private static AdditionalText File(string path, string json) => ConfigProject.File(path, json);

    private static async Task<Diagnostic> Single(string source, params AdditionalText[] files) =>
        Assert.Single(await ConfigProject.DiagnosticsAsync(Usings + source, files));

    [Fact]
    public Task EveryCorpusFileImportsWithoutDiagnostics() => AnalyzerRunner.VerifyAsync(Usings + string.Join("\n",
            ConfigProject.CorpusFolders().Select((f, i) => $"[RotaryFromConfig(\"{f}/config.json\")] partial class C{i} {{ }}")),
        ConfigProject.CorpusFolders().Select(ConfigProject.Corpus).ToArray());

    [Fact]
    public Task FoundByRelativePathOrUniqueSuffix() => AnalyzerRunner.VerifyAsync(Usings + """
        [RotaryFromConfig("models/llama/config.json")] partial class A { }
        [RotaryFromConfig("llama/config.json")] partial class B { }
        [RotaryFromConfig(@"models\llama\config.json")] partial class C { }
        [RotaryFromConfig("./models/../models/llama/config.json")] partial class D { }
        [RotaryFromConfig("/repo/App/models/llama/config.json")] partial class E { }
        """, [File("models/llama/config.json", Llama)]);

    [Fact]
    public async Task NotAmongTheAdditionalFilesSaysHowToAddIt()
    {
        var d = await Single("""[RotaryFromConfig("missing/config.json")] partial class A { }""", File("models/llama/config.json", Llama));
        Assert.Equal("ROPE015", d.Id);
        Assert.Equal("\"missing/config.json\"", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Contains("<AdditionalFiles Include=\"missing/config.json\" />", d.GetMessage());
    }

    [Fact]
    public async Task ASuffixOfSeveralFilesNamesThemAndARelativePathTellsThemApart()
    {
        AdditionalText a = File("models/a/config.json", Llama), b = File("models/b/config.json", Llama);
        var d = await Single("""[RotaryFromConfig("config.json")] partial class A { }""", a, b);
        Assert.Equal("ROPE015", d.Id);
        Assert.Contains("matches 2 AdditionalFiles (/repo/App/models/a/config.json, /repo/App/models/b/config.json)", d.GetMessage());

        // The path relative to the project wins over a longer file that ends with the same path.
        await AnalyzerRunner.VerifyAsync(Usings + """[RotaryFromConfig("a/config.json")] partial class A { }""",
            [File("a/config.json", Llama), File("other/a/config.json", """{ "hidden_size": "x" }""")]);
    }

    [Fact]
    public Task EmptyOrNullPath() => AnalyzerRunner.VerifyAsync(Usings + """
        [RotaryFromConfig({|ROPE015:""|})] partial class A { }
        [RotaryFromConfig({|ROPE015:null|})] partial class B { }
        [RotaryFromConfig({|ROPE015:"  "|})] partial class C { }
        """);

    [Fact]
    public async Task MalformedJsonGivesLineAndColumnAndPointsIntoTheFile()
    {
        var d = await Single("""[RotaryFromConfig("config.json")] partial class A { }""",
            File("config.json", "{\n  \"hidden_size\": 4096,\n  \"num_attention_heads\": 32,\n}\n"));
        Assert.Equal("ROPE016", d.Id);
        Assert.Equal("'config.json' is not valid JSON: line 4, column 1: unexpected '}'; expected a property name in double quotes", d.GetMessage());
        Location inFile = Assert.Single(d.AdditionalLocations);
        Assert.Equal("/repo/App/config.json", inFile.GetLineSpan().Path);
        Assert.Equal(3, inFile.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("""{ "text_config": { "head_dim": 256, "rope_parameters": { "rope_type": "proportional", "partial_rotary_factor": 0.25 } } }""", "text_config.rope_parameters.rope_type", "\"proportional\", a rope type RopeGen does not support")]
    [InlineData("""{ "hidden_size": 4096, "num_attention_heads": 32, "rope_scaling": { "rope_type": "ntk", "factor": 2 } }""", "rope_scaling.rope_type", "\"ntk\", a rope type RopeGen does not support")]
    [InlineData("""{ "model_type": "gpt2", "n_embd": 768, "n_head": 12 }""", "model_type", "learned or ALiBi positions")]
    [InlineData("""{ "model_type": "falcon", "alibi": true, "hidden_size": 4544, "num_attention_heads": 71 }""", "alibi", "ALiBi")]
    [InlineData("""{ "hidden_size": 1152, "num_attention_heads": 4, "layer_types": ["sliding_attention", "full_attention"], "rope_parameters": { "sliding_attention": { "rope_type": "default" }, "full_attention": { "rope_type": "linear", "factor": 8 } } }""", "rope_parameters", "one RoPE per layer type")]
    public async Task UnsupportedRopeIsNamed(string json, string key, string reason)
    {
        var d = await Single("""[RotaryFromConfig("config.json")] partial class A { }""", File("config.json", json));
        Assert.Equal("ROPE017", d.Id);
        Assert.StartsWith($"'config.json': {key}", d.GetMessage());
        Assert.Contains(reason, d.GetMessage());
    }

    [Theory]
    [InlineData("""{ "hidden_size": 4096, "num_attention_heads": 32, "rope_scaling": { "type": "linear" } }""", "'config.json': rope_scaling.factor: Factor is missing")]
    [InlineData("""{ "hidden_size": 4096, "num_attention_heads": 32, "rope_scaling": { "type": "linear", "factor": "8" } }""", "'config.json': rope_scaling.factor is \"8\"; expected a number.")]
    [InlineData("""{ "hidden_size": 4096, "num_attention_heads": 32, "rope_theta": 0.5 }""", "'config.json': rope_theta: Base is 0.5")]
    [InlineData("""{ "hidden_size": 4096 }""", "'config.json': head_dim is missing, and so is num_attention_heads")]
    [InlineData("""{ "head_dim": 127 }""", "'config.json': head_dim: HeadDim is 127")]
    [InlineData("""{ "head_dim": 64, "partial_rotary_factor": 0.3 }""", "'config.json': partial_rotary_factor: RotaryDim is 19")]
    [InlineData("""{ "head_dim": 64, "rope_parameters": { "rope_type": "yarn", "factor": 4, "original_max_position_embeddings": -1 } }""", "'config.json': rope_parameters.original_max_position_embeddings: OriginalMaxPositions is -1")]
    [InlineData("""{ "text_config": { "head_dim": 64, "rope_scaling": { "rope_type": "llama3", "factor": 8 } } }""", "'config.json': text_config.rope_scaling.original_max_position_embeddings: OriginalMaxPositions is missing")]
    [InlineData("""{ "head_dim": 8, "rope_scaling": { "type": "longrope", "short_factor": [1, 1], "long_factor": [1, 1, 1, 1] }, "original_max_position_embeddings": 4096, "max_position_embeddings": 8192 }""", "'config.json': rope_scaling.short_factor: ShortFactors has 2 entries; expected exactly 4")]
    [InlineData("""{ "hidden_size": 3584, "num_attention_heads": 28, "rope_scaling": { "type": "mrope", "mrope_section": [16, 24, 25] } }""", "'config.json': rope_scaling.mrope_section: MRopeSections sum to 65 pairs")]
    [InlineData("""{ "head_dim": 128, "rope_scaling": { "type": "mrope", "mrope_section": [16, 24.5, 24] } }""", "'config.json': rope_scaling.mrope_section[1] is 24.5; expected a whole number.")]
    public async Task AMissingOrInvalidSettingNamesTheJsonKey(string json, string message)
    {
        var d = await Single("""[RotaryFromConfig("config.json")] partial class A { }""", File("config.json", json));
        Assert.Equal("ROPE018", d.Id);
        Assert.StartsWith(message, d.GetMessage());
    }

    [Fact]
    public Task TheLayoutBesideTheFileIsCheckedAtItsArgument() => AnalyzerRunner.VerifyAsync(Usings + """
        [RotaryFromConfig("config.json", {|ROPE010:Layout = (RotaryLayout)7|})] partial class A { }
        [RotaryFromConfig("config.json", Layout = RotaryLayout.Interleaved)] partial class B { }
        """, [File("config.json", Llama)]);

    [Fact]
    public Task ClassShapeHeadDimAndTheOtherAttribute() => AnalyzerRunner.VerifyAsync(Usings + """
        [RotaryFromConfig("config.json")] class {|ROPE001:NotPartial|} { }
        [RotaryFromConfig("config.json")] partial class {|ROPE009:Generic|}<T> { }
        [RotaryFromConfig({|ROPE011:"big.json"|})] partial class Big { }
        [RotaryFromConfig({|ROPE006:"config.json"|})] partial class Mismatch { const int HeadDim = 64; }
        [Rotary(128)] [{|ROPE019:RotaryFromConfig("config.json")|}] partial class Both { }
        [RotaryFromConfig("config.json")] file partial class {|ROPE012:FileLocal|} { }
        [RotaryFromConfig("config.json")] partial class Clash { int {|ROPE013:ShiftRotary|}; }
        [RotaryFromConfig("vl.json")] partial class MultimodalClash { int {|ROPE013:ApplyMultimodalRotary|}; }
        [RotaryFromConfig("config.json")] partial class NoMultimodalMembers { int ApplyMultimodalRotary; }
        """, [File("config.json", Llama), File("big.json", """{ "head_dim": 2048 }"""),
            File("vl.json", """{ "head_dim": 128, "rope_scaling": { "type": "mrope", "mrope_section": [16, 24, 24] } }""")]);

    [Fact]
    public Task KernelCallsAreCheckedWithTheHeadDimOfTheFile() => AnalyzerRunner.VerifyAsync(Usings + """
        [RotaryFromConfig("config.json")]
        partial class A
        {
            static void Wrong() => ApplyRotary({|ROPE007:new float[100]|}, new[] { 0 }, 1);
            static void Right() => ApplyRotary(new float[256], new[] { 0, 1 }, 1);
        }
        """, [File("config.json", Llama)]);

    [Fact]
    public async Task MessagesNameTheAttributeOfTheClass()
    {
        var d = await Single("""[RotaryFromConfig("config.json")] class D { }""", File("config.json", Llama));
        Assert.StartsWith("'D' has [RotaryFromConfig] but it is not partial", d.GetMessage());
    }
}
