using System.Threading.Tasks;
using RopeGen.Generator.Diagnostics;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Analyzers;

public class KernelCallAnalyzerTests
{
    private const string Model = """
        using System;
        using RopeGen;
        [Rotary(64)] partial class Attention { }
        """;

    [Fact]
    public Task LengthThatIsNotAMultipleOfTheHeadDim() => AnalyzerRunner.VerifyAsync(Model + """
        static class Use
        {
            static void Run(int[] positions, int heads)
            {
                Attention.ApplyRotary({|ROPE007:new float[100]|}, positions, heads);
                Attention.ShiftRotary({|ROPE007:stackalloc float[96]|}, 1, 3);
            }
        }
        """);

    [Fact]
    public Task LengthThatDisagreesWithConstantPositionsAndHeads() => AnalyzerRunner.VerifyAsync(Model + """
        static class Use
        {
            static void Run()
            {
                Attention.ApplyRotary({|ROPE007:new float[256]|}, new[] { 0, 1, 2 }, 1);
                Attention.ApplyRotary(new float[4 * 64], new int[2], 2);
                Attention.ApplyRotary(new float[2 * 4 * 64], 4, {|ROPE007:new float[3 * 64]|}, 2, new[] { 5, 6 });
                Attention.ShiftRotary({|ROPE007:new float[192]|}, 2, 1);
            }
        }
        """);

    [Fact]
    public Task CallsWithHeadViewsAreNotReportedButTheFusedCallWithALengthIs() => AnalyzerRunner.VerifyAsync(Model + """
        static class Use
        {
            static void Run(int[] positions)
            {
                // A packed row may hold more than q and k, and a view may start anywhere: no length is wrong on its face.
                Attention.ApplyRotary(new float[100], positions, HeadView.Packed(1, 4, 100));
                Attention.ApplyRotary(new float[100], HeadView.Packed(1, 0, 100), new float[100], HeadView.Packed(1, 36, 100), new[] { 0 });
                Attention.ApplyRotary(new float[2 * 64], 2, {|ROPE007:new float[100]|}, 1, new[] { 0 }, 10);
            }
        }
        """);

    [Fact]
    public Task LengthsKnownOnlyAtRunTimeAreNotReported() => AnalyzerRunner.VerifyAsync(Model + """
        static class Use
        {
            static void Run(float[] x, int[] positions, int n) => Attention.ApplyRotary(new float[n], positions, 2);
        }
        """);

    [Fact]
    public Task SpansOverBuffersOfConstantLength() => AnalyzerRunner.VerifyAsync(Model + """
        static class Use
        {
            static void Run(float[] any, int[] positions)
            {
                Attention.ApplyRotary({|ROPE007:new float[100].AsSpan()|}, positions, 1);
                Attention.ApplyRotary({|ROPE007:new Span<float>(new float[130])|}, positions, 1);
                Attention.ApplyRotary({|ROPE007:any.AsSpan(0, 100)|}, positions, 1);
                Attention.ApplyRotary({|ROPE007:new float[256].AsSpan(64)|}, new[] { 0, 1 }, 1);
                Attention.ApplyRotary(new float[256].AsSpan(128), new[] { 0, 1 }, 1);
                Attention.ApplyRotary(new float[320].AsSpan().Slice(64, 128), new[] { 0, 1 }, 1);
                Attention.ApplyRotary(any.AsSpan(3), positions, 1);
            }
        }
        """);

    [Fact]
    public Task LocalsKeepTheLengthOfTheirInitializerUnlessAssignedAgain() => AnalyzerRunner.VerifyAsync(Model + """
        static class Use
        {
            static void Run(int[] positions, float[] other)
            {
                Span<float> keys = stackalloc float[96];
                Attention.ShiftRotary({|ROPE007:keys|}, 1, 3);

                float[] filled = new float[100];
                filled[0] = 1;
                Attention.ApplyRotary({|ROPE007:filled|}, positions, 1);

                float[] reassigned = new float[100];
                reassigned = other;
                Attention.ApplyRotary(reassigned, positions, 1);

                float[] passedByRef = new float[100];
                Refill(ref passedByRef);
                Attention.ApplyRotary(passedByRef, positions, 1);

                float[] deconstructed = new float[100];
                (deconstructed, other) = (other, deconstructed);
                Attention.ApplyRotary(deconstructed, positions, 1);

                ReadOnlySpan<int> three = stackalloc int[] { 0, 1, 2 };
                Attention.ApplyRotary({|ROPE007:stackalloc float[2 * 64]|}, three, 1);
            }

            static void Refill(ref float[] buffer) => buffer = new float[64];
        }
        """);

    [Fact]
    public Task CollectionExpressionsCountTheirElements() => AnalyzerRunner.VerifyAsync(Model + """
        static class Use
        {
            static void Run(int[] more)
            {
                Attention.ApplyRotary({|ROPE007:new float[3 * 64]|}, [0, 1], 1);
                Attention.ApplyRotary(new float[2 * 64], [0, 1], 1);
                Attention.ApplyRotary(new float[3 * 64], [0, .. more], 1);
            }
        }
        """);

    [Fact]
    public Task CallsFromInsideTheClassAreChecked() => AnalyzerRunner.VerifyAsync("""
        using RopeGen;
        [Rotary(64)] partial class Attention
        {
            static void Run() => ApplyRotary({|ROPE007:new float[100]|}, new[] { 0 }, 1);
        }
        """);

    [Fact]
    public Task MethodsOfTheSameNameOnOtherTypesAreNotChecked() => AnalyzerRunner.VerifyAsync(Model + """
        static class Other
        {
            public static void ApplyRotary(Span<float> x, ReadOnlySpan<int> positions, int numHeads) { }
            static void Run() => ApplyRotary(new float[100], new[] { 0 }, 1);
        }
        """);

    [Fact]
    public Task MessageNamesTheLengthFoundAndTheLengthExpected() => AnalyzerRunner.VerifyAsync(Model + """
        static class Use
        {
            static void Run() => Attention.ApplyRotary({|#0:new float[256]|}, new[] { 0, 1, 2 }, 1);
        }
        """,
        AnalyzerRunner.Diagnostic(DiagnosticDescriptors.BufferLength).WithLocation(0)
            .WithMessage("'x' has 256 elements, which cannot be [3, 1, 64]; expected 192 = 3 tokens × 1 heads × 64"));
}
