using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RopeGen.Generator.Model;

namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// Writes the resolved configuration, first in the nested <c>RopeGenRotary</c>: constants, the inverse frequencies
    /// computed at build time by the shared <see cref="RopeFrequencies"/>, the run-time <c>RotaryConfig</c> twin and the
    /// cos/sin tables.
    /// </summary>
    internal static class ConfigurationEmitter
    {
        private const string Table = "global::RopeGen.RotaryTable";

        public static void EmitMembers(SourceWriter w, RotaryConfig config)
        {
            long width = RotaryRows.Width(config.Layout, config.PairCount);
            Constant(w, "Width of one attention head.", "int", "HeadDim", Int(config.HeadDim));
            Constant(w, "Leading dimensions of each head that are rotated; the rest pass through.", "int", "RotaryDim", Int(config.EffectiveRotaryDim));
            Constant(w, "Rotation pairs per head, RotaryDim / 2.", "int", "PairCount", Int(config.PairCount));
            Constant(w, "Which coordinates form a pair.", "global::RopeGen.RotaryLayout", "Layout", "global::RopeGen.RotaryLayout." + config.Layout);
            Constant(w, "The frequency scaling kind.", "global::RopeGen.RopeScaling", "Scaling", "global::RopeGen.RopeScaling." + config.Scaling);
            Constant(w, "The factor folded into every cos and sin (YaRN / LongRoPE magnitude correction; 1 otherwise).", "double",
                "AttentionFactor", SourceWriter.Double(RopeFrequencies.AttentionFactor(config)));
            Constant(w, "Floats in the cos half (and in the sin half) of a table row.", "int", "RowWidth", Long(width));
            Constant(w, "Floats per table row: RowWidth cos values, then RowWidth sin values.", "int", "RowStride", Long(2 * width));

            string within = config.Scaling switch
            {
                RopeScaling.LongRope => " while the sequence fits in the original context (short factors)",
                RopeScaling.DynamicNtk => " while the sequence fits in the original context (unstretched base)",
                _ => "",
            };
            Frequencies(w, "InverseFrequencies", $"θ_i of each pair in radians per position{within}.", RopeFrequencies.InverseFrequencies(config));
            if (config.Scaling == RopeScaling.LongRope)
                Frequencies(w, "LongInverseFrequencies", "θ_i of each pair once the sequence exceeds the original context (long factors).",
                    RopeFrequencies.InverseFrequencies(config, config.OriginalMaxPositions + 1));

            w.Line("/// <summary>The same configuration as a run-time object, for the runtime's math and kernels.</summary>");
            w.Line($"public static global::RopeGen.RotaryConfig Config {{ get; }} = {ConfigExpression(config)};");
            w.Line();
            w.Line($"/// <summary>The cos/sin table{within}, shared by every head, q and k and every call; grown on demand.</summary>");
            w.Line($"public static {Table} Table {{ get; }} = new {Table}(InverseFrequencies, AttentionFactor, Layout);");
            if (config.Scaling == RopeScaling.LongRope)
            {
                w.Line();
                w.Line("/// <summary>The cos/sin table used once the sequence exceeds the original context.</summary>");
                w.Line($"public static {Table} LongTable {{ get; }} = new {Table}(LongInverseFrequencies, AttentionFactor, Layout);");
            }
            w.Line();
        }

        private static void Constant(SourceWriter w, string doc, string type, string name, string value)
        {
            w.Line($"/// <summary>{doc}</summary>");
            w.Line($"public const {type} {name} = {value};");
            w.Line();
        }

        private static void Frequencies(SourceWriter w, string name, string doc, double[] values)
        {
            w.Line($"/// <summary>{doc}</summary>");
            w.Line($"public static global::System.ReadOnlySpan<double> {name} => new double[]");
            w.Open();
            foreach (var chunk in values.Select((v, i) => (v, i)).GroupBy(x => x.i / 4))
                w.Line(string.Join(" ", chunk.Select(x => SourceWriter.Double(x.v) + ",")));
            w.Close(";");
            w.Line();
        }

        /// <summary>A <c>new RotaryConfig(...) { ... }</c> expression naming only the settings that differ from the defaults.</summary>
        private static string ConfigExpression(RotaryConfig c)
        {
            var settings = new List<string>();
            void Add(bool differs, string name, string value)
            {
                if (differs) settings.Add(name + " = " + value);
            }
            string Doubles(IReadOnlyList<double> values) => "new double[] { " + string.Join(", ", values.Select(SourceWriter.Double)) + " }";

            Add(c.RotaryDim != 0, "RotaryDim", Int(c.RotaryDim));
            Add(c.Layout != RotaryLayout.HalfSplit, "Layout", "global::RopeGen.RotaryLayout." + c.Layout);
            Add(c.Factor != 0.0, "Factor", SourceWriter.Double(c.Factor));
            Add(c.OriginalMaxPositions != 0, "OriginalMaxPositions", Int(c.OriginalMaxPositions));
            Add(c.MaxPositions != 0, "MaxPositions", Int(c.MaxPositions));
            Add(c.BetaFast != RotaryConfig.DefaultBetaFast, "BetaFast", SourceWriter.Double(c.BetaFast));
            Add(c.BetaSlow != RotaryConfig.DefaultBetaSlow, "BetaSlow", SourceWriter.Double(c.BetaSlow));
            Add(c.AttentionFactor != 0.0, "AttentionFactor", SourceWriter.Double(c.AttentionFactor));
            Add(c.LowFreqFactor != RotaryConfig.DefaultLowFreqFactor, "LowFreqFactor", SourceWriter.Double(c.LowFreqFactor));
            Add(c.HighFreqFactor != RotaryConfig.DefaultHighFreqFactor, "HighFreqFactor", SourceWriter.Double(c.HighFreqFactor));
            Add(c.ShortFactors is not null, "ShortFactors", c.ShortFactors is null ? "" : Doubles(c.ShortFactors));
            Add(c.LongFactors is not null, "LongFactors", c.LongFactors is null ? "" : Doubles(c.LongFactors));
            Add(!c.YarnTruncate, "YarnTruncate", "false");
            Add(c.YarnMScale != 0.0, "YarnMScale", SourceWriter.Double(c.YarnMScale));
            Add(c.YarnMScaleAllDim != 0.0, "YarnMScaleAllDim", SourceWriter.Double(c.YarnMScaleAllDim));
            Add(c.MRopeSections is not null, "MRopeSections", c.MRopeSections is null ? "" : "new int[] { " + string.Join(", ", c.MRopeSections.Select(Int)) + " }");
            Add(c.MRopeInterleaved, "MRopeInterleaved", "true");

            string ctor = $"new global::RopeGen.RotaryConfig({Int(c.HeadDim)}, {SourceWriter.Double(c.Base)}, global::RopeGen.RopeScaling.{c.Scaling})";
            return settings.Count == 0 ? ctor : ctor + " { " + string.Join(", ", settings) + " }";
        }

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
