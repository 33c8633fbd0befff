using RopeGen.Generator.Diagnostics;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Analyzers;

/// <summary>
/// What a user sees: <c>dotnet build</c> of a small project with faulty [Rotary] classes prints each diagnostic with
/// its file, line, column, ID and message.
/// </summary>
[Trait("Category", "Build")]
public sealed class BuildOutputTests
{
    [Fact]
    public void DotnetBuildPrintsEachDiagnosticWithItsLocationAndMessage()
    {
        using var project = new BuildProject();
        project.Write("Attention.cs", """
            using RopeGen;

            [Rotary(127)]
            partial class OddHead { }

            [Rotary(128, Factor = 4)]
            partial class UnusedFactor { }

            [Rotary(64)]
            class NotPartial { }

            static class Use
            {
                static void Run() => UnusedFactor.ApplyRotary(new float[100], new[] { 0 }, 1);
            }
            """);

        var (exit, output) = project.Build();

        Assert.NotEqual(0, exit);
        Assert.Matches(@"Attention\.cs\(3,9\): error ROPE002: HeadDim is 127; expected a positive even number", output);
        Assert.Matches(@"Attention\.cs\(6,14\): warning ROPE008: Factor is 4, which has no effect with RopeScaling\.None", output);
        Assert.Matches(@"Attention\.cs\(10,7\): error ROPE001: 'NotPartial' has \[Rotary\] but it is not partial", output);
        // The kernels of the valid class were generated: the call binds, and its buffer is checked.
        Assert.Matches(@"Attention\.cs\(14,51\): warning ROPE007: 'x' has 100 elements, which cannot be \[tokens, heads, 128\]; expected a multiple of the head dim 128", output);
        Assert.Contains($"({DiagnosticDescriptors.HelpLink("ROPE002")})", output);
        Assert.DoesNotContain("CS8785", output);
        Assert.DoesNotContain("AD0001", output);
    }
}
