using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RopeGen.Generator.Diagnostics;

namespace RopeGen.Generator.Analyzers
{
    /// <summary>ROPE001 and ROPE009, for [Rotary] and [RotaryFromConfig] classes alike: the generator adds members to
    /// the class, so it and its containers must be partial, and none may be generic.</summary>
    internal static class DeclarationRules
    {
        /// <param name="attribute">The attribute's short name for the message (<c>Rotary</c>).</param>
        public static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, string attribute)
        {
            Location classLocation = type.Locations.FirstOrDefault() ?? Location.None;

            INamedTypeSymbol? notPartial = Chain(type).FirstOrDefault(t => !RotaryGenerator.IsPartial(t));
            if (notPartial is not null)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotPartial, classLocation, type.Name, Describe(notPartial, type), attribute));

            INamedTypeSymbol? generic = Chain(type).FirstOrDefault(t => t.Arity > 0); // IsGenericType is also true for a type nested in a generic one
            if (generic is not null)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Generic, classLocation, type.Name, Describe(generic, type), attribute));
        }

        private static IEnumerable<INamedTypeSymbol> Chain(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType) yield return t;
        }

        private static string Describe(INamedTypeSymbol culprit, INamedTypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(culprit, type) ? "it" : $"its containing type '{culprit.Name}'";
    }
}
