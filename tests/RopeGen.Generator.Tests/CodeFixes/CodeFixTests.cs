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
    public async Task OddRotaryDimJustAboveTheHeadDimBecomesTheHeadDim()
    {
        string fixedSource = await CodeFixRunner.FixAsync("using RopeGen;\n[Rotary(64, RotaryDim = 65)] partial class A { }\n", new EvenRotaryDimCodeFix());
        Assert.Equal("using RopeGen;\n[Rotary(64, RotaryDim = 64)] partial class A { }\n", fixedSource);
    }

    [Theory]
    [InlineData("[Rotary(64, RotaryDim = 96)]")] // even but too large: no value to guess
    [InlineData("[Rotary(64, RotaryDim = 97)]")] // 96 would still be too large
    [InlineData("[Rotary(64, RotaryDim = 1)]")] // 0 would mean the whole head, not a small partial rotation
    [InlineData("[Rotary(64, RotaryDim = -3)]")]
    [InlineData("[Rotary(63, RotaryDim = 33)]")] // the head dim is wrong too: ROPE002 first
    public async Task NoFixWithoutAValidEvenValueBelow(string attribute)
    {
        string source = $"using RopeGen;\n{attribute} partial class A {{ }}\n";
        Assert.Equal(source, await CodeFixRunner.FixAsync(source, new EvenRotaryDimCodeFix()));
    }

    [Fact]
    public async Task FixAllMakesSharedContainingTypesPartialOnce()
    {
        string fixedSource = await CodeFixRunner.FixAllAsync("""
            using RopeGen;
            class Model
            {
                [Rotary(128)] class Queries { }
                [Rotary(64)] class Keys { }
            }
            """, new MakePartialCodeFix());

        Assert.Equal("""
            using RopeGen;
            partial class Model
            {
                [Rotary(128)] partial class Queries { }
                [Rotary(64)] partial class Keys { }
            }
            """, fixedSource);
    }

    [Fact]
    public async Task FixAllEvensEveryOddRotaryDim()
    {
        string fixedSource = await CodeFixRunner.FixAllAsync(
            "using RopeGen;\n[Rotary(80, RotaryDim = 33)] partial class A { }\n[Rotary(64, RotaryDim = 17)] partial class B { }\n",
            new EvenRotaryDimCodeFix());
        Assert.Equal("using RopeGen;\n[Rotary(80, RotaryDim = 32)] partial class A { }\n[Rotary(64, RotaryDim = 16)] partial class B { }\n", fixedSource);
    }

    [Fact]
    public async Task SettingWithoutEffectIsRemovedFromTheMiddleOfTheList()
    {
        string fixedSource = await CodeFixRunner.FixAsync(
            "using RopeGen;\n[Rotary(128, 10000, RopeScaling.Linear, Factor = 2, BetaFast = 16, RotaryDim = 64)] partial class A { }\n",
            new RemoveSettingCodeFix());
        Assert.Equal("using RopeGen;\n[Rotary(128, 10000, RopeScaling.Linear, Factor = 2, RotaryDim = 64)] partial class A { }\n", fixedSource);
    }

    [Fact]
    public async Task SettingWithoutEffectIsRemoved()
    {
        string fixedSource = await CodeFixRunner.FixAsync("using RopeGen;\n[Rotary(128, Factor = 4, BetaSlow = 2)] partial class A { }\n", new RemoveSettingCodeFix());
        Assert.Equal("using RopeGen;\n[Rotary(128)] partial class A { }\n", fixedSource);
    }
}
