using System;

namespace RopeGen.Kernels.Tests;

/// <summary>One generated class's kernels behind delegates, so one theory can drive every configuration.</summary>
public sealed record KernelCase(
    string Name,
    RotaryConfig Config,
    KernelCase.ApplyFn Apply,
    KernelCase.ApplyLengthFn ApplyWithLength,
    KernelCase.FusedFn ApplyFused,
    KernelCase.ShiftFn Shift)
{
    public delegate void ApplyFn(Span<float> x, ReadOnlySpan<int> positions, int numHeads);
    public delegate void ApplyLengthFn(Span<float> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength);
    public delegate void FusedFn(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions);
    public delegate void ShiftFn(Span<float> keys, int numHeads, int delta);

    public override string ToString() => Name;

    public static readonly KernelCase[] All =
    {
        new(nameof(Llama31Half), Llama31Half.RopeGenRotary.Config, Llama31Half.ApplyRotary, Llama31Half.ApplyRotary, Llama31Half.ApplyRotary, Llama31Half.ShiftRotary),
        new(nameof(Llama31Interleaved), Llama31Interleaved.RopeGenRotary.Config, Llama31Interleaved.ApplyRotary, Llama31Interleaved.ApplyRotary, Llama31Interleaved.ApplyRotary, Llama31Interleaved.ShiftRotary),
        new(nameof(Default64Half), Default64Half.RopeGenRotary.Config, Default64Half.ApplyRotary, Default64Half.ApplyRotary, Default64Half.ApplyRotary, Default64Half.ShiftRotary),
        new(nameof(Default64Interleaved), Default64Interleaved.RopeGenRotary.Config, Default64Interleaved.ApplyRotary, Default64Interleaved.ApplyRotary, Default64Interleaved.ApplyRotary, Default64Interleaved.ShiftRotary),
        new(nameof(Phi2), Phi2.RopeGenRotary.Config, Phi2.ApplyRotary, Phi2.ApplyRotary, Phi2.ApplyRotary, Phi2.ShiftRotary),
        new(nameof(Linear80Interleaved), Linear80Interleaved.RopeGenRotary.Config, Linear80Interleaved.ApplyRotary, Linear80Interleaved.ApplyRotary, Linear80Interleaved.ApplyRotary, Linear80Interleaved.ShiftRotary),
        new(nameof(GptNeoX20B), GptNeoX20B.RopeGenRotary.Config, GptNeoX20B.ApplyRotary, GptNeoX20B.ApplyRotary, GptNeoX20B.ApplyRotary, GptNeoX20B.ShiftRotary),
        new(nameof(Phi3Mini128k), Phi3Mini128k.RopeGenRotary.Config, Phi3Mini128k.ApplyRotary, Phi3Mini128k.ApplyRotary, Phi3Mini128k.ApplyRotary, Phi3Mini128k.ShiftRotary),
        new(nameof(NtkAware96Interleaved), NtkAware96Interleaved.RopeGenRotary.Config, NtkAware96Interleaved.ApplyRotary, NtkAware96Interleaved.ApplyRotary, NtkAware96Interleaved.ApplyRotary, NtkAware96Interleaved.ShiftRotary),
        new(nameof(Qwen2Yarn), Qwen2Yarn.RopeGenRotary.Config, Qwen2Yarn.ApplyRotary, Qwen2Yarn.ApplyRotary, Qwen2Yarn.ApplyRotary, Qwen2Yarn.ShiftRotary),
        new(nameof(DeepSeekV2Rope), DeepSeekV2Rope.RopeGenRotary.Config, DeepSeekV2Rope.ApplyRotary, DeepSeekV2Rope.ApplyRotary, DeepSeekV2Rope.ApplyRotary, DeepSeekV2Rope.ShiftRotary),
        new(nameof(DynamicNtk128), DynamicNtk128.RopeGenRotary.Config, DynamicNtk128.ApplyRotary, DynamicNtk128.ApplyRotary, DynamicNtk128.ApplyRotary, DynamicNtk128.ShiftRotary),
        new(nameof(GptJ6B), GptJ6B.RopeGenRotary.Config, GptJ6B.ApplyRotary, GptJ6B.ApplyRotary, GptJ6B.ApplyRotary, GptJ6B.ShiftRotary),
        new(nameof(Gemma7B), Gemma7B.RopeGenRotary.Config, Gemma7B.ApplyRotary, Gemma7B.ApplyRotary, Gemma7B.ApplyRotary, Gemma7B.ShiftRotary),
    };

    public static TheoryData<KernelCase> Cases() => Where(_ => true);

    /// <summary>The kinds whose table does not depend on the sequence length (ShiftRotary works).</summary>
    public static TheoryData<KernelCase> StaticCases() => Where(c => !c.Config.IsDynamic);

    /// <summary>DynamicNtk and LongRope (ShiftRotary refuses them).</summary>
    public static TheoryData<KernelCase> DynamicCases() => Where(c => c.Config.IsDynamic);

    private static TheoryData<KernelCase> Where(Func<KernelCase, bool> keep)
    {
        var data = new TheoryData<KernelCase>();
        foreach (KernelCase c in All)
            if (keep(c)) data.Add(c);
        return data;
    }
}
