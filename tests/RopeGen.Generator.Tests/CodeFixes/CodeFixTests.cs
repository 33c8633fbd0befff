using System.Threading.Tasks;
using RopeGen.CodeFixes;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.CodeFixes;

public class CodeFixTests
{
    [Fact]
    public async Task MakePartialFixesTheClassAndEveryContainingType()
    {
        string fixedSource = await CodeFixRunner.FixAsync("""
            using RopeGen;
            public static class Model
            {
                internal class Layer
                {
                    [Rotary(128)]
                    public sealed class Attention { }
                }
            }
            """, new MakePartialCodeFix());

        Assert.Equal("""
            using RopeGen;
            public static partial class Model
            {
                internal partial class Layer
                {
                    [Rotary(128)]
                    public sealed partial class Attention { }
                }
            }
            """, fixedSource);
    }

    [Fact]
    public async Task MakePartialWithoutModifiers()
    {
        string fixedSource = await CodeFixRunner.FixAsync("using RopeGen;\n[Rotary(64)]\nclass Attention { }\n", new MakePartialCodeFix());
        Assert.Equal("using RopeGen;\n[Rotary(64)]\npartial class Attention { }\n", fixedSource);
    }

    [Fact]
    public async Task OddRotaryDimBecomesTheEvenValueBelow()
    {
        string fixedSource = await CodeFixRunner.FixAsync("using RopeGen;\n[Rotary(80, RotaryDim = 33)] partial class Phi2 { }\n", new EvenRotaryDimCodeFix());
        Assert.Equal("using RopeGen;\n[Rotary(80, RotaryDim = 32)] partial class Phi2 { }\n", fixedSource);
    }

    [Fact]
    public async Task RotaryDimTooLargeIsNotGuessed()
    {
        const string source = "using RopeGen;\n[Rotary(64, RotaryDim = 96)] partial class A { }\n";
        Assert.Equal(source, await CodeFixRunner.FixAsync(source, new EvenRotaryDimCodeFix()));
    }

    [Fact]
    public async Task SettingWithoutEffectIsRemoved()
    {
        string fixedSource = await CodeFixRunner.FixAsync("using RopeGen;\n[Rotary(128, Factor = 4, BetaSlow = 2)] partial class A { }\n", new RemoveSettingCodeFix());
        Assert.Equal("using RopeGen;\n[Rotary(128)] partial class A { }\n", fixedSource);
    }
}
