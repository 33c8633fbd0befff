using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace RopeGen.Peers;

/// <summary>
/// ggml, llama.cpp's tensor library, from the native libraries that LLamaSharp.Backend.Cpu ships (only those: none of
/// LLamaSharp's managed code). The CPU variant the machine supports is loaded from the package folder (avx512, avx2,
/// avx or noavx on x64), base library first, and the few functions used are bound by name.
/// </summary>
public sealed unsafe class GgmlLibrary
{
    public const int TypeF32 = 0, TypeI32 = 26;
    public const int ModeNorm = 0, ModeNeox = 2;

    /// <summary><c>struct ggml_init_params</c>, passed by value to <c>ggml_init</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct InitParams
    {
        public nuint MemSize;
        public void* MemBuffer;
        public byte NoAlloc; // C bool
    }

    private GgmlLibrary(nint core, nint cpu)
    {
        Init = (delegate* unmanaged<InitParams, nint>)NativeLibrary.GetExport(core, "ggml_init");
        Free = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(core, "ggml_free");
        Reset = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(core, "ggml_reset");
        NewTensor1d = (delegate* unmanaged<nint, int, long, nint>)NativeLibrary.GetExport(core, "ggml_new_tensor_1d");
        NewTensor3d = (delegate* unmanaged<nint, int, long, long, long, nint>)NativeLibrary.GetExport(core, "ggml_new_tensor_3d");
        GetData = (delegate* unmanaged<nint, void*>)NativeLibrary.GetExport(core, "ggml_get_data");
        RopeExtInplace = (delegate* unmanaged<nint, nint, nint, nint, int, int, int, float, float, float, float, float, float, nint>)NativeLibrary.GetExport(core, "ggml_rope_ext_inplace");
        NewGraph = (delegate* unmanaged<nint, nint>)NativeLibrary.GetExport(core, "ggml_new_graph");
        BuildForwardExpand = (delegate* unmanaged<nint, nint, void>)NativeLibrary.GetExport(core, "ggml_build_forward_expand");
        GraphComputeWithCtx = (delegate* unmanaged<nint, nint, int, int>)NativeLibrary.GetExport(cpu, "ggml_graph_compute_with_ctx");
        ((delegate* unmanaged<void>)NativeLibrary.GetExport(cpu, "ggml_cpu_init"))();
        var text = (delegate* unmanaged<byte*>)NativeLibrary.GetExport(core, "ggml_version");
        string version = Marshal.PtrToStringUTF8((nint)text()) ?? "?";
        text = (delegate* unmanaged<byte*>)NativeLibrary.GetExport(core, "ggml_commit");
        string commit = Marshal.PtrToStringUTF8((nint)text()) ?? "?";
        Version = $"ggml {version} ({commit})";
    }

    public delegate* unmanaged<InitParams, nint> Init { get; }
    public delegate* unmanaged<nint, void> Free { get; }
    public delegate* unmanaged<nint, void> Reset { get; }
    public delegate* unmanaged<nint, int, long, nint> NewTensor1d { get; }
    public delegate* unmanaged<nint, int, long, long, long, nint> NewTensor3d { get; }
    public delegate* unmanaged<nint, void*> GetData { get; }

    /// <summary>ctx, a, positions, freq_factors, n_dims, mode, n_ctx_orig, freq_base, freq_scale, ext_factor, attn_factor, beta_fast, beta_slow.</summary>
    public delegate* unmanaged<nint, nint, nint, nint, int, int, int, float, float, float, float, float, float, nint> RopeExtInplace { get; }
    public delegate* unmanaged<nint, nint> NewGraph { get; }
    public delegate* unmanaged<nint, nint, void> BuildForwardExpand { get; }

    /// <summary>ctx (where the work buffer is allocated), graph, n_threads; returns ggml_status (0 = success).</summary>
    public delegate* unmanaged<nint, nint, int, int> GraphComputeWithCtx { get; }

    /// <summary>"ggml 0.x.y (commit)" and the CPU variant loaded.</summary>
    public string Version { get; private set; }

    /// <summary>Loads ggml, or returns null with the reason it cannot be loaded.</summary>
    public static GgmlLibrary? TryLoad(out string description)
    {
        string? package = typeof(GgmlLibrary).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "LLamaSharpBackendCpu")?.Value;
        if (string.IsNullOrEmpty(package))
        {
            description = "LLamaSharp.Backend.Cpu is not referenced in this build (built as part of RopeGen.sln, which leaves the peers' packages out); " +
                          "run dotnet run -c Release --project tests/RopeGen.Peers";
            return null;
        }
        if (NativeFolder(package) is not (string folder, string variant))
        {
            description = $"LLamaSharp.Backend.Cpu 0.30.0 has no native ggml for {RuntimeInformation.RuntimeIdentifier}";
            return null;
        }
        try
        {
            nint core = NativeLibrary.Load(Path.Combine(folder, LibraryName("ggml-base")));
            nint cpu = NativeLibrary.Load(Path.Combine(folder, LibraryName("ggml-cpu")));
            var library = new GgmlLibrary(core, cpu);
            library.Version += $", {variant} build from LLamaSharp.Backend.Cpu 0.30.0";
            description = library.Version;
            return library;
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            description = $"ggml from LLamaSharp.Backend.Cpu 0.30.0 did not load: {e.Message}";
            return null;
        }
    }

    /// <summary>The package's native folder for this platform and, on x64, the widest CPU variant this machine runs.</summary>
    private static (string Folder, string Variant)? NativeFolder(string package)
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        string arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        string native = Path.Combine(package, "LLamaSharpRuntimes", $"{os}-{arch}", "native");
        if (!Directory.Exists(native)) return null;
        if (File.Exists(Path.Combine(native, LibraryName("ggml-cpu")))) return (native, "native");
        string variant = Avx512F.IsSupported && Avx512BW.IsSupported ? "avx512"
            : Avx2.IsSupported && Fma.IsSupported ? "avx2"
            : Avx.IsSupported ? "avx"
            : "noavx";
        string folder = Path.Combine(native, variant);
        return Directory.Exists(folder) ? (folder, variant) : null;
    }

    private static string LibraryName(string name) =>
        OperatingSystem.IsWindows() ? name + ".dll" : OperatingSystem.IsMacOS() ? $"lib{name}.dylib" : $"lib{name}.so";
}
