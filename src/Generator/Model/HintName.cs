namespace RopeGen.Generator.Model
{
    /// <summary>The hint (file) name of the generated source of the class <paramref name="FullName"/>.</summary>
    /// <param name="FullName">The class's namespace, containing types and name, joined by dots (unique in a compilation).</param>
    /// <param name="Name">The hint name, ending in <see cref="HintNames.Suffix"/>.</param>
    internal sealed record HintName(string FullName, string Name);
}
