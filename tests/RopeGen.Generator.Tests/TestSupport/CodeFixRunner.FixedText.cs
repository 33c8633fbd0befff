using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>
/// The hand-written runner the code-fix tests used before <see cref="VerifyAsync{TCodeFix}"/>: it applies a fix in an
/// AdhocWorkspace until no diagnostic it fixes remains (dotnet/runtime's RunAnalyzerAndFixer loop) and returns the text.
/// </summary>
/// <remarks>Kept only so that tests written against it on branches developed in parallel still compile and run; it
/// checks less (no generator, no fix-all in project or solution, no iteration counts). Write new tests with
/// <see cref="VerifyAsync{TCodeFix}"/>, and delete this file once no test calls it.</remarks>
public static partial class CodeFixRunner
{
    public static async Task<string> FixAsync(string source, CodeFixProvider fixer, int maxRounds = 10)
    {
        using var workspace = new AdhocWorkspace();
        Document document = AddDocument(workspace, source);

        for (int round = 0; round < maxRounds; round++)
        {
            ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(document.Project);
            Diagnostic? target = diagnostics.FirstOrDefault(d => fixer.FixableDiagnosticIds.Contains(d.Id));
            if (target is null) break;

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, target, (a, _) => actions.Add(a), CancellationToken.None);
            await fixer.RegisterCodeFixesAsync(context);
            if (actions.Count == 0) break;
            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            document = changed.GetDocument(document.Id)!;
        }
        return (await document.GetTextAsync()).ToString();
    }

    /// <summary>"Fix all in document" through the fixer's FixAllProvider, as the IDE runs it: every diagnostic at once.</summary>
    public static async Task<string> FixAllAsync(string source, CodeFixProvider fixer)
    {
        using var workspace = new AdhocWorkspace();
        Document document = AddDocument(workspace, source);
        var provider = new AnalyzerDiagnostics();
        var context = new FixAllContext(document, fixer, FixAllScope.Document, fixer.GetType().Name,
            fixer.FixableDiagnosticIds, provider, CancellationToken.None);
        CodeAction? action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(action);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private static Document AddDocument(AdhocWorkspace workspace, string source) =>
        workspace.AddProject("Test", LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(TestCompilation.ParseOptions)
            .WithMetadataReferences(TestCompilation.References)
            .AddDocument("Test.cs", SourceText.From(source));

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project) =>
        await (await project.GetCompilationAsync())!.WithAnalyzers(AnalyzerRunner.All).GetAnalyzerDiagnosticsAsync();

    private sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken ct)
        {
            SyntaxTree? tree = await document.GetSyntaxTreeAsync(ct);
            return (await AnalyzeAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken ct) =>
            (await AnalyzeAsync(project)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken ct) => await AnalyzeAsync(project);
    }
}
