namespace RopeGen.Peers;

// Plain RoPE, head dim 128, base 10000 (Llama 2 style; what ggml's and transformers' default rotation computes), in
// both layouts: half-split is ggml's NEOX mode and transformers' rotate_half, interleaved is ggml's NORM mode.
[Rotary(128)]
public partial class PlainHalf { }

[Rotary(128, Layout = RotaryLayout.Interleaved)]
public partial class PlainInterleaved { }
