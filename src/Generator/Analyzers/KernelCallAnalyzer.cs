using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RopeGen.Generator.Diagnostics;

namespace RopeGen.Generator.Analyzers
{
    /// <summary>
    /// ROPE007: a call of a generated kernel whose buffer has a compile-time constant length that cannot be
    /// tokens × heads × head dim, for example <c>ApplyRotary(new float[100], positions, 1)</c> with a head dim of 64.
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
                INamedTypeSymbol? rotary = start.Compilation.GetTypeByMetadataName(RotaryGenerator.AttributeName);
                if (rotary is null) return;
                start.RegisterOperationAction(c => Analyze(c, rotary), OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol rotary)
        {
            var call = (IInvocationOperation)context.Operation;
            IMethodSymbol method = call.TargetMethod;
            bool shift = method.Name == "ShiftRotary";
            if (!method.IsStatic || (!shift && method.Name != "ApplyRotary")) return;
            AttributeData? attribute = method.ContainingType.GetAttributes()
                .FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, rotary));
            if (attribute is null || attribute.ConstructorArguments.FirstOrDefault().Value is not int headDim || headDim <= 0) return;

            int? Constant(string parameter) => Argument(call, parameter)?.Value.ConstantValue.Value as int?;
            int? tokens = ConstantLength(Argument(call, "positions")?.Value);
            foreach ((string buffer, string heads) in new[] { ("x", "numHeads"), ("q", "numQueryHeads"), ("k", "numKeyValueHeads"), ("keys", "numHeads") })
            {
                IArgumentOperation? argument = Argument(call, buffer);
                if (argument is null || ConstantLength(argument.Value) is not int length) continue;
                int? headCount = Constant(heads);
                string? expected = Expected(length, headDim, headCount, shift ? null : tokens, out string layout);
                if (expected is not null)
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BufferLength, argument.Syntax.GetLocation(),
                        buffer, length, layout, expected));
            }
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

        /// <summary>The element count of <c>new T[n]</c>, <c>new[] { … }</c> or <c>stackalloc T[n]</c>, if constant.</summary>
        private static int? ConstantLength(IOperation? value)
        {
            while (value is IConversionOperation conversion) value = conversion.Operand;
            if (value is IArrayCreationOperation array && array.DimensionSizes.Length == 1)
                return array.DimensionSizes[0].ConstantValue.Value as int?;
            SemanticModel? model = value?.SemanticModel;
            switch (value?.Syntax)
            {
                case StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax arrayType } when model is not null:
                    var size = arrayType.RankSpecifiers.FirstOrDefault()?.Sizes.FirstOrDefault();
                    if (size is null || size is OmittedArraySizeExpressionSyntax)
                        return (value.Syntax as StackAllocArrayCreationExpressionSyntax)?.Initializer?.Expressions.Count;
                    return model.GetConstantValue(size).Value as int?;
                case ImplicitStackAllocArrayCreationExpressionSyntax implicitStackAlloc:
                    return implicitStackAlloc.Initializer.Expressions.Count;
                default:
                    return null;
            }
        }
    }
}
