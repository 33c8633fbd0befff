using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RopeGen.Generator.Diagnostics;

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
                INamedTypeSymbol? rotary = start.Compilation.GetTypeByMetadataName(RotaryGenerator.AttributeName);
                if (rotary is null) return; // RopeGen.Attributes not referenced: nothing to check
                var filter = RotaryAttributeSyntax.For(start.Compilation, start.CancellationToken);
                bool hasIlgpu = start.Compilation.GetTypeByMetadataName(RotaryGenerator.IlgpuAcceleratorName) is not null;
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
            Location classLocation = type.Locations.FirstOrDefault() ?? Location.None;

            INamedTypeSymbol? notPartial = Chain(type).FirstOrDefault(t => !RotaryGenerator.IsPartial(t));
            if (notPartial is not null)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotPartial, classLocation, type.Name, Describe(notPartial, type)));

            INamedTypeSymbol? generic = Chain(type).FirstOrDefault(t => t.Arity > 0); // IsGenericType is also true for a type nested in a generic one
            if (generic is not null)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Generic, classLocation, type.Name, Describe(generic, type)));

            INamedTypeSymbol? fileLocal = Chain(type).FirstOrDefault(t => t.IsFileLocal);
            if (fileLocal is not null)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FileLocal, classLocation, type.Name, Describe(fileLocal, type)));

            foreach ((string name, ISymbol culprit) in GeneratedMemberConflicts.Clashes(type, attribute.NamedArguments.Any(a => a.Key == "MRopeSections" && !a.Value.IsNull), hasIlgpu))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MemberClash, culprit.Locations.FirstOrDefault() ?? classLocation,
                    type.Name, SymbolEqualityComparer.Default.Equals(culprit, type)
                        ? $"shares its own name '{name}' with a member that RopeGen generates into it (a member cannot have the name of its class)"
                        : $"declares the {Kind(culprit)} '{name}', a name that RopeGen generates into every [Rotary] class"));

            var settings = RotaryGenerator.ReadSettings(attribute);
            if (settings is null) return; // the compiler reports malformed arguments itself
            RotaryConfig config = settings.ToConfig();
            foreach (RotaryProblem problem in RotaryValidation.Validate(config))
                context.ReportDiagnostic(Diagnostic.Create(Descriptor(problem.Rule), ArgumentLocation(syntax, problem.Setting),
                    FixProperties(problem, config), problem.Message));

            if (config.HeadDim > RotaryGenerator.MaxHeadDim && config.HeadDim % 2 == 0)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HeadDimTooLarge, ArgumentLocation(syntax, "HeadDim"),
                    config.HeadDim, RotaryGenerator.MaxHeadDim));

            HeadDimConsistency.Report(context, type, config.HeadDim, ArgumentLocation(syntax, "HeadDim"));
        }

        private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> Chain(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType) yield return t;
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

        /// <summary>The argument that sets <paramref name="setting"/>, or the whole attribute when none does.</summary>
        internal static Location ArgumentLocation(AttributeSyntax? syntax, string setting)
        {
            if (syntax is null) return Location.None;
            var arguments = syntax.ArgumentList?.Arguments ?? default;
            AttributeArgumentSyntax? named = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == setting);
            if (named is not null) return named.GetLocation();

            // Constructor parameters: by name (headDim: 128) or by position.
            (string name, int index) = setting switch
            {
                "HeadDim" => ("headDim", 0),
                "Base" => ("base", 1),
                "Scaling" => ("scaling", 2),
                _ => ("", -1),
            };
            if (index < 0) return syntax.GetLocation();
            AttributeArgumentSyntax? byName = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name);
            if (byName is not null) return byName.GetLocation();
            var positional = arguments.Where(a => a.NameColon is null && a.NameEquals is null).ToList();
            return index < positional.Count ? positional[index].GetLocation() : syntax.GetLocation();
        }
    }
}
