using System;
using System.Collections.Generic;
using System.Linq;

namespace RopeGen.Generator.Config
{
    /// <summary>The AdditionalFile a <c>[RotaryFromConfig]</c> path names, or why there is none.</summary>
    /// <param name="File">The file's path as the compiler knows it; null when none or several match.</param>
    /// <param name="Candidates">The files that matched the path's suffix when there were several, for the message.</param>
    internal sealed record ConfigFileMatch(string? File, IReadOnlyList<string> Candidates);

    /// <summary>
    /// Matches a <c>[RotaryFromConfig]</c> path against the project's AdditionalFiles: first by the path relative to
    /// the project directory (or an absolute path), then by a unique path suffix (<c>llama/config.json</c> finds
    /// <c>models/llama/config.json</c>). Both separators are accepted; an exact-case match wins over one that differs
    /// only in case. No file system access: only the paths the compiler was given.
    /// </summary>
    internal static class ConfigFileResolver
    {
        public static ConfigFileMatch Resolve(string path, IReadOnlyList<string> files, string? projectDir)
        {
            string wanted = Normalize(path);
            if (wanted.Length == 0) return new ConfigFileMatch(null, Array.Empty<string>());
            var normalized = files.Select(f => (File: f, Normalized: Normalize(f))).ToList();

            foreach (StringComparison comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
            {
                string full = IsRooted(wanted) || projectDir is null ? wanted : Normalize(projectDir + "/" + path);
                var exact = normalized.Where(f => string.Equals(f.Normalized, full, comparison)).Select(f => f.File).Distinct().ToList();
                if (exact.Count == 1) return new ConfigFileMatch(exact[0], Array.Empty<string>());

                var suffix = normalized.Where(f => f.Normalized.EndsWith("/" + wanted, comparison) || string.Equals(f.Normalized, wanted, comparison))
                    .Select(f => f.File).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
                if (suffix.Count == 1) return new ConfigFileMatch(suffix[0], Array.Empty<string>());
                if (suffix.Count > 1) return new ConfigFileMatch(null, suffix);
            }
            return new ConfigFileMatch(null, Array.Empty<string>());
        }

        /// <summary>Forward slashes, no <c>.</c> segments, <c>..</c> folded into the segment before it.</summary>
        internal static string Normalize(string path)
        {
            string[] parts = path.Trim().Replace('\\', '/').Split('/');
            var kept = new List<string>();
            for (int i = 0; i < parts.Length; i++)
            {
                string part = parts[i];
                if (part == "." || (part.Length == 0 && i > 0)) continue;
                if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] != ".." && kept[kept.Count - 1].Length > 0) kept.RemoveAt(kept.Count - 1);
                else kept.Add(part);
            }
            return string.Join("/", kept);
        }

        private static bool IsRooted(string normalized) =>
            normalized.StartsWith("/", StringComparison.Ordinal) || (normalized.Length >= 2 && normalized[1] == ':');
    }
}
