using RopeGen;

namespace GpuRotary;

/// <summary>Llama-3.1-8B's RoPE (rope-math.md §7): the generator adds CPU kernels and, since ILGPU is referenced, GPU kernels.</summary>
[Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]
public partial class Llama31Rope
{
    public const int QueryHeads = 32, KeyValueHeads = 8;
}
