using System.IO;
using System.Linq;
using System.Reflection;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Generator;

/// <summary>The generated source for real models' settings, one per scaling kind, both layouts and partial rotary.</summary>
public class SnapshotTests
{
    private static void Run(string declaration, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var (_, _, result) = TestCompilation.RunGenerator(TestCompilation.Create("using RopeGen;\nnamespace Models;\n" + declaration));
        Snapshot.Verify(result, method: method);
    }

    [Fact]
    public void Llama31HalfSplit() => Run(
        "[Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]\npublic partial class Llama31Attention { }");

    [Fact]
    public void GptJInterleavedPartial() => Run(
        "[Rotary(256, RotaryDim = 64, Layout = RotaryLayout.Interleaved)]\npublic partial class GptJAttention { }");

    [Fact]
    public void Phi2PartialHalfSplit() => Run("[Rotary(80, RotaryDim = 32)]\npublic partial class Phi2Attention { }");

    [Fact]
    public void DeepSeekV2YarnInterleaved() => Run(
        "[Rotary(64, 10000, RopeScaling.Yarn, Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707, YarnMScaleAllDim = 0.707, Layout = RotaryLayout.Interleaved)]\npublic partial class DeepSeekV2RopeAttention { }");

    [Fact]
    public void Phi3MiniLongRope() => Run(
        "[Rotary(96, 10000, RopeScaling.LongRope, OriginalMaxPositions = 4096, MaxPositions = 131072, ShortFactors = new[] { " +
        string.Join(", ", Enumerable.Repeat("1.5", 48)) + " }, LongFactors = new[] { " + string.Join(", ", Enumerable.Range(1, 48).Select(i => i + ".0")) +
        " })]\npublic partial class Phi3Attention { }");

    [Fact]
    public void CodeLlamaStyleLinear() => Run("[Rotary(128, 1000000, RopeScaling.Linear, Factor = 4)]\npublic partial class LinearAttention { }");

    [Fact]
    public void NtkAwareInterleaved() => Run("[Rotary(64, 10000, RopeScaling.NtkAware, Factor = 2, Layout = RotaryLayout.Interleaved)]\npublic partial class NtkAttention { }");

    [Fact]
    public void DynamicNtk() => Run("[Rotary(64, 10000, RopeScaling.DynamicNtk, Factor = 2, OriginalMaxPositions = 2048)]\npublic partial class DynamicAttention { }");

    [Fact]
    public void NoSnapshotIsOrphaned()
    {
        // Every verified file belongs to a test method of a snapshot test class in this assembly.
        var tests = typeof(SnapshotTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>().Any()).Select(m => t.Name + "." + m.Name))
            .ToHashSet();
        string[] orphans = Directory.GetFiles(Snapshot.Directory(), "*.verified.*")
            .Select(Path.GetFileName).Where(f => !tests.Contains(f!.Split('#')[0].Replace(".verified.txt", ""))).ToArray()!;
        Assert.Empty(orphans);
    }
}
