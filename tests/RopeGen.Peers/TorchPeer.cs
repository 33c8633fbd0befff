using System;
using System.IO;
using System.Runtime.InteropServices;

namespace RopeGen.Peers;

/// <summary>Whether TorchSharp's libtorch loads on this machine, and why not.</summary>
public static class TorchPeer
{
    /// <summary>Null when TorchSharp works here; otherwise the reason, for the console and the JSON file.</summary>
    public static string? Unavailable { get; } = Probe();

    /// <summary>What was loaded, or why nothing was.</summary>
    public static string Description => Unavailable ?? "TorchSharp 0.107.0 with libtorch 2.10 (CPU), from TorchSharp-cpu";

    private static string? Probe()
    {
#if PEER_PACKAGES
        // TorchSharp's own error on a failed load says libtorch is not referenced, whatever went wrong; loading its
        // native library first gives the loader's reason (on Debian 12: the system libstdc++ is older than libtorch's).
        string library = Path.Combine(AppContext.BaseDirectory,
            OperatingSystem.IsWindows() ? "LibTorchSharp.dll" : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so");
        try
        {
            NativeLibrary.Load(library);
            TorchSharp.torch.InitializeDeviceType(TorchSharp.DeviceType.CPU);
            return null;
        }
        catch (Exception e)
        {
            const string marker = "LD_DEBUG environment variable: ";
            int at = e.Message.IndexOf(marker, StringComparison.Ordinal);
            return "TorchSharp-cpu 0.107.0 (libtorch 2.10) does not load on this machine: " + (at >= 0 ? e.Message[(at + marker.Length)..] : e.Message).Trim();
        }
#else
        return "TorchSharp-cpu is not referenced in this build (built as part of RopeGen.sln, which leaves the peers' packages out); " +
               "run dotnet run -c Release --project tests/RopeGen.Peers";
#endif
    }
}
