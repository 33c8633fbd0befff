using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RopeGen.Generator.Helpers;
using RopeGen.Generator.Model;

namespace RopeGen.Generator.Config
{
    /// <summary>Reading config files for the generator and the analyzer alike: the same parse, the same mapping.</summary>
    internal static class ConfigFiles
    {
        /// <summary>The MSBuild property the SDK passes to analyzers: the project directory, for relative paths.</summary>
        public const string ProjectDirOption = "build_property.projectdir";

        /// <summary>Parses an AdditionalFile; a file the host cannot read is reported as a syntax error at its start.</summary>
        public static ConfigJson Parse(AdditionalText file, CancellationToken ct)
        {
            SourceText? text = file.GetText(ct);
            return text is null
                ? new ConfigJson(null, new JsonSyntaxError(0, 1, 1, "the file could not be read"))
                : ConfigJsonReader.Read(text.ToString());
        }

        /// <summary>The settings <paramref name="file"/> maps to; null when it is faulty (the analyzer reports why).</summary>
        public static RotarySettings? Settings(AdditionalText file, CancellationToken ct) =>
            Parse(file, ct).Root is { } root && HuggingFaceConfig.Import(root).Config is { } config ? ToSettings(config) : null;

        /// <summary>The pipeline's equatable copy of a configuration.</summary>
        public static RotarySettings ToSettings(RotaryConfig c) => new(
            c.HeadDim, c.Base, c.Scaling, c.RotaryDim, c.Layout, c.Factor, c.OriginalMaxPositions, c.MaxPositions,
            c.BetaFast, c.BetaSlow, c.AttentionFactor, c.LowFreqFactor, c.HighFreqFactor,
            c.ShortFactors is null ? null : new EquatableArray<double>(c.ShortFactors),
            c.LongFactors is null ? null : new EquatableArray<double>(c.LongFactors),
            c.YarnTruncate, c.YarnMScale, c.YarnMScaleAllDim,
            c.MRopeSections is null ? null : new EquatableArray<int>(c.MRopeSections), c.MRopeInterleaved);
    }
}
