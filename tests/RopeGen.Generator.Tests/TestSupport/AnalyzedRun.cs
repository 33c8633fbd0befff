using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>
/// The generator, then the analyzers on its output, as the compiler runs them: the generated trees and every
/// diagnostic of the compiler and the analyzers. Running asserts that neither crashed (no generator exception, no
/// CS8785, no AD0001) and that nothing is reported inside generated code.
/// </summary>
public sealed record AnalyzedRun(ImmutableArray<SyntaxTree> Generated, ImmutableArray<Diagnostic> Diagnostics)
{
    public static async Task<AnalyzedRun> RunAsync(IEnumerable<string> sources, IEnumerable<MetadataReference>? references = null)
    {
        var (_, output, result) = TestCompilation.RunGenerator(TestCompilation.Create(sources, references));
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null,
            concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        ImmutableArray<Diagnostic> all = await output.WithAnalyzers(AnalyzerRunner.All, options).GetAllDiagnosticsAsync();
        Assert.DoesNotContain(all, d => d.Id is "CS8785" or "AD0001");
        Assert.DoesNotContain(all, d => d.Location.SourceTree is { } tree && result.GeneratedTrees.Contains(tree));
        return new AnalyzedRun(result.GeneratedTrees, all);
    }

    /// <summary>True errors, compiler's and analyzers' (the test compilation promotes warnings to errors; the default
    /// severity tells them apart).</summary>
    public List<Diagnostic> Errors => Diagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).ToList();

    /// <summary>Warnings of the compiler.</summary>
    public List<Diagnostic> CompilerWarnings => Diagnostics.Where(d => d.Id.StartsWith("CS") && d.DefaultSeverity == DiagnosticSeverity.Warning).ToList();

    /// <summary>Errors and warnings, as reported under TreatWarningsAsErrors.</summary>
    public Diagnostic[] Problems => Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
}
