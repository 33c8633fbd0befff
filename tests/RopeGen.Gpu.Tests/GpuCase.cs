using System;
using System.Linq;
using ILGPU.Runtime;
using RopeGen.Gpu;

namespace RopeGen.Gpu.Tests;

/// <summary>One generated class: its GPU kernels (through the generated <see cref="IGpuRotary"/>) and its CPU kernels, to compare.</summary>
public sealed record GpuCase(
    string Name,
    RotaryConfig Config,
    GpuCase.ApplyFn Apply,
    GpuCase.ApplyLengthFn ApplyWithLength,
    GpuCase.FusedFn ApplyFused,
    GpuCase.ShiftFn Shift)
{
    public delegate void ApplyFn(Span<float> x, ReadOnlySpan<int> positions, int numHeads);
    public delegate void ApplyLengthFn(Span<float> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength);
    public delegate void FusedFn(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions);
    public delegate void ShiftFn(Span<float> keys, int numHeads, int delta);

    /// <summary>The class's <c>CreateGpuRotary</c> (internal: the generated interface is internal to this assembly).</summary>
    internal Func<Accelerator, IGpuRotary> Create { get; private init; } = null!;

    public override string ToString() => Name;

    public static readonly GpuCase[] All =
    {
        new(nameof(PlainHalf), PlainHalf.RopeGenRotary.Config, PlainHalf.ApplyRotary, PlainHalf.ApplyRotary, PlainHalf.ApplyRotary, PlainHalf.ShiftRotary) { Create = PlainHalf.CreateGpuRotary },
        new(nameof(PlainInterleaved), PlainInterleaved.RopeGenRotary.Config, PlainInterleaved.ApplyRotary, PlainInterleaved.ApplyRotary, PlainInterleaved.ApplyRotary, PlainInterleaved.ShiftRotary) { Create = PlainInterleaved.CreateGpuRotary },
        new(nameof(PartialHalf), PartialHalf.RopeGenRotary.Config, PartialHalf.ApplyRotary, PartialHalf.ApplyRotary, PartialHalf.ApplyRotary, PartialHalf.ShiftRotary) { Create = PartialHalf.CreateGpuRotary },
        new(nameof(PartialInterleaved), PartialInterleaved.RopeGenRotary.Config, PartialInterleaved.ApplyRotary, PartialInterleaved.ApplyRotary, PartialInterleaved.ApplyRotary, PartialInterleaved.ShiftRotary) { Create = PartialInterleaved.CreateGpuRotary },
        new(nameof(LinearHalf), LinearHalf.RopeGenRotary.Config, LinearHalf.ApplyRotary, LinearHalf.ApplyRotary, LinearHalf.ApplyRotary, LinearHalf.ShiftRotary) { Create = LinearHalf.CreateGpuRotary },
        new(nameof(LinearInterleaved), LinearInterleaved.RopeGenRotary.Config, LinearInterleaved.ApplyRotary, LinearInterleaved.ApplyRotary, LinearInterleaved.ApplyRotary, LinearInterleaved.ShiftRotary) { Create = LinearInterleaved.CreateGpuRotary },
        new(nameof(NtkAwareHalf), NtkAwareHalf.RopeGenRotary.Config, NtkAwareHalf.ApplyRotary, NtkAwareHalf.ApplyRotary, NtkAwareHalf.ApplyRotary, NtkAwareHalf.ShiftRotary) { Create = NtkAwareHalf.CreateGpuRotary },
        new(nameof(NtkAwareInterleaved), NtkAwareInterleaved.RopeGenRotary.Config, NtkAwareInterleaved.ApplyRotary, NtkAwareInterleaved.ApplyRotary, NtkAwareInterleaved.ApplyRotary, NtkAwareInterleaved.ShiftRotary) { Create = NtkAwareInterleaved.CreateGpuRotary },
        new(nameof(DynamicNtkHalf), DynamicNtkHalf.RopeGenRotary.Config, DynamicNtkHalf.ApplyRotary, DynamicNtkHalf.ApplyRotary, DynamicNtkHalf.ApplyRotary, DynamicNtkHalf.ShiftRotary) { Create = DynamicNtkHalf.CreateGpuRotary },
        new(nameof(DynamicNtkInterleaved), DynamicNtkInterleaved.RopeGenRotary.Config, DynamicNtkInterleaved.ApplyRotary, DynamicNtkInterleaved.ApplyRotary, DynamicNtkInterleaved.ApplyRotary, DynamicNtkInterleaved.ShiftRotary) { Create = DynamicNtkInterleaved.CreateGpuRotary },
        new(nameof(YarnHalf), YarnHalf.RopeGenRotary.Config, YarnHalf.ApplyRotary, YarnHalf.ApplyRotary, YarnHalf.ApplyRotary, YarnHalf.ShiftRotary) { Create = YarnHalf.CreateGpuRotary },
        new(nameof(YarnInterleaved), YarnInterleaved.RopeGenRotary.Config, YarnInterleaved.ApplyRotary, YarnInterleaved.ApplyRotary, YarnInterleaved.ApplyRotary, YarnInterleaved.ShiftRotary) { Create = YarnInterleaved.CreateGpuRotary },
        new(nameof(LongRopeHalf), LongRopeHalf.RopeGenRotary.Config, LongRopeHalf.ApplyRotary, LongRopeHalf.ApplyRotary, LongRopeHalf.ApplyRotary, LongRopeHalf.ShiftRotary) { Create = LongRopeHalf.CreateGpuRotary },
        new(nameof(LongRopeInterleaved), LongRopeInterleaved.RopeGenRotary.Config, LongRopeInterleaved.ApplyRotary, LongRopeInterleaved.ApplyRotary, LongRopeInterleaved.ApplyRotary, LongRopeInterleaved.ShiftRotary) { Create = LongRopeInterleaved.CreateGpuRotary },
        new(nameof(Llama3Half), Llama3Half.RopeGenRotary.Config, Llama3Half.ApplyRotary, Llama3Half.ApplyRotary, Llama3Half.ApplyRotary, Llama3Half.ShiftRotary) { Create = Llama3Half.CreateGpuRotary },
        new(nameof(Llama3Interleaved), Llama3Interleaved.RopeGenRotary.Config, Llama3Interleaved.ApplyRotary, Llama3Interleaved.ApplyRotary, Llama3Interleaved.ApplyRotary, Llama3Interleaved.ShiftRotary) { Create = Llama3Interleaved.CreateGpuRotary },
    };

    public static TheoryData<GpuCase> Cases() => new(All);

    /// <summary>The kinds whose table does not depend on the sequence length (Shift works).</summary>
    public static TheoryData<GpuCase> StaticCases() => new(All.Where(c => !c.Config.IsDynamic));

    /// <summary>DynamicNtk and LongRope (Shift refuses them).</summary>
    public static TheoryData<GpuCase> DynamicCases() => new(All.Where(c => c.Config.IsDynamic));
}
