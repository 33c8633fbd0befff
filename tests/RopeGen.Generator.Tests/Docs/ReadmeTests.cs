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

    private static string Section(string heading)
    {
        int start = Readme.IndexOf("\n" + heading + "\n", System.StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no '{heading}' section");
        int end = Readme.IndexOf("\n## ", start + heading.Length + 2, System.StringComparison.Ordinal);
        return end < 0 ? Readme[start..] : Readme[start..end];
    }

    private static string Normalize(string code) => Regex.Replace(code, @"\s+", " ");
}
