using System.Collections.Generic;

namespace RopeGen
{
    /// <summary>
    /// A RoPE configuration given at run time: the same settings, names and defaults as <see cref="RotaryAttribute"/>.
    /// Check it with <see cref="RotaryValidation.Validate(RotaryConfig)"/> or <see cref="ThrowIfInvalid"/>.
    /// </summary>
    /// <remarks>This file is compiled into the source generator too (linked source), so both see one definition.</remarks>
    public sealed class RotaryConfig
    {
        /// <summary>Creates a configuration; see <see cref="RotaryAttribute(int, double, RopeScaling)"/>.</summary>
        /// <param name="headDim">Width of one attention head (<c>head_dim</c>). Positive and even.</param>
        /// <param name="base">The frequency base (<c>rope_theta</c>). Finite and &gt; 1.</param>
        /// <param name="scaling">The frequency scaling kind.</param>
        public RotaryConfig(int headDim, double @base = 10000.0, RopeScaling scaling = RopeScaling.None)
        {
            HeadDim = headDim;
            Base = @base;
            Scaling = scaling;
        }

        /// <inheritdoc cref="RotaryAttribute.HeadDim"/>
        public int HeadDim { get; }

        /// <inheritdoc cref="RotaryAttribute.Base"/>
        public double Base { get; }

        /// <inheritdoc cref="RotaryAttribute.Scaling"/>
        public RopeScaling Scaling { get; }

        /// <inheritdoc cref="RotaryAttribute.RotaryDim"/>
        public int RotaryDim { get; init; }

        /// <inheritdoc cref="RotaryAttribute.Layout"/>
        public RotaryLayout Layout { get; init; }

        /// <inheritdoc cref="RotaryAttribute.Factor"/>
        public double Factor { get; init; }

        /// <inheritdoc cref="RotaryAttribute.OriginalMaxPositions"/>
        public int OriginalMaxPositions { get; init; }

        /// <inheritdoc cref="RotaryAttribute.MaxPositions"/>
        public int MaxPositions { get; init; }

        /// <inheritdoc cref="RotaryAttribute.BetaFast"/>
        public double BetaFast { get; init; } = DefaultBetaFast;

        /// <inheritdoc cref="RotaryAttribute.BetaSlow"/>
        public double BetaSlow { get; init; } = DefaultBetaSlow;

        /// <inheritdoc cref="RotaryAttribute.AttentionFactor"/>
        public double AttentionFactor { get; init; }

        /// <inheritdoc cref="RotaryAttribute.LowFreqFactor"/>
        public double LowFreqFactor { get; init; } = DefaultLowFreqFactor;

        /// <inheritdoc cref="RotaryAttribute.HighFreqFactor"/>
        public double HighFreqFactor { get; init; } = DefaultHighFreqFactor;

        /// <inheritdoc cref="RotaryAttribute.ShortFactors"/>
        public IReadOnlyList<double>? ShortFactors { get; init; }

        /// <inheritdoc cref="RotaryAttribute.LongFactors"/>
        public IReadOnlyList<double>? LongFactors { get; init; }

        /// <inheritdoc cref="RotaryAttribute.YarnTruncate"/>
        public bool YarnTruncate { get; init; } = true;

        /// <inheritdoc cref="RotaryAttribute.YarnMScale"/>
        public double YarnMScale { get; init; }

        /// <inheritdoc cref="RotaryAttribute.YarnMScaleAllDim"/>
        public double YarnMScaleAllDim { get; init; }

        /// <inheritdoc cref="RotaryAttribute.MRopeSections"/>
        public IReadOnlyList<int>? MRopeSections { get; init; }

        /// <inheritdoc cref="RotaryAttribute.MRopeInterleaved"/>
        public bool MRopeInterleaved { get; init; }

        /// <summary>The number of rotated dimensions d: <see cref="RotaryDim"/>, or <see cref="HeadDim"/> when that is 0.</summary>
        public int EffectiveRotaryDim => RotaryDim == 0 ? HeadDim : RotaryDim;

        /// <summary>The number of rotation pairs, d / 2.</summary>
        public int PairCount => EffectiveRotaryDim / 2;

        /// <summary>
        /// True for the kinds whose frequencies depend on the sequence length (DynamicNtk, LongRope): keys cached under
        /// one table cannot be moved to another by a single rotation.
        /// </summary>
        public bool IsDynamic => Scaling == RopeScaling.DynamicNtk || Scaling == RopeScaling.LongRope;

        /// <summary>True for M-RoPE (<see cref="MRopeSections"/> given): tokens take three position ids.</summary>
        public bool IsMultimodal => MRopeSections is not null;

        /// <summary>Throws <see cref="System.ArgumentException"/> naming every invalid setting and its valid range.</summary>
        public void ThrowIfInvalid() => RotaryValidation.ThrowIfInvalid(this);

        internal const double DefaultBetaFast = 32.0;
        internal const double DefaultBetaSlow = 1.0;
        internal const double DefaultLowFreqFactor = 1.0;
        internal const double DefaultHighFreqFactor = 4.0;
    }
}
