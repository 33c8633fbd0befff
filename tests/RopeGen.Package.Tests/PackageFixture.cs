using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace RopeGen.Package.Tests;

/// <summary>Packs RopeGen once into a temporary local feed, shared by the package tests.</summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "ropegen-package-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        string repo = DotnetCli.RepoRoot();
        Version = XDocument.Load(Path.Combine(repo, "Directory.Build.props")).Descendants("Version").Single().Value;
        var (exit, output) = DotnetCli.Run(repo, $"pack src/Runtime -c Release -o \"{Feed}\"", TimeSpan.FromMinutes(4));
        if (exit != 0) throw new InvalidOperationException("dotnet pack failed:\n" + output);
        PackagePath = Path.Combine(Feed, $"RopeGen.{Version}.nupkg");
        using ZipArchive zip = ZipFile.OpenRead(PackagePath);
        Entries = zip.Entries.Select(e => e.FullName).ToArray();
        using var nuspec = new StreamReader(zip.GetEntry("RopeGen.nuspec")!.Open());
        Nuspec = XDocument.Parse(nuspec.ReadToEnd());
    }

    public string Root { get; }
    public string Feed { get; }
    public string Version { get; }
    public string PackagePath { get; }
    public string[] Entries { get; }
    public XDocument Nuspec { get; }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { } // a leftover temp folder is harmless
    }
}
