using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RopeGen.Generator.Config;
using RopeGen.Generator.Helpers;
using RopeGen.Generator.Model;
using RopeGen.Generator.Parsing;

namespace RopeGen.Generator
{
    public sealed partial class RotaryGenerator
    {
        /// <summary>The <c>[RotaryFromConfig]</c> classes the generator can extend.</summary>
        private static IncrementalValuesProvider<ConfigClass> ConfigClasses(IncrementalGeneratorInitializationContext context) =>
            context.SyntaxProvider
                .ForAttributeWithMetadataName(RotaryAttributeReader.FromConfigName, IsClassDeclaration, static (ctx, ct) => ParseConfigClass(ctx, ct))
                .WithTrackingName(TrackingNames.ConfigClasses)
                .Where(static c => c is not null)
                .Select(static (c, _) => c!);

        /// <summary>
        /// The classes, resolved against the AdditionalFiles' paths; only the files some class names are read and mapped
        /// (each once, by the shared <see cref="HuggingFaceConfig"/>), so an edit to another file or to code re-reads
        /// nothing, and an edit to a config file regenerates its classes.
        /// </summary>
        private static IncrementalValuesProvider<RotaryTarget> ConfigTargets(IncrementalGeneratorInitializationContext context,
            IncrementalValuesProvider<ConfigClass> classes, IncrementalValueProvider<bool> hasIlgpu, IncrementalValueProvider<EquatableArray<HintName>> renames)
        {
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
                .Combine(renames)
                .Select(static (pair, _) => Join(pair.Left.Left.Left, pair.Left.Left.Right.FirstOrDefault(f => f.File == pair.Left.Left.Left.File),
                    pair.Left.Right, pair.Right))
                .WithTrackingName(TrackingNames.ConfigTargets)
                .Where(static t => t is not null)
                .Select(static (t, _) => t!);
        }

        /// <summary>The class's request, or null for a class the generator skips (an analyzer reports why): not
        /// extensible, also carrying [Rotary] (which wins, ROPE019), or without a usable path or layout.</summary>
        private static ConfigClass? ParseConfigClass(GeneratorAttributeSyntaxContext context, CancellationToken ct)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1 || !RotaryAttributeReader.IsExtensible(type)) return null;
            if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == RotaryAttributeReader.RotaryName)) return null;
            if (!RotaryAttributeReader.TryReadFromConfig(context.Attributes[0], out string path, out RotaryLayout? layout) || path.Length == 0) return null;

            // Whether the class takes M-RoPE's members is known once the file is read: both answers, for the join.
            Compilation compilation = context.SemanticModel.Compilation;
            bool hasIlgpu = RotaryAttributeReader.ReferencesIlgpu(compilation);
            MemberConflicts Conflicts(bool multimodal) => new(GeneratedMemberConflicts.Clashes(type, multimodal, hasIlgpu).Any(),
                new EquatableArray<string>(GeneratedMemberConflicts.Hidden(type, multimodal, compilation, hasIlgpu)));
            ct.ThrowIfCancellationRequested();
            return new ConfigClass(Place(type), path, layout, Conflicts(false), Conflicts(true));
        }

        private static RotaryTarget? Join(ResolvedConfigClass request, ConfigFileSettings? file, bool hasIlgpu, EquatableArray<HintName> renames)
        {
            if (file?.Settings is not RotarySettings settings) return null;
            if (request.Class.Layout is RotaryLayout layout) settings = settings with { Layout = layout };
            MemberConflicts conflicts = settings.MRopeSections is null ? request.Class.Plain : request.Class.Multimodal;
            if (!Generates(settings) || conflicts.Clashes) return null;
            return new RotaryTarget(HintNames.Apply(request.Class.Placement.With(settings, conflicts.Hides), renames), hasIlgpu);
        }
    }
}
