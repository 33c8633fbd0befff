extern alias attributes;
extern alias runtime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>Builds in-memory compilations the way a user's project compiles: the platform, the attributes and the
/// runtime referenced, nullable enabled, warnings reported.</summary>
public static class TestCompilation
{
    /// <summary>The newest language version this Roslyn (4.14) knows.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        // Like a user's project: the generator and code-fix assemblies run as analyzers, they are not referenced; ILGPU
        // only where a test adds Ilgpu.Reference.
        var paths = tpa.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is not ("RopeGen.Generator.dll" or "RopeGen.CodeFixes.dll" or Ilgpu.AssemblyFileName))
            .ToHashSet(StringComparer.Ordinal);
        paths.Add(typeof(attributes::RopeGen.RotaryAttribute).Assembly.Location);
        paths.Add(typeof(runtime::RopeGen.RotaryTable).Assembly.Location);
        return paths.Where(p => p.Length > 0).OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    /// <summary>The platform, RopeGen.Attributes and RopeGen.Runtime.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>A library compilation of <paramref name="sources"/> with nullable enabled.</summary>
    public static CSharpCompilation Create(IEnumerable<string> sources, IEnumerable<MetadataReference>? extraReferences = null,
        string assemblyName = "TestAssembly") =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References.AddRange(extraReferences ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error, // TreatWarningsAsErrors, as strict users build
                deterministic: true));

    /// <inheritdoc cref="Create(IEnumerable{string}, IEnumerable{MetadataReference}?, string)"/>
    public static CSharpCompilation Create(params string[] sources) => Create((IEnumerable<string>)sources);

    /// <summary>A driver for the RopeGen generator with step tracking on.</summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new RotaryGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once over <paramref name="compilation"/>.</summary>
    public static (GeneratorDriver Driver, Compilation Output, GeneratorDriverRunResult Result) RunGenerator(Compilation compilation)
    {
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return (driver, output, driver.GetRunResult());
    }

    /// <summary>Errors and warnings of a compilation (hidden and info diagnostics left out), for clear assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString()));
}
