using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RopeGen.Generator.Diagnostics;

namespace RopeGen.CodeFixes
{
    /// <summary>ROPE003: replaces an odd <c>RotaryDim</c> with the even value below it (e.g. 33 → 32).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EvenRotaryDimCodeFix)), Shared]
    public sealed class EvenRotaryDimCodeFix : RopeGenCodeFix
    {
        /// <summary>Creates the fix.</summary>
        public EvenRotaryDimCodeFix() : base(DiagnosticIds.RotaryDim) { }

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var argument = root?.FindNode(context.Span).AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
            if (root is null || model is null || argument?.NameEquals?.Name.Identifier.ValueText != "RotaryDim") return;
            // Only odd values above 2 have an even value below that is a valid partial rotary dim.
            if (model.GetConstantValue(argument.Expression, context.CancellationToken).Value is not int value || value % 2 == 0 || value < 3) return;

            int even = value - 1;
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression,
                SyntaxFactory.Literal(even.ToString(CultureInfo.InvariantCulture), even)).WithTriviaFrom(argument.Expression);
            context.RegisterCodeFix(
                CodeAction.Create($"Use RotaryDim = {even}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, literal))),
                    nameof(EvenRotaryDimCodeFix)),
                context.Diagnostics);
        }
    }
}
