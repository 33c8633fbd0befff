using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Gpu;

/// <summary>
/// The emitted ILGPU code (a file per class and one shared helper file, with an ILGPU reference), compiled against the
/// real ILGPU 1.5.3 warning-free, and its absence without ILGPU.
/// </summary>
public class GpuSnapshotTests
{
    private const string GpuFile = ".Rotary.Gpu.g.cs";

    private static (Compilation Output, GeneratorDriverRunResult Result) Run(string declaration, string assemblyName = "TestAssembly",
        string assemblyAttributes = "", params MetadataReference[] references)
    {
        var compilation = TestCompilation.Create(new[] { "using RopeGen;\n" + assemblyAttributes + "\nnamespace Models;\n" + declaration },
            references.Append(Ilgpu.Reference), assemblyName);
        var (_, output, result) = TestCompilation.RunGenerator(compilation);
        return (output, result);
    }

    private const string FirstApply = "public void Apply(global::ILGPU.ArrayView<float> x, global::ILGPU.ArrayView<int> positions, int numHeads)";

    /// <summary>The fields and constructor.</summary>
    private static readonly SnapshotExcerpt Fields = new("sealed class RopeGenGpuRotary", "internal RopeGenGpuRotary(");

    /// <summary>The float kernels (the fp16 and bfloat16 ones have their shape).</summary>
    private static readonly SnapshotExcerpt[] Kernels =
        { new("private static void RotateKernel("), new("private static void RotateIntoKernel("), new("private static void ShiftKernel(") };

    /// <summary>
    /// Pins the class's GPU file, whole or only <paramref name="excerpt"/> (what differs from the whole
    /// <see cref="Llama31HalfSplitGpu"/>), and checks that everything generated compiles against ILGPU with no warning.
    /// </summary>
    private static void VerifyGpu(string declaration, SnapshotExcerpt[]? excerpt = null, [CallerFilePath] string file = "", [CallerMemberName] string method = "")
    {
        var (output, result) = Run(declaration);
        Assert.Empty(TestCompilation.Describe(output.GetDiagnostics()));
        Snapshot.Verify(result, GpuFile, file, method,
            excerpt is null ? null : SnapshotExcerpt.Of("the members that differ from GpuSnapshotTests.Llama31HalfSplitGpu (the whole file)", excerpt));
    }

    /// <summary>What the dynamic kinds change: fields, constructor, the implied sequence length, disposal, the table choice.</summary>
    private static readonly SnapshotExcerpt[] Dynamic =
        { new("sealed class RopeGenGpuRotary", FirstApply), new(FirstApply), new("public void Dispose()"), new("private void Select(") };

    [Fact]
    public void Llama31HalfSplitGpu() => VerifyGpu(
        "[Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]\npublic partial class Llama31Attention { }");

    [Fact]
    public void GptJInterleavedPartialGpu() => VerifyGpu("[Rotary(256, RotaryDim = 64, Layout = RotaryLayout.Interleaved)]\npublic partial class GptJAttention { }",
        Kernels);

    [Fact]
    public void LongRopeGpu() => VerifyGpu(
        "[Rotary(8, 10000, RopeScaling.LongRope, OriginalMaxPositions = 4096, Factor = 32, ShortFactors = new[] { 1.0, 1.5, 2.0, 2.5 }, LongFactors = new[] { 1.0, 4.0, 16.0, 64.0 })]\npublic partial class LongAttention { }",
        Dynamic);

    [Fact]
    public void DynamicNtkGpu() => VerifyGpu("[Rotary(64, 10000, RopeScaling.DynamicNtk, Factor = 2, OriginalMaxPositions = 2048)]\npublic partial class DynamicAttention { }",
        Dynamic);

    [Fact]
    public void Qwen3VlMultimodalGpu() => VerifyGpu(
        "[Rotary(128, 5000000, MRopeSections = new[] { 24, 20, 20 }, MRopeInterleaved = true)]\npublic partial class Qwen3VLAttention { }",
        [Fields, new("public void ApplyMultimodal(global::ILGPU.ArrayView<float> x, global::ILGPU.ArrayView<int> positions, int numHeads)", "public void Reserve("),
            new("private void Launch(global::ILGPU.ArrayView<float> a"), .. Kernels]);

    [Fact]
    public void SharedGpuHelpers()
    {
        var (output, result) = Run("[Rotary(64)] public partial class A { }\n[Rotary(96, Layout = RotaryLayout.Interleaved)] public partial class B { }");
        Assert.Empty(TestCompilation.Describe(output.GetDiagnostics()));
        Snapshot.Verify(result, "RopeGen.Gpu.g.cs");
    }

    [Fact]
    public void WithoutIlgpuThereIsNoGpuCode()
    {
        var (_, _, result) = TestCompilation.RunGenerator(TestCompilation.Create("[RopeGen.Rotary(64)] partial class A { }"));
        string source = result.GeneratedTrees.Single().ToString();
        Assert.DoesNotContain("ILGPU", source);
        Assert.DoesNotContain("CreateGpuRotary", source);

        string[] files = Run("[Rotary(64)] partial class A { }\n[Rotary(128)] partial class B { }").Result.GeneratedTrees
            .Select(t => Path.GetFileName(t.FilePath)).OrderBy(f => f, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "Models.A.Rotary.Gpu.g.cs", "Models.A.Rotary.g.cs", "Models.B.Rotary.Gpu.g.cs", "Models.B.Rotary.g.cs", "RopeGen.Gpu.g.cs" }, files);
    }

    [Fact]
    public void TwoAssembliesWithGpuCodeDoNotClashEvenWhenOneSeesTheOthersInternals()
    {
        // A library with GPU code that lets the app see its internals, and an app with GPU code of its own that uses both.
        var (library, _) = Run("[Rotary(64)] public partial class LibraryAttention { }", "Library",
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App\")]");
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, TestCompilation.Describe(emitted.Diagnostics));

        var (app, _) = Run("""
            [Rotary(128)] public partial class AppAttention { }
            public static class Use
            {
                public static void Both(ILGPU.Runtime.Accelerator accelerator)
                {
                    using LibraryAttention.RopeGenGpuRotary library = LibraryAttention.CreateGpuRotary(accelerator);
                    using RopeGen.Gpu.IGpuRotary app = AppAttention.CreateGpuRotary(accelerator);
                    System.Console.WriteLine(library.CachedPositions + app.CachedPositions);
                }
            }
            """, "App", references: MetadataReference.CreateFromImage(image.ToArray()));
        Assert.Empty(TestCompilation.Describe(app.GetDiagnostics()));
    }
}
