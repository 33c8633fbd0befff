namespace RopeGen.Benchmarks;

// Llama-3.1-8B (rope-math.md §7) in both layouts: the decode and prefill cases.
[Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]
public partial class Llama3Half { }

[Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192, Layout = RotaryLayout.Interleaved)]
public partial class Llama3Interleaved { }

// Phi-3-mini-128k (head dim 96, LongRoPE; the short-factor table applies within 4096 positions).
[Rotary(96, 10000, RopeScaling.LongRope, OriginalMaxPositions = 4096, MaxPositions = 131072,
    ShortFactors = new[] { 1.1, 1.1, 1.1, 1.3000000000000003, 1.3500000000000003, 1.3500000000000003, 1.4000000000000004, 1.5500000000000005, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.000000000000001, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.0500000000000007, 2.1000000000000005, 2.1000000000000005, 2.1500000000000004, 2.25, 2.25, 2.25, 2.25, 2.25, 2.3999999999999995, 2.4499999999999993, 2.499999999999999, 2.6999999999999984, 2.6999999999999984, 2.7499999999999982, 2.799999999999998, 2.8999999999999977, 3.049999999999997 },
    LongFactors = new[] { 1.0700000524520874, 1.1200000047683716, 1.149999976158142, 1.4199999570846558, 1.5699999332427979, 1.7999999523162842, 2.129999876022339, 2.129999876022339, 3.009999990463257, 5.910000324249268, 6.950000286102295, 9.070000648498535, 9.930000305175781, 10.710000038146973, 11.130000114440918, 14.609999656677246, 15.409998893737793, 19.809999465942383, 37.279998779296875, 38.279998779296875, 38.599998474121094, 40.12000274658203, 46.20000457763672, 50.940006256103516, 53.66000747680664, 54.9373893737793, 56.89738845825195, 57.28738784790039, 59.98738479614258, 60.86738586425781, 60.887386322021484, 61.71739196777344, 62.91739273071289, 62.957393646240234, 63.41739273071289, 63.8173942565918, 63.83739471435547, 63.897396087646484, 63.93739700317383, 64.06739807128906, 64.11434936523438, 64.12435150146484, 64.15435028076172, 64.19435119628906, 64.24435424804688, 64.57435607910156, 64.69000244140625, 64.76000213623047 })]
public partial class Phi3Mini { }

// Head dims 64, 80, 96, 128 and 256 in both layouts, unscaled: the BenchmarkDotNet head-dim suite.
[Rotary(64)] public partial class Half64 { }
[Rotary(64, Layout = RotaryLayout.Interleaved)] public partial class Interleaved64 { }
[Rotary(80)] public partial class Half80 { }
[Rotary(80, Layout = RotaryLayout.Interleaved)] public partial class Interleaved80 { }
[Rotary(96)] public partial class Half96 { }
[Rotary(96, Layout = RotaryLayout.Interleaved)] public partial class Interleaved96 { }
[Rotary(128)] public partial class Half128 { }
[Rotary(128, Layout = RotaryLayout.Interleaved)] public partial class Interleaved128 { }
[Rotary(256)] public partial class Half256 { }
[Rotary(256, Layout = RotaryLayout.Interleaved)] public partial class Interleaved256 { }

// Every scaling kind at head dim 128 (those not above).
[Rotary(128, 10000, RopeScaling.Linear, Factor = 4)] public partial class Linear128 { }
[Rotary(128, 10000, RopeScaling.NtkAware, Factor = 4)] public partial class NtkAware128 { }
[Rotary(128, 10000, RopeScaling.DynamicNtk, Factor = 4, OriginalMaxPositions = 4096)] public partial class DynamicNtk128 { }
[Rotary(128, 1000000, RopeScaling.Yarn, Factor = 4, OriginalMaxPositions = 32768)] public partial class Yarn128 { }

// Qwen2-VL-7B's M-RoPE (contiguous sections [16, 24, 24]): the prefill-512-mrope case.
[Rotary(128, 1000000, MRopeSections = new[] { 16, 24, 24 })] public partial class Qwen2VL { }
