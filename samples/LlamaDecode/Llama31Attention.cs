using RopeGen;

namespace LlamaDecode;

/// <summary>
/// One attention layer shaped like Llama-3.1-8B's: 32 query heads and 8 key/value heads of 128 dims, rope_theta 500000
/// and Llama 3 frequency scaling, exactly as its config.json says. RopeGen generates ApplyRotary and ShiftRotary here.
/// </summary>
[Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]
public sealed partial class Llama31Attention
{
    public const int HiddenSize = 4096;
    public const int NumAttentionHeads = 32;
    public const int NumKeyValueHeads = 8;
    public const int HeadDim = 128;
}
