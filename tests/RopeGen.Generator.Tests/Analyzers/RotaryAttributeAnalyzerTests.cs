using System.Threading.Tasks;
using RopeGen.Generator.Diagnostics;
using RopeGen.Generator.Tests.TestSupport;
using static RopeGen.Generator.Tests.TestSupport.AnalyzerRunner;

namespace RopeGen.Generator.Tests.Analyzers;

public class RotaryAttributeAnalyzerTests
{
    private const string Usings = "using RopeGen;\n";

    [Fact]
    public Task ValidRealModelsHaveNoDiagnostics() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, LowFreqFactor = 1, HighFreqFactor = 4, OriginalMaxPositions = 8192)]
        partial class Llama31 { public const int HeadDim = 128; }
        [Rotary(80, RotaryDim = 32)]
        partial class Phi2 { const int HiddenSize = 2560; const int NumAttentionHeads = 32; }
        [Rotary(64, 10000, RopeScaling.Yarn, Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707, YarnMScaleAllDim = 0.707, Layout = RotaryLayout.Interleaved)]
        partial class DeepSeekV2 { }
        """);

    [Fact]
    public Task NotPartial() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(128)]
        class {|ROPE001:Attention|} { }
        """);

    [Fact]
    public Task ContainingTypeNotPartial() => AnalyzerRunner.VerifyAsync(Usings + """
        class Outer
        {
            [Rotary(128)]
            partial class {|ROPE001:Attention|} { }
        }
        """);

    [Fact]
    public Task GenericClassOrContainer() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(128)]
        partial class {|ROPE009:Attention|}<T> { }
        partial class Outer<T>
        {
            [Rotary(128)]
            partial class {|ROPE009:Inner|} { }
        }
        """);

    [Fact]
    public Task HeadDim() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary({|ROPE002:127|})] partial class A { }
        [Rotary({|ROPE002:headDim: 0|})] partial class B { }
        """);

    [Fact]
    public Task RotaryDim() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(128, {|ROPE003:RotaryDim = 33|})] partial class A { }
        [Rotary(64, {|ROPE003:RotaryDim = 96|})] partial class B { }
        [Rotary(64, {|ROPE003:RotaryDim = -2|})] partial class C { }
        """);

    [Fact]
    public Task Base() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(128, {|ROPE004:double.NaN|})] partial class A { }
        [Rotary(128, {|ROPE004:@base: 1.0|})] partial class B { }
        [Rotary(128, {|ROPE004:double.PositiveInfinity|})] partial class C { }
        """);

    [Fact]
    public Task ScalingSettings() => AnalyzerRunner.VerifyAsync(Usings + """
        [{|ROPE005:Rotary(128, 10000, RopeScaling.Linear)|}] partial class MissingFactor { }
        [Rotary(128, 10000, RopeScaling.Linear, {|ROPE005:Factor = 0.5|})] partial class SmallFactor { }
        [{|ROPE005:Rotary(128, 10000, RopeScaling.Yarn, Factor = 4)|}] partial class MissingOriginal { }
        [Rotary(128, 500000, RopeScaling.Llama3, Factor = 8, OriginalMaxPositions = 8192, LowFreqFactor = 4, {|ROPE005:HighFreqFactor = 2|})] partial class Llama3Bounds { }
        [Rotary(128, 1e6, RopeScaling.Yarn, Factor = 4, OriginalMaxPositions = 32768, {|ROPE005:BetaFast = 1|})] partial class YarnBetas { }
        [Rotary(4, 10000, RopeScaling.LongRope, OriginalMaxPositions = 4096, Factor = 32, {|ROPE005:ShortFactors = new[] { 1.0 }|}, {|ROPE005:LongFactors = new[] { 1.0, -2.0 }|})] partial class LongRopeArrays { }
        [Rotary(128, 10000, {|ROPE005:(RopeScaling)42|})] partial class UndefinedKind { }
        """);

    [Fact]
    public Task LongRopeNeedsALengthAboveTheOriginalContext() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(4, 10000, RopeScaling.LongRope, {|ROPE005:OriginalMaxPositions = int.MaxValue|}, Factor = 2, ShortFactors = new[] { 1.0, 2.0 }, LongFactors = new[] { 1.0, 2.0 })]
        partial class A { }
        """);

    [Fact]
    public Task HeadDimAboveTheGeneratorsLimit() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary({|ROPE011:4096|})] partial class HiddenSizeByMistake { }
        [Rotary({|ROPE011:headDim: 1026|})] partial class JustAbove { }
        [Rotary({|ROPE002:int.MaxValue|})] partial class OddIsReportedOnce { }
        """);

    [Fact]
    public Task UndefinedLayout() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(128, {|ROPE010:Layout = (RotaryLayout)9|})] partial class A { }
        """);

    [Fact]
    public Task SettingsWithoutEffect() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(128, {|ROPE008:Factor = 4|}, {|ROPE008:BetaFast = 16|})] partial class A { }
        [Rotary(128, 10000, RopeScaling.Linear, Factor = 2, {|ROPE008:LowFreqFactor = 2|})] partial class B { }
        """);

    [Fact]
    public Task HeadDimAgainstTheClassConstants() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary({|ROPE006:64|})] partial class ExplicitConstant { public const int HeadSize = 80; }
        [Rotary({|ROPE006:192|})] partial class FromHiddenSize { const int HiddenSize = 3072; const int NumHeads = 32; }
        [Rotary(256)] partial class GemmaExplicitWins { const int HeadDim = 256; const int HiddenSize = 3072; const int NumHeads = 16; }
        """);

    [Fact]
    public Task AttributeSpelledThroughAnAliasOrQualifiedName() => AnalyzerRunner.VerifyAsync("""
        using R = RopeGen.RotaryAttribute;
        using QAttribute = global::RopeGen.RotaryAttribute;
        [R({|ROPE002:127|})] partial class A { }
        [Q({|ROPE002:127|})] partial class B { }
        [RopeGen.Rotary({|ROPE002:127|})] partial class C { }
        [global::RopeGen.RotaryAttribute({|ROPE002:127|})] partial class D { }
        namespace Inner
        {
            using Rope = RopeGen.RotaryAttribute;
            [System.Serializable, Rope({|ROPE002:127|})] partial class E { }
        }
        """);

    [Fact]
    public Task OtherAttributesAreNotMistakenForRotary() => AnalyzerRunner.VerifyAsync("""
        using System;
        [AttributeUsage(AttributeTargets.Class)] sealed class RotaryAttribute : Attribute { public RotaryAttribute(int headDim) { } }
        [Rotary(127)] class NotRopeGens { }
        """);

    [Fact]
    public Task MoreMessagesNameTheValueFoundAndTheValueExpected() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary(128, {|#0:0.5|})] partial class A { }
        [Rotary(128, 10000, RopeScaling.Linear, {|#1:Factor = 0.5|})] partial class B { }
        [Rotary(128, {|#2:Factor = 4|})] partial class C { }
        partial class Outer<T> { [Rotary(128)] partial class {|#3:D|} { } }
        """,
        Diagnostic(DiagnosticDescriptors.Base).WithLocation(0)
            .WithMessage("Base is 0.5; expected a finite number greater than 1 (rope_theta, usually 10000 to 1000000)."),
        Diagnostic(DiagnosticDescriptors.Scaling).WithLocation(1).WithMessage("Factor is 0.5; expected a finite number of at least 1."),
        Diagnostic(DiagnosticDescriptors.NoEffect).WithLocation(2).WithMessage(
            "Factor is 4, which has no effect with RopeScaling.None; expected the default (0): remove it, or choose a scaling kind that uses it."),
        Diagnostic(DiagnosticDescriptors.Generic).WithLocation(3).WithMessage(
            "'D' has [Rotary] but its containing type 'Outer' is generic; RopeGen generates static kernels with per-class tables, " +
            "so the class and its containing types must not be generic"));

    [Fact]
    public Task HeadDimLimitMessageNamesTheLimitAndTheWayOut() => AnalyzerRunner.VerifyAsync(Usings + "[Rotary({|#0:4096|})] partial class A { }",
        Diagnostic(DiagnosticDescriptors.HeadDimTooLarge).WithLocation(0).WithMessage(
            "HeadDim is 4096; RopeGen generates unrolled kernels for head dims up to 1024; for a larger head, use the runtime's RotaryKernel"));

    [Fact]
    public Task MessagesNameTheValueFoundAndTheValueExpected() => AnalyzerRunner.VerifyAsync(Usings + """
        [Rotary({|#0:127|})] partial class A { }
        [Rotary(128, {|#1:RotaryDim = 33|})] partial class B { }
        [Rotary({|#2:64|})] partial class C { public const int HeadSize = 80; }
        [Rotary(128)] class {|#3:D|} { }
        """,
        Diagnostic(DiagnosticDescriptors.HeadDim).WithLocation(0)
            .WithMessage("HeadDim is 127; expected a positive even number of dimensions (such as 64, 80, 96 or 128)."),
        Diagnostic(DiagnosticDescriptors.RotaryDim).WithLocation(1)
            .WithMessage("RotaryDim is 33; expected 0 (the whole head) or an even number from 2 to HeadDim (128)."),
        Diagnostic(DiagnosticDescriptors.HeadDimMismatch).WithLocation(2)
            .WithMessage("[Rotary] head dim is 64, but HeadSize is 80; the kernels would rotate the wrong number of dimensions"),
        Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(3).WithMessage(
            "'D' has [Rotary] but it is not partial; RopeGen adds the kernels to it, so it and every containing type must be declared 'partial'"));
}
