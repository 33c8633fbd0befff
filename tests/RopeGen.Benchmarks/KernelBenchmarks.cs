using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;

namespace RopeGen.Benchmarks;

/// <summary>
/// BenchmarkDotNet suite: fused q/k (32 + 8 heads) over head dims 64–256, both layouts and every scaling kind, for
/// decode (1 token) and prefill (512, 4096 tokens), single-threaded; generated kernel, runtime kernel and copy.
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private static readonly Dictionary<string, (RotaryConfig Config, BenchCase.Fused Kernel)> s_kernels = new()
    {
        ["half-64"] = (Half64.RopeGenRotary.Config, Half64.ApplyRotary),
        ["interleaved-64"] = (Interleaved64.RopeGenRotary.Config, Interleaved64.ApplyRotary),
        ["half-80"] = (Half80.RopeGenRotary.Config, Half80.ApplyRotary),
        ["interleaved-80"] = (Interleaved80.RopeGenRotary.Config, Interleaved80.ApplyRotary),
        ["half-96"] = (Half96.RopeGenRotary.Config, Half96.ApplyRotary),
        ["interleaved-96"] = (Interleaved96.RopeGenRotary.Config, Interleaved96.ApplyRotary),
        ["half-128"] = (Half128.RopeGenRotary.Config, Half128.ApplyRotary),
        ["interleaved-128"] = (Interleaved128.RopeGenRotary.Config, Interleaved128.ApplyRotary),
        ["half-256"] = (Half256.RopeGenRotary.Config, Half256.ApplyRotary),
        ["interleaved-256"] = (Interleaved256.RopeGenRotary.Config, Interleaved256.ApplyRotary),
        ["linear-128"] = (Linear128.RopeGenRotary.Config, Linear128.ApplyRotary),
        ["ntk-aware-128"] = (NtkAware128.RopeGenRotary.Config, NtkAware128.ApplyRotary),
        ["dynamic-ntk-128"] = (DynamicNtk128.RopeGenRotary.Config, DynamicNtk128.ApplyRotary),
        ["yarn-128"] = (Yarn128.RopeGenRotary.Config, Yarn128.ApplyRotary),
        ["longrope-96"] = (Phi3Mini.RopeGenRotary.Config, Phi3Mini.ApplyRotary),
        ["llama3-128"] = (Llama3Half.RopeGenRotary.Config, Llama3Half.ApplyRotary),
    };

    private Workload _workload = null!;

    public static IEnumerable<string> Kernels => s_kernels.Keys;

    [ParamsSource(nameof(Kernels))]
    public string Kernel { get; set; } = "half-128";

    [Params(1, 512, 4096)]
    public int Tokens { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (config, kernel) = s_kernels[Kernel];
        _workload = new Workload(new BenchCase(Kernel, config, kernel, Tokens, 32, 8, Tokens == 1 ? 1000 : 0));
    }

    [Benchmark(Baseline = true)]
    public void Generated() => _workload.Generated();

    [Benchmark]
    public void Generic() => _workload.Generic();

    [Benchmark]
    public void Copy() => _workload.Copy();
}
