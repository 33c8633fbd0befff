using System.Linq;
using Microsoft.CodeAnalysis;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests;

public class GeneratorSmokeTests
{
    [Fact]
    public void AnnotatedPartialClassGetsOneSourceThatCompiles()
    {
        var compilation = TestCompilation.Create("""
            namespace Demo;
            [RopeGen.Rotary(128, 500000.0)]
            public partial class Attention { }
            """);
        var (_, output, result) = TestCompilation.RunGenerator(compilation);

        Assert.Single(result.GeneratedTrees);
        Assert.Empty(result.Diagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.True(!problems.Any(), TestCompilation.Describe(problems));
    }
}
