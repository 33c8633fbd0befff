using System;
using System.IO;
using Microsoft.CodeAnalysis;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>
/// ILGPU for the tests: a real ILGPU.dll from <c>ROPEGEN_ILGPU_DIR</c> when set (ILGPU is not in our package
/// registry), and otherwise a stub that only makes the generator see <c>ILGPU.Runtime.Accelerator</c>.
/// </summary>
public static class Ilgpu
{
    public const string DirectoryVariable = "ROPEGEN_ILGPU_DIR";

    /// <summary>The real ILGPU.dll, or null when <c>ROPEGEN_ILGPU_DIR</c> is unset or holds none.</summary>
    public static string? RealAssemblyPath
    {
        get
        {
            string? dir = Environment.GetEnvironmentVariable(DirectoryVariable);
            string? path = string.IsNullOrEmpty(dir) ? null : Path.Combine(dir, "ILGPU.dll");
            return path is not null && File.Exists(path) ? path : null;
        }
    }

    private static readonly Lazy<MetadataReference> s_stub = new(() =>
    {
        var stub = TestCompilation.Create(new[] { "namespace ILGPU.Runtime { public abstract class Accelerator { } }" }, assemblyName: "ILGPU");
        using var image = new MemoryStream();
        var result = stub.Emit(image);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    });

    /// <summary>An assembly named ILGPU with just <c>ILGPU.Runtime.Accelerator</c>: enough for the generator to emit GPU code.</summary>
    public static MetadataReference Stub => s_stub.Value;
}

/// <summary>A fact that needs a real ILGPU.dll; skipped, with the reason, when <c>ROPEGEN_ILGPU_DIR</c> has none.</summary>
public sealed class IlgpuFactAttribute : FactAttribute
{
    public IlgpuFactAttribute()
    {
        if (Ilgpu.RealAssemblyPath is null)
            Skip = $"Needs a real ILGPU.dll (ILGPU 1.5.x): set {Ilgpu.DirectoryVariable} to its folder. ILGPU is not in the package registry these tests run with.";
    }
}
