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

/// <summary>Applies a code fix in an AdhocWorkspace until no diagnostic it fixes remains (dotnet/runtime's RunAnalyzerAndFixer loop).</summary>
public static class CodeFixRunner
{
    public static async Task<string> FixAsync(string source, CodeFixProvider fixer, int maxRounds = 10)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(TestCompilation.ParseOptions)
            .WithMetadataReferences(TestCompilation.References);
        Document document = project.AddDocument("Test.cs", SourceText.From(source));

        for (int round = 0; round < maxRounds; round++)
        {
            Compilation compilation = (await document.Project.GetCompilationAsync())!;
            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(AnalyzerRunner.All).GetAnalyzerDiagnosticsAsync();
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
}
