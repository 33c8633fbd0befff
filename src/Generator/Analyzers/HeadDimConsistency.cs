using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RopeGen.Generator.Diagnostics;

namespace RopeGen.Generator.Analyzers
{
    /// <summary>
    /// ROPE006: compares the [Rotary] head dim with the class's own size constants, as config.json does: an explicit
    /// <c>HeadDim</c> / <c>HeadSize</c> wins, else <c>HiddenSize / NumHeads</c> (or <c>NumAttentionHeads</c>).
    /// </summary>
    internal static class HeadDimConsistency
    {
        public static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, int headDim, Location location)
        {
            int? Constant(string name) => type.GetMembers(name).OfType<IFieldSymbol>()
                .FirstOrDefault(f => f.IsConst && f.ConstantValue is int)?.ConstantValue as int?;

            foreach (string name in new[] { "HeadDim", "HeadSize" })
            {
                if (Constant(name) is not int explicitDim) continue;
                if (explicitDim != headDim)
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HeadDimMismatch, location, headDim, name, explicitDim));
                return;
            }

            if (Constant("HiddenSize") is not int hidden) return;
            foreach (string heads in new[] { "NumHeads", "NumAttentionHeads" })
            {
                if (Constant(heads) is not int count || count <= 0) continue;
                if (hidden != (long)headDim * count)
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HeadDimMismatch, location, headDim,
                        $"HiddenSize / {heads} ({hidden} / {count})", hidden % count == 0
                            ? (hidden / count).ToString(CultureInfo.InvariantCulture)
                            : ((double)hidden / count).ToString("0.###", CultureInfo.InvariantCulture) + " (not a whole number)"));
                return;
            }
        }
    }
}
