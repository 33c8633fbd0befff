using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RopeGen.Generator.Emit;
using RopeGen.Generator.Model;

namespace RopeGen.Generator
{
    /// <summary>
    /// Emits RoPE kernels specialized to each <c>[Rotary]</c> class. Faults are reported by the analyzers; the
    /// generator skips what it cannot use and never throws.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class RotaryGenerator : IIncrementalGenerator
    {
        internal const string AttributeName = "RopeGen.RotaryAttribute";
        internal const string IlgpuAcceleratorName = "ILGPU.Runtime.Accelerator";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var classes = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    AttributeName,
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword },
                    static (ctx, ct) => Parse(ctx, ct))
                .WithTrackingName(TrackingNames.RotaryClasses)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(TrackingNames.ValidRotaryClasses);

            var hasIlgpu = context.CompilationProvider
                .Select(static (compilation, _) => compilation.GetTypeByMetadataName(IlgpuAcceleratorName) is not null)
                .WithTrackingName(TrackingNames.IlgpuReference);

            // Hint names that would collide (Roslyn ignores their case) get a number; usually there are none.
            var renames = classes
                .Select(static (spec, _) => new HintName(spec.FullName, spec.HintName))
                .Collect()
                .Select(static (names, _) => HintNames.Renames(names))
                .WithTrackingName(TrackingNames.HintNameRenames);

            var targets = classes
                .Combine(hasIlgpu)
                .Combine(renames)
                .Select(static (pair, _) => new RotaryTarget(HintNames.Apply(pair.Left.Left, pair.Right), pair.Left.Right))
                .WithTrackingName(TrackingNames.Targets);

            // The CPU kernels of every class; the GPU kernels, in a file of their own, only when ILGPU is referenced.
            context.RegisterSourceOutput(targets, static (spc, target) =>
            {
                RotaryClassSpec spec = target.Class;
                spc.AddSource(spec.HintName, ClassEmitter.Emit(spec, CpuKernelEmitter.EmitMembers, spc.CancellationToken));
                if (target.HasIlgpu)
                    spc.AddSource(spec.GpuHintName, ClassEmitter.Emit(spec, GpuKernelEmitter.EmitMembers, spc.CancellationToken));
            });

            // The helpers every class's GPU code shares, once per compilation.
            context.RegisterSourceOutput(hasIlgpu, static (spc, referenced) =>
            {
                if (referenced) spc.AddSource(GpuSupportEmitter.HintName, GpuSupportEmitter.Emit());
            });
        }
    }
}
