using System;
using System.Collections.Generic;

namespace RopeGen
{
    public static partial class RotaryValidation
    {
        /// <summary>
        /// The largest head dim: a cos/sin table row holds up to 2 × the head dim floats (interleaved), which must fit in
        /// one array.
        /// </summary>
        public const int MaxHeadDim = 1 << 29;

        /// <summary>The smallest attention factor accepted (it multiplies every cos and sin, stored as float).</summary>
        public const double MinAttentionFactor = 1e-6;

        /// <summary>
        /// The largest attention factor accepted. Real models use about 1 to 1.6; the bounds leave float 32 orders of
        /// magnitude of headroom for the values the factor multiplies, where 1e-300 would round every output to 0 and
        /// 1e300 make it infinite.
        /// </summary>
        public const double MaxAttentionFactor = 1e6;

        /// <summary>
        /// The largest inverse frequency accepted, <see cref="float.MaxValue"/>: float can carry it, and every angle
        /// p·θ up to position <c>int.MaxValue</c> stays finite in double (an infinite angle has no sine).
        /// </summary>
        public const double MaxInverseFrequency = float.MaxValue;

        /// <summary>
        /// Settings that are valid one by one can still combine into a non-finite or unusable frequency or attention
        /// factor (LongRope with an original context of 1 divides by ln 1 = 0, a dynamic NTK factor too large for
        /// double cancels to 0, ...). Computes them and names the setting responsible.
        /// </summary>
        private static void CheckDerived(RotaryConfig c, List<RotaryProblem> problems)
        {
            double factor = RopeFrequencies.UncheckedAttentionFactor(c);
            if (!(factor >= MinAttentionFactor && factor <= MaxAttentionFactor))
                AddAttentionFactorProblem(c, factor, problems);

            foreach (int length in DistinctTableLengths(c))
            {
                double[] theta = RopeFrequencies.UncheckedInverseFrequencies(c, length);
                for (int i = 0; i < theta.Length; i++)
                {
                    if (theta[i] >= 0.0 && theta[i] <= MaxInverseFrequency) continue;
                    AddFrequencyProblem(c, length, i, theta[i], problems);
                    return;
                }
            }
        }

        /// <summary>Sequence lengths that reach every table of the kind: LongRope's long table above the original
        /// context, and dynamic NTK's base stretched the most (the base grows steadily with the length in between).</summary>
        private static IEnumerable<int> DistinctTableLengths(RotaryConfig c)
        {
            yield return 0;
            if (c.Scaling == RopeScaling.LongRope) yield return c.OriginalMaxPositions + 1;
            if (c.Scaling == RopeScaling.DynamicNtk) yield return int.MaxValue;
        }

        private static void AddAttentionFactorProblem(RotaryConfig c, double factor, List<RotaryProblem> problems)
        {
            string range = $"expected an attention factor from {Format(MinAttentionFactor)} to {Format(MaxAttentionFactor)} (it multiplies every cos and sin, stored as float; real models use about 1 to 1.6)";
            if (c.AttentionFactor > 0.0)
                Add(problems, "AttentionFactor", $"AttentionFactor is {Format(c.AttentionFactor)}; {range}.");
            else if (c.Scaling == RopeScaling.Yarn && c.YarnMScale > 0.0 && c.YarnMScaleAllDim > 0.0)
                Add(problems, c.YarnMScale >= c.YarnMScaleAllDim ? "YarnMScale" : "YarnMScaleAllDim",
                    $"YarnMScale ({Format(c.YarnMScale)}) and YarnMScaleAllDim ({Format(c.YarnMScaleAllDim)}) make the attention factor get_mscale(Factor, YarnMScale) / get_mscale(Factor, YarnMScaleAllDim) = {Format(factor)} with Factor {Format(c.Factor)}; {range}.");
            else if (c.Scaling == RopeScaling.LongRope && c.OriginalMaxPositions == 1)
                Add(problems, "OriginalMaxPositions",
                    "OriginalMaxPositions is 1; LongRope's attention factor √(1 + ln(s) / ln(OriginalMaxPositions)) divides by ln 1 = 0; expected at least 2, or an explicit AttentionFactor.");
            else
                Add(problems, "Factor", $"Factor is {Format(c.Factor)}, which makes the attention factor {Format(factor)}; {range}.");
        }

        private static void AddFrequencyProblem(RotaryConfig c, int length, int pair, double theta, List<RotaryProblem> problems)
        {
            string found = $"θ_{pair} = {Format(theta)} radians per position";
            string finite = $"every frequency finite and at most float.MaxValue ({Format(MaxInverseFrequency)})";
            switch (c.Scaling)
            {
                case RopeScaling.LongRope:
                    bool useLong = RopeFrequencies.UsesLongFactors(c, length);
                    string setting = useLong ? "LongFactors" : "ShortFactors";
                    IReadOnlyList<double> factors = (useLong ? c.LongFactors : c.ShortFactors)!;
                    double unscaled = 1.0 / Math.Pow(c.Base, 2.0 * pair / c.EffectiveRotaryDim);
                    Add(problems, setting, $"{setting}[{pair}] is {Format(factors[pair])}, which makes {found}; expected a factor of at least {Format(unscaled / MaxInverseFrequency)}, which keeps {finite}.");
                    break;
                case RopeScaling.DynamicNtk:
                    Add(problems, "Factor", $"Factor is {Format(c.Factor)}, too large for DynamicNtk's α = Factor · N / OriginalMaxPositions − (Factor − 1) to be computed in double (its terms cancel), which makes {found} at sequence length {Format(Math.Max(length, c.OriginalMaxPositions))}; expected a factor that keeps {finite} (real models use 2 to 16).");
                    break;
                case RopeScaling.Yarn:
                    Add(problems, "BetaFast", $"BetaFast ({Format(c.BetaFast)}) and BetaSlow ({Format(c.BetaSlow)}) put YaRN's correction range out of reach of double, which makes {found}; expected betas that keep {finite} (beta_fast 32, beta_slow 1 by default).");
                    break;
                default:
                    Add(problems, "Factor", $"Factor is {Format(c.Factor)}, which makes {found}; expected a factor that keeps {finite}.");
                    break;
            }
        }
    }
}
