using RopeGen.Generator.Helpers;

namespace RopeGen.Generator.Model
{
    /// <summary>Where a class's generated code goes: everything of a <see cref="RotaryClassSpec"/> but the settings.</summary>
    internal sealed record ClassPlacement(string? Namespace, EquatableArray<ContainingType> Containers, string Keyword, string Name, string HintName)
    {
        public RotaryClassSpec With(RotarySettings settings) => new(Namespace, Containers, Keyword, Name, HintName, settings);
    }

    /// <summary>One <c>[RotaryFromConfig]</c> class: where it goes, the path as written and the layout given beside it.</summary>
    internal sealed record ConfigClass(ClassPlacement Placement, string Path, RotaryLayout? Layout);

    /// <summary>The project's AdditionalFiles (their paths only) and directory, against which config paths are resolved.</summary>
    internal sealed record AdditionalFileCatalog(EquatableArray<string> Paths, string? ProjectDir);

    /// <summary>A <c>[RotaryFromConfig]</c> class and the AdditionalFile its path resolved to (null when none).</summary>
    internal sealed record ResolvedConfigClass(ConfigClass Class, string? File);

    /// <summary>A config file some class asks for, read: its path and the settings it maps to (null when faulty).</summary>
    internal sealed record ConfigFileSettings(string File, RotarySettings? Settings);
}
