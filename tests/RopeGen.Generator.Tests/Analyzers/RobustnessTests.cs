using System.Linq;
using System.Threading.Tasks;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Analyzers;

/// <summary>
/// On any input the generator and the analyzers run to the end (no CS8785, no AD0001), and the generator emits code
/// exactly when nobody reports an error: every declaration it skips is explained by the compiler or an analyzer. An
/// input may span several files, separated by <see cref="NextFile"/>.
/// </summary>
public class RobustnessTests
{
    private const string NextFile = "//--- next file ---";

    public static TheoryData<string> Faulty() => new()
    {
        // Missing and malformed arguments: the compiler reports them.
        "[Rotary] partial class C { }",
        "[Rotary()] partial class C { }",
        "[Rotary(\"x\")] partial class C { }",
        "[Rotary(null)] partial class C { }",
        "[Rotary(1e308)] partial class C { }",
        "[Rotary(128, \"base\")] partial class C { }",
        "[Rotary(128, 10000, null)] partial class C { }",
        "[Rotary(128, 10000, 7)] partial class C { }",
        "[Rotary(128, 10000, RopeScaling.None, 5)] partial class C { }",
        "[Rotary(128, RotaryDim = 1.5)] partial class C { }",
        "[Rotary(128, Factor = \"x\")] partial class C { }",
        "[Rotary(128, ShortFactors = new[] { \"a\" })] partial class C { }",
        "[Rotary(128, RotaryDim = Missing)] partial class C { }",
        "[Rotary(headDim: 128, headDim: 64)] partial class C { }",
        // Out-of-range values: the analyzers report them.
        "[Rotary(128, 10000, (RopeScaling)42)] partial class C { }",
        "[Rotary(128, double.NaN)] partial class C { }",
        "[Rotary(128, double.PositiveInfinity)] partial class C { }",
        "[Rotary(128, -1e308)] partial class C { }",
        "[Rotary(int.MaxValue)] partial class C { }",
        "[Rotary(int.MaxValue - 1)] partial class C { }",
        "[Rotary(1 << 20)] partial class C { }",
        "[Rotary(int.MinValue, RotaryDim = int.MaxValue)] partial class C { }",
        "[Rotary(128, 10000, RopeScaling.Linear, Factor = double.NaN)] partial class C { }",
        "[Rotary(128, 10000, RopeScaling.Yarn, Factor = 4, OriginalMaxPositions = -1)] partial class C { }",
        "[Rotary(128, 10000, RopeScaling.DynamicNtk, Factor = 2, OriginalMaxPositions = 2048, RotaryDim = 2)] partial class C { }",
        "[Rotary(4, 10000, RopeScaling.LongRope, OriginalMaxPositions = 1, Factor = 2, ShortFactors = null, LongFactors = new double[0])] partial class C { }",
        "[Rotary(4, 10000, RopeScaling.LongRope, OriginalMaxPositions = int.MaxValue, Factor = 2, ShortFactors = new[] { 1.0, 2.0 }, LongFactors = new[] { 1.0, 2.0 })] partial class C { }",
        "[Rotary(128, Layout = (RotaryLayout)9)] partial class C { }",
        // Declarations the generator cannot extend.
        "[Rotary(128)] class C { }",
        "class O { [Rotary(128)] partial class C { } }",
        "[Rotary(128)] partial class C<T> { }",
        "partial class O<T> { [Rotary(128)] partial class C { } }",
        "[Rotary(128)] partial class C { } [Rotary(64)] partial class C { }",
        "[Rotary(128), Rotary(64)] partial class C { }",
        "[Rotary(128)] partial struct S { }",
        "[Rotary(128)] partial record struct S { }",
        "[Rotary(128)] partial interface I { }",
        "[Rotary(128)] partial class",
        // Issue 15: legal C# the generator cannot extend, and settings whose derived values are unusable.
        "[Rotary(64)] file partial class F { }",
        "file partial class O { [Rotary(64)] partial class C { } }",
        "[Rotary(64)] partial class C { } " + NextFile + " [Rotary(128)] partial class C { }",
        "[Rotary(64)] partial class C { public static void ApplyRotary(System.Span<float> a, System.ReadOnlySpan<int> b, int c) { } }",
        "[Rotary(64)] partial class C { int ShiftRotary; }",
        "[Rotary(64)] partial class C { class RopeGenRotary { } }",
        "[Rotary(64)] partial class ApplyRotary { }",
        "[Rotary(1 << 30)] partial class C { }",
        "[Rotary(4, 10000, RopeScaling.LongRope, OriginalMaxPositions = 1, Factor = 2, ShortFactors = new[] { 1.0, 1.0 }, LongFactors = new[] { 1.0, 1.0 })] partial class C { }",
        "[Rotary(64, 10000, RopeScaling.Yarn, Factor = 4, OriginalMaxPositions = 4096, AttentionFactor = 1e300)] partial class C { }",
        "[Rotary(64, 10000, RopeScaling.Yarn, Factor = 1e308, OriginalMaxPositions = 4096, YarnMScale = 1e308, YarnMScaleAllDim = 1e308)] partial class C { }",
        "[Rotary(64, 10000, RopeScaling.Yarn, Factor = 4, OriginalMaxPositions = 4096, YarnMScale = 1e-300, YarnMScaleAllDim = 1e300)] partial class C { }",
        "[Rotary(4, 10000, RopeScaling.LongRope, OriginalMaxPositions = 4096, Factor = 2, ShortFactors = new[] { double.Epsilon, 1.0 }, LongFactors = new[] { 1.0, 1.0 })] partial class C { }",
        "[Rotary(64, 10000, RopeScaling.DynamicNtk, Factor = 1e16, OriginalMaxPositions = 4096)] partial class C { }",
        "[Rotary(8, 10000, RopeScaling.DynamicNtk, Factor = 1e308, OriginalMaxPositions = 1)] partial class C { }", // α = s − (s − 1) = 0: θ = ∞
        "[Rotary(4, 10000, RopeScaling.LongRope, OriginalMaxPositions = int.MaxValue - 1, MaxPositions = int.MaxValue, ShortFactors = new[] { 1.0, 2.0 }, LongFactors = new[] { 1e308, 1e-308 })] partial class C { }", // θ_1 = 1e306: p·θ overflows
    };

    public static TheoryData<string> ValidExtremes() => new()
    {
        "[Rotary(128, double.MaxValue, RopeScaling.Yarn, Factor = double.MaxValue, OriginalMaxPositions = int.MaxValue)] partial class C { }",
        "[Rotary(128, 1e300, RopeScaling.Llama3, Factor = 1e300, OriginalMaxPositions = 1)] partial class C { }",
        "[Rotary(2, 1.0000001, RopeScaling.Linear, Factor = 1)] partial class C { }",
        "[Rotary(8, 1e308, RopeScaling.Yarn, Factor = 1e308, OriginalMaxPositions = int.MaxValue, BetaFast = 1e308, BetaSlow = 1e-308)] partial class C { }",
        "[Rotary(8, 1.0000000001, RopeScaling.Yarn, Factor = 1, OriginalMaxPositions = 1, YarnMScale = 1e308, YarnMScaleAllDim = 1e-308)] partial class C { }",
        "[Rotary(8, 10000, RopeScaling.DynamicNtk, Factor = 1e6, OriginalMaxPositions = 1)] partial class C { }",
        "[Rotary(8, 10000, RopeScaling.NtkAware, Factor = 1e308)] partial class C { }",
        "[Rotary(8, 10000, RopeScaling.Llama3, Factor = 1e308, OriginalMaxPositions = int.MaxValue, LowFreqFactor = 1e-308, HighFreqFactor = 1e308)] partial class C { }",
        "[Rotary(4, 10000, RopeScaling.LongRope, OriginalMaxPositions = int.MaxValue - 1, MaxPositions = int.MaxValue, ShortFactors = new[] { 1.0, 2.0 }, LongFactors = new[] { 1e308, 1e-40 })] partial class C { }",
        "[Rotary(64, 10000, RopeScaling.Yarn, Factor = 4, OriginalMaxPositions = 4096, AttentionFactor = 1e6)] partial class C { }",
        "[Rotary(64, 10000, RopeScaling.Yarn, Factor = 4, OriginalMaxPositions = 4096, AttentionFactor = 1e-6)] partial class C { }",
        "[Rotary(1024)] partial class C { }",
        "[Rotary(128, ShortFactors = new[] { double.NaN })] partial class C { }", // ROPE008 is a warning: kernels still generated
        "[Rotary(128)] static partial class C { }",
        "[Rotary(128)] abstract partial class C { }",
        "[Rotary(128)] partial record R { }",
        "[Rotary(128)] partial record class R(int Layer) { }",
        "namespace N { static partial class O { [Rotary(128)] internal partial class C { } } }",
        "[Rotary(128)] sealed partial class C { }",
        "[Rotary(128)] public sealed partial record R { }",
        "[Rotary(128)] partial class @class { }",
        "partial class @struct { [Rotary(64)] partial class C { } }",
        "class var { } [Rotary(64, Layout = RotaryLayout.Interleaved, RotaryDim = 26)] partial class C { }",
        "[Rotary(64)] static partial class C { public static void ApplyRotary(float[] x) { } static partial class RopeGenRotary { } }",
        "[Rotary(64)] partial class C { } " + NextFile + " partial class C { }",
    };

    /// <summary>Legal declarations of several [Rotary] classes at once, with the number of files they generate.</summary>
    public static TheoryData<string, int> Unusual() => new()
    {
        { "[Rotary(64)] partial class Attn_ { } [Rotary(64)] partial class Attnⅰ { }", 2 },
        { "[Rotary(64)] partial class _class { } [Rotary(64)] partial class @class { }", 2 },
        { "[Rotary(64)] partial class Attn { } " + NextFile + " [Rotary(64)] partial class attn { } " + NextFile + " [Rotary(64)] partial class ATTN { }", 3 },
        { "partial class O_ { [Rotary(64)] partial class C { } } partial class Oⅰ { [Rotary(64)] partial class C { } } namespace Oⅱ { [Rotary(64)] partial class C { } }", 3 },
        { "[Rotary(64)] partial class B { } [Rotary(128)] partial class C : B { } [Rotary(32)] sealed partial class D : C { }", 3 },
    };

    [Theory]
    [MemberData(nameof(Faulty))]
    public async Task FaultyInputGeneratesNothingAndIsReported(string declaration)
    {
        var run = await RunAsync(declaration);
        Assert.Empty(run.Generated);
        Assert.True(run.Errors.Count > 0, "The generator skipped the class, but no error tells the user why.");
    }

    [Theory]
    [MemberData(nameof(ValidExtremes))]
    public async Task ExtremeButValidInputGeneratesCodeThatCompilesWarningFree(string declaration)
    {
        var run = await RunAsync(declaration);
        Assert.Single(run.Generated);
        Assert.True(run.Errors.Count == 0 && run.CompilerWarnings.Count == 0,
            TestCompilation.Describe(run.Errors.Concat(run.CompilerWarnings)));
    }

    [Theory]
    [MemberData(nameof(Unusual))]
    public async Task UnusualButLegalClassesEachGetTheirOwnFileThatCompilesWarningFree(string declarations, int files)
    {
        var run = await RunAsync(declarations);
        Assert.Equal(files, run.Generated.Length);
        Assert.True(run.Errors.Count == 0 && run.CompilerWarnings.Count == 0,
            TestCompilation.Describe(run.Errors.Concat(run.CompilerWarnings)));
    }

    [Fact]
    public async Task AnUnknownSettingNameIsACompilerErrorButTheKernelsStayForTheCallSites()
    {
        // The compiler drops an argument it cannot bind from the attribute data, so the generator sees a valid
        // [Rotary(128)]; keeping its kernels spares every call site a second error.
        var run = await RunAsync("[Rotary(128, Unknown = 1)] partial class C { static void M() => ApplyRotary(new float[128], new[] { 0 }, 1); }");
        Assert.Single(run.Generated);
        Assert.Equal("CS0246", Assert.Single(run.Errors).Id); // no property or field named Unknown
    }

    private static Task<AnalyzedRun> RunAsync(string declaration) =>
        AnalyzedRun.RunAsync(declaration.Split(NextFile).Select(file => "using RopeGen;\n" + file));
}
