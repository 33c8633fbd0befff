using System;
using System.IO;
using RopeGen.Package.Tests;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>
/// A throwaway project in a temporary folder that a test builds with <c>dotnet build</c>, as a user would. It loads the
/// same generator assembly as the in-memory tests, from this test's output folder, so the repository's own projects are
/// not rebuilt from inside a test.
/// </summary>
public sealed class BuildProject : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "ropegen-build-" + Guid.NewGuid().ToString("N"));

    /// <param name="properties">Extra MSBuild properties, as XML elements.</param>
    public BuildProject(string properties = "")
    {
        System.IO.Directory.CreateDirectory(Directory);
        string bin = AppContext.BaseDirectory;
        // Empty props and targets: nothing from the folders above the temporary project leaks in.
        Write("Directory.Build.props", "<Project />");
        Write("Directory.Build.targets", "<Project />");
        Write("Project.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Path.Combine(bin, "RopeGen.Attributes.dll")}" />
                <Reference Include="{Path.Combine(bin, "RopeGen.Runtime.dll")}" />
                <Analyzer Include="{Path.Combine(bin, "RopeGen.Generator.dll")}" />
              </ItemGroup>
            </Project>
            """);
    }

    public void Write(string file, string text) => File.WriteAllText(Path.Combine(Directory, file), text);

    /// <summary>Builds the project; returns the exit code and the console output, one diagnostic per line.</summary>
    public (int ExitCode, string Output) Build() =>
        DotnetCli.Run(Directory, "build -nologo -consoleLoggerParameters:NoSummary", TimeSpan.FromMinutes(5));

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { } // a leftover temp folder is harmless
    }
}
