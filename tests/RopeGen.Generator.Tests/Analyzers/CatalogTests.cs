using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using RopeGen.Generator.Diagnostics;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Analyzers;

/// <summary>The diagnostic catalog: unique stable IDs, help pages that exist, the README table, and release tracking for every ID.</summary>
public class CatalogTests
{
    private static DiagnosticDescriptor[] Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToArray();

    [Fact]
    public void IdsAreUniqueStableAndMatchTheIdConstants()
    {
        var descriptors = Descriptors();
        Assert.Equal(14, descriptors.Length);
        Assert.Equal(descriptors.Length, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, d => Assert.Matches(@"^ROPE\d{3}$", d.Id));
        var constants = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!).OrderBy(x => x);
        Assert.Equal(constants, descriptors.Select(d => d.Id).OrderBy(x => x));
    }

    [Fact]
    public void EveryIdIsReportedByAnAnalyzer()
    {
        var supported = AnalyzerRunner.All.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.All(Descriptors(), d => Assert.Contains(d.Id, supported));
    }

    [Fact]
    public void EveryIdHasAHelpPageWithAWrongAndARightExample()
    {
        foreach (DiagnosticDescriptor d in Descriptors())
        {
            Assert.Equal($"{DiagnosticDescriptors.RepositoryUrl}/blob/main/docs/diagnostics/{d.Id}.md", d.HelpLinkUri);
            string page = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "diagnostics", d.Id + ".md"));
            Assert.Contains(d.Id, page);
            Assert.Contains("## Wrong", page);
            Assert.Contains("## Right", page);
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()));
        }
    }

    [Fact]
    public void TheReadmeTableListsEveryIdWithItsSeverityAndHelpPage()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md"));
        foreach (DiagnosticDescriptor d in Descriptors())
            Assert.Contains($"| [{d.Id}](docs/diagnostics/{d.Id}.md) | {d.DefaultSeverity.ToString().ToLowerInvariant()} |", readme);
    }

    [Fact]
    public void EveryIdIsTrackedInTheReleaseFiles()
    {
        string generator = Path.Combine(RepoRoot.Path, "src", "Generator");
        string tracked = File.ReadAllText(Path.Combine(generator, "AnalyzerReleases.Shipped.md")) +
                         File.ReadAllText(Path.Combine(generator, "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor d in Descriptors())
            Assert.Matches(new Regex($@"^{d.Id}\s*\|\s*RopeGen\s*\|\s*{d.DefaultSeverity}\s*\|", RegexOptions.Multiline), tracked);
    }
}
