using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RopeGen.Generator.Emit;
using RopeGen.Generator.Model;
using RopeGen.Generator.Parsing;

namespace RopeGen.Generator
{
    /// <summary>
    /// Emits RoPE kernels specialized to each <c>[Rotary]</c> and <c>[RotaryFromConfig]</c> class. Faults are reported by the analyzers; the
    /// generator skips what it cannot use and never throws.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class RotaryGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var classes = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    RotaryAttributeReader.RotaryName,
                    IsClassDeclaration,
                    static (ctx, ct) => Parse(ctx, ct))
                .WithTrackingName(TrackingNames.RotaryClasses)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(TrackingNames.ValidRotaryClasses);

            var hasIlgpu = context.CompilationProvider
                .Select(static (compilation, _) => RotaryAttributeReader.ReferencesIlgpu(compilation))
                .WithTrackingName(TrackingNames.IlgpuReference);

            var configClasses = ConfigClasses(context);

            // Hint names that would collide (Roslyn ignores their case) get a number; usually there are none.
            var renames = classes
                .Select(static (spec, _) => new HintName(spec.FullName, spec.HintName))
                .Collect()
                .Combine(configClasses.Select(static (c, _) => c.Placement.ToHintName()).Collect())
                .Select(static (names, _) => HintNames.Renames(names.Left.AddRange(names.Right)))
                .WithTrackingName(TrackingNames.HintNameRenames);

            var targets = classes
                .Combine(hasIlgpu)
                .Combine(renames)
                .Select(static (pair, _) => new RotaryTarget(HintNames.Apply(pair.Left.Left, pair.Right), pair.Left.Right))
                .WithTrackingName(TrackingNames.Targets);

            context.RegisterSourceOutput(targets, Emit);
            context.RegisterSourceOutput(ConfigTargets(context, configClasses, hasIlgpu, renames), Emit);

            // The helpers every class's GPU code shares, once per compilation.
            context.RegisterSourceOutput(hasIlgpu, static (spc, referenced) =>
            {
                if (referenced) spc.AddSource(GpuSupportEmitter.HintName, GpuSupportEmitter.Emit());
            });
        }

        /// <summary>The syntax filter of both attributes: classes and record classes.</summary>
        private static bool IsClassDeclaration(SyntaxNode node, CancellationToken _) =>
            node is ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword };

        /// <summary>The CPU kernels of every class; the GPU kernels, in a file of their own, only when ILGPU is referenced.</summary>
        private static void Emit(SourceProductionContext spc, RotaryTarget target)
        {
            RotaryClassSpec spec = target.Class;
            spc.AddSource(spec.HintName, ClassEmitter.Emit(spec, "CPU RoPE kernels", ClassEmitter.EmitCpuMembers, spc.CancellationToken));
            if (target.HasIlgpu)
                spc.AddSource(spec.GpuHintName, ClassEmitter.Emit(spec, "ILGPU GPU RoPE kernels", GpuKernelEmitter.EmitMembers, spc.CancellationToken));
        }
    }
}
