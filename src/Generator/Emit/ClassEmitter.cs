using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using RopeGen.Generator.Model;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes one generated file: the header, the namespace and the reopened containing types, around the CPU members
    /// (<see cref="EmitCpuMembers"/>) or, in a second file when ILGPU is referenced, those of <see cref="GpuKernelEmitter"/>.
    /// </summary>
    internal static class ClassEmitter
    {
        /// <summary>The value written into every <c>[GeneratedCode]</c> attribute.</summary>
        internal const string GeneratedCode =
            "[global::System.CodeDom.Compiler.GeneratedCode(\"RopeGen\", \"" + ThisAssembly.Version + "\")]";

        /// <param name="contents">What the file holds, for its header comment ("CPU RoPE kernels").</param>
        public static string Emit(RotaryClassSpec spec, string contents, Action<SourceWriter, RotaryClassSpec, RotaryConfig> members, CancellationToken ct)
        {
            RotaryConfig config = spec.Settings.ToConfig();
            var w = new SourceWriter();
            FileHeader.Write(w, FileHeader.ForClass(contents, spec, config));
            w.Line("#nullable enable");
            w.Line();
            if (spec.Namespace is not null) w.Open("namespace " + string.Join(".", spec.Namespace.Split('.').Select(Identifier)));
            foreach (ContainingType outer in spec.Containers) w.Open($"partial {outer.Keyword} {TypeName(outer.Name)}");
            w.Open($"partial {spec.Keyword} {TypeName(spec.Name)}");
            ct.ThrowIfCancellationRequested();
            members(w, spec, config);
            w.Close();
            foreach (ContainingType _ in spec.Containers) w.Close();
            if (spec.Namespace is not null) w.Close();
            return w.ToString();
        }

        /// <summary>
        /// The CPU members: the public kernels of every element type, then the nested <c>RopeGenRotary</c> with the resolved
        /// configuration and the kernel bodies they call.
        /// </summary>
        public static void EmitCpuMembers(SourceWriter w, RotaryClassSpec spec, RotaryConfig config)
        {
            CpuKernelEmitter.EmitPublicKernels(w, spec, config);
            w.Line();
            MultimodalKernelEmitter.EmitPublicKernels(w, spec, config);
            StagedKernelEmitter.EmitPublicKernels(w, spec, config);

            w.Line("/// <summary>The RoPE configuration of this class, resolved at build time by RopeGen, its cos/sin tables and the kernel bodies.</summary>");
            w.Line(GeneratedCode);
            w.Open(GeneratedMember.RopeGenRotary.Public(spec) + "static partial class RopeGenRotary");
            ConfigurationEmitter.EmitMembers(w, config);
            CpuKernelEmitter.EmitBodies(w, config);
            MultimodalKernelEmitter.EmitBodies(w, config);
            w.Line();
            StagedKernelEmitter.EmitBodies(w);
            w.Close();
        }

        /// <summary>A name as C# source: keywords (<c>class</c>, and contextual ones such as <c>record</c>) with '@'.</summary>
        internal static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
                ? "@" + name
                : name;

        /// <summary>
        /// A type name as C# source: as <see cref="Identifier"/>, and with '@' when it has only lower-case ASCII letters,
        /// so that the generated declaration does not repeat the user's warning CS8981 (such names may become keywords).
        /// </summary>
        internal static string TypeName(string name) =>
            name.All(c => c >= 'a' && c <= 'z') && !Identifier(name).StartsWith("@", StringComparison.Ordinal) ? "@" + name : Identifier(name);
    }
}
