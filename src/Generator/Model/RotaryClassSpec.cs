using System.Linq;
using RopeGen.Generator.Helpers;

namespace RopeGen.Generator.Model
{
    /// <summary>A type that encloses the annotated class, reopened as <c>partial {Keyword} {Name}</c>.</summary>
    internal sealed record ContainingType(string Keyword, string Name);

    /// <summary>One annotated class: where it lives and its settings. Holds only equatable values.</summary>
    /// <param name="Namespace">The namespace, or null for the global namespace.</param>
    /// <param name="Containers">Enclosing types, outermost first.</param>
    /// <param name="Keyword">The class's own declaration keyword(s): <c>class</c> or <c>record</c>.</param>
    /// <param name="Name">The class name.</param>
    /// <param name="HintName">A unique file name for the generated source.</param>
    /// <param name="Settings">The validated RoPE settings.</param>
    /// <param name="Hides">Keys of the generated members that hide inherited ones (<see cref="GeneratedMember.Key"/>).</param>
    internal sealed record RotaryClassSpec(
        string? Namespace,
        EquatableArray<ContainingType> Containers,
        string Keyword,
        string Name,
        string HintName,
        RotarySettings Settings,
        EquatableArray<string> Hides)
    {
        /// <summary>The file name of the GPU kernels, beside <see cref="HintName"/>.</summary>
        public string GpuHintName => HintName.Substring(0, HintName.Length - HintNames.Suffix.Length) + HintNames.GpuSuffix;

        /// <summary>The namespace, containing types and name, joined by dots: unique among the classes of a compilation.</summary>
        public string FullName => string.Join(".", new[] { Namespace }.Concat(Containers.Select(c => c.Name)).Append(Name).Where(n => n is not null));
    }

    /// <summary>What the emitter needs for one class: its spec and whether the compilation references ILGPU.</summary>
    internal sealed record RotaryTarget(RotaryClassSpec Class, bool HasIlgpu);
}
