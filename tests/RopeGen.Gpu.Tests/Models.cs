namespace RopeGen.Gpu.Tests;

// Every scaling kind in both layouts, with partial rotary and head dims 8 to 128. Small heads keep ILGPU's CPU
// accelerator, which runs GPU threads one by one, fast.

[Rotary(64)] public partial class PlainHalf { }
[Rotary(64, Layout = RotaryLayout.Interleaved)] public partial class PlainInterleaved { }

[Rotary(80, RotaryDim = 32)] public partial class PartialHalf { }
[Rotary(80, RotaryDim = 32, Layout = RotaryLayout.Interleaved)] public partial class PartialInterleaved { }

[Rotary(96, 10000, RopeScaling.Linear, Factor = 4)] public partial class LinearHalf { }
[Rotary(96, 10000, RopeScaling.Linear, Factor = 4, Layout = RotaryLayout.Interleaved)] public partial class LinearInterleaved { }

[Rotary(64, 10000, RopeScaling.NtkAware, Factor = 4)] public partial class NtkAwareHalf { }
[Rotary(64, 10000, RopeScaling.NtkAware, Factor = 4, Layout = RotaryLayout.Interleaved)] public partial class NtkAwareInterleaved { }

[Rotary(64, 10000, RopeScaling.DynamicNtk, Factor = 4, OriginalMaxPositions = 2048)] public partial class DynamicNtkHalf { }
[Rotary(64, 10000, RopeScaling.DynamicNtk, Factor = 4, OriginalMaxPositions = 2048, Layout = RotaryLayout.Interleaved)] public partial class DynamicNtkInterleaved { }

[Rotary(64, 10000, RopeScaling.Yarn, Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707, YarnMScaleAllDim = 0.5)] public partial class YarnHalf { }
[Rotary(64, 10000, RopeScaling.Yarn, Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707, YarnMScaleAllDim = 0.5, Layout = RotaryLayout.Interleaved)] public partial class YarnInterleaved { }

[Rotary(8, 10000, RopeScaling.LongRope, OriginalMaxPositions = 4096, Factor = 32, ShortFactors = new[] { 1.0, 1.5, 2.0, 2.5 }, LongFactors = new[] { 1.0, 4.0, 16.0, 64.0 })]
public partial class LongRopeHalf { }
[Rotary(8, 10000, RopeScaling.LongRope, OriginalMaxPositions = 4096, Factor = 32, ShortFactors = new[] { 1.0, 1.5, 2.0, 2.5 }, LongFactors = new[] { 1.0, 4.0, 16.0, 64.0 }, Layout = RotaryLayout.Interleaved)]
public partial class LongRopeInterleaved { }

[Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)] public partial class Llama3Half { }
[Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192, Layout = RotaryLayout.Interleaved)] public partial class Llama3Interleaved { }
