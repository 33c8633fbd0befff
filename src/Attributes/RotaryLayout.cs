namespace RopeGen
{
    /// <summary>Which two coordinates of a head vector form one rotation pair.</summary>
    public enum RotaryLayout
    {
        /// <summary>
        /// Pair <c>j</c> is <c>(x[j], x[j + d/2])</c>: transformers' <c>rotate_half</c>, used by HF-format Llama, Mistral,
        /// Qwen, Phi, Gemma and GPT-NeoX checkpoints (vLLM <c>is_neox_style</c>, ggml NEOX mode).
        /// </summary>
        HalfSplit = 0,

        /// <summary>
        /// Pair <c>j</c> is <c>(x[2j], x[2j + 1])</c>: GPT-J, Meta's original Llama checkpoints, GGUF Llama and the
        /// DeepSeek rope slice (ggml NORM mode).
        /// </summary>
        Interleaved = 1,
    }
}
