using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>The generator, then every analyzer on its output, as a build runs them; asserts that neither crashed.</summary>
public static class FullRun
{
    /// <param name="Generated">The generated trees.</param>
    /// <param name="Errors">True errors, the compiler's and the analyzers' (not warnings promoted to errors).</param>
    /// <param name="CompilerWarnings">The compiler's warnings.</param>
    public sealed record Result(ImmutableArray<SyntaxTree> Generated, List<Diagnostic> Errors, List<Diagnostic> CompilerWarnings);

    public static async Task<Result> RunAsync(string source, params AdditionalText[] files)
    {
        GeneratorDriver driver = ConfigProject.Driver(files)
            .RunGeneratorsAndUpdateCompilation(TestCompilation.Create(source), out Compilation output, out _);
        GeneratorDriverRunResult result = driver.GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        var options = new CompilationWithAnalyzersOptions(ConfigProject.AnalyzerOptions(files), onAnalyzerException: null,
            concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        ImmutableArray<Diagnostic> all = await output.WithAnalyzers(AnalyzerRunner.All, options).GetAllDiagnosticsAsync();
        Assert.DoesNotContain(all, d => d.Id is "CS8785" or "AD0001");

        // The test compilation treats warnings as errors; DefaultSeverity tells true errors from promoted warnings.
        var errors = all.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).ToList();
        var warnings = all.Where(d => d.Id.StartsWith("CS") && d.DefaultSeverity == DiagnosticSeverity.Warning).ToList();
        return new Result(result.GeneratedTrees, errors, warnings);
    }
}
