using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Docs;

/// <summary>The README's model table shows the [Rotary] and [RotaryFromConfig] lines the kernel tests compile (and check
/// against published figures and against each other).</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md"));

    [Fact]
    public void EveryModelLineIsCompiledAndCheckedByTheKernelTests()
    {
        string tests = Path.Combine(RepoRoot.Path, "tests", "RopeGen.Kernels.Tests");
        string compiled = Normalize(string.Concat(Directory.GetFiles(tests, "*.cs").Order().Select(File.ReadAllText)));
        string[] lines = Regex.Matches(Section("## Real models"), @"`(\[Rotary(FromConfig)?\(.*?\)\])`").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(lines.Count(l => l.StartsWith("[RotaryFromConfig(")) >= 15, $"expected at least 15 config imports, found {lines.Length}");
        Assert.True(lines.Length >= 30, $"expected every model's two lines, found {lines.Length}");
        foreach (string line in lines)
        {
            // A line abbreviated with "…" (Phi-3's 96 factors) must match up to the abbreviation.
            int cut = line.IndexOf('…');
            Assert.Contains(Normalize(cut < 0 ? line : line[..cut]), compiled);
        }
    }

    /// <summary>The package page (src/Runtime/PACKAGE.md, packed as README.md) shows no relative link: the files they
    /// would point to are not in the package.</summary>
    [Fact]
    public void ThePackageReadmeLinksToNothingOutsideThePackage()
    {
        string package = File.ReadAllText(Path.Combine(RepoRoot.Path, "src", "Runtime", "PACKAGE.md"));
        string[] relative = Regex.Matches(package, @"\]\((?!https?://)([^)]*)\)").Select(m => m.Groups[1].Value).ToArray();
        Assert.Empty(relative);
    }

    /// <summary>The package page's quick start is the README's (which another test compiles), so the two cannot drift.</summary>
    [Fact]
    public void ThePackageReadmeQuickStartIsTheReadmes()
    {
        string package = File.ReadAllText(Path.Combine(RepoRoot.Path, "src", "Runtime", "PACKAGE.md"));
        Assert.Equal(CodeBlock(Section(Readme, "## Quick start")), CodeBlock(Section(package, "## Quick start")));
    }

    private static string CodeBlock(string section)
    {
        Match block = Regex.Match(section, "```csharp\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "no csharp code block in the section");
        return block.Groups[1].Value;
    }

    private static string Section(string heading) => Section(Readme, heading);

    private static string Section(string text, string heading)
    {
        int start = text.IndexOf("\n" + heading + "\n", System.StringComparison.Ordinal);
        Assert.True(start >= 0, $"the text has no '{heading}' section");
        int end = text.IndexOf("\n## ", start + heading.Length + 2, System.StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static string Normalize(string code) => Regex.Replace(code, @"\s+", " ");
}
