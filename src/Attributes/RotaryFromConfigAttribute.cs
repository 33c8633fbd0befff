using System;

namespace RopeGen
{
    /// <summary>
    /// Declares the rotary positional embedding (RoPE) of an attention class by a model's Hugging Face
    /// <c>config.json</c>. RopeGen's source generator reads the file at build time and emits exactly what the
    /// equivalent <see cref="RotaryAttribute"/> line would: the same kernels and the same <c>RopeGenRotary</c> constants.
    /// </summary>
    /// <remarks>
    /// The file must be one of the project's <c>AdditionalFiles</c>
    /// (<c>&lt;AdditionalFiles Include="models/llama/config.json" /&gt;</c>). The path is matched against them by its path
    /// relative to the project, else by a unique path suffix (<c>"llama/config.json"</c> finds
    /// <c>models/llama/config.json</c>). Faults in the file (missing from AdditionalFiles, malformed JSON, an unsupported
    /// rope type, a missing or invalid setting) are reported as ROPE015–ROPE018 at this attribute. At run time,
    /// <c>RotaryConfig.FromHuggingFace</c> reads the same files with the same mapping.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class RotaryFromConfigAttribute : Attribute
    {
        /// <summary>Declares RoPE as the model's <c>config.json</c> at <paramref name="path"/> sets it.</summary>
        /// <param name="path">The file's path relative to the project, or a unique suffix of it among the AdditionalFiles.</param>
        public RotaryFromConfigAttribute(string path) => Path = path;

        /// <summary>The config file's path relative to the project, or a unique suffix of it among the AdditionalFiles.</summary>
        public string Path { get; }

        /// <summary>
        /// Overrides the layout inferred from <c>model_type</c> (interleaved for GPT-J, CodeGen, Cohere, DeepSeek-V2/V3
        /// and GLM/GLM-4 checkpoints; half-split for the Hugging Face checkpoints of the others). Set it when the
        /// weights come from elsewhere, e.g. <see cref="RotaryLayout.Interleaved"/> for Meta's original Llama checkpoints.
        /// </summary>
        public RotaryLayout Layout { get; set; }
    }
}
