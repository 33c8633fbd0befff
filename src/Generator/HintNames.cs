using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using RopeGen.Generator.Helpers;
using RopeGen.Generator.Model;

namespace RopeGen.Generator
{
    /// <summary>
    /// File names of the generated sources. Each is readable (<c>Namespace.Outer.Class.Rotary.g.cs</c>, characters a file
    /// name cannot hold replaced by '_'), and unique: Roslyn compares hint names ignoring case, so names that differ only
    /// in case or in replaced characters (<c>Attn_</c> and <c>Attnⅰ</c>, <c>Attn</c> and <c>attn</c>) would collide and
    /// fail the whole generator. Colliding classes after the first, by full name, get ".2", ".3", ... before the suffix;
    /// no readable name has a part that starts with a digit, so those cannot collide with another class's.
    /// </summary>
    internal static class HintNames
    {
        public const string Suffix = ".Rotary.g.cs";
        public const string GpuSuffix = ".Rotary.Gpu.g.cs";

        /// <summary>The readable hint name of a class named by its namespace, containing types and own name.</summary>
        public static string Readable(IEnumerable<string> names)
        {
            var sb = new StringBuilder();
            foreach (string name in names)
            {
                if (sb.Length > 0) sb.Append('.');
                foreach (char ch in name) sb.Append(char.IsLetterOrDigit(ch) || ch == '_' ? ch : '_');
            }
            return sb.Append(Suffix).ToString();
        }

        /// <summary>The new hint names of the classes whose readable names collide, ignoring case, with an earlier one's.</summary>
        public static EquatableArray<HintName> Renames(ImmutableArray<HintName> readable) =>
            new(readable
                .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
                .Where(group => group.Count() > 1)
                .SelectMany(group => group
                    .OrderBy(h => h.FullName, StringComparer.Ordinal)
                    .Select((h, i) => new HintName(h.FullName, Numbered(h.Name, i + 1)))
                    .Skip(1))
                .OrderBy(h => h.FullName, StringComparer.Ordinal));

        /// <summary>The spec with its unique hint name.</summary>
        public static RotaryClassSpec Apply(RotaryClassSpec spec, EquatableArray<HintName> renames)
        {
            foreach (HintName rename in renames)
                if (rename.FullName == spec.FullName) return spec with { HintName = rename.Name };
            return spec;
        }

        private static string Numbered(string hintName, int number) =>
            hintName.Substring(0, hintName.Length - Suffix.Length) + "." + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + Suffix;
    }
}
