using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RopeGen.Generator.Config;
using RopeGen.Generator.Diagnostics;
using RopeGen.Generator.Parsing;

namespace RopeGen.Generator.Analyzers
{
    /// <summary>
    /// Reports every fault of a <c>[RotaryFromConfig]</c> declaration that makes the generator skip it: the class's
    /// shape (ROPE001, ROPE009, ROPE012) and members named like generated ones (ROPE013), the file (not among the AdditionalFiles ROPE015, not JSON ROPE016, an unsupported rope
    /// type ROPE017, a missing or invalid setting ROPE018, naming the JSON key), the layout given beside it (ROPE010),
    /// a head dim too large to unroll (ROPE011), and [Rotary] on the same class (ROPE019). It reads the files with the
    /// generator's reader and mapping, so what it accepts is what the generator generates.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RotaryFromConfigAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.NotPartial, DiagnosticDescriptors.Generic, DiagnosticDescriptors.Layout,
            DiagnosticDescriptors.HeadDimTooLarge, DiagnosticDescriptors.HeadDimMismatch, DiagnosticDescriptors.ConfigNotFound,
            DiagnosticDescriptors.ConfigMalformed, DiagnosticDescriptors.ConfigUnsupported, DiagnosticDescriptors.ConfigSetting,
            DiagnosticDescriptors.ConfigBesideRotary, DiagnosticDescriptors.FileLocal, DiagnosticDescriptors.MemberClash);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? fromConfig = start.Compilation.GetTypeByMetadataName(RotaryAttributeReader.FromConfigName);
                if (fromConfig is null) return; // RopeGen.Attributes not referenced: nothing to check
                INamedTypeSymbol? rotary = start.Compilation.GetTypeByMetadataName(RotaryAttributeReader.RotaryName);
                var filter = RotaryAttributeSyntax.For(start.Compilation, start.CancellationToken, nameof(RotaryFromConfigAttribute));
                var files = new ConfigFileCache(start.Options);
                bool hasIlgpu = RotaryAttributeReader.ReferencesIlgpu(start.Compilation);
                start.RegisterSymbolAction(c => Analyze(c, fromConfig, rotary, filter, files, hasIlgpu), SymbolKind.NamedType);
            });
        }

        private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol fromConfig, INamedTypeSymbol? rotary,
            RotaryAttributeSyntax filter, ConfigFileCache files, bool hasIlgpu)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!filter.MayHaveRotary(type, context.CancellationToken)) return;
            var attributes = type.GetAttributes();
            AttributeData? attribute = attributes.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, fromConfig));
            if (attribute is null) return;
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
            Location attributeLocation = syntax?.GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;

            if (rotary is not null && attributes.Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, rotary)))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConfigBesideRotary, attributeLocation, type.Name));
                return;
            }
            DeclarationRules.Report(context, type, "RotaryFromConfig");

            // Arguments with errors are the compiler's to report.
            if (!RotaryAttributeReader.TryReadFromConfig(attribute, out string path, out RotaryLayout? layout)) return;
            Location pathLocation = syntax is null ? attributeLocation : RotaryAttributeReader.ArgumentLocation(attribute, syntax, nameof(RotaryFromConfigAttribute.Path));
            if (path.Trim().Length == 0)
            {
                Report(context, DiagnosticDescriptors.ConfigNotFound, pathLocation,
                    "The config path is empty; expected the path of a config.json among the project's AdditionalFiles");
                return;
            }
            ConfigFileMatch match = files.Resolve(path);
            if (match.File is not string file)
            {
                Report(context, DiagnosticDescriptors.ConfigNotFound, pathLocation, match.Candidates.Count > 1
                    ? $"'{path}' matches {match.Candidates.Count} AdditionalFiles ({string.Join(", ", match.Candidates)}); give more of its path, enough to name one"
                    : $"'{path}' is not among the project's AdditionalFiles; add it in the project file: <ItemGroup><AdditionalFiles Include=\"{path}\" /></ItemGroup>");
                return;
            }

            ConfigJson json = files.Parse(file, context.CancellationToken);
            if (json.Error is JsonSyntaxError error)
            {
                var position = new LinePosition(error.Line - 1, error.Column - 1);
                Location inFile = Location.Create(file, new TextSpan(error.Offset, 0), new LinePositionSpan(position, position));
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConfigMalformed, pathLocation, new[] { inFile },
                    path, error.Line, error.Column, error.Reason));
                return;
            }

            ConfigImport import = HuggingFaceConfig.Import(json.Root!, layout);
            foreach (ConfigFault fault in import.Faults)
            {
                if (fault.Kind == ConfigFaultKind.Unsupported)
                    Report(context, DiagnosticDescriptors.ConfigUnsupported, pathLocation, path, fault.Message);
                else if (fault.Setting == nameof(RotaryConfig.Layout) && layout is not null)
                    Report(context, DiagnosticDescriptors.Layout, RotaryAttributeReader.ArgumentLocation(attribute, syntax, nameof(RotaryFromConfigAttribute.Layout)), fault.Message);
                else
                    Report(context, DiagnosticDescriptors.ConfigSetting, pathLocation, path, fault.Message);
            }
            // M-RoPE classes get ApplyMultimodalRotary too: their clashes are known once the file is read.
            DeclarationRules.ReportClashes(context, type, "RotaryFromConfig", import.Config?.IsMultimodal ?? false, hasIlgpu);
            if (import.Config is not RotaryConfig config) return;

            if (!RotaryAttributeReader.Unrolls(config.HeadDim))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HeadDimTooLarge, pathLocation, config.HeadDim, RotaryAttributeReader.MaxHeadDim));
            HeadDimConsistency.Report(context, type, config.HeadDim, pathLocation);
        }

        private static void Report(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object[] args) =>
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, args));
    }
}
