using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RopeGen.Generator.Model;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Generator;

/// <summary>
/// Legal but unusual C# (issue 15, items 1 to 7): names that map to one file name, keywords as names, [Rotary]
/// classes deriving from [Rotary] classes, file-local classes, [Rotary] twice, a type named <c>var</c>, and user members
/// named like generated ones. Nothing may crash the generator, and no diagnostic may land in a generated file.
/// </summary>
public class UnusualDeclarationTests
{
    private static Task<AnalyzedRun> RunAsync(string[] sources, MetadataReference[]? references) =>
        AnalyzedRun.RunAsync(sources.Select(s => "using RopeGen;\n" + s), references);

    private static Task<AnalyzedRun> RunAsync(params string[] sources) => RunAsync(sources, null);

    private static async Task AssertCompilesCleanly(int files, params string[] sources)
    {
        AnalyzedRun run = await RunAsync(sources);
        Assert.True(run.Problems.Length == 0, TestCompilation.Describe(run.Problems));
        Assert.Equal(files, run.Generated.Length);
        Assert.Equal(files, run.Generated.Select(t => t.FilePath.ToUpperInvariant()).Distinct().Count());
    }

    [Fact]
    public Task NamesThatMapToOneFileNameGetFilesOfTheirOwn() => AssertCompilesCleanly(10, """
        namespace N
        {
            [Rotary(64)] partial class Attn_ { }
            [Rotary(64)] partial class Attnⅰ { } // U+2170, a letter number: the file name replaces it like '_'
            [Rotary(64)] partial class _class { }
            [Rotary(64)] partial class @class { }
            [Rotary(64)] partial class Attn { }
            [Rotary(64)] partial class attn { } // file names compare case-insensitively
            partial class Outer_ { [Rotary(32)] partial class Inner { } }
            partial class Outerⅰ { [Rotary(32)] partial class Inner { } }
        }
        namespace N.Outerⅱ { [Rotary(32)] partial class Inner { } } // a namespace where the others have a class
        namespace Nⅰ { [Rotary(32)] partial class Attn_ { } }
        static class Use
        {
            static void M(float[] x, int[] p)
            {
                N.Attn_.ApplyRotary(x, p, 1); N.Attnⅰ.ApplyRotary(x, p, 1); N._class.ApplyRotary(x, p, 1); N.@class.ApplyRotary(x, p, 1);
                N.Attn.ApplyRotary(x, p, 1); N.attn.ApplyRotary(x, p, 1); Nⅰ.Attn_.ApplyRotary(x, p, 1);
            }
        }
        """);

    [Fact]
    public Task KeywordsAsNamesAreEscaped() => AssertCompilesCleanly(4, """
        namespace @namespace.@event
        {
            [Rotary(64)] public partial class @class { }
            public partial class @struct { [Rotary(64)] internal partial class @int { } }
            public partial record @record { [Rotary(32)] public partial class @partial { } }
            [Rotary(32)] public partial class @var { }
        }
        static class Use { static void M(float[] x) => @namespace.@event.@class.ApplyRotary(x, new[] { 0 }, 1); }
        """);

    [Fact]
    public async Task ADerivedRotaryClassHidesTheBaseKernelsWithNew()
    {
        await AssertCompilesCleanly(3, """
            [Rotary(64)] public partial class BaseAttn { }
            [Rotary(128)] public partial class DerivedAttn : BaseAttn { }
            [Rotary(32)] public partial class Grandchild : DerivedAttn { }
            static class Use
            {
                static int M(float[] x) { DerivedAttn.ApplyRotary(x, new[] { 0 }, 1); return DerivedAttn.RopeGenRotary.HeadDim + Grandchild.RopeGenRotary.HeadDim; }
            }
            """);
        // Hand-written base members: `new` exactly where one is hidden (CS0108 without it, CS0109 with it where none is).
        await AssertCompilesCleanly(1, """
            using System;
            public class Handwritten
            {
                public static void ApplyRotary(Span<float> x, ReadOnlySpan<int> positions, int numHeads) { }
                public static void ApplyRotary(float[] other) { }
                public int ShiftRotary => 1;
                private static void ApplyRotary(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions) { }
                public class RopeGenRotary { }
            }
            [Rotary(64)] public partial class Derived : Handwritten { }
            """);
        // M-RoPE classes get ApplyMultimodalRotary too: hidden only where the base has it.
        await AssertCompilesCleanly(4, """
            [Rotary(64)] public partial class Plain { }
            [Rotary(128, 1000000, MRopeSections = new[] { 16, 24, 24 })] public partial class MultimodalOnPlain : Plain { }
            [Rotary(128, 1000000, MRopeSections = new[] { 16, 24, 24 })] public partial class MultimodalOnMultimodal : MultimodalOnPlain { }
            [Rotary(64)] public partial class PlainOnMultimodal : MultimodalOnMultimodal { }
            """);
    }

    [Fact]
    public async Task ABaseFromAnotherAssemblyIsHiddenToo()
    {
        var (_, library, _) = TestCompilation.RunGenerator(TestCompilation.Create(["[RopeGen.Rotary(64)] public partial class BaseAttn { }"], assemblyName: "Library"));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        AnalyzedRun run = await RunAsync(["[Rotary(128)] public partial class DerivedAttn : BaseAttn { }"], [MetadataReference.CreateFromImage(image.ToArray())]);
        Assert.True(run.Problems.Length == 0, TestCompilation.Describe(run.Problems));
        Assert.Single(run.Generated);
    }

    [Fact]
    public async Task AFileLocalClassIsReportedAndNotExtended()
    {
        AnalyzedRun run = await RunAsync("[Rotary(64)] file partial class F { }", "file partial class Outer { [Rotary(64)] internal partial class Inner { } }");
        Assert.Empty(run.Generated);
        Assert.Equal(["ROPE012", "ROPE012"], run.Problems.Select(d => d.Id));
        string[] messages = run.Problems.Select(d => d.GetMessage()).ToArray();
        Assert.Contains(messages, m => m.StartsWith("'F' has [Rotary] but it is file-local"));
        Assert.Contains(messages, m => m.StartsWith("'Inner' has [Rotary] but its containing type 'Outer' is file-local"));
    }

    [Fact]
    public async Task RotaryOnTwoPartialDeclarationsInTwoFilesIsTheCompilersError()
    {
        AnalyzedRun run = await RunAsync("[Rotary(64)] partial class Twice { }", "[Rotary(128)] partial class Twice { }");
        Assert.Empty(run.Generated);
        Assert.Equal("CS0579", Assert.Single(run.Problems).Id); // duplicate attribute
    }

    [Fact]
    public Task ATypeNamedVarInScopeChangesNothing() => AssertCompilesCleanly(2, """
        namespace Models
        {
            class var { }
            [Rotary(128)] partial class Half { }
            [Rotary(96, RotaryDim = 26, Layout = RotaryLayout.Interleaved)] partial class Interleaved { }
        }
        """);

    public static TheoryData<string, string> Clashes() => new()
    {
        { "[Rotary(64)] partial class C { public static void ApplyRotary(System.Span<float> a, System.ReadOnlySpan<int> b, int c) { } }", "method 'ApplyRotary'" },
        { "[Rotary(64)] partial class C { static void ApplyRotary(System.Span<float> q, int a, System.Span<float> k, int b, System.ReadOnlySpan<int> p) { } }", "method 'ApplyRotary'" },
        { "[Rotary(64)] partial class C { public static int ShiftRotary(System.Span<float> keys, int heads, int delta) => 0; }", "method 'ShiftRotary'" },
        { "[Rotary(64)] partial class C { int ShiftRotary; }", "field 'ShiftRotary'" },
        { "[Rotary(64)] partial class C { int RopeGenRotary; }", "field 'RopeGenRotary'" },
        { "[Rotary(64)] partial class C { class RopeGenRotary { } }", "class 'RopeGenRotary'" },
        { "[Rotary(64)] partial class C { event System.Action? ApplyRotary; }", "event 'ApplyRotary'" },
        { "[Rotary(64)] partial class C { struct ApplyRotary { } }", "struct 'ApplyRotary'" },
        { "[Rotary(64)] partial class ApplyRotary { }", "its own name 'ApplyRotary'" },
        { "[Rotary(64)] partial class RopeGenRotary { }", "its own name 'RopeGenRotary'" },
    };

    [Theory]
    [MemberData(nameof(Clashes))]
    public async Task AMemberNamedLikeAGeneratedOneIsReportedAndNothingIsGenerated(string declaration, string described)
    {
        AnalyzedRun run = await RunAsync(declaration);
        Assert.Empty(run.Generated);
        Diagnostic clash = Assert.Single(run.Problems, d => d.Id == "ROPE013");
        Assert.Contains(described, clash.GetMessage());
        Assert.All(run.Problems, d => Assert.True(d.Id is "ROPE013" or "CS0067" or "CS0169" or "CS0414", d.ToString())); // unused-member warnings of the user's own code
    }

    [Fact]
    public Task OverloadsAndAPartialRopeGenRotaryAreNotClashes() => AssertCompilesCleanly(1, """
        [Rotary(64)]
        public static partial class C
        {
            public static void ApplyRotary(float[] x) => ApplyRotary(x, new[] { 0 }, x.Length / RopeGenRotary.HeadDim);
            public static void ShiftRotary(float[] keys) => ShiftRotary(keys, 1, RopeGenRotary.Extra);
            public static partial class RopeGenRotary { public const int Extra = 3; }
        }
        """);

    [Fact]
    public void TheListOfGeneratedMembersIsWhatTheGeneratorWrites()
    {
        // The clash and hiding rules work from GeneratedMember.All: it must name every public member generated into a
        // class, with M-RoPE sections and ILGPU referenced, by name and parameter types.
        var (_, _, result) = TestCompilation.RunGenerator(TestCompilation.Create(
            ["namespace M; [RopeGen.Rotary(128, 1000000, MRopeSections = new[] { 16, 24, 24 })] public partial class C { }"], [Ilgpu.Reference]));
        var written = result.GeneratedTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Identifier.Text == "C"))
            .SelectMany(c => c.Members)
            .Where(m => m.Modifiers.Any(SyntaxKind.PublicKeyword))
            .Select(m => m switch
            {
                MethodDeclarationSyntax method => $"{method.Identifier.Text}({string.Join(", ", method.ParameterList.Parameters.Select(p => p.Type!.ToString()))})",
                ClassDeclarationSyntax nested => nested.Identifier.Text,
                _ => m.ToString(),
            });
        Assert.Equal(GeneratedMember.All.Select(g => g.Key).Order(), written.Distinct().Order());
    }

    [Fact]
    public async Task MultimodalCacheWriteClashesOnlyWithMRopeSections()
    {
        const string member = "static int RotateMultimodalInto;";
        AnalyzedRun plain = await RunAsync([$"[Rotary(64)] partial class C {{ {member} }}"]);
        Assert.Single(plain.Generated);
        Assert.DoesNotContain(plain.Problems, d => d.Id == "ROPE013");
        AnalyzedRun multimodal = await RunAsync([$"[Rotary(64, MRopeSections = new[] {{ 16, 8, 8 }})] partial class C {{ {member} }}"]);
        Assert.Empty(multimodal.Generated);
        Assert.Contains("RotateMultimodalInto", Assert.Single(multimodal.Problems, d => d.Id == "ROPE013").GetMessage());
    }

    [Fact]
    public async Task GpuMemberNamesClashOnlyWhenIlgpuIsReferenced()
    {
        const string source = "[Rotary(64)] partial class C { static int CreateGpuRotary; static int RopeGenGpuRotary; }";
        AnalyzedRun without = await RunAsync([source]);
        Assert.Single(without.Generated);
        Assert.DoesNotContain(without.Problems, d => d.Id == "ROPE013");
        AnalyzedRun with = await RunAsync([source], [Ilgpu.Reference]);
        // Only the GPU helpers shared by the compilation are written; the clashing class gets no kernels.
        Assert.DoesNotContain(with.Generated, g => g.ToString().Contains("partial class C"));
        Assert.Single(with.Generated);
        Assert.Equal(2, with.Problems.Count(d => d.Id == "ROPE013"));
    }
}
