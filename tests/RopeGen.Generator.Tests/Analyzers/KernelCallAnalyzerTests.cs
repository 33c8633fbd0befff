using System.Threading.Tasks;
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
                Span<float> keys = stackalloc float[96];
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
    public Task LengthsKnownOnlyAtRunTimeAreNotReported() => AnalyzerRunner.VerifyAsync(Model + """
        static class Use
        {
            static void Run(float[] x, int[] positions, int n) => Attention.ApplyRotary(new float[n], positions, 2);
        }
        """);
}
