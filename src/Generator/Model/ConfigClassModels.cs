using System.Linq;
using RopeGen.Generator.Helpers;

namespace RopeGen.Generator.Model
{
    /// <summary>Where a class's generated code goes: a <see cref="RotaryClassSpec"/> but for the settings and what they decide.</summary>
    internal sealed record ClassPlacement(string? Namespace, EquatableArray<ContainingType> Containers, string Keyword, string Name, string HintName)
    {
        public RotaryClassSpec With(RotarySettings settings, EquatableArray<string> hides) =>
            new(Namespace, Containers, Keyword, Name, HintName, settings, hides);

        /// <summary>The class's hint name, for the renames that keep hint names unique.</summary>
        public HintName ToHintName() => new(FullName(Namespace, Containers, Name), HintName);

        /// <summary>The namespace, containing types and name, joined by dots: unique among the classes of a compilation.</summary>
        public static string FullName(string? ns, EquatableArray<ContainingType> containers, string name) =>
            string.Join(".", new[] { ns }.Concat(containers.Select(c => c.Name)).Append(name).Where(n => n is not null));
    }

    /// <summary>
    /// One <c>[RotaryFromConfig]</c> class: where it goes, the path as written, the layout given beside it, and how its
    /// members meet the generated ones with and without M-RoPE's (known only once the file is read).
    /// </summary>
    internal sealed record ConfigClass(ClassPlacement Placement, string Path, RotaryLayout? Layout, MemberConflicts Plain, MemberConflicts Multimodal);

    /// <summary>Whether a member of the class clashes with a generated one (the class is skipped, ROPE013), and the keys
    /// of the generated members that hide inherited ones.</summary>
    internal sealed record MemberConflicts(bool Clashes, EquatableArray<string> Hides);

    /// <summary>The project's AdditionalFiles (their paths only) and directory, against which config paths are resolved.</summary>
    internal sealed record AdditionalFileCatalog(EquatableArray<string> Paths, string? ProjectDir);

    /// <summary>A <c>[RotaryFromConfig]</c> class and the AdditionalFile its path resolved to (null when none).</summary>
    internal sealed record ResolvedConfigClass(ConfigClass Class, string? File);

    /// <summary>A config file some class asks for, read: its path and the settings it maps to (null when faulty).</summary>
    internal sealed record ConfigFileSettings(string File, RotarySettings? Settings);
}
