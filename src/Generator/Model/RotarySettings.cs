using RopeGen.Generator.Helpers;

namespace RopeGen.Generator.Model
{
    /// <summary>The attribute's settings as plain values (no symbols), so the pipeline can compare and cache them.</summary>
    internal sealed record RotarySettings(
        int HeadDim,
        double Base,
        RopeScaling Scaling,
        int RotaryDim,
        RotaryLayout Layout,
        double Factor,
        int OriginalMaxPositions,
        int MaxPositions,
        double BetaFast,
        double BetaSlow,
        double AttentionFactor,
        double LowFreqFactor,
        double HighFreqFactor,
        EquatableArray<double>? ShortFactors,
        EquatableArray<double>? LongFactors,
        bool YarnTruncate,
        double YarnMScale,
        double YarnMScaleAllDim,
        EquatableArray<int>? MRopeSections,
        bool MRopeInterleaved)
    {
        /// <summary>The shared configuration type, for the shared validation and frequency math.</summary>
        public RotaryConfig ToConfig() => new(HeadDim, Base, Scaling)
        {
            RotaryDim = RotaryDim,
            Layout = Layout,
            Factor = Factor,
            OriginalMaxPositions = OriginalMaxPositions,
            MaxPositions = MaxPositions,
            BetaFast = BetaFast,
            BetaSlow = BetaSlow,
            AttentionFactor = AttentionFactor,
            LowFreqFactor = LowFreqFactor,
            HighFreqFactor = HighFreqFactor,
            ShortFactors = ShortFactors?.ToImmutableArray(),
            LongFactors = LongFactors?.ToImmutableArray(),
            YarnTruncate = YarnTruncate,
            YarnMScale = YarnMScale,
            YarnMScaleAllDim = YarnMScaleAllDim,
            MRopeSections = MRopeSections?.ToImmutableArray(),
            MRopeInterleaved = MRopeInterleaved,
        };
    }
}
