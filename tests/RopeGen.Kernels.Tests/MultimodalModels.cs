using System;

namespace RopeGen.Kernels.Tests;

// M-RoPE configurations: both section schemes, both layouts, partial rotary, a static scaling kind and scalar tails.

/// <summary>Qwen2-VL-7B / Qwen2.5-VL-7B: contiguous sections, half-split.</summary>
[Rotary(128, 1000000, MRopeSections = new[] { 16, 24, 24 })]
public partial class Qwen2VL { }

/// <summary>Qwen3-VL: interleaved sections.</summary>
[Rotary(128, 5000000, MRopeSections = new[] { 24, 20, 20 }, MRopeInterleaved = true)]
public partial class Qwen3VL { }

/// <summary>Qwen3.5's full-attention layers: a quarter of a 256 head rotated, interleaved sections filling their slots exactly.</summary>
[Rotary(256, 10000000, RotaryDim = 64, MRopeSections = new[] { 11, 11, 10 }, MRopeInterleaved = true)]
public partial class Qwen35 { }

/// <summary>GLM-4.1V-shaped: half the head rotated, interleaved (GPT-J) pairs, contiguous sections.</summary>
[Rotary(128, 10000, RotaryDim = 64, Layout = RotaryLayout.Interleaved, MRopeSections = new[] { 8, 12, 12 })]
public partial class Glm4V { }

/// <summary>Qwen2.5-VL with its long-context YaRN (a static kind: attention factor folded into the rows).</summary>
[Rotary(128, 1000000, RopeScaling.Yarn, Factor = 4, OriginalMaxPositions = 32768, MRopeSections = new[] { 16, 24, 24 })]
public partial class Qwen25VLYarn { }

/// <summary>13 pairs: vector blocks and scalar tails, interleaved sections.</summary>
[Rotary(80, RotaryDim = 26, MRopeSections = new[] { 5, 4, 4 }, MRopeInterleaved = true)]
public partial class Odd13Pairs { }

/// <summary>Both interleavings at once, with linear scaling.</summary>
[Rotary(64, 10000, RopeScaling.Linear, Factor = 2, Layout = RotaryLayout.Interleaved, MRopeSections = new[] { 12, 10, 10 }, MRopeInterleaved = true)]
public partial class LinearInterleavedBoth { }

/// <summary>One M-RoPE class's kernels behind delegates.</summary>
public sealed record MultimodalCase(
    string Name,
    RotaryConfig Config,
    MultimodalCase.ApplyFn Apply,
    MultimodalCase.ApplyLengthFn ApplyWithLength,
    MultimodalCase.FusedFn ApplyFused,
    MultimodalCase.FusedLengthFn ApplyFusedWithLength,
    KernelCase.ApplyFn Plain)
{
    public delegate void ApplyFn(Span<float> x, ReadOnlySpan<int> positions, int numHeads);
    public delegate void ApplyLengthFn(Span<float> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength);
    public delegate void FusedFn(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions);
    public delegate void FusedLengthFn(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int sequenceLength);

    public override string ToString() => Name;

    public static TheoryData<MultimodalCase> Cases() => new()
    {
        new(nameof(Qwen2VL), Qwen2VL.RopeGenRotary.Config, Qwen2VL.ApplyMultimodalRotary, Qwen2VL.ApplyMultimodalRotary, Qwen2VL.ApplyMultimodalRotary, Qwen2VL.ApplyMultimodalRotary, Qwen2VL.ApplyRotary),
        new(nameof(Qwen3VL), Qwen3VL.RopeGenRotary.Config, Qwen3VL.ApplyMultimodalRotary, Qwen3VL.ApplyMultimodalRotary, Qwen3VL.ApplyMultimodalRotary, Qwen3VL.ApplyMultimodalRotary, Qwen3VL.ApplyRotary),
        new(nameof(Qwen35), Qwen35.RopeGenRotary.Config, Qwen35.ApplyMultimodalRotary, Qwen35.ApplyMultimodalRotary, Qwen35.ApplyMultimodalRotary, Qwen35.ApplyMultimodalRotary, Qwen35.ApplyRotary),
        new(nameof(Glm4V), Glm4V.RopeGenRotary.Config, Glm4V.ApplyMultimodalRotary, Glm4V.ApplyMultimodalRotary, Glm4V.ApplyMultimodalRotary, Glm4V.ApplyMultimodalRotary, Glm4V.ApplyRotary),
        new(nameof(Qwen25VLYarn), Qwen25VLYarn.RopeGenRotary.Config, Qwen25VLYarn.ApplyMultimodalRotary, Qwen25VLYarn.ApplyMultimodalRotary, Qwen25VLYarn.ApplyMultimodalRotary, Qwen25VLYarn.ApplyMultimodalRotary, Qwen25VLYarn.ApplyRotary),
        new(nameof(Odd13Pairs), Odd13Pairs.RopeGenRotary.Config, Odd13Pairs.ApplyMultimodalRotary, Odd13Pairs.ApplyMultimodalRotary, Odd13Pairs.ApplyMultimodalRotary, Odd13Pairs.ApplyMultimodalRotary, Odd13Pairs.ApplyRotary),
        new(nameof(LinearInterleavedBoth), LinearInterleavedBoth.RopeGenRotary.Config, LinearInterleavedBoth.ApplyMultimodalRotary, LinearInterleavedBoth.ApplyMultimodalRotary, LinearInterleavedBoth.ApplyMultimodalRotary, LinearInterleavedBoth.ApplyMultimodalRotary, LinearInterleavedBoth.ApplyRotary),
    };
}
