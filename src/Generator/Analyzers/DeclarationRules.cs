using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RopeGen.Generator.Diagnostics;
using RopeGen.Generator.Parsing;

namespace RopeGen.Generator.Analyzers
{
    /// <summary>
    /// The rules of the class itself, for [Rotary] and [RotaryFromConfig] classes alike: the generator adds members to
    /// the class, so it and its containers must be partial (ROPE001), none may be generic (ROPE009) or file-local
    /// (ROPE012), and no member of the class may clash with a generated one (ROPE013).
    /// </summary>
    internal static class DeclarationRules
    {
        /// <summary>ROPE001, ROPE009 and ROPE012.</summary>
        /// <param name="attribute">The attribute's short name for the message (<c>Rotary</c>).</param>
        public static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, string attribute)
        {
            Location classLocation = type.Locations.FirstOrDefault() ?? Location.None;

            INamedTypeSymbol? notPartial = RotaryAttributeReader.NotPartial(type);
            if (notPartial is not null)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotPartial, classLocation, type.Name, Describe(notPartial, type), attribute));

            INamedTypeSymbol? generic = RotaryAttributeReader.Generic(type);
            if (generic is not null)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Generic, classLocation, type.Name, Describe(generic, type), attribute));

            INamedTypeSymbol? fileLocal = RotaryAttributeReader.FileLocal(type);
            if (fileLocal is not null)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FileLocal, classLocation, type.Name, Describe(fileLocal, type), attribute));
        }

        /// <summary>ROPE013: members that clash with the generated ones (<paramref name="multimodal"/>: with M-RoPE's too).</summary>
        public static void ReportClashes(SymbolAnalysisContext context, INamedTypeSymbol type, string attribute, bool multimodal, bool hasIlgpu)
        {
            Location classLocation = type.Locations.FirstOrDefault() ?? Location.None;
            foreach ((string name, ISymbol culprit) in GeneratedMemberConflicts.Clashes(type, multimodal, hasIlgpu))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MemberClash, culprit.Locations.FirstOrDefault() ?? classLocation,
                    type.Name, SymbolEqualityComparer.Default.Equals(culprit, type)
                        ? $"shares its own name '{name}' with a member that RopeGen generates into it (a member cannot have the name of its class)"
                        : $"declares the {Kind(culprit)} '{name}', a name that RopeGen generates into every [{attribute}] class"));
        }

        private static string Kind(ISymbol member) => member switch
        {
            IMethodSymbol => "method",
            IFieldSymbol => "field",
            IPropertySymbol => "property",
            IEventSymbol => "event",
            INamedTypeSymbol { IsRecord: true } => "record",
            INamedTypeSymbol nested => nested.TypeKind.ToString().ToLowerInvariant(),
            _ => "member",
        };

        private static string Describe(INamedTypeSymbol culprit, INamedTypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(culprit, type) ? "it" : $"its containing type '{culprit.Name}'";
    }
}
