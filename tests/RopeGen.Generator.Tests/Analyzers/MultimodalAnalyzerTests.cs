using System.Threading.Tasks;
using RopeGen.CodeFixes;
using RopeGen.Generator.Diagnostics;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Analyzers;

/// <summary>ROPE020 for M-RoPE sections, at the MRopeSections argument; ROPE008 (and its fix) for MRopeInterleaved alone.</summary>
public class MultimodalAnalyzerTests
{
    private const string Usings = "using RopeGen;\n";

    [Fact]
    public Task PublishedSectionsHaveNoDiagnostics() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(128, 1000000, MRopeSections = new[] { 16, 24, 24 })] partial class Qwen2VL { }
        [Rotary(128, 5000000, MRopeSections = new[] { 24, 20, 20 }, MRopeInterleaved = true)] partial class Qwen3VL { }
        [Rotary(256, 10000000, RopeScaling.Yarn, Factor = 4, OriginalMaxPositions = 262144, RotaryDim = 64, MRopeSections = new[] { 11, 11, 10 }, MRopeInterleaved = true)] partial class Qwen35 { }
        [Rotary(128, RotaryDim = 64, Layout = RotaryLayout.Interleaved, MRopeSections = new[] { 8, 12, 12 })] partial class Glm4V { }
        """);

    [Fact]
    public Task FaultySections() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(64, 1000000, {|ROPE020:MRopeSections = new[] { 16, 24, 24 }|})] partial class SumIsNotThePairCount { }
        [Rotary(128, {|ROPE020:MRopeSections = new[] { 32, 32 }|})] partial class TwoSections { }
        [Rotary(128, {|ROPE020:MRopeSections = new[] { 64, 0, 0 }|})] partial class EmptyAxis { }
        [Rotary(128, {|ROPE020:MRopeSections = new[] { 20, 22, 22 }|}, MRopeInterleaved = true)] partial class InterleavedTooWide { }
        [Rotary(128, 10000, RopeScaling.DynamicNtk, Factor = 2, OriginalMaxPositions = 4096, {|ROPE020:MRopeSections = new[] { 16, 24, 24 }|})] partial class Dynamic { }
        """);

    [Fact]
    public Task InterleavedWithoutSectionsHasNoEffect() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(128, {|ROPE008:MRopeInterleaved = true|})] partial class A { }
        """);

    [Fact]
    public Task TheCodeFixRemovesInterleavedWithoutSections() => CodeFixRunner.VerifyAsync<RemoveSettingCodeFix>(
        "using RopeGen;\n[Rotary(128, 1000000, {|ROPE008:MRopeInterleaved = true|})] partial class A { }\n",
        "using RopeGen;\n[Rotary(128, 1000000)] partial class A { }\n");

    [Fact]
    public Task TheMessageNamesTheSumFoundAndThePairCount() => AnalyzerRunner.VerifyAsync(
        Usings + "[Rotary(64, 1000000, {|#0:MRopeSections = new[] { 16, 24, 24 }|})] partial class A { }",
        AnalyzerRunner.Diagnostic(DiagnosticDescriptors.Multimodal).WithLocation(0)
            .WithMessage("MRopeSections sum to 64 pairs; expected RotaryDim / 2 = 32, one axis for every rotation pair."));
}
