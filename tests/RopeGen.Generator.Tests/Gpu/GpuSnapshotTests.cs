using System.Linq;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Gpu;

/// <summary>The emitted ILGPU code (its own file, with an ILGPU reference), and its absence without one.</summary>
public class GpuSnapshotTests
{
    private const string GpuFile = ".Rotary.Gpu.g.cs";

    private static Microsoft.CodeAnalysis.GeneratorDriverRunResult Run(string declaration) =>
        TestCompilation.RunGenerator(TestCompilation.Create(new[] { "using RopeGen;\nnamespace Models;\n" + declaration }, new[] { Ilgpu.Stub })).Result;

    [Fact]
    public void Llama31HalfSplitGpu() => Snapshot.Verify(hintNameSuffix: GpuFile, result: Run(
        "[Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]\npublic partial class Llama31Attention { }"));

    [Fact]
    public void GptJInterleavedPartialGpu() => Snapshot.Verify(hintNameSuffix: GpuFile, result: Run("[Rotary(256, RotaryDim = 64, Layout = RotaryLayout.Interleaved)]\npublic partial class GptJAttention { }"));

    [Fact]
    public void LongRopeGpu() => Snapshot.Verify(hintNameSuffix: GpuFile, result: Run(
        "[Rotary(8, 10000, RopeScaling.LongRope, OriginalMaxPositions = 4096, Factor = 32, ShortFactors = new[] { 1.0, 1.5, 2.0, 2.5 }, LongFactors = new[] { 1.0, 4.0, 16.0, 64.0 })]\npublic partial class LongAttention { }"));

    [Fact]
    public void DynamicNtkGpu() => Snapshot.Verify(hintNameSuffix: GpuFile, result: Run("[Rotary(64, 10000, RopeScaling.DynamicNtk, Factor = 2, OriginalMaxPositions = 2048)]\npublic partial class DynamicAttention { }"));

    [Fact]
    public void WithoutIlgpuThereIsNoGpuCode()
    {
        var (_, _, result) = TestCompilation.RunGenerator(TestCompilation.Create("[RopeGen.Rotary(64)] partial class A { }"));
        string source = result.GeneratedTrees.Single().ToString();
        Assert.DoesNotContain("ILGPU", source);
        Assert.DoesNotContain("CreateGpuRotary", source);
        var withIlgpu = Run("[Rotary(64)] partial class A { }").GeneratedTrees;
        Assert.Equal(2, withIlgpu.Length);
        Assert.Contains("CreateGpuRotary", withIlgpu.Single(t => t.FilePath.EndsWith(GpuFile)).ToString());
    }
}
