using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Generator;

/// <summary>
/// The generated source for real models' settings: one whole file (Llama 3.1, half-split), and for the others only what
/// differs from it: the resolved constants and tables; the head rotation of the interleaved layout; for the dynamic
/// kinds (DynamicNtk, LongRope), the kernels that pick a table by sequence length (M-RoPE's members are in
/// <see cref="MultimodalGeneratorTests"/>). Every output must also compile warning-free.
/// </summary>
public class SnapshotTests
{
    /// <summary>The note at the top of every excerpt.</summary>
    internal const string ExcerptNote = "the members that differ from SnapshotTests.Llama31HalfSplit (the whole file)";

    /// <summary>RopeGenRotary's constants, frequencies, configuration and tables.</summary>
    internal static readonly SnapshotExcerpt Constants =
        new("static partial class RopeGenRotary", "internal static void Rotate(global::System.Span<float> a, int headsA");

    /// <summary>The kernels whose table depends on the sequence length: the first ApplyRotary's docs, Rotate, Shift.</summary>
    private static readonly SnapshotExcerpt[] Dynamic =
    {
        new("static void ApplyRotary(global::System.Span<float> x, global::System.ReadOnlySpan<int> positions, int numHeads)"),
        Constants,
        new("internal static void Rotate(global::System.Span<float> a, global::RopeGen.HeadView viewA"),
        new("internal static void Shift("),
    };

    private static void Run(string declaration, SnapshotExcerpt[]? excerpt = null, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var (_, output, result) = TestCompilation.RunGenerator(TestCompilation.Create("using RopeGen;\nnamespace Models;\n" + declaration));
        Assert.Empty(TestCompilation.Describe(output.GetDiagnostics()));
        Snapshot.Verify(result, method: method, excerpt: excerpt is null ? null
            : SnapshotExcerpt.Of(ExcerptNote, excerpt));
    }

    [Fact]
    public void Llama31HalfSplit() => Run(
        "[Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]\npublic partial class Llama31Attention { }");

    [Fact]
    public void GptJInterleavedPartial() => Run(
        "[Rotary(256, RotaryDim = 64, Layout = RotaryLayout.Interleaved)]\npublic partial class GptJAttention { }",
        [Constants, new("private static void RotateHeadsWide(ref float row, ref float a, int headsA, int strideA"),
            new("private static void RotateHeadsNarrow(ref float row, ref float a, int headsA, int strideA")]);

    [Fact]
    public void Phi2PartialHalfSplit() => Run("[Rotary(80, RotaryDim = 32)]\npublic partial class Phi2Attention { }", [Constants]);

    [Fact]
    public void DeepSeekV2YarnInterleaved() => Run(
        "[Rotary(64, 10000, RopeScaling.Yarn, Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707, YarnMScaleAllDim = 0.707, Layout = RotaryLayout.Interleaved)]\npublic partial class DeepSeekV2RopeAttention { }",
        [Constants]);

    /// <summary>Phi-3-mini-128k-instruct's own LongRoPE factors, from its config.json (tests/Configs).</summary>
    [Fact]
    public void Phi3MiniLongRope()
    {
        using JsonDocument config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "tests", "Configs", "Phi-3-mini-128k-instruct", "config.json")));
        JsonElement root = config.RootElement, scaling = root.GetProperty("rope_scaling");
        string Factors(string key) => "new double[] { " + string.Join(", ", scaling.GetProperty(key).EnumerateArray().Select(f => f.GetRawText())) + " }";
        int headDim = root.GetProperty("hidden_size").GetInt32() / root.GetProperty("num_attention_heads").GetInt32();
        Run($"[Rotary({headDim}, {root.GetProperty("rope_theta").GetRawText()}, RopeScaling.LongRope, " +
            $"OriginalMaxPositions = {root.GetProperty("original_max_position_embeddings").GetRawText()}, MaxPositions = {root.GetProperty("max_position_embeddings").GetRawText()}, " +
            $"ShortFactors = {Factors("short_factor")}, LongFactors = {Factors("long_factor")})]\npublic partial class Phi3Attention {{ }}", Dynamic);
    }

    [Fact]
    public void CodeLlamaStyleLinear() => Run("[Rotary(128, 1000000, RopeScaling.Linear, Factor = 4)]\npublic partial class LinearAttention { }", [Constants]);

    [Fact]
    public void NtkAwareInterleaved() => Run("[Rotary(64, 10000, RopeScaling.NtkAware, Factor = 2, Layout = RotaryLayout.Interleaved)]\npublic partial class NtkAttention { }", [Constants]);

    [Fact]
    public void DynamicNtk() => Run("[Rotary(64, 10000, RopeScaling.DynamicNtk, Factor = 2, OriginalMaxPositions = 2048)]\npublic partial class DynamicAttention { }", Dynamic);

    [Fact]
    public void NoSnapshotIsOrphaned()
    {
        // Every verified file belongs to a test method of a snapshot test class in this assembly.
        var tests = typeof(SnapshotTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>().Any()).Select(m => t.Name + "." + m.Name))
            .ToHashSet();
        string[] orphans = Directory.GetFiles(Snapshot.Directory(), "*.verified.*")
            .Select(Path.GetFileName).Where(f => !tests.Contains(f!.Split('#')[0].Replace(".verified.txt", ""))).ToArray()!;
        Assert.Empty(orphans);
    }
}
