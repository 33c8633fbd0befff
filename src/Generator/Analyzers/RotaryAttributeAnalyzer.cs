using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RopeGen.Generator.Diagnostics;
using RopeGen.Generator.Parsing;

namespace RopeGen.Generator.Analyzers
{
    /// <summary>
    /// Reports every fault of a <c>[Rotary]</c> declaration that makes the generator skip it (ROPE001–005, ROPE009–011, ROPE020),
    /// settings without effect (ROPE008) and head dims that disagree with the class's constants (ROPE006). The settings
    /// are checked by the shared <see cref="RotaryValidation"/>, the same rules the runtime enforces.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RotaryAttributeAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.NotPartial, DiagnosticDescriptors.HeadDim, DiagnosticDescriptors.RotaryDim,
            DiagnosticDescriptors.Base, DiagnosticDescriptors.Scaling, DiagnosticDescriptors.HeadDimMismatch,
            DiagnosticDescriptors.NoEffect, DiagnosticDescriptors.Generic, DiagnosticDescriptors.Layout,
            DiagnosticDescriptors.HeadDimTooLarge, DiagnosticDescriptors.FileLocal, DiagnosticDescriptors.MemberClash,
            DiagnosticDescriptors.Multimodal);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? rotary = start.Compilation.GetTypeByMetadataName(RotaryAttributeReader.RotaryName);
                if (rotary is null) return; // RopeGen.Attributes not referenced: nothing to check
                var filter = RotaryAttributeSyntax.For(start.Compilation, start.CancellationToken);
                bool hasIlgpu = RotaryAttributeReader.ReferencesIlgpu(start.Compilation);
                start.RegisterSymbolAction(c => Analyze(c, rotary, filter, hasIlgpu), SymbolKind.NamedType);
            });
        }

        private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol rotary, RotaryAttributeSyntax filter, bool hasIlgpu)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!filter.MayHaveRotary(type, context.CancellationToken)) return;
            AttributeData? attribute = type.GetAttributes()
                .FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, rotary));
            if (attribute is null) return;
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
            DeclarationRules.Report(context, type, "Rotary");
            DeclarationRules.ReportClashes(context, type, "Rotary", RotaryAttributeReader.SetsMRopeSections(attribute), hasIlgpu);

            var settings = RotaryAttributeReader.ReadSettings(attribute);
            if (settings is null) return; // the compiler reports malformed arguments itself
            RotaryConfig config = settings.ToConfig();
            foreach (RotaryProblem problem in RotaryValidation.Validate(config))
                context.ReportDiagnostic(Diagnostic.Create(Descriptor(problem.Rule), RotaryAttributeReader.ArgumentLocation(attribute, syntax, problem.Setting),
                    FixProperties(problem, config), problem.Message));

            Location headDim = RotaryAttributeReader.ArgumentLocation(attribute, syntax, nameof(RotaryAttribute.HeadDim));
            if (!RotaryAttributeReader.Unrolls(config.HeadDim) && config.HeadDim % 2 == 0)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HeadDimTooLarge, headDim, config.HeadDim, RotaryAttributeReader.MaxHeadDim));

            HeadDimConsistency.Report(context, type, config.HeadDim, headDim);
        }

        private static DiagnosticDescriptor Descriptor(RotaryRule rule) => rule switch
        {
            RotaryRule.HeadDim => DiagnosticDescriptors.HeadDim,
            RotaryRule.RotaryDim => DiagnosticDescriptors.RotaryDim,
            RotaryRule.Base => DiagnosticDescriptors.Base,
            RotaryRule.NoEffect => DiagnosticDescriptors.NoEffect,
            RotaryRule.Layout => DiagnosticDescriptors.Layout,
            RotaryRule.Multimodal => DiagnosticDescriptors.Multimodal,
            _ => DiagnosticDescriptors.Scaling,
        };

        /// <summary>For an odd rotary dim, the even value below when that one is valid (2 to the head dim): the code fix writes it.</summary>
        private static ImmutableDictionary<string, string?>? FixProperties(RotaryProblem problem, RotaryConfig config)
        {
            int even = config.RotaryDim - 1;
            bool fixable = problem.Rule == RotaryRule.RotaryDim && config.RotaryDim % 2 != 0 && even >= 2 &&
                           config.HeadDim % 2 == 0 && even <= config.HeadDim;
            return fixable
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.EvenRotaryDim, even.ToString(CultureInfo.InvariantCulture))
                : null;
        }
    }
}
