using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Generator.Model
{
    /// <summary>
    /// A member the generator adds to every [Rotary] class: a method with its parameter types, or a nested class.
    /// User members of the same name and signature clash with it (ROPE013); inherited ones are hidden with <c>new</c>.
    /// The list is checked against the generated code by the generator tests.
    /// </summary>
    internal sealed class GeneratedMember
    {
        private const string Span = "global::System.Span<float>", Positions = "global::System.ReadOnlySpan<int>";
        private const string View = "global::RopeGen.HeadView", Parallel = "global::System.Threading.Tasks.ParallelOptions";

        private GeneratedMember(string name, string[]? parameters, bool partial = false, bool gpu = false, bool multimodal = false)
        {
            Name = name;
            Parameters = parameters;
            Partial = partial;
            Gpu = gpu;
            Multimodal = multimodal;
            Key = parameters is null ? name : Signature(name, parameters);
        }

        /// <summary>Names the member in <see cref="RotaryClassSpec.Hides"/>: the name, and a method's parameter types.</summary>
        public string Key { get; }

        /// <summary>The member's name.</summary>
        public string Name { get; }

        /// <summary>A method's parameter types, fully qualified; null for a nested class.</summary>
        public string[]? Parameters { get; }

        /// <summary>A nested class the user may extend with a partial declaration of their own.</summary>
        public bool Partial { get; }

        /// <summary>Generated only when the compilation references ILGPU.</summary>
        public bool Gpu { get; }

        /// <summary>Generated only for classes with M-RoPE sections.</summary>
        public bool Multimodal { get; }

        /// <summary>A method, compared by signature; otherwise a nested class, compared by name.</summary>
        public bool IsMethod => Parameters is not null;

        public static readonly GeneratedMember ApplyRotary = new("ApplyRotary", new[] { Span, Positions, "int" });
        public static readonly GeneratedMember ApplyRotaryWithLength = new("ApplyRotary", new[] { Span, Positions, "int", "int" });
        public static readonly GeneratedMember ApplyRotaryFused = new("ApplyRotary", new[] { Span, "int", Span, "int", Positions });
        public static readonly GeneratedMember ShiftRotary = new("ShiftRotary", new[] { Span, "int", "int" });
        public static readonly GeneratedMember RopeGenRotary = new("RopeGenRotary", null, partial: true);
        public static readonly GeneratedMember CreateGpuRotary = new("CreateGpuRotary", new[] { "global::ILGPU.Runtime.Accelerator" }, gpu: true);
        public static readonly GeneratedMember RopeGenGpuRotary = new("RopeGenGpuRotary", null, gpu: true);

        /// <summary>Every generated member, CPU and GPU.</summary>
        public static readonly GeneratedMember[] All = new[]
            {
                ApplyRotary, ApplyRotaryWithLength, ApplyRotaryFused,
                new("ApplyRotary", new[] { Span, "int", Span, "int", Positions, "int" }),
            }
            .Concat(ViewOverloads(Span, Positions, View))
            .Concat(ViewOverloads(Span, View, Span, View, Positions))
            .Concat(new[] { ShiftRotary, RopeGenRotary, CreateGpuRotary, RopeGenGpuRotary })
            .Concat(new[]
                {
                    new[] { Span, Positions, "int" }, new[] { Span, Positions, "int", "int" },
                    new[] { Span, "int", Span, "int", Positions }, new[] { Span, "int", Span, "int", Positions, "int" },
                }
                .Select(parameters => new GeneratedMember("ApplyMultimodalRotary", parameters, multimodal: true)))
            .Concat(StagedOverloads(multimodal: false))
            .Concat(StagedOverloads(multimodal: true))
            .ToArray();

        /// <summary>The members generated into a class with or without M-RoPE sections, in a compilation with or without ILGPU.</summary>
        public static IEnumerable<GeneratedMember> For(bool multimodal, bool hasIlgpu) =>
            All.Where(m => (hasIlgpu || !m.Gpu) && (multimodal || !m.Multimodal));

        /// <summary>"public " or "public new " for the declaration of this member in <paramref name="spec"/>.</summary>
        public string Public(RotaryClassSpec spec) => spec.Hides.Contains(Key) ? "public new " : "public ";

        /// <summary>"public " or "public new " for the method <paramref name="name"/>(<paramref name="parameters"/>), its
        /// parameters as declared (<c>global::System.Span&lt;float&gt; x, int numHeads</c>).</summary>
        public static string Public(RotaryClassSpec spec, string name, string parameters) =>
            spec.Hides.Contains(Signature(name, parameters.Split(',').Select(p => p.Trim()).Select(p => p.Substring(0, p.LastIndexOf(' ')))))
                ? "public new "
                : "public ";

        // The fp16 and bfloat16 overloads (each ApplyRotary with and without a sequence length, ShiftRotary) and RotateInto
        // into a float, fp16 or bfloat16 cache (with and without a sequence length); for M-RoPE, ApplyMultimodalRotary and
        // RotateMultimodalInto of the same shapes (no shift: ShiftRotary serves M-RoPE keys too).
        private static IEnumerable<GeneratedMember> StagedOverloads(bool multimodal)
        {
            string apply = multimodal ? "ApplyMultimodalRotary" : "ApplyRotary", into = multimodal ? "RotateMultimodalInto" : "RotateInto";
            foreach (string element in new[] { "global::System.Half", "global::RopeGen.BFloat16" })
            {
                string span = "global::System.Span<" + element + ">";
                foreach (string[] parameters in new[] { new[] { span, Positions, "int" }, new[] { span, "int", span, "int", Positions } })
                {
                    yield return new GeneratedMember(apply, parameters, multimodal: multimodal);
                    yield return new GeneratedMember(apply, parameters.Concat(new[] { "int" }).ToArray(), multimodal: multimodal);
                }
                if (!multimodal) yield return new GeneratedMember("ShiftRotary", new[] { span, "int", "int" });
            }
            foreach (string element in new[] { "float", "global::System.Half", "global::RopeGen.BFloat16" })
            {
                string[] parameters = { "global::System.ReadOnlySpan<float>", Positions, "int", "global::System.Span<" + element + ">", Positions };
                yield return new GeneratedMember(into, parameters, multimodal: multimodal);
                yield return new GeneratedMember(into, parameters.Concat(new[] { "int" }).ToArray(), multimodal: multimodal);
            }
        }

        // The view overloads come with and without an explicit sequence length and with and without ParallelOptions.
        private static IEnumerable<GeneratedMember> ViewOverloads(params string[] parameters) =>
            new[] { new string[0], new[] { "int" }, new[] { Parallel }, new[] { "int", Parallel } }
                .Select(extra => new GeneratedMember("ApplyRotary", parameters.Concat(extra).ToArray()));

        private static string Signature(string name, IEnumerable<string> parameterTypes) => name + "(" + string.Join(", ", parameterTypes) + ")";
    }
}
