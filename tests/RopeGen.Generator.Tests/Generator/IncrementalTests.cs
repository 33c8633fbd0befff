using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Generator;

/// <summary>Edits elsewhere leave every pipeline step Cached or Unchanged; a changed setting regenerates only its class.</summary>
public class IncrementalTests
{
    private const string Models = """
        using RopeGen;
        namespace Models;
        [Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, OriginalMaxPositions = 8192)]
        public partial class Llama { }
        [Rotary(80, RotaryDim = 32)]
        public partial class Phi2 { }
        """;

    private const string Other = "namespace Other; public class Unrelated { public int Value => 1; }";

    private static readonly string[] StepNames = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params string[] sources)
    {
        CSharpCompilation compilation = TestCompilation.Create(sources);
        return (TestCompilation.CreateDriver().RunGenerators(compilation), compilation);
    }

    private static IEnumerable<IncrementalGeneratorRunStep> Steps(GeneratorDriver driver, string name) =>
        driver.GetRunResult().Results[0].TrackedSteps.TryGetValue(name, out var steps) ? steps : [];

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string text) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.ElementAt(index),
            CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path: compilation.SyntaxTrees.ElementAt(index).FilePath));

    private static void AssertAllCached(GeneratorDriver driver)
    {
        Assert.NotEmpty(StepNames);
        foreach (string name in StepNames)
        {
            var steps = Steps(driver, name).ToList();
            Assert.NotEmpty(steps);
            Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }
        Assert.All(driver.GetRunResult().Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void RerunOnAnIdenticalCompilationIsCached()
    {
        var (driver, compilation) = FirstRun(Models, Other);
        AssertAllCached(driver.RunGenerators(compilation.Clone()));
    }

    [Fact]
    public void EditInAnotherFileIsCached()
    {
        var (driver, compilation) = FirstRun(Models, Other);
        AssertAllCached(driver.RunGenerators(Replace(compilation, 1, Other.Replace("=> 1", "=> 2"))));
    }

    [Fact]
    public void WithIlgpuAnEditInAnotherFileIsCachedAndTheSharedGpuHelpersAreWrittenOnce()
    {
        CSharpCompilation compilation = TestCompilation.Create(new[] { Models, Other }, new[] { Ilgpu.Reference });
        GeneratorDriver driver = TestCompilation.CreateDriver().RunGenerators(compilation);
        Assert.Equal(5, driver.GetRunResult().GeneratedTrees.Length); // two classes' CPU and GPU files, one helper file
        AssertAllCached(driver.RunGenerators(Replace(compilation, 1, Other.Replace("=> 1", "=> 2"))));
    }

    [Fact]
    public void UnrelatedCodeAppendedToTheSameFileIsCached()
    {
        var (driver, compilation) = FirstRun(Models, Other);
        AssertAllCached(driver.RunGenerators(Replace(compilation, 0, Models + "\npublic class Helper { }\n")));
    }

    [Fact]
    public void ASecondClassIsNewAndTheOthersStayCached()
    {
        var (driver, compilation) = FirstRun(Models, Other);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Models; [RopeGen.Rotary(64)] public partial class Small { }", TestCompilation.ParseOptions, path: "Small.cs")));

        var reasons = Steps(driver, TrackingNames.Targets).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.New));
        Assert.Equal(2, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void AChangedSettingRegeneratesOnlyThatClass()
    {
        var (driver, compilation) = FirstRun(Models, Other);
        driver = driver.RunGenerators(Replace(compilation, 0, Models.Replace("RotaryDim = 32", "RotaryDim = 40")));

        var reasons = Steps(driver, TrackingNames.Targets).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        string phi2 = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains("Phi2")).ToString();
        Assert.Contains("public const int RotaryDim = 40;", phi2);
    }

    [Fact]
    public void StepOutputsHoldNoCompilerObjects()
    {
        var (driver, _) = FirstRun(Models, Other);
        foreach (string name in StepNames)
            foreach (var output in Steps(driver, name).SelectMany(s => s.Outputs))
                AssertPlainValue(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    private static readonly Type[] Forbidden =
        [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SemanticModel), typeof(AttributeData), typeof(Location)];

    private static void AssertPlainValue(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
        Type type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.Name}");
        if (value is IEnumerable items)
        {
            foreach (object? item in items) AssertPlainValue(item, path + "[]", seen);
            return;
        }
        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            AssertPlainValue(field.GetValue(value), path + "." + field.Name, seen);
    }
}
