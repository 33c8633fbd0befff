using System;

namespace RopeGen
{
    /// <summary>
    /// Declares the rotary positional embedding (RoPE) of an attention class. RopeGen's source generator emits, on
    /// the annotated <c>partial</c> class, kernels specialized to exactly this configuration
    /// (<c>ApplyRotary</c>, <c>ShiftRotary</c> and the resolved <c>RopeGenRotary</c> constants).
    /// </summary>
    /// <remarks>
    /// Settings that a scaling kind does not use must be left at their defaults (analyzer ROPE008).
    /// Names in <c>code</c> are the matching keys of a Hugging Face <c>config.json</c>.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class RotaryAttribute : Attribute
    {
        /// <summary>Declares RoPE for heads of <paramref name="headDim"/> dimensions.</summary>
        /// <param name="headDim">Width of one attention head (config.json <c>head_dim</c>, else
        /// <c>hidden_size / num_attention_heads</c>). Positive and even.</param>
        /// <param name="base">The frequency base θ (<c>rope_theta</c>; GPT-NeoX <c>rotary_emb_base</c>). Default 10000; finite and &gt; 1.</param>
        /// <param name="scaling">The frequency scaling kind (<c>rope_scaling.rope_type</c>). Default <see cref="RopeScaling.None"/>.</param>
        public RotaryAttribute(int headDim, double @base = 10000.0, RopeScaling scaling = RopeScaling.None)
        {
            HeadDim = headDim;
            Base = @base;
            Scaling = scaling;
        }

        /// <summary>Width of one attention head (<c>head_dim</c>).</summary>
        public int HeadDim { get; }

        /// <summary>The frequency base (<c>rope_theta</c>).</summary>
        public double Base { get; }

        /// <summary>The frequency scaling kind (<c>rope_scaling.rope_type</c>).</summary>
        public RopeScaling Scaling { get; }

        /// <summary>
        /// Number of leading dimensions of each head that are rotated; the rest pass through unchanged.
        /// 0 (default) means the whole head. Even, at most <see cref="HeadDim"/>.
        /// config.json: <c>head_dim · partial_rotary_factor</c> (GPT-NeoX <c>rotary_pct</c>, GPT-J <c>rotary_dim</c>).
        /// </summary>
        public int RotaryDim { get; set; }

        /// <summary>Which coordinates form a pair. Default <see cref="RotaryLayout.HalfSplit"/> (HF checkpoints).</summary>
        public RotaryLayout Layout { get; set; }

        /// <summary>
        /// The scaling factor s (<c>rope_scaling.factor</c>). 0 (default) means not set. Required (≥ 1) by Linear,
        /// NtkAware, DynamicNtk, Yarn and Llama3; optional for LongRope (then <c>MaxPositions / OriginalMaxPositions</c>).
        /// </summary>
        public double Factor { get; set; }

        /// <summary>
        /// The pre-extension context length L (<c>original_max_position_embeddings</c>; for DynamicNtk the top-level
        /// <c>max_position_embeddings</c>). 0 (default) means not set. Required by DynamicNtk, Yarn, LongRope and Llama3.
        /// </summary>
        public int OriginalMaxPositions { get; set; }

        /// <summary>
        /// The extended context length (<c>max_position_embeddings</c>). Only LongRope reads it, to derive the factor
        /// when <see cref="Factor"/> is not set. 0 (default) means not set.
        /// </summary>
        public int MaxPositions { get; set; }

        /// <summary>YaRN β: pairs turning more than this many times in L keep their frequency (<c>beta_fast</c>). Default 32.</summary>
        public double BetaFast { get; set; } = 32.0;

        /// <summary>YaRN α: pairs turning fewer than this many times in L are fully interpolated (<c>beta_slow</c>). Default 1.</summary>
        public double BetaSlow { get; set; } = 1.0;

        /// <summary>
        /// Explicit attention factor multiplying cos and sin (<c>attention_factor</c>); Yarn and LongRope only.
        /// 0 (default) means the kind's own default (YaRN <c>0.1·ln(s) + 1</c>, LongRoPE <c>sqrt(1 + ln s / ln L)</c>).
        /// </summary>
        public double AttentionFactor { get; set; }

        /// <summary>Llama 3 <c>low_freq_factor</c>: wavelengths above <c>L / LowFreqFactor</c> are divided by the factor. Default 1.</summary>
        public double LowFreqFactor { get; set; } = 1.0;

        /// <summary>Llama 3 <c>high_freq_factor</c>: wavelengths below <c>L / HighFreqFactor</c> are kept. Default 4.</summary>
        public double HighFreqFactor { get; set; } = 4.0;

        /// <summary>LongRoPE per-pair divisors used while the sequence fits in L (<c>short_factor</c>); RotaryDim / 2 entries.</summary>
        public double[]? ShortFactors { get; set; }

        /// <summary>LongRoPE per-pair divisors used once the sequence exceeds L (<c>long_factor</c>); RotaryDim / 2 entries.</summary>
        public double[]? LongFactors { get; set; }

        /// <summary>
        /// YaRN <c>truncate</c>: round the correction range outwards to whole pairs (floor/ceil). Default true, as in
        /// transformers; some newer models set false.
        /// </summary>
        public bool YarnTruncate { get; set; } = true;

        /// <summary>
        /// DeepSeek YaRN <c>mscale</c>. With <see cref="YarnMScaleAllDim"/> also set, the attention factor becomes
        /// <c>get_mscale(s, mscale) / get_mscale(s, mscale_all_dim)</c>. 0 (default) means not set.
        /// </summary>
        public double YarnMScale { get; set; }

        /// <summary>DeepSeek YaRN <c>mscale_all_dim</c>; see <see cref="YarnMScale"/>. 0 (default) means not set.</summary>
        public double YarnMScaleAllDim { get; set; }

        /// <summary>
        /// M-RoPE (multimodal rotary positions, Qwen2-VL): how many rotation pairs each position axis turns — temporal,
        /// height, width — as config.json <c>rope_scaling.mrope_section</c> (Qwen2-VL <c>[16, 24, 24]</c>). Three positive
        /// entries summing to <c>RotaryDim / 2</c>; null (default) means plain RoPE. With it the class also gets
        /// <c>ApplyMultimodalRotary</c>, which takes three position ids per token. Static scaling kinds only (None, Linear,
        /// NtkAware, Yarn, Llama3); both layouts.
        /// </summary>
        public int[]? MRopeSections { get; set; }

        /// <summary>
        /// M-RoPE with the axes interleaved across the pairs, as config.json <c>rope_scaling.mrope_interleaved</c>
        /// (Qwen3-VL): pair j turns with the height id when j % 3 == 1 and j &lt; 3·sections[1], with the width id when
        /// j % 3 == 2 and j &lt; 3·sections[2], and with the temporal id otherwise. Default false: contiguous sections,
        /// temporal pairs first (Qwen2-VL, Qwen2.5-VL). Needs <see cref="MRopeSections"/>.
        /// </summary>
        public bool MRopeInterleaved { get; set; }
    }
}
