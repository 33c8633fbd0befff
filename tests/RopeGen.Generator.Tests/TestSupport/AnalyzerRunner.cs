using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>Analyzer tests through Microsoft.CodeAnalysis.Testing, on the project <see cref="RopeGenTestProject"/> sets up.</summary>
public static class AnalyzerRunner
{
    /// <summary>RopeGen's analyzers.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> All => RopeGenTestProject.Analyzers;

    /// <summary>
    /// Asserts that the analyzers report exactly the diagnostics marked in <paramref name="markup"/> as
    /// <c>{|ROPE003:text|}</c>, plus <paramref name="expected"/> (for a message: <c>{|#0:text|}</c> and
    /// <c>Diagnostic(id).WithLocation(0).WithMessage(...)</c>), and that the source compiles without errors.
    /// </summary>
    /// <remarks>The library also checks that the analyzers stay quiet in code marked generated and that
    /// <c>#pragma warning disable</c> silences each diagnostic.</remarks>
    public static Task VerifyAsync(string markup, params DiagnosticResult[] expected)
    {
        var test = new RopeGenAnalyzerTest { TestCode = markup };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>An expected diagnostic of <paramref name="descriptor"/>, its severity and ID from the descriptor.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);
}
