using System;
using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>
/// A part of a generated file to snapshot when the rest has the shape of another snapshot (the same kernels with other
/// constants): the members named, each with its docs and attributes, in the order given, under a comment saying so.
/// </summary>
/// <param name="From">Text of the first member's declaration line.</param>
/// <param name="To">Text of the declaration line of the member the part stops before; null for just the member <paramref name="From"/>.</param>
public sealed record SnapshotExcerpt(string From, string? To = null)
{
    /// <summary>Cuts <paramref name="parts"/> out of <paramref name="text"/>; fails when a declaration is not found.</summary>
    public static Func<string, string> Of(string note, params SnapshotExcerpt[] parts) => text =>
    {
        string[] lines = text.Split('\n');
        var cuts = new List<string>();
        foreach (SnapshotExcerpt part in parts)
        {
            int start = Start(lines, part.From);
            int end = part.To is null ? End(lines, Declaration(lines, part.From)) : Start(lines, part.To) - 1;
            cuts.Add(string.Join("\n", lines.Skip(start).Take(end - start + 1)));
        }
        return "// Excerpt: " + note + "\n" + string.Join("\n// ...\n", cuts) + "\n";
    };

    private static int Declaration(string[] lines, string text)
    {
        int at = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(at >= 0, $"No line contains '{text}'.");
        return at;
    }

    /// <summary>The declaration line, moved up over its XML docs and attributes.</summary>
    private static int Start(string[] lines, string text)
    {
        int start = Declaration(lines, text);
        while (start > 0 && lines[start - 1].TrimStart() is var above && (above.StartsWith("///") || above.StartsWith("[")))
            start--;
        return start;
    }

    /// <summary>The member's last line: its closing brace at the declaration's indentation, or the line ending its expression.</summary>
    private static int End(string[] lines, int declaration)
    {
        string indent = lines[declaration][..(lines[declaration].Length - lines[declaration].TrimStart().Length)];
        if (declaration + 1 < lines.Length && lines[declaration + 1] == indent + "{")
            return Array.FindIndex(lines, declaration + 1, l => l == indent + "}" || l == indent + "};");
        int end = declaration;
        while (!lines[end].TrimEnd().EndsWith(';')) end++;
        return end;
    }
}
