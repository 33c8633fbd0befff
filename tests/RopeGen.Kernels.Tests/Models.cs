namespace RopeGen.Kernels.Tests;

// One annotated class per configuration under test: real models' settings where one exists (rope-math.md §7),
// together covering every scaling kind, both layouts, partial rotary and head dims 64, 80, 96, 128 and 256.

[Rotary(128, 500000.0, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]
public partial class Llama31Half { }

[Rotary(128, 500000.0, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192, Layout = RotaryLayout.Interleaved)]
public partial class Llama31Interleaved { }

[Rotary(64)]
public partial class Default64Half { }

[Rotary(64, Layout = RotaryLayout.Interleaved)]
public partial class Default64Interleaved { }

[Rotary(80, RotaryDim = 32)]
public partial class Phi2 { }

[Rotary(80, 10000.0, RopeScaling.Linear, Factor = 4, Layout = RotaryLayout.Interleaved)]
public partial class Linear80Interleaved { }

[Rotary(96, RotaryDim = 24)]
public partial class GptNeoX20B { }

[Rotary(96, 10000, RopeScaling.LongRope, OriginalMaxPositions = 4096, MaxPositions = 131072,
    ShortFactors = new[] { 1.1, 1.1, 1.1, 1.3000000000000003, 1.3500000000000003, 1.3500000000000003, 1.4000000000000004, 1.5500000000000005, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.1000000000000005, 2.1000000000000005, 2.1500000000000004, 2.25, 2.25, 2.25, 2.25, 2.25, 2.3999999999999995, 2.4499999999999993, 2.499999999999999, 2.6999999999999984, 2.6999999999999984, 2.7499999999999982, 2.799999999999998, 2.8999999999999977, 3.049999999999997 },
    LongFactors = new[] { 1.0700000524520874, 1.1200000047683716, 1.149999976158142, 1.4199999570846558, 1.5699999332427979, 1.7999999523162842, 2.129999876022339, 2.129999876022339, 3.009999990463257, 5.910000324249268, 6.950000286102295, 9.070000648498535, 9.930000305175781, 10.710000038146973, 11.130000114440918, 14.609999656677246, 15.409998893737793, 19.809999465942383, 37.279998779296875, 38.279998779296875, 38.599998474121094, 40.12000274658203, 46.20000457763672, 50.940006256103516, 53.66000747680664, 54.9373893737793, 56.89738845825195, 57.28738784790039, 59.98738479614258, 60.86738586425781, 60.887386322021484, 61.71739196777344, 62.91739273071289, 62.957393646240234, 63.41739273071289, 63.8173942565918, 63.83739471435547, 63.897396087646484, 63.93739700317383, 64.06739807128906, 64.11434936523438, 64.12435150146484, 64.15435028076172, 64.19435119628906, 64.24435424804688, 64.57435607910156, 64.69000244140625, 64.76000213623047 })]
public partial class Phi3Mini128k { }

[Rotary(96, 10000.0, RopeScaling.NtkAware, Factor = 4, Layout = RotaryLayout.Interleaved)]
public partial class NtkAware96Interleaved { }

[Rotary(128, 1000000.0, RopeScaling.Yarn, Factor = 4, OriginalMaxPositions = 32768)]
public partial class Qwen2Yarn { }

[Rotary(64, 10000.0, RopeScaling.Yarn, Factor = 40, OriginalMaxPositions = 4096, BetaFast = 32, BetaSlow = 1,
    YarnMScale = 0.707, YarnMScaleAllDim = 0.707, Layout = RotaryLayout.Interleaved)]
public partial class DeepSeekV2Rope { }

[Rotary(128, 10000.0, RopeScaling.DynamicNtk, Factor = 4, OriginalMaxPositions = 4096)]
public partial class DynamicNtk128 { }

[Rotary(256, 10000.0, RotaryDim = 64, Layout = RotaryLayout.Interleaved)]
public partial class GptJ6B { }

[Rotary(256)]
public partial class Gemma7B { }
