using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RopeGen.Generator.Diagnostics;

namespace RopeGen.CodeFixes
{
    /// <summary>ROPE008: removes a named setting that the chosen scaling kind ignores.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveSettingCodeFix)), Shared]
    public sealed class RemoveSettingCodeFix : RopeGenCodeFix
    {
        /// <summary>Creates the fix.</summary>
        public RemoveSettingCodeFix() : base(DiagnosticIds.NoEffect) { }

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var argument = root?.FindNode(context.Span).AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
            if (root is null || argument?.NameEquals is null) return;
            context.RegisterCodeFix(
                CodeAction.Create($"Remove {argument.NameEquals.Name.Identifier.ValueText}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia)!)),
                    nameof(RemoveSettingCodeFix)),
                context.Diagnostics);
        }
    }
}
