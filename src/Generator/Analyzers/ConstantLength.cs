using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RopeGen.Generator.Analyzers
{
    /// <summary>
    /// The element count of a buffer argument when the compiler knows it: <c>new T[n]</c>, <c>new[] { … }</c>,
    /// <c>[a, b]</c>, <c>stackalloc T[n]</c>, spans over those (<c>AsSpan</c>, <c>new Span&lt;T&gt;(…)</c>, <c>Slice</c>),
    /// and locals initialized with one of them and never assigned again.
    /// </summary>
    internal static class ConstantLength
    {
        // Deep enough for a local over a span over an array; a bound so the walk always ends.
        private const int MaxDepth = 8;

        public static int? Of(IOperation? value, CancellationToken ct) => Of(value, ct, 0);

        private static int? Of(IOperation? value, CancellationToken ct, int depth)
        {
            while (value is IConversionOperation conversion) value = conversion.Operand;
            if (value is null || depth > MaxDepth) return null;
            switch (value)
            {
                case IArrayCreationOperation array when array.DimensionSizes.Length == 1:
                    return array.DimensionSizes[0].ConstantValue.Value as int?;
                case ICollectionExpressionOperation collection when !collection.Elements.Any(e => e is ISpreadOperation):
                    return collection.Elements.Length;
                case IObjectCreationOperation creation when IsSpan(creation.Type):
                    return Slice(creation.Arguments, source: null, ct, depth);
                case IInvocationOperation call when call.TargetMethod.Name is "AsSpan" or "Slice" &&
                                                    (IsSpan(call.TargetMethod.ContainingType) || IsMemoryExtensions(call.TargetMethod.ContainingType)):
                    return Slice(call.Arguments, call.Instance, ct, depth);
                case ILocalReferenceOperation local:
                    return OfLocal(local, ct, depth);
                default:
                    return OfStackAlloc(value);
            }
        }

        /// <summary>A span over <paramref name="source"/> (or the <c>array</c> argument), narrowed by start and length.</summary>
        private static int? Slice(ImmutableArray<IArgumentOperation> arguments, IOperation? source, CancellationToken ct, int depth)
        {
            int? start = 0;
            foreach (IArgumentOperation argument in arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "length": return argument.Value.ConstantValue.Value as int?;
                    case "array": source = argument.Value; break;
                    case "start": start = argument.Value.ConstantValue.Value as int?; break;
                    default: return null; // a pointer, an Index or a Range: not followed
                }
            }
            int? length = Of(source, ct, depth + 1) - start;
            return length >= 0 ? length : null; // a start past the end throws at run time instead
        }

        private static int? OfLocal(ILocalReferenceOperation reference, CancellationToken ct, int depth)
        {
            ILocalSymbol local = reference.Local;
            if (local.RefKind != RefKind.None || local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model) return null;
            if (local.DeclaringSyntaxReferences[0].GetSyntax(ct) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator) return null;
            if (IsAssignedAfterDeclaration(declarator, local.Name)) return null;
            return Of(model.GetOperation(initializer, ct), ct, depth + 1);
        }

        /// <summary>
        /// Conservatively, whether any use of the name in the enclosing member could write the variable (assignment,
        /// deconstruction, ref or out argument, ref alias). Element writes such as <c>x[0] = 1</c> keep the length.
        /// </summary>
        private static bool IsAssignedAfterDeclaration(VariableDeclaratorSyntax declarator, string name)
        {
            SyntaxNode? scope = declarator.Ancestors().FirstOrDefault(n =>
                n is CompilationUnitSyntax || (n is MemberDeclarationSyntax && n is not GlobalStatementSyntax));
            if (scope is null) return true;
            foreach (IdentifierNameSyntax use in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (use.Identifier.ValueText != name) continue;
                SyntaxNode node = use;
                while (node.Parent is ParenthesizedExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax } or TupleExpressionSyntax)
                    node = node.Parent;
                switch (node.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == node:
                    case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword):
                    case RefExpressionSyntax:
                        return true;
                }
            }
            return false;
        }

        private static int? OfStackAlloc(IOperation value) => value.Syntax switch
        {
            StackAllocArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Count,
            StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax type } when value.SemanticModel is { } model &&
                type.RankSpecifiers.FirstOrDefault()?.Sizes.FirstOrDefault() is { } size and not OmittedArraySizeExpressionSyntax =>
                model.GetConstantValue(size).Value as int?,
            ImplicitStackAllocArrayCreationExpressionSyntax implicitStackAlloc => implicitStackAlloc.Initializer.Expressions.Count,
            _ => null,
        };

        private static bool IsSpan(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", Arity: 1 } named && IsSystem(named.ContainingNamespace);

        private static bool IsMemoryExtensions(INamedTypeSymbol type) => type.Name == "MemoryExtensions" && IsSystem(type.ContainingNamespace);

        private static bool IsSystem(INamespaceSymbol? ns) =>
            ns is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
    }
}
