using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>
/// Snapshot testing with Verify.SourceGenerators' file convention: <c>Snapshots/{Class}.{Method}#{HintName}.verified.cs</c>
/// per generated source and <c>{Class}.{Method}.verified.txt</c> for diagnostics. A mismatch writes <c>*.received.*</c>
/// beside it; <c>ROPEGEN_ACCEPT=1</c> accepts; under <c>CI=true</c> nothing is ever accepted and a missing file fails.
/// </summary>
public static class Snapshot
{
    private static readonly Regex s_version = new("GeneratedCode\\(\"RopeGen\", \"[^\"]*\"\\)", RegexOptions.Compiled);

    public static string Directory([CallerFilePath] string file = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, "..", "Snapshots");

    /// <param name="result">The generator run.</param>
    /// <param name="hintNameSuffix">Only the generated files whose name ends so, or all when null.</param>
    /// <param name="file">The calling test's file (its name is the snapshot's class part).</param>
    /// <param name="method">The calling test (the snapshot's method part).</param>
    /// <param name="excerpt">The part of each file to compare (<see cref="SnapshotExcerpt"/>), or null for the whole file.</param>
    public static void Verify(GeneratorDriverRunResult result, string? hintNameSuffix = null,
        [CallerFilePath] string file = "", [CallerMemberName] string method = "", Func<string, string>? excerpt = null)
    {
        string prefix = System.IO.Path.Combine(Directory(), System.IO.Path.GetFileNameWithoutExtension(file) + "." + method);
        GeneratedSourceResult[] sources = result.Results.SelectMany(r => r.GeneratedSources)
            .Where(s => hintNameSuffix is null || s.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal))
            .OrderBy(s => s.HintName, StringComparer.Ordinal).ToArray();
        // A snapshot test of a generator that produced nothing must fail, not pass for want of files to compare.
        Assert.True(sources.Length > 0, $"The generator produced no source{(hintNameSuffix is null ? "" : " ending in " + hintNameSuffix)} for {method}.");
        foreach (GeneratedSourceResult source in sources)
        {
            string text = Normalize(source.SourceText.ToString());
            Compare($"{prefix}#{source.HintName}", ".cs", excerpt is null ? text : excerpt(text));
        }

        // A verified file whose source is no longer generated (a renamed hint, a lost file) fails too.
        string[] expected = sources.Select(s => System.IO.Path.GetFileName($"{prefix}#{s.HintName}.verified.cs")).ToArray();
        string[] stale = System.IO.Directory.GetFiles(Directory(), System.IO.Path.GetFileName(prefix) + "#*.verified.cs")
            .Select(System.IO.Path.GetFileName).Where(f => hintNameSuffix is null || f!.EndsWith(hintNameSuffix + ".verified.cs", StringComparison.Ordinal))
            .Except(expected).ToArray()!;
        Assert.True(stale.Length == 0, "Snapshots of sources no longer generated: " + string.Join(", ", stale));

        var diagnostics = result.Diagnostics.Select(Describe).OrderBy(d => d, StringComparer.Ordinal).ToList();
        if (diagnostics.Count > 0) Compare(prefix, ".txt", string.Join("\n", diagnostics) + "\n");
    }

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{d.Id} {d.Severity} ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {d.GetMessage()}";
    }

    private static string Normalize(string text) => s_version.Replace(text.Replace("\r\n", "\n"), "GeneratedCode(\"RopeGen\", \"VERSION\")");

    private static void Compare(string stem, string extension, string actual)
    {
        string verified = stem + ".verified" + extension, received = stem + ".received" + extension;
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        bool accept = !ci && Environment.GetEnvironmentVariable("ROPEGEN_ACCEPT") == "1";

        if (File.Exists(verified) && File.ReadAllText(verified) == actual)
        {
            File.Delete(received);
            return;
        }
        if (accept)
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        if (!File.Exists(verified))
            Assert.Fail($"No snapshot {System.IO.Path.GetFileName(verified)}; review {System.IO.Path.GetFileName(received)} and accept it with ROPEGEN_ACCEPT=1.");
        string[] expectedLines = File.ReadAllText(verified).Split('\n'), actualLines = actual.Split('\n');
        int line = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
        Assert.Fail($"{System.IO.Path.GetFileName(verified)} differs at line {line + 1}:\n" +
                    $"  verified: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n" +
                    $"  received: {(line < actualLines.Length ? actualLines[line] : "<end of file>")}\n" +
                    $"Review {System.IO.Path.GetFileName(received)} and accept it with ROPEGEN_ACCEPT=1.");
    }
}
