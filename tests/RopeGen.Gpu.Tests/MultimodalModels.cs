using System;
using ILGPU.Runtime;

namespace RopeGen.Gpu.Tests;

// M-RoPE: both section schemes, both layouts, partial rotary and a scaling kind.

/// <summary>Qwen2-VL: contiguous sections, half-split.</summary>
[Rotary(128, 1000000, MRopeSections = new[] { 16, 24, 24 })]
public partial class Qwen2VL { }

/// <summary>Qwen3-VL: interleaved sections.</summary>
[Rotary(128, 5000000, MRopeSections = new[] { 24, 20, 20 }, MRopeInterleaved = true)]
public partial class Qwen3VL { }

/// <summary>GLM-4.1V-shaped: half the head rotated, interleaved (GPT-J) pairs, contiguous sections.</summary>
[Rotary(128, 10000, RotaryDim = 64, Layout = RotaryLayout.Interleaved, MRopeSections = new[] { 8, 12, 12 })]
public partial class Glm4V { }

/// <summary>Both interleavings at once, with linear scaling.</summary>
[Rotary(64, 10000, RopeScaling.Linear, Factor = 2, Layout = RotaryLayout.Interleaved, MRopeSections = new[] { 12, 10, 10 }, MRopeInterleaved = true)]
public partial class LinearInterleavedBoth { }

/// <summary>One M-RoPE class: its GPU kernels and its CPU kernels, to compare.</summary>
public sealed record MultimodalCase(
    string Name,
    RotaryConfig Config,
    GpuCase.ApplyFn Apply,
    GpuCase.FusedFn ApplyFused,
    GpuCase.ApplyFn Plain)
{
    /// <summary>The class's <c>CreateGpuRotary</c>.</summary>
    internal Func<Accelerator, IGpuMultimodalRotary> Create { get; private init; } = null!;

    public override string ToString() => Name;

    public static TheoryData<MultimodalCase> Cases() => new(All);

    public static readonly MultimodalCase[] All =
    {
        new(nameof(Qwen2VL), Qwen2VL.RopeGenRotary.Config, Qwen2VL.ApplyMultimodalRotary, Qwen2VL.ApplyMultimodalRotary, Qwen2VL.ApplyRotary) { Create = Qwen2VL.CreateGpuRotary },
        new(nameof(Qwen3VL), Qwen3VL.RopeGenRotary.Config, Qwen3VL.ApplyMultimodalRotary, Qwen3VL.ApplyMultimodalRotary, Qwen3VL.ApplyRotary) { Create = Qwen3VL.CreateGpuRotary },
        new(nameof(Glm4V), Glm4V.RopeGenRotary.Config, Glm4V.ApplyMultimodalRotary, Glm4V.ApplyMultimodalRotary, Glm4V.ApplyRotary) { Create = Glm4V.CreateGpuRotary },
        new(nameof(LinearInterleavedBoth), LinearInterleavedBoth.RopeGenRotary.Config, LinearInterleavedBoth.ApplyMultimodalRotary, LinearInterleavedBoth.ApplyMultimodalRotary, LinearInterleavedBoth.ApplyRotary)
            { Create = LinearInterleavedBoth.CreateGpuRotary },
    };
}
