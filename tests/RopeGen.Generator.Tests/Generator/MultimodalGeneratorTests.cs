using System.Linq;
using Microsoft.CodeAnalysis;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Generator;

/// <summary>The M-RoPE members: the generated source of Qwen2-VL (what M-RoPE adds), clean compilation with docs, silence on bad sections.</summary>
public class MultimodalGeneratorTests
{
    private static (Compilation Output, GeneratorDriverRunResult Result) Run(string declaration)
    {
        var (_, output, result) = TestCompilation.RunGenerator(TestCompilation.Create("using RopeGen;\nnamespace Models;\n" + declaration));
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        return (output, result);
    }

    [Fact]
    public void Qwen2VlSections()
    {
        var (output, result) = Run("[Rotary(128, 1000000, MRopeSections = new[] { 16, 24, 24 })]\npublic partial class Qwen2VLAttention { }");
        Snapshot.Verify(result, excerpt: SnapshotExcerpt.Of(SnapshotTests.ExcerptNote,
            new SnapshotExcerpt("public static void ApplyMultimodalRotary(global::System.Span<float> x, global::System.ReadOnlySpan<int> positions, int numHeads)",
                "static void ApplyRotary(global::System.Span<global::System.Half> x"),
            SnapshotTests.Constants,
            new SnapshotExcerpt("MultimodalRows MultimodalRows", "struct FloatRotation")));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, TestCompilation.Describe(problems));
    }

    [Fact]
    public void InterleavedSectionsOnHugeHeadsCompileWithDocsOnEveryPublicMember()
    {
        // Head dim 1024 interleaved: rows of 2048 floats, so the scratch of four rows goes to the heap.
        var (output, result) = Run("[Rotary(1024, 5000000, Layout = RotaryLayout.Interleaved, MRopeSections = new[] { 200, 156, 156 }, MRopeInterleaved = true)]\npublic partial class Big { }\n" +
            "static class Use { static void M(float[] q, float[] k, int[] ids) { Big.ApplyMultimodalRotary(q, 2, k, 1, ids, 9); Big.ApplyMultimodalRotary(q, ids, 2); } }");
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, TestCompilation.Describe(problems));
        string source = result.GeneratedTrees.Single().ToString();
        Assert.Contains("new float[4 * RowStride]", source);
        Assert.Contains("new global::RopeGen.MultimodalRows(Layout, new int[] { 200, 156, 156 }, true)", source);
        // Float, fp16 and bfloat16, each single and fused, with and without a sequence length; the cache write into the three.
        Assert.Equal(12, source.Split('\n').Count(l => l.Trim().StartsWith("public static void ApplyMultimodalRotary(")));
        Assert.Equal(6, source.Split('\n').Count(l => l.Trim().StartsWith("public static void RotateMultimodalInto(")));
        string[] lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (!line.StartsWith("public static void ApplyMultimodalRotary(") && !line.StartsWith("public static void RotateMultimodalInto(") &&
                !lines[i].Contains(" MultimodalRows { get; }")) continue;
            int j = i - 1;
            while (lines[j].Trim().StartsWith("[")) j--;
            Assert.StartsWith("///", lines[j].Trim());
        }
    }

    [Theory]
    [InlineData("MRopeSections = new[] { 16, 24, 24 }")] // 32 pairs, not 64
    [InlineData("MRopeSections = new[] { 16, 16 }")]
    [InlineData("MRopeSections = new[] { 8, 12, 12 }, MRopeInterleaved = true")] // 3 × 12 > 32
    public void FaultySectionsGenerateNothing(string settings)
    {
        var (_, result) = Run($"[Rotary(64, {settings})]\npublic partial class Faulty {{ }}");
        Assert.Empty(result.GeneratedTrees);
    }
}
