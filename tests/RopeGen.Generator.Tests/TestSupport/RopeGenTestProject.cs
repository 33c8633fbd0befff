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
    /// No reference pack for the library to fetch: the .NET 10 reference assemblies come from
    /// Basic.Reference.Assemblies.Net100, restored with the other packages, so a missing package fails the restore, not
    /// the tests, and the tests need no feed. The library's <c>ReferenceAssemblies.Net.*</c> instead download
    /// Microsoft.NETCore.App.Ref into %TEMP%/test-packages while the tests run: <c>Net100</c> wants 10.0.1, which the
    /// registry here does not serve (a KeyNotFoundException in every test), and against <c>Net80</c>'s, the net10.0 build
    /// of RopeGen.Runtime fails with CS1705 (it references System.Runtime 10.0).
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
