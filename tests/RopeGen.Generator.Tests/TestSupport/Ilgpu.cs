using System;
using System.IO;
using Microsoft.CodeAnalysis;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>
/// The real ILGPU (the package this test project references), for compilations that should see it. Test compilations
/// leave it out unless asked, so that the generator emits GPU code only where a test wants it.
/// </summary>
public static class Ilgpu
{
    /// <summary>The file name of ILGPU's assembly.</summary>
    public const string AssemblyFileName = "ILGPU.dll";

    private static readonly Lazy<MetadataReference> s_reference = new(() =>
    {
        string path = typeof(global::ILGPU.Context).Assembly.Location;
        if (Path.GetFileName(path) != AssemblyFileName) throw new InvalidOperationException($"ILGPU loaded from {path}, not from {AssemblyFileName}.");
        return MetadataReference.CreateFromFile(path);
    });

    /// <summary>ILGPU 1.5.3 from the package.</summary>
    public static MetadataReference Reference => s_reference.Value;
}
