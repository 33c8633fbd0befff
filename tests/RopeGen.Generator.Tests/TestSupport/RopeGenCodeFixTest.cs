using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>The library's code-fix test over <see cref="RopeGenTestProject"/>: the generator, both analyzers, and
/// <typeparamref name="TCodeFix"/> applied one diagnostic at a time and as fix-all in document, project and solution.</summary>
public sealed class RopeGenCodeFixTest<TCodeFix> : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public RopeGenCodeFixTest() => RopeGenTestProject.Configure(this);

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => RopeGenTestProject.Analyzers;

    protected override IEnumerable<Type> GetSourceGenerators() => RopeGenTestProject.Generators;
}
