using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeFixes;

namespace RopeGen.CodeFixes
{
    /// <summary>What every RopeGen code fix shares: the one diagnostic it fixes, and batch fix-all unless it needs its own.</summary>
    public abstract class RopeGenCodeFix : CodeFixProvider
    {
        /// <summary>Creates a fix for <paramref name="diagnosticId"/>.</summary>
        protected RopeGenCodeFix(string diagnosticId) => FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);

        /// <inheritdoc/>
        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;
    }
}
