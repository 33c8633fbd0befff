using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RopeGen
{
    /// <summary>
    /// The one set of rules for a RoPE configuration. The runtime throws on its errors; RopeGen's analyzers report
    /// the same problems as ROPE002–ROPE005, ROPE008 and ROPE020 (this file is linked into the generator).
    /// </summary>
    public static partial class RotaryValidation
    {
        /// <summary>Every problem in <paramref name="config"/>, errors and settings without effect, in a fixed order.</summary>
        public static IReadOnlyList<RotaryProblem> Validate(RotaryConfig config)
        {
            if (config is null) throw new ArgumentNullException(nameof(config));
            var problems = new List<RotaryProblem>();
            CheckShape(config, problems);
            CheckScaling(config, problems);
            CheckNoEffect(config, problems);
            CheckMultimodal(config, problems);
            // The frequencies and the attention factor can only be computed from settings that are valid one by one.
            if (!problems.Any(p => p.IsError)) CheckDerived(config, problems);
            return problems;
        }

        /// <summary>Throws an <see cref="ArgumentException"/> that lists every error of <paramref name="config"/>;
        /// settings without effect are not errors.</summary>
        public static void ThrowIfInvalid(RotaryConfig config)
        {
            var errors = Validate(config).Where(p => p.IsError).ToList();
            if (errors.Count == 0) return;
            string message = "Invalid RoPE configuration: " + string.Join(" ", errors.Select(e => e.Message));
            throw new ArgumentException(message, errors[0].Setting);
        }

        private static void CheckShape(RotaryConfig c, List<RotaryProblem> problems)
        {
            if (c.HeadDim <= 0 || c.HeadDim % 2 != 0)
                problems.Add(new(RotaryRule.HeadDim, "HeadDim",
                    $"HeadDim is {c.HeadDim}; expected a positive even number of dimensions (such as 64, 80, 96 or 128)."));
            else if (c.HeadDim > MaxHeadDim)
                problems.Add(new(RotaryRule.HeadDim, "HeadDim",
                    $"HeadDim is {Format(c.HeadDim)}; expected at most {Format(MaxHeadDim)}, so that a cos/sin table row (up to 2 × HeadDim floats) fits in one array."));

            if (c.RotaryDim < 0 || c.RotaryDim % 2 != 0 || (c.HeadDim > 0 && c.RotaryDim > c.HeadDim))
                problems.Add(new(RotaryRule.RotaryDim, "RotaryDim",
                    $"RotaryDim is {c.RotaryDim}; expected 0 (the whole head) or an even number from 2 to HeadDim ({c.HeadDim})."));

            if (c.Layout != RotaryLayout.HalfSplit && c.Layout != RotaryLayout.Interleaved)
                problems.Add(new(RotaryRule.Layout, "Layout",
                    $"Layout is {(int)c.Layout}, which is not a RotaryLayout value; expected HalfSplit or Interleaved."));

            if (!IsFinite(c.Base) || c.Base <= 1.0)
                problems.Add(new(RotaryRule.Base, "Base",
                    $"Base is {Format(c.Base)}; expected a finite number greater than 1 (rope_theta, usually 10000 to 1000000)."));
        }

        private static void CheckScaling(RotaryConfig c, List<RotaryProblem> problems)
        {
            RopeScaling kind = c.Scaling;
            if (kind < RopeScaling.None || kind > RopeScaling.Llama3)
            {
                problems.Add(new(RotaryRule.Scaling, "Scaling",
                    $"Scaling is {(int)kind}, which is not a RopeScaling value; expected one of None, Linear, NtkAware, DynamicNtk, Yarn, LongRope, Llama3."));
                return;
            }

            bool factorRequired = kind is RopeScaling.Linear or RopeScaling.NtkAware or RopeScaling.DynamicNtk
                or RopeScaling.Yarn or RopeScaling.Llama3;
            if (factorRequired && c.Factor == 0.0)
                Add(problems, "Factor", $"Factor is missing; {kind} scaling requires a factor of at least 1 (rope_scaling.factor).");
            else if (kind != RopeScaling.None && c.Factor != 0.0 && (!IsFinite(c.Factor) || c.Factor < 1.0))
                Add(problems, "Factor", $"Factor is {Format(c.Factor)}; expected a finite number of at least 1.");

            bool originalRequired = kind is RopeScaling.DynamicNtk or RopeScaling.Yarn or RopeScaling.LongRope or RopeScaling.Llama3;
            if (c.OriginalMaxPositions < 0 || (originalRequired && c.OriginalMaxPositions == 0))
                Add(problems, "OriginalMaxPositions", c.OriginalMaxPositions == 0
                    ? $"OriginalMaxPositions is missing; {kind} scaling requires the pre-extension context length (original_max_position_embeddings), a positive number."
                    : $"OriginalMaxPositions is {c.OriginalMaxPositions}; expected a positive number of positions.");

            if (c.MaxPositions < 0)
                Add(problems, "MaxPositions", $"MaxPositions is {c.MaxPositions}; expected 0 (not set) or a positive number of positions.");

            if (c.AttentionFactor < 0.0 || !IsFinite(c.AttentionFactor))
                Add(problems, "AttentionFactor", $"AttentionFactor is {Format(c.AttentionFactor)}; expected 0 (the kind's default) or a positive finite number.");

            int d = c.EffectiveRotaryDim;
            if ((kind is RopeScaling.NtkAware or RopeScaling.DynamicNtk) && d == 2)
                Add(problems, "RotaryDim", $"{kind} scaling needs more than one rotation pair (base · factor^(d/(d-2))); the rotary dim is 2, expected at least 4.");

            switch (kind)
            {
                case RopeScaling.Yarn:
                    if (!IsFinite(c.BetaSlow) || c.BetaSlow <= 0.0)
                        Add(problems, "BetaSlow", $"BetaSlow is {Format(c.BetaSlow)}; expected a positive finite number (beta_slow, default 1).");
                    if (!IsFinite(c.BetaFast) || c.BetaFast <= c.BetaSlow)
                        Add(problems, "BetaFast", $"BetaFast is {Format(c.BetaFast)}; expected a finite number greater than BetaSlow ({Format(c.BetaSlow)}) (beta_fast, default 32).");
                    if (c.YarnMScale < 0.0 || !IsFinite(c.YarnMScale))
                        Add(problems, "YarnMScale", $"YarnMScale is {Format(c.YarnMScale)}; expected 0 (not set) or a positive finite number (mscale).");
                    if (c.YarnMScaleAllDim < 0.0 || !IsFinite(c.YarnMScaleAllDim))
                        Add(problems, "YarnMScaleAllDim", $"YarnMScaleAllDim is {Format(c.YarnMScaleAllDim)}; expected 0 (not set) or a positive finite number (mscale_all_dim).");
                    break;

                case RopeScaling.Llama3:
                    if (!IsFinite(c.LowFreqFactor) || c.LowFreqFactor <= 0.0)
                        Add(problems, "LowFreqFactor", $"LowFreqFactor is {Format(c.LowFreqFactor)}; expected a positive finite number (low_freq_factor, default 1).");
                    if (!IsFinite(c.HighFreqFactor) || c.HighFreqFactor <= c.LowFreqFactor)
                        Add(problems, "HighFreqFactor", $"HighFreqFactor is {Format(c.HighFreqFactor)}; expected a finite number greater than LowFreqFactor ({Format(c.LowFreqFactor)}) (high_freq_factor, default 4).");
                    break;

                case RopeScaling.LongRope:
                    // The long factors apply from sequence length L + 1 on, which must still be a length.
                    if (c.OriginalMaxPositions == int.MaxValue)
                        Add(problems, "OriginalMaxPositions", $"OriginalMaxPositions is {Format(c.OriginalMaxPositions)}; LongRope switches to its long factors above it, so expected a positive number below {Format(int.MaxValue)}.");
                    CheckFactors(problems, "ShortFactors", c.ShortFactors, c.PairCount);
                    CheckFactors(problems, "LongFactors", c.LongFactors, c.PairCount);
                    if (c.Factor == 0.0 && c.MaxPositions == 0 && c.AttentionFactor == 0.0)
                        Add(problems, "Factor", "Factor is missing; LongRope scaling needs Factor, or MaxPositions (max_position_embeddings) to derive it as MaxPositions / OriginalMaxPositions, or an explicit AttentionFactor.");
                    break;
            }
        }

        private static void CheckFactors(List<RotaryProblem> problems, string setting, IReadOnlyList<double>? factors, int pairs)
        {
            if (factors is null)
            {
                Add(problems, setting, $"{setting} is missing; LongRope scaling requires {pairs} per-pair factors (RotaryDim / 2).");
                return;
            }
            if (factors.Count != pairs)
                Add(problems, setting, $"{setting} has {factors.Count} entries; expected exactly {pairs} (RotaryDim / 2), one per rotation pair.");
            for (int i = 0; i < factors.Count; i++)
            {
                if (!IsFinite(factors[i]) || factors[i] <= 0.0)
                {
                    Add(problems, setting, $"{setting}[{i}] is {Format(factors[i])}; expected a positive finite number.");
                    break;
                }
            }
        }

        private static void CheckNoEffect(RotaryConfig c, List<RotaryProblem> problems)
        {
            RopeScaling kind = c.Scaling;
            if (kind < RopeScaling.None || kind > RopeScaling.Llama3) return;
            bool yarn = kind == RopeScaling.Yarn, longRope = kind == RopeScaling.LongRope, llama3 = kind == RopeScaling.Llama3;

            if (kind == RopeScaling.None && c.Factor != 0.0) Unused(problems, c, "Factor", Format(c.Factor), "0");
            if ((kind is RopeScaling.None or RopeScaling.Linear or RopeScaling.NtkAware) && c.OriginalMaxPositions != 0)
                Unused(problems, c, "OriginalMaxPositions", Format(c.OriginalMaxPositions), "0");
            if (!longRope && c.MaxPositions != 0) Unused(problems, c, "MaxPositions", Format(c.MaxPositions), "0");
            if (!yarn && !longRope && c.AttentionFactor != 0.0) Unused(problems, c, "AttentionFactor", Format(c.AttentionFactor), "0");
            if (!yarn && c.BetaFast != RotaryConfig.DefaultBetaFast) Unused(problems, c, "BetaFast", Format(c.BetaFast), Format(RotaryConfig.DefaultBetaFast));
            if (!yarn && c.BetaSlow != RotaryConfig.DefaultBetaSlow) Unused(problems, c, "BetaSlow", Format(c.BetaSlow), Format(RotaryConfig.DefaultBetaSlow));
            if (!yarn && !c.YarnTruncate) Unused(problems, c, "YarnTruncate", "false", "true");
            if (!yarn && c.YarnMScale != 0.0) Unused(problems, c, "YarnMScale", Format(c.YarnMScale), "0");
            if (!yarn && c.YarnMScaleAllDim != 0.0) Unused(problems, c, "YarnMScaleAllDim", Format(c.YarnMScaleAllDim), "0");
            if (!llama3 && c.LowFreqFactor != RotaryConfig.DefaultLowFreqFactor)
                Unused(problems, c, "LowFreqFactor", Format(c.LowFreqFactor), Format(RotaryConfig.DefaultLowFreqFactor));
            if (!llama3 && c.HighFreqFactor != RotaryConfig.DefaultHighFreqFactor)
                Unused(problems, c, "HighFreqFactor", Format(c.HighFreqFactor), Format(RotaryConfig.DefaultHighFreqFactor));
            if (!longRope && c.ShortFactors is not null) Unused(problems, c, "ShortFactors", $"an array of {Format(c.ShortFactors.Count)} factors", "null");
            if (!longRope && c.LongFactors is not null) Unused(problems, c, "LongFactors", $"an array of {Format(c.LongFactors.Count)} factors", "null");
            if (yarn && c.AttentionFactor != 0.0 && (c.YarnMScale != 0.0 || c.YarnMScaleAllDim != 0.0))
                problems.Add(new(RotaryRule.NoEffect, c.YarnMScale != 0.0 ? "YarnMScale" : "YarnMScaleAllDim",
                    $"YarnMScale ({Format(c.YarnMScale)}) and YarnMScaleAllDim ({Format(c.YarnMScaleAllDim)}) have no effect when AttentionFactor is given ({Format(c.AttentionFactor)}); expected one or the other, not both."));
        }

        private static void Unused(List<RotaryProblem> problems, RotaryConfig c, string setting, string found, string unset) =>
            problems.Add(new(RotaryRule.NoEffect, setting,
                $"{setting} is {found}, which has no effect with RopeScaling.{c.Scaling}; expected the default ({unset}): remove it, or choose a scaling kind that uses it."));

        private static void Add(List<RotaryProblem> problems, string setting, string message) =>
            problems.Add(new(RotaryRule.Scaling, setting, message));

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
