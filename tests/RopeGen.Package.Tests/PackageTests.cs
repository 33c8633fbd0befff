using System;
using System.IO;
using System.Linq;

namespace RopeGen.Package.Tests;

/// <summary>The RopeGen package, packed from this repository and consumed from a local feed as a user would.</summary>
[Trait("Category", "Package")]
public class PackageTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public void PackageHoldsTheGeneratorAnalyzersAttributesAndRuntime()
    {
        string[] expected =
        {
            "analyzers/dotnet/cs/RopeGen.Generator.dll", "analyzers/dotnet/cs/RopeGen.CodeFixes.dll",
            "lib/netstandard2.0/RopeGen.Attributes.dll",
            "lib/net8.0/RopeGen.Runtime.dll", "lib/net8.0/RopeGen.Runtime.xml", "lib/net8.0/RopeGen.Attributes.dll",
            "lib/net10.0/RopeGen.Runtime.dll", "lib/net10.0/RopeGen.Runtime.xml", "lib/net10.0/RopeGen.Attributes.dll",
            "README.md", "LICENSE",
        };
        Assert.All(expected, e => Assert.Contains(e, package.Entries));
        Assert.DoesNotContain(package.Entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, package.Entries.Count(e => e.StartsWith("analyzers/")));
    }

    [Fact]
    public void NuspecHasMetadataAndNoDependencies()
    {
        var metadata = package.Nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        Assert.Equal("RopeGen", Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("rotary", Value("tags"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("github.com", metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value);
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency");
        Assert.Empty(dependencies);
    }

    [Fact]
    public void AConsoleAppBuildsWarningFreeAndRunsTheGeneratedKernel()
    {
        string app = CreateApp("app", """
            using System;
            using System.Linq;
            using RopeGen;

            float[] x = Enumerable.Range(0, 3 * 2 * 128).Select(i => MathF.Sin(i)).ToArray();
            double[] expected = x.Select(v => (double)v).ToArray();
            int[] positions = { 0, 17, 100_000 };
            Llama.ApplyRotary(x, positions, 2);
            RopeReference.Apply(Llama.RopeGenRotary.Config, expected, positions, 2);
            double error = x.Zip(expected, (a, e) => Math.Abs(a - e)).Max();
            Console.WriteLine($"head dim {Llama.RopeGenRotary.HeadDim}, max error {error:0.0e+0}: {(error <= 2e-6 ? "OK" : "WRONG")}");

            [Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]
            partial class Llama { }
            """);

        var (buildExit, buildOutput) = DotnetCli.Run(app, "build -c Release", TimeSpan.FromMinutes(4));
        Assert.True(buildExit == 0, buildOutput);
        Assert.DoesNotContain("CS9057", buildOutput);
        Assert.DoesNotContain("CS8032", buildOutput);
        Assert.DoesNotContain("CS8785", buildOutput);
        Assert.Contains("0 Warning(s)", buildOutput);

        var (runExit, runOutput) = DotnetCli.Run(app, "run -c Release --no-build", TimeSpan.FromMinutes(1));
        Assert.True(runExit == 0, runOutput);
        Assert.Contains("head dim 128", runOutput);
        Assert.Contains(": OK", runOutput);
    }

    [Fact]
    public void AnAppThatReferencesIlgpuGetsGpuKernelsThatMatchTheCpuKernel()
    {
        // The package does not depend on ILGPU; the app's own reference makes the generator emit the GPU kernels, which
        // must compile warning-free with ImplicitUsings (ILGPU.Half and System.Half both in scope) and run.
        string app = CreateApp("gpu", """
            using ILGPU;
            using ILGPU.Runtime;
            using ILGPU.Runtime.CPU;
            using RopeGen;

            float[] x = Enumerable.Range(0, 3 * 2 * 128).Select(i => MathF.Sin(i)).ToArray();
            float[] cpu = x.ToArray();
            int[] positions = { 0, 17, 100_000 };
            Llama.ApplyRotary(cpu, positions, 2);

            using Context context = Context.Create(builder => builder.CPU());
            using Accelerator accelerator = context.CreateCPUAccelerator(0);
            using Llama.RopeGenGpuRotary rope = Llama.CreateGpuRotary(accelerator);
            using MemoryBuffer1D<float, Stride1D.Dense> buffer = accelerator.Allocate1D(x);
            using MemoryBuffer1D<int, Stride1D.Dense> onDevice = accelerator.Allocate1D(positions);
            rope.Apply(buffer.View, onDevice.View, 2);
            accelerator.Synchronize();
            double error = buffer.GetAsArray1D().Zip(cpu, (g, c) => Math.Abs(g - c)).Max();
            Console.WriteLine($"{accelerator.AcceleratorType} accelerator, max |gpu - cpu| {error:0.0e+0}: {(error <= 1e-6 ? "OK" : "WRONG")}");

            [Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]
            partial class Llama { }
            """, """<PackageReference Include="ILGPU" Version="1.5.3" />""");

        var (buildExit, buildOutput) = DotnetCli.Run(app, "build -c Release", TimeSpan.FromMinutes(4));
        Assert.True(buildExit == 0, buildOutput);
        Assert.Contains("0 Warning(s)", buildOutput);

        var (runExit, runOutput) = DotnetCli.Run(app, "run -c Release --no-build", TimeSpan.FromMinutes(1));
        Assert.True(runExit == 0, runOutput);
        Assert.Contains("CPU accelerator", runOutput);
        Assert.Contains(": OK", runOutput);
    }

    [Fact]
    public void AFaultyRotaryReportsItsDiagnosticThroughThePackage()
    {
        string app = CreateApp("faulty", """
            using RopeGen;

            System.Console.WriteLine("unreachable");

            [Rotary(127)]
            partial class Broken { }
            """);

        var (exit, output) = DotnetCli.Run(app, "build -c Release", TimeSpan.FromMinutes(4));

        Assert.NotEqual(0, exit);
        // file(line,col): error ID: message, as an IDE shows it too
        Assert.Matches(@"Program\.cs\(5,9\): error ROPE002: HeadDim is 127; expected a positive even number", output);
    }

    /// <summary>A fresh console project referencing RopeGen from the local feed (and <paramref name="otherReferences"/>), with its own package folder.</summary>
    private string CreateApp(string name, string program, string otherReferences = "")
    {
        string dir = Path.Combine(package.Root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestorePackagesPath>{Path.Combine(package.Root, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RopeGen" Version="{package.Version}" />
                {otherReferences}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program);
        return dir;
    }
}
