using System;

namespace RopeGen
{
    /// <summary>
    /// Per-pair inverse frequencies θ_i and the attention factor of every RoPE scaling kind, in double precision,
    /// following transformers' <c>modeling_rope_utils</c>. This file is linked into the source generator, so the
    /// constants it bakes into kernels and the values computed at run time come from the same code.
    /// </summary>
    public static class RopeFrequencies
    {
        /// <summary>
        /// The inverse frequency of each of the d/2 pairs, in radians per position.
        /// </summary>
        /// <param name="config">A valid configuration (see <see cref="RotaryValidation"/>).</param>
        /// <param name="sequenceLength">The current sequence length N (max position + 1). Only DynamicNtk (above
        /// <c>OriginalMaxPositions</c>) and LongRope (long table above it) read it; 0 means "within the original length".</param>
        /// <exception cref="ArgumentException">The configuration is invalid or <paramref name="sequenceLength"/> is negative.</exception>
        public static double[] InverseFrequencies(RotaryConfig config, int sequenceLength = 0)
        {
            RotaryValidation.ThrowIfInvalid(config);
            if (sequenceLength < 0)
                throw new ArgumentException($"sequenceLength is {sequenceLength}; expected 0 or a positive length.", nameof(sequenceLength));
            return UncheckedInverseFrequencies(config, sequenceLength);
        }

        /// <summary><see cref="InverseFrequencies"/> of a configuration whose settings are each valid, without validating
        /// it first (the validation of the derived values calls it).</summary>
        internal static double[] UncheckedInverseFrequencies(RotaryConfig config, int sequenceLength)
        {
            int d = config.EffectiveRotaryDim;
            double b = config.Base, s = config.Factor;
            int original = config.OriginalMaxPositions;
            switch (config.Scaling)
            {
                case RopeScaling.Linear:
                    return Map(Default(b, d), theta => theta / s);
                case RopeScaling.NtkAware:
                    return Default(NtkBase(b, d, s), d);
                case RopeScaling.DynamicNtk:
                    return Default(DynamicNtkBase(b, d, s, original, sequenceLength), d);
                case RopeScaling.Yarn:
                    return Yarn(config);
                case RopeScaling.LongRope:
                    return LongRope(config, UsesLongFactors(config, sequenceLength));
                case RopeScaling.Llama3:
                    return Llama3(config);
                default:
                    return Default(b, d);
            }
        }

        /// <summary>
        /// The factor multiplying cos and sin (and so the rotated part of q and k): YaRN's temperature, LongRoPE's
        /// magnitude correction, or an explicit <c>AttentionFactor</c>; 1 for every other kind.
        /// </summary>
        public static double AttentionFactor(RotaryConfig config)
        {
            RotaryValidation.ThrowIfInvalid(config);
            return UncheckedAttentionFactor(config);
        }

        /// <summary><see cref="AttentionFactor"/> without validating the configuration first.</summary>
        internal static double UncheckedAttentionFactor(RotaryConfig config)
        {
            if (config.Scaling == RopeScaling.Yarn)
            {
                if (config.AttentionFactor > 0.0) return config.AttentionFactor;
                if (config.YarnMScale > 0.0 && config.YarnMScaleAllDim > 0.0)
                    return YarnMScale(config.Factor, config.YarnMScale) / YarnMScale(config.Factor, config.YarnMScaleAllDim);
                return YarnMScale(config.Factor);
            }
            if (config.Scaling == RopeScaling.LongRope)
            {
                if (config.AttentionFactor > 0.0) return config.AttentionFactor;
                double s = LongRopeFactor(config);
                return s <= 1.0 ? 1.0 : Math.Sqrt(1.0 + Math.Log(s) / Math.Log(config.OriginalMaxPositions));
            }
            return 1.0;
        }

        /// <summary>YaRN's <c>get_mscale(s, m)</c>: 1 for s ≤ 1, else <c>0.1 · m · ln(s) + 1</c>.</summary>
        public static double YarnMScale(double factor, double mscale = 1.0) =>
            factor <= 1.0 ? 1.0 : 0.1 * mscale * Math.Log(factor) + 1.0;

        /// <summary>True when LongRoPE uses its long factors: the sequence length exceeds <c>OriginalMaxPositions</c>
        /// (transformers' rule, so the switch happens at position id L).</summary>
        public static bool UsesLongFactors(RotaryConfig config, int sequenceLength) =>
            config.Scaling == RopeScaling.LongRope && sequenceLength > config.OriginalMaxPositions;

        /// <summary>True when DynamicNtk has stretched its base: the sequence length exceeds <c>OriginalMaxPositions</c>.</summary>
        public static bool IsDynamicNtkStretched(RotaryConfig config, int sequenceLength) =>
            config.Scaling == RopeScaling.DynamicNtk && sequenceLength > config.OriginalMaxPositions;

        private static double[] Default(double b, int d)
        {
            var theta = new double[d / 2];
            for (int i = 0; i < theta.Length; i++)
                theta[i] = 1.0 / Math.Pow(b, 2.0 * i / d);
            return theta;
        }

        private static double[] Map(double[] values, Func<double, double> f)
        {
            for (int i = 0; i < values.Length; i++) values[i] = f(values[i]);
            return values;
        }

        // Static NTK-aware: b' = b · α^(d/(d−2)) keeps pair 0 and divides the slowest pair by α.
        private static double NtkBase(double b, int d, double alpha) => b * Math.Pow(alpha, d / (d - 2.0));

        // Dynamic NTK: α = s·N/L − (s − 1) with N = max(N, L), so α = 1 (the default table) up to L.
        private static double DynamicNtkBase(double b, int d, double s, int original, int sequenceLength)
        {
            double n = Math.Max(sequenceLength, original);
            return NtkBase(b, d, s * n / original - (s - 1.0));
        }

        private static double[] Yarn(RotaryConfig c)
        {
            int d = c.EffectiveRotaryDim;
            double b = c.Base, s = c.Factor;
            double low = YarnCorrectionDim(c.BetaFast, d, b, c.OriginalMaxPositions);
            double high = YarnCorrectionDim(c.BetaSlow, d, b, c.OriginalMaxPositions);
            if (c.YarnTruncate)
            {
                low = Math.Floor(low);
                high = Math.Ceiling(high);
            }
            low = Math.Max(low, 0.0);
            high = Math.Min(high, d - 1);
            if (low == high) high += 0.001; // transformers' guard against a zero-width ramp

            double[] theta = Default(b, d);
            for (int i = 0; i < theta.Length; i++)
            {
                double ramp = Math.Min(Math.Max((i - low) / (high - low), 0.0), 1.0);
                theta[i] = theta[i] / s * ramp + theta[i] * (1.0 - ramp);
            }
            return theta;
        }

        // The fractional pair index whose wavelength fits `rotations` times into the original context.
        private static double YarnCorrectionDim(double rotations, int d, double b, int original) =>
            d * Math.Log(original / (rotations * 2.0 * Math.PI)) / (2.0 * Math.Log(b));

        private static double[] LongRope(RotaryConfig c, bool useLong)
        {
            int d = c.EffectiveRotaryDim;
            var factors = useLong ? c.LongFactors! : c.ShortFactors!;
            double[] theta = Default(c.Base, d);
            for (int i = 0; i < theta.Length; i++) theta[i] /= factors[i];
            return theta;
        }

        private static double LongRopeFactor(RotaryConfig c) =>
            c.Factor > 0.0 ? c.Factor : c.MaxPositions > 0 ? (double)c.MaxPositions / c.OriginalMaxPositions : 1.0;

        private static double[] Llama3(RotaryConfig c)
        {
            double original = c.OriginalMaxPositions;
            double lowWavelength = original / c.LowFreqFactor;   // above: divided by the factor
            double highWavelength = original / c.HighFreqFactor; // below: kept
            double[] theta = Default(c.Base, c.EffectiveRotaryDim);
            for (int i = 0; i < theta.Length; i++)
            {
                double wavelength = 2.0 * Math.PI / theta[i];
                if (wavelength < highWavelength) continue;
                if (wavelength > lowWavelength)
                {
                    theta[i] /= c.Factor;
                    continue;
                }
                double smooth = (original / wavelength - c.LowFreqFactor) / (c.HighFreqFactor - c.LowFreqFactor);
                theta[i] = (1.0 - smooth) * theta[i] / c.Factor + smooth * theta[i];
            }
            return theta;
        }
    }
}
