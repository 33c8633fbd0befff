using System;
using System.Linq;

namespace RopeGen.Benchmarks;

/// <summary>The benchmarks' <c>--cases a,b</c> option: some of the known cases, by name.</summary>
public static class CaseSelection
{
    /// <summary>The names listed after <c>--cases</c>, or every known name when the option is absent.</summary>
    /// <exception cref="ArgumentException"><c>--cases</c> has no names, or names a case that does not exist.</exception>
    public static string[] Parse(string[] args, string[] known)
    {
        int at = Array.IndexOf(args, "--cases");
        if (at < 0) return known;
        string[] wanted = at + 1 < args.Length
            ? args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : Array.Empty<string>();
        string[] unknown = wanted.Except(known).ToArray();
        if (wanted.Length == 0 || unknown.Length > 0)
            throw new ArgumentException($"--cases: expected a comma-separated list of some of {string.Join(", ", known)}" +
                                        (unknown.Length > 0 ? $"; unknown: {string.Join(", ", unknown)}" : ""));
        return wanted;
    }
}
