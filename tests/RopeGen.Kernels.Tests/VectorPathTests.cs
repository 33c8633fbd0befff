using System;
using System.Runtime.Intrinsics;

namespace RopeGen.Kernels.Tests;

/// <summary>
/// .ci/run runs this project four times: as is, and with DOTNET_EnableAVX512=0 (.NET 10's name; .NET 8 and 9 read
/// DOTNET_EnableAVX512F, which .NET 10 ignores), DOTNET_EnableAVX2=0 and DOTNET_EnableHWIntrinsic=0. This proves each
/// run took the path it was meant to check.
/// </summary>
public class VectorPathTests
{
    [Fact]
    public void TheVectorPathFollowsTheRuntimeSwitches()
    {
        bool Disabled(string name) => Environment.GetEnvironmentVariable("DOTNET_" + name) == "0";
        if (Disabled("EnableHWIntrinsic"))
        {
            Assert.False(Vector128.IsHardwareAccelerated);
            Assert.False(Vector256.IsHardwareAccelerated);
        }
        if (Disabled("EnableAVX2")) Assert.False(Vector256.IsHardwareAccelerated);
        if (Disabled("EnableAVX512")) Assert.False(Vector512.IsHardwareAccelerated);
        Assert.False(Vector512.IsHardwareAccelerated && !Vector256.IsHardwareAccelerated);
    }
}
