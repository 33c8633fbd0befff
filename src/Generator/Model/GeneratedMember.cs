using System.Linq;

namespace RopeGen.Generator.Model
{
    /// <summary>
    /// A member the generator adds to every [Rotary] class: a method with its parameter types, or a nested class.
    /// User members of the same name and signature clash with it (ROPE013); inherited ones are hidden with <c>new</c>.
    /// </summary>
    internal sealed class GeneratedMember
    {
        private GeneratedMember(string key, string name, string[]? parameters, bool partial = false, bool gpu = false)
        {
            Key = key;
            Name = name;
            Parameters = parameters;
            Partial = partial;
            Gpu = gpu;
        }

        /// <summary>Names the member in <see cref="RotaryClassSpec.Hides"/>.</summary>
        public string Key { get; }

        /// <summary>The member's name.</summary>
        public string Name { get; }

        /// <summary>A method's parameter types, fully qualified; null for a nested class.</summary>
        public string[]? Parameters { get; }

        /// <summary>A nested class the user may extend with a partial declaration of their own.</summary>
        public bool Partial { get; }

        /// <summary>Generated only when the compilation references ILGPU.</summary>
        public bool Gpu { get; }

        private const string Span = "global::System.Span<float>", Positions = "global::System.ReadOnlySpan<int>";

        public static readonly GeneratedMember ApplyRotary = new("ApplyRotary(x)", "ApplyRotary", new[] { Span, Positions, "int" });
        public static readonly GeneratedMember ApplyRotaryWithLength = new("ApplyRotary(x, sequenceLength)", "ApplyRotary", new[] { Span, Positions, "int", "int" });
        public static readonly GeneratedMember ApplyRotaryFused = new("ApplyRotary(q, k)", "ApplyRotary", new[] { Span, "int", Span, "int", Positions });
        public static readonly GeneratedMember ShiftRotary = new("ShiftRotary", "ShiftRotary", new[] { Span, "int", "int" });
        public static readonly GeneratedMember RopeGenRotary = new("RopeGenRotary", "RopeGenRotary", null, partial: true);
        public static readonly GeneratedMember CreateGpuRotary = new("CreateGpuRotary", "CreateGpuRotary", new[] { "global::ILGPU.Runtime.Accelerator" }, gpu: true);
        public static readonly GeneratedMember RopeGenGpuRotary = new("RopeGenGpuRotary", "RopeGenGpuRotary", null, gpu: true);

        /// <summary>Every generated member, CPU and GPU.</summary>
        public static readonly GeneratedMember[] All =
        {
            ApplyRotary, ApplyRotaryWithLength, ApplyRotaryFused, ShiftRotary, RopeGenRotary, CreateGpuRotary, RopeGenGpuRotary,
        };

        /// <summary>A method, compared by signature; otherwise a nested class, compared by name.</summary>
        public bool IsMethod => Parameters is not null;

        /// <summary>"public " or "public new " for a declaration of this member in <paramref name="spec"/>.</summary>
        public string Public(RotaryClassSpec spec) => spec.Hides.Contains(Key) ? "public new " : "public ";
    }
}
