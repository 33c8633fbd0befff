using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Analyzers;

/// <summary>Malformed input never crashes the generator (CS8785) or an analyzer (AD0001), and produces no source.</summary>
public class RobustnessTests
{
    public static TheoryData<string> Malformed() => new()
    {
        "[Rotary] partial class C { }",
        "[Rotary()] partial class C { }",
        "[Rotary(\"x\")] partial class C { }",
        "[Rotary(128, \"base\")] partial class C { }",
        "[Rotary(128, 10000, 7)] partial class C { }",
        "[Rotary(128, 10000, (RopeScaling)42)] partial class C { }",
        "[Rotary(128, double.NaN)] partial class C { }",
        "[Rotary(int.MaxValue)] partial class C { }",
        "[Rotary(int.MinValue, RotaryDim = int.MaxValue)] partial class C { }",
        "[Rotary(4, 10000, RopeScaling.LongRope, OriginalMaxPositions = 1, Factor = 2, ShortFactors = null, LongFactors = new double[0])] partial class C { }",
        "[Rotary(128, Layout = (RotaryLayout)9)] partial class C { }",
        "[Rotary(128, RotaryDim = Missing)] partial class C { }",
        "[Rotary(128)] class C { }",
        "[Rotary(128)] partial class C<T> { }",
        "partial class O<T> { [Rotary(128)] partial class C { } }",
        "[Rotary(128)] partial class C { } [Rotary(64)] partial class C { }",
        "[Rotary(128), Rotary(64)] partial class C { }",
        "[Rotary(128)] partial struct S { }",
        "[Rotary(128)] partial class",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task NeitherGeneratorNorAnalyzersCrash(string declaration)
    {
        var compilation = TestCompilation.Create("using RopeGen;\n" + declaration);
        var (_, output, result) = TestCompilation.RunGenerator(compilation);

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS8785");
        var analyzerDiagnostics = await output.WithAnalyzers(AnalyzerRunner.All,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
            .GetAllDiagnosticsAsync();
        Assert.DoesNotContain(analyzerDiagnostics, d => d.Id == "AD0001");
    }

    [Theory]
    [InlineData("[Rotary(128, double.MaxValue, RopeScaling.Yarn, Factor = double.MaxValue, OriginalMaxPositions = int.MaxValue)] partial class C { }")]
    [InlineData("[Rotary(128, 1e300, RopeScaling.Llama3, Factor = 1e300, OriginalMaxPositions = 1)] partial class C { }")]
    [InlineData("[Rotary(2, 1.0000001, RopeScaling.Linear, Factor = 1)] partial class C { }")]
    public void ExtremeButValidSettingsGenerateCodeThatCompiles(string declaration)
    {
        var (_, output, result) = TestCompilation.RunGenerator(TestCompilation.Create("using RopeGen;\n" + declaration));
        Assert.Single(result.GeneratedTrees);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.True(!problems.Any(), TestCompilation.Describe(problems));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void FaultyDeclarationsGenerateNothing(string declaration)
    {
        var (_, _, result) = TestCompilation.RunGenerator(TestCompilation.Create("using RopeGen;\n" + declaration));
        Assert.Empty(result.GeneratedTrees);
    }
}
