using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
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
            AttributeArgumentSyntax? argument = root is null ? null : NamedArgument(root, context.Span);
            if (root is null || argument?.NameEquals is null) return;
            context.RegisterCodeFix(
                CodeAction.Create($"Remove {argument.NameEquals.Name.Identifier.ValueText}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia)!)),
                    nameof(RemoveSettingCodeFix)),
                context.Diagnostics);
        }

        /// <summary>Removes every flagged setting of a document at once: the batch fixer would drop one of two removals
        /// from the same argument list as overlapping, leaving it for a second "fix all".</summary>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return document;
            var arguments = new HashSet<AttributeArgumentSyntax>(diagnostics
                .Select(d => NamedArgument(root, d.Location.SourceSpan))
                .OfType<AttributeArgumentSyntax>());
            return document.WithSyntaxRoot(root.RemoveNodes(arguments, SyntaxRemoveOptions.KeepNoTrivia)!);
        });

        private static AttributeArgumentSyntax? NamedArgument(SyntaxNode root, TextSpan span)
        {
            var argument = root.FindNode(span).AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
            return argument?.NameEquals is null ? null : argument;
        }
    }
}
