using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>The library's analyzer test over <see cref="RopeGenTestProject"/>: the generator, then both analyzers.</summary>
public sealed class RopeGenAnalyzerTest : CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
{
    public RopeGenAnalyzerTest() => RopeGenTestProject.Configure(this);

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => RopeGenTestProject.Analyzers;

    protected override IEnumerable<Type> GetSourceGenerators() => RopeGenTestProject.Generators;
}
