using System.Threading.Tasks;
using RopeGen.CodeFixes;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.CodeFixes;

/// <summary>Each fix applied one diagnostic at a time and as fix-all in document, project and solution (the library
/// checks all four against the same fixed code), the result compiled with the generator's kernels.</summary>
public class CodeFixTests
{
    [Fact]
    public Task MakePartialFixesTheClassAndEveryContainingType() => CodeFixRunner.VerifyAsync<MakePartialCodeFix>("""
        using RopeGen;
        public static class Model
        {
            internal class Layer
            {
                [Rotary(128)]
                public sealed class {|ROPE001:Attention|} { }
            }
        }
        """, """
        using RopeGen;
        public static partial class Model
        {
            internal partial class Layer
            {
                [Rotary(128)]
                public sealed partial class Attention { }
            }
        }
        """);

    [Fact]
    public Task MakePartialWithoutModifiers() => CodeFixRunner.VerifyAsync<MakePartialCodeFix>(
        "using RopeGen;\n[Rotary(64)]\nclass {|ROPE001:Attention|} { }\n",
        "using RopeGen;\n[Rotary(64)]\npartial class Attention { }\n");

    [Fact]
    public Task OddRotaryDimBecomesTheEvenValueBelow() => CodeFixRunner.VerifyAsync<EvenRotaryDimCodeFix>(
        "using RopeGen;\n[Rotary(80, {|ROPE003:RotaryDim = 33|})] partial class Phi2 { }\n",
        "using RopeGen;\n[Rotary(80, RotaryDim = 32)] partial class Phi2 { }\n");

    [Fact]
    public Task OddRotaryDimJustAboveTheHeadDimBecomesTheHeadDim() => CodeFixRunner.VerifyAsync<EvenRotaryDimCodeFix>(
        "using RopeGen;\n[Rotary(64, {|ROPE003:RotaryDim = 65|})] partial class A { }\n",
        "using RopeGen;\n[Rotary(64, RotaryDim = 64)] partial class A { }\n");

    [Theory]
    [InlineData("[Rotary(64, {|ROPE003:RotaryDim = 96|})]")] // even but too large: no value to guess
    [InlineData("[Rotary(64, {|ROPE003:RotaryDim = 97|})]")] // 96 would still be too large
    [InlineData("[Rotary(64, {|ROPE003:RotaryDim = 1|})]")] // 0 would mean the whole head, not a small partial rotation
    [InlineData("[Rotary(64, {|ROPE003:RotaryDim = -3|})]")]
    [InlineData("[Rotary({|ROPE002:63|}, {|ROPE003:RotaryDim = 33|})]")] // the head dim is wrong too: ROPE002 first
    public Task NoFixWithoutAValidEvenValueBelow(string attribute)
    {
        string markup = $"using RopeGen;\n{attribute} partial class A {{ }}\n";
        return CodeFixRunner.VerifyAsync<EvenRotaryDimCodeFix>(markup, markup);
    }

    [Fact]
    public Task FixAllMakesSharedContainingTypesPartialOnce() => CodeFixRunner.VerifyAsync<MakePartialCodeFix>("""
        using RopeGen;
        class Model
        {
            [Rotary(128)] class {|ROPE001:Queries|} { }
            [Rotary(64)] class {|ROPE001:Keys|} { }
        }
        """, """
        using RopeGen;
        partial class Model
        {
            [Rotary(128)] partial class Queries { }
            [Rotary(64)] partial class Keys { }
        }
        """);

    [Fact]
    public Task FixAllEvensEveryOddRotaryDim() => CodeFixRunner.VerifyAsync<EvenRotaryDimCodeFix>(
        "using RopeGen;\n[Rotary(80, {|ROPE003:RotaryDim = 33|})] partial class A { }\n[Rotary(64, {|ROPE003:RotaryDim = 17|})] partial class B { }\n",
        "using RopeGen;\n[Rotary(80, RotaryDim = 32)] partial class A { }\n[Rotary(64, RotaryDim = 16)] partial class B { }\n");

    [Fact]
    public Task SettingWithoutEffectIsRemovedFromTheMiddleOfTheList() => CodeFixRunner.VerifyAsync<RemoveSettingCodeFix>(
        "using RopeGen;\n[Rotary(128, 10000, RopeScaling.Linear, Factor = 2, {|ROPE008:BetaFast = 16|}, RotaryDim = 64)] partial class A { }\n",
        "using RopeGen;\n[Rotary(128, 10000, RopeScaling.Linear, Factor = 2, RotaryDim = 64)] partial class A { }\n");

    [Fact]
    public Task SettingWithoutEffectIsRemoved() => CodeFixRunner.VerifyAsync<RemoveSettingCodeFix>(
        "using RopeGen;\n[Rotary(128, {|ROPE008:Factor = 4|}, {|ROPE008:BetaSlow = 2|})] partial class A { }\n",
        "using RopeGen;\n[Rotary(128)] partial class A { }\n");
}
