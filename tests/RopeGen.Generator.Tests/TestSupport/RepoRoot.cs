using System;
using System.IO;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>The repository root: the folder above the test assembly that holds RopeGen.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "RopeGen.sln"))) return dir.FullName;
        throw new InvalidOperationException($"RopeGen.sln not found above {AppContext.BaseDirectory}.");
    }
}
