using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>Code-fix tests through Microsoft.CodeAnalysis.CSharp.CodeFix.Testing, on the project <see cref="RopeGenTestProject"/> sets up.</summary>
public static partial class CodeFixRunner
{
    /// <summary>
    /// Asserts that the analyzers report exactly the diagnostics marked in <paramref name="markup"/>
    /// (<c>{|ROPE001:text|}</c>), and that <typeparamref name="TCodeFix"/> turns it into <paramref name="fixedCode"/>
    /// (its markup: the diagnostics that remain) both one diagnostic at a time and by fix-all in document, project and
    /// solution. With <paramref name="fixedCode"/> equal to <paramref name="markup"/>, asserts that no fix is offered.
    /// </summary>
    public static Task VerifyAsync<TCodeFix>(string markup, string fixedCode)
        where TCodeFix : CodeFixProvider, new() =>
        new RopeGenCodeFixTest<TCodeFix> { TestCode = markup, FixedCode = fixedCode }.RunAsync();
}
