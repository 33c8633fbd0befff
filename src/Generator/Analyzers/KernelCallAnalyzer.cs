using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RopeGen.Generator.Diagnostics;
using RopeGen.Generator.Parsing;

namespace RopeGen.Generator.Analyzers
{
    /// <summary>
    /// ROPE007: a call of a generated kernel ([Rotary] or [RotaryFromConfig]) whose buffer has a compile-time constant
    /// length that cannot be tokens × heads × head dim, for example <c>ApplyRotary(new float[100], positions, 1)</c> with
    /// a head dim of 64.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KernelCallAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BufferLength);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? rotary = start.Compilation.GetTypeByMetadataName(RotaryAttributeReader.RotaryName);
                if (rotary is null) return;
                INamedTypeSymbol? fromConfig = start.Compilation.GetTypeByMetadataName(RotaryAttributeReader.FromConfigName);
                start.RegisterSyntaxNodeAction(c => Analyze(c, rotary, fromConfig), SyntaxKind.InvocationExpression);
            });
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol rotary, INamedTypeSymbol? fromConfig)
        {
            // Syntax first: only calls spelled ApplyRotary or ShiftRotary are bound.
            var syntax = (InvocationExpressionSyntax)context.Node;
            string? name = syntax.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            if (name is not ("ApplyRotary" or "ShiftRotary")) return;
            if (context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation call) return;

            IMethodSymbol method = call.TargetMethod;
            // Calls with a HeadView take buffers longer than their heads (packed rows): no length is wrong on its face.
            if (!method.IsStatic || method.Parameters.Any(p => p.Type.Name == "HeadView")) return;
            if (HeadDim(method.ContainingType, rotary, fromConfig) is not int headDim) return;

            CancellationToken ct = context.CancellationToken;
            int? Constant(string parameter) => Argument(call, parameter)?.Value.ConstantValue.Value as int?;
            int? tokens = name == "ShiftRotary" ? null : ConstantLength.Of(Argument(call, "positions")?.Value, ct);
            foreach ((string buffer, string heads) in new[] { ("x", "numHeads"), ("q", "numQueryHeads"), ("k", "numKeyValueHeads"), ("keys", "numHeads") })
            {
                IArgumentOperation? argument = Argument(call, buffer);
                if (argument is null || ConstantLength.Of(argument.Value, ct) is not int length) continue;
                string? expected = Expected(length, headDim, Constant(heads), tokens, out string layout);
                if (expected is not null)
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BufferLength, argument.Syntax.GetLocation(),
                        buffer, length, layout, expected));
            }
        }

        /// <summary>The head dim of a [Rotary] class, or of a [RotaryFromConfig] class as the generator read it from the
        /// file (the generated <c>RopeGenRotary.HeadDim</c>); null for other types.</summary>
        private static int? HeadDim(INamedTypeSymbol type, INamedTypeSymbol rotary, INamedTypeSymbol? fromConfig)
        {
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, rotary))
                    return RotaryAttributeReader.ReadSettings(attribute) is { HeadDim: > 0 and var headDim } ? headDim : null;
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, fromConfig))
                    return type.GetTypeMembers("RopeGenRotary").SelectMany(t => t.GetMembers("HeadDim")).OfType<IFieldSymbol>()
                        .FirstOrDefault(f => f.IsConst)?.ConstantValue as int?;
            }
            return null;
        }

        /// <summary>What the length should be, or null when it can match.</summary>
        private static string? Expected(int length, int headDim, int? heads, int? tokens, out string layout)
        {
            layout = $"[tokens, heads, {headDim}]";
            if (length % headDim != 0) return $"a multiple of the head dim {headDim}";
            if (heads is not int h || h <= 0) return null;
            layout = $"[tokens, {h}, {headDim}]";
            if (tokens is int t)
            {
                layout = $"[{t}, {h}, {headDim}]";
                long needed = (long)t * h * headDim;
                return length == needed ? null : $"{needed} = {t} tokens × {h} heads × {headDim}";
            }
            long perToken = (long)h * headDim;
            return length % perToken == 0 ? null : $"a multiple of {perToken} = {h} heads × {headDim}";
        }

        private static IArgumentOperation? Argument(IInvocationOperation call, string parameter) =>
            call.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter);
    }
}
