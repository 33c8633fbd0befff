using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RopeGen.Generator.Diagnostics;

namespace RopeGen.CodeFixes
{
    /// <summary>ROPE001: adds <c>partial</c> to the [Rotary] class and to every containing type that lacks it.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
    public sealed class MakePartialCodeFix : RopeGenCodeFix
    {
        /// <summary>Creates the fix.</summary>
        public MakePartialCodeFix() : base(DiagnosticIds.NotPartial) { }

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var declaration = root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (root is null || declaration is null) return;
            context.RegisterCodeFix(
                CodeAction.Create("Make the class and its containing types partial",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(AddPartial(root, declaration))),
                    nameof(MakePartialCodeFix)),
                context.Diagnostics);
        }

        private static SyntaxNode AddPartial(SyntaxNode root, TypeDeclarationSyntax declaration)
        {
            var chain = declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>()
                .Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)).ToList();
            return root.ReplaceNodes(chain, (original, rewritten) =>
            {
                var typeDeclaration = (TypeDeclarationSyntax)rewritten;
                // 'partial' goes last among the modifiers, just before the keyword, as C# requires.
                SyntaxToken partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
                if (typeDeclaration.Modifiers.Count == 0)
                {
                    SyntaxToken keyword = typeDeclaration.Keyword;
                    return typeDeclaration
                        .WithKeyword(keyword.WithLeadingTrivia())
                        .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
                }
                return typeDeclaration.WithModifiers(typeDeclaration.Modifiers.Add(partial));
            });
        }
    }
}
