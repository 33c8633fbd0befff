using System.Linq;
using System.Text.RegularExpressions;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Analyzers;

/// <summary>
/// Issue 15 through a real <c>dotnet build</c>: one project with every unusual but legal declaration at once, under
/// TreatWarningsAsErrors, and the README's quick start under <c>AnalysisLevel latest-all</c>.
/// </summary>
[Trait("Category", "Build")]
public sealed class UnusualDeclarationBuildTests
{
    /// <summary>Each diagnostic line of the build output as (file, ID), once per distinct line.</summary>
    private static (string File, string Id)[] Diagnostics(string output) =>
        Regex.Matches(output, @"([^\s/\\]+)\(\d+,\d+\): (?:error|warning) ([A-Z]+\d+):")
            .Select(m => m.Value).Distinct()
            .Select(line => Regex.Match(line, @"([^\s/\\]+)\(\d+,\d+\): (?:error|warning) ([A-Z]+\d+):"))
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToArray();

    [Fact]
    public void EveryUnusualDeclarationAtOnceBuildsWithOnlyTheExpectedErrorsAndNoneInGeneratedFiles()
    {
        using var project = new BuildProject("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        project.Write("Attention.cs", """
            // The user's own lower-case type names (attn, var) warn; the generated declarations must not.
            #pragma warning disable CS8981
            using System;
            using RopeGen;

            namespace N
            {
                // 1. Names that collide as file names (a letter number, '_', '@', case).
                [Rotary(64)] partial class Attn_ { }
                [Rotary(64)] partial class Attnⅰ { }
                [Rotary(64)] partial class _class { }
                [Rotary(64)] partial class Attn { }
                [Rotary(64)] partial class attn { }
                // 2. Keywords as names.
                [Rotary(64)] partial class @class { }
                partial class @struct { [Rotary(64)] internal partial class @int { } }
                // 3. A [Rotary] class deriving from another.
                [Rotary(64)] public partial class BaseAttn { }
                [Rotary(128)] public partial class DerivedAttn : BaseAttn { }
                // 4. A file-local class: ROPE012.
                [Rotary(64)] file partial class FileLocal { }
                // 5. [Rotary] on two partial declarations, the other in Second.cs: CS0579.
                [Rotary(64)] partial class Twice { }
                // 6. A type named var in scope.
                class var { }
                [Rotary(96, Layout = RotaryLayout.Interleaved, RotaryDim = 26)] partial class WithVar { }
                // 7. Members named like generated ones: ROPE013 each.
                [Rotary(64)] partial class ClashMethod { public static void ApplyRotary(Span<float> x, ReadOnlySpan<int> p, int h) { } }
                [Rotary(64)] partial class ClashField { public static int ShiftRotary = 1; }
                [Rotary(64)] partial class ClashNested { public class RopeGenRotary { } }
                [Rotary(64)] partial class ApplyRotary { }

                static class Use
                {
                    // Every class that is not faulty has its kernels.
                    static int Run(float[] x, int[] p)
                    {
                        Attn_.ApplyRotary(x, p, 1); Attnⅰ.ApplyRotary(x, p, 1); _class.ApplyRotary(x, p, 1); Attn.ApplyRotary(x, p, 1);
                        attn.ApplyRotary(x, p, 1); @class.ApplyRotary(x, p, 1); @struct.@int.ApplyRotary(x, p, 1);
                        DerivedAttn.ApplyRotary(x, p, 1); BaseAttn.ApplyRotary(x, p, 1); WithVar.ApplyRotary(x, p, 1);
                        return DerivedAttn.RopeGenRotary.HeadDim - BaseAttn.RopeGenRotary.HeadDim;
                    }
                }
            }
            """);
        project.Write("Second.cs", "namespace N { [RopeGen.Rotary(128)] partial class Twice { } }");

        // With the compiler's own error (CS0579) the analyzers do not run: that error alone.
        var (exit, output) = project.Build();
        Assert.NotEqual(0, exit);
        AssertNoCrashAndNothingInGeneratedFiles(output);
        Assert.Equal([("Second.cs", "CS0579")], Diagnostics(output));

        // Without it, the analyzers explain each class the generator skipped.
        System.IO.File.Delete(System.IO.Path.Combine(project.Directory, "Second.cs"));
        (exit, output) = project.Build();
        Assert.NotEqual(0, exit);
        AssertNoCrashAndNothingInGeneratedFiles(output);
        Assert.Equal(["ROPE012", "ROPE013", "ROPE013", "ROPE013", "ROPE013"], Diagnostics(output).Select(d => d.Id).Order());
        Assert.All(Diagnostics(output), d => Assert.Equal("Attention.cs", d.File));
    }

    private static void AssertNoCrashAndNothingInGeneratedFiles(string output)
    {
        Assert.DoesNotContain("CS8785", output);
        Assert.DoesNotContain("AD0001", output);
        Assert.All(Diagnostics(output), d => Assert.DoesNotContain(".g.cs", d.File));
    }

    [Fact]
    public void TheReadmeQuickStartClassIsStaticAndPassesAnalysisLevelLatestAll()
    {
        // The README's declaration, taken from it, beside the same class without 'static'.
        string readme = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoRoot.Path, "README.md"));
        Match quickStart = Regex.Match(readme, @"## Quick start\s+```csharp\s+using RopeGen;\s+(\[Rotary\(.*?\)\]\s+public static partial class LlamaAttention \{ \})");
        Assert.True(quickStart.Success, "The README's quick start declares no 'public static partial class LlamaAttention'.");
        string declaration = quickStart.Groups[1].Value;

        using var project = new BuildProject("<TreatWarningsAsErrors>true</TreatWarningsAsErrors><AnalysisLevel>latest-all</AnalysisLevel>");
        project.Write("QuickStart.cs", $$"""
            using System;
            using RopeGen;

            [assembly: CLSCompliant(false)]

            namespace QuickStart
            {
                {{declaration}}

                {{declaration.Replace("public static partial class LlamaAttention", "public partial class NotStatic")}}

                public static class Use
                {
                    public static void Run(Span<float> q, Span<float> k, ReadOnlySpan<int> positions)
                    {
                        LlamaAttention.ApplyRotary(q, 32, k, 8, positions);
                        NotStatic.ApplyRotary(q, 32, k, 8, positions);
                    }
                }
            }
            """);

        var (_, output) = project.Build();

        // Only the class without 'static' is asked to be static; nothing else is reported, in either file.
        Assert.Equal([("QuickStart.cs", "CA1052")], Diagnostics(output));
        Assert.Matches(@"QuickStart\.cs\(12,\d+\): error CA1052: .*'NotStatic'", output);
    }
}
