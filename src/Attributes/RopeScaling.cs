namespace RopeGen
{
    /// <summary>
    /// The frequency scaling a model applies to RoPE (config.json <c>rope_scaling.rope_type</c>, legacy <c>type</c>).
    /// </summary>
    public enum RopeScaling
    {
        /// <summary>Plain RoFormer RoPE: <c>θ_i = base^(-2i/d)</c> (<c>"default"</c>, or no <c>rope_scaling</c>).</summary>
        None = 0,

        /// <summary>Position interpolation: every frequency divided by <c>Factor</c> (<c>"linear"</c>).</summary>
        Linear = 1,

        /// <summary>
        /// Static NTK-aware scaling: the base becomes <c>base · Factor^(d/(d-2))</c>. Not a transformers rope type;
        /// the same as editing <c>rope_theta</c> (llama.cpp <c>--rope-freq-base</c>).
        /// </summary>
        NtkAware = 2,

        /// <summary>
        /// Dynamic NTK (<c>"dynamic"</c>): the NTK-aware base is recomputed from the sequence length once it exceeds
        /// <c>OriginalMaxPositions</c> (config.json <c>max_position_embeddings</c>).
        /// </summary>
        DynamicNtk = 3,

        /// <summary>YaRN NTK-by-parts with attention temperature (<c>"yarn"</c>).</summary>
        Yarn = 4,

        /// <summary>LongRoPE per-pair factors, short or long table by sequence length (<c>"longrope"</c>, legacy <c>"su"</c>).</summary>
        LongRope = 5,

        /// <summary>Llama 3.1 wavelength-dependent scaling (<c>"llama3"</c>).</summary>
        Llama3 = 6,
    }
}
