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
    /// <summary>
    /// ROPE003: replaces an odd <c>RotaryDim</c> with the even value below it (e.g. 33 → 32). The analyzer offers the
    /// value only when it is valid (2 to the head dim), so a rotary dim that is too large is never guessed at.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EvenRotaryDimCodeFix)), Shared]
    public sealed class EvenRotaryDimCodeFix : RopeGenCodeFix
    {
        /// <summary>Creates the fix.</summary>
        public EvenRotaryDimCodeFix() : base(DiagnosticIds.RotaryDim) { }

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.EvenRotaryDim, out string? text) ||
                    !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int even)) continue;
                SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var argument = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
                if (root is null || argument?.NameEquals?.Name.Identifier.ValueText != nameof(RotaryAttribute.RotaryDim)) continue;

                var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(even))
                    .WithTriviaFrom(argument.Expression);
                context.RegisterCodeFix(
                    CodeAction.Create($"Use RotaryDim = {even}",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, literal))),
                        nameof(EvenRotaryDimCodeFix)),
                    diagnostic);
            }
        }
    }
}
