using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RopeGen.Generator.Analyzers;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>Runs RopeGen's analyzers the way the compiler does, after the generator, through CompilationWithAnalyzers.</summary>
public static class AnalyzerRunner
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } =
        ImmutableArray.Create<DiagnosticAnalyzer>(new RotaryAttributeAnalyzer(), new KernelCallAnalyzer(), new RotaryFromConfigAnalyzer());

    /// <summary>The analyzers' diagnostics for <paramref name="source"/> (generated code included in the compilation),
    /// with <paramref name="files"/> as the project's AdditionalFiles.</summary>
    /// <remarks>The source must compile (warnings aside): a typo that leaves a call unbound would silence the analyzers.</remarks>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, params AdditionalText[] files)
    {
        ConfigProject.Driver(files).RunGeneratorsAndUpdateCompilation(TestCompilation.Create(source), out Compilation output, out _);
        var errors = output.GetDiagnostics().Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test source does not compile:\n" + string.Join("\n", errors));
        return await output.WithAnalyzers(All, ConfigProject.AnalyzerOptions(files)).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Asserts that the analyzers report exactly the diagnostics marked in <paramref name="markup"/>.</summary>
    public static async Task VerifyAsync(string markup, params AdditionalText[] files)
    {
        var (source, expected) = Markup.Parse(markup);
        ImmutableArray<Diagnostic> actual = await RunAsync(source, files);
        var actualSet = actual.Select(d => (d.Id, d.Location.SourceSpan)).OrderBy(x => x.SourceSpan.Start).ThenBy(x => x.Id).ToList();
        var expectedSet = expected.OrderBy(x => x.Span.Start).ThenBy(x => x.Id).ToList();
        Assert.True(expectedSet.SequenceEqual(actualSet),
            "Expected: " + string.Join(", ", expectedSet.Select(e => $"{e.Id}@{e.Span}")) +
            "\nActual:   " + string.Join("\n          ", actual.Select(d => $"{d.Id}@{d.Location.SourceSpan} {d.GetMessage()}")));
    }
}
