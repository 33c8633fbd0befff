using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RopeGen.Generator.Config;
using RopeGen.Generator.Helpers;
using RopeGen.Generator.Model;

namespace RopeGen.Generator
{
    public sealed partial class RotaryGenerator
    {
        internal const string ConfigAttributeName = "RopeGen.RotaryFromConfigAttribute";

        /// <summary>
        /// <c>[RotaryFromConfig("config.json")]</c>: the classes, resolved against the AdditionalFiles' paths; only the
        /// files some class names are read and mapped (each once, by the shared <see cref="HuggingFaceConfig"/>), so an
        /// edit to another file or to code re-reads nothing, and an edit to a config file regenerates its classes.
        /// </summary>
        private static IncrementalValuesProvider<RotaryTarget> ConfigTargets(IncrementalGeneratorInitializationContext context,
            IncrementalValueProvider<bool> hasIlgpu)
        {
            var classes = context.SyntaxProvider
                .ForAttributeWithMetadataName(ConfigAttributeName, IsClassDeclaration, static (ctx, _) => ParseConfigClass(ctx))
                .WithTrackingName(TrackingNames.ConfigClasses)
                .Where(static c => c is not null)
                .Select(static (c, _) => c!);

            var catalog = context.AdditionalTextsProvider
                .Select(static (text, _) => text.Path)
                .Collect()
                .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
                    options.GlobalOptions.TryGetValue(ConfigFiles.ProjectDirOption, out string? dir) ? dir : null))
                .Select(static (pair, _) => new AdditionalFileCatalog(new EquatableArray<string>(pair.Left), pair.Right))
                .WithTrackingName(TrackingNames.AdditionalFileCatalog);

            var resolved = classes
                .Combine(catalog)
                .Select(static (pair, _) => new ResolvedConfigClass(pair.Left,
                    ConfigFileResolver.Resolve(pair.Left.Path, pair.Right.Paths, pair.Right.ProjectDir).File))
                .WithTrackingName(TrackingNames.ResolvedConfigClasses);

            var wanted = resolved
                .Select(static (c, _) => c.File)
                .Collect()
                .Select(static (files, _) => new EquatableArray<string>(files.OfType<string>().Distinct().OrderBy(f => f, System.StringComparer.Ordinal)));

            var files = context.AdditionalTextsProvider
                .Combine(wanted)
                .Where(static pair => pair.Right.Contains(pair.Left.Path))
                .Select(static (pair, _) => pair.Left)
                .Select(static (text, ct) => new ConfigFileSettings(text.Path, ConfigFiles.Settings(text, ct)))
                .WithTrackingName(TrackingNames.ConfigFiles);

            return resolved
                .Combine(files.Collect())
                .Combine(hasIlgpu)
                .Select(static (pair, _) => Join(pair.Left.Left, pair.Left.Right.FirstOrDefault(f => f.File == pair.Left.Left.File), pair.Right))
                .WithTrackingName(TrackingNames.ConfigTargets)
                .Where(static t => t is not null)
                .Select(static (t, _) => t!);
        }

        /// <summary>The class's request, or null for a class the generator skips (an analyzer reports why): not
        /// extensible, also carrying [Rotary] (which wins, ROPE019), or without a usable path or layout.</summary>
        private static ConfigClass? ParseConfigClass(GeneratorAttributeSyntaxContext context)
        {
            if (Target(context) is not INamedTypeSymbol type) return null;
            if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeName)) return null;
            AttributeData attribute = context.Attributes[0];
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string { Length: > 0 } path) return null;
            RotaryLayout? layout = null;
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Value.Kind == TypedConstantKind.Error) return null;
                if (pair.Key == "Layout" && pair.Value.Value is int value) layout = (RotaryLayout)value;
            }
            return new ConfigClass(Place(type), path, layout);
        }

        private static RotaryTarget? Join(ResolvedConfigClass request, ConfigFileSettings? file, bool hasIlgpu)
        {
            if (file?.Settings is not RotarySettings settings) return null;
            if (request.Class.Layout is RotaryLayout layout) settings = settings with { Layout = layout };
            return Generates(settings) ? new RotaryTarget(request.Class.Placement.With(settings), hasIlgpu) : null;
        }
    }
}
