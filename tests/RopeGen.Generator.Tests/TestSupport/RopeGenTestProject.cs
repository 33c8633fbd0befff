extern alias attributes;
extern alias runtime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using RopeGen.Generator.Analyzers;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>
/// The project every library-driven analyzer and code-fix test compiles, set up like a user's: RopeGen's generator runs
/// first (its kernels bind the calls that <see cref="KernelCallAnalyzer"/> checks), both analyzers run on the result,
/// and the code references .NET 10, RopeGen.Attributes and RopeGen.Runtime.
/// </summary>
internal static class RopeGenTestProject
{
    /// <summary>The analyzers a user's build runs, in the order the compiler reports them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        ImmutableArray.Create<DiagnosticAnalyzer>(new RotaryAttributeAnalyzer(), new KernelCallAnalyzer());

    /// <summary>The source generators the library instantiates for each run.</summary>
    public static IEnumerable<Type> Generators { get; } = [typeof(RotaryGenerator)];

    /// <summary>
    /// .NET 10 reference assemblies from Basic.Reference.Assemblies.Net100, restored with the other packages. The library's
    /// own <c>ReferenceAssemblies.Net.*</c> download a reference pack through NuGet while the tests run (the newest it
    /// knows is .NET 9), so an empty set stands in for them and the assemblies travel as ordinary references.
    /// </summary>
    private static readonly ReferenceAssemblies s_noDownload = new("net10.0");

    private static readonly ImmutableArray<MetadataReference> s_references =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(attributes::RopeGen.RotaryAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(runtime::RopeGen.RotaryTable).Assembly.Location),
    ];

    /// <summary>Applies the references and behaviors every RopeGen test shares.</summary>
    public static void Configure(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = s_noDownload;
        test.TestState.AdditionalReferences.AddRange(s_references);
        // The generated files are checked by the snapshot tests; here they only have to compile (compiler errors fail).
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }
}
