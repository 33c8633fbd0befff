using System;
using System.Linq;

namespace RopeGen.Kernels.Tests;

/// <summary>Every generated overload against the double-precision reference rotation.</summary>
public class ApplyRotaryTests
{
    // Issue 3's accuracy bound: |x| <= 3, every position up to 1,000,000.
    private const double Tolerance = 2e-6;

    [Theory]
    [MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void ApplyMatchesReferenceAtEveryPosition(KernelCase kernel)
    {
        const int heads = 3;
        int[] positions = TestData.Positions;
        float[] x = TestData.Random(positions.Length * heads * kernel.Config.HeadDim, seed: 1);
        double[] expected = TestData.Reference(kernel.Config, x, positions, heads);

        kernel.Apply(x, positions, heads);

        Assert.InRange(TestData.MaxError(x, expected), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void ApplyWithSequenceLengthMatchesReference(KernelCase kernel)
    {
        // Short sequences (within every original context) and a long one (past it) for the dynamic kinds.
        foreach (int sequenceLength in new[] { 100, 4096, 4097, 20000, 200000 })
        {
            int[] positions = { 0, 5, 99, sequenceLength - 1 };
            float[] x = TestData.Random(positions.Length * 2 * kernel.Config.HeadDim, seed: sequenceLength);
            double[] expected = TestData.Reference(kernel.Config, x, positions, 2, sequenceLength);

            kernel.ApplyWithLength(x, positions, 2, sequenceLength);

            Assert.True(TestData.MaxError(x, expected) <= Tolerance, $"sequence length {sequenceLength}");
        }
    }

    [Theory]
    [MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void FusedQueryKeyEqualsSeparateCalls(KernelCase kernel)
    {
        // Grouped-query attention: 8 query heads share 2 key/value heads.
        int[] positions = { 3, 4096, 70000, 12 };
        int d = kernel.Config.HeadDim;
        float[] q = TestData.Random(positions.Length * 8 * d, seed: 2), k = TestData.Random(positions.Length * 2 * d, seed: 3);
        double[] expectedQ = TestData.Reference(kernel.Config, q, positions, 8);
        double[] expectedK = TestData.Reference(kernel.Config, k, positions, 2);

        kernel.ApplyFused(q, 8, k, 2, positions);

        Assert.InRange(TestData.MaxError(q, expectedQ), 0, Tolerance);
        Assert.InRange(TestData.MaxError(k, expectedK), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void PackedBatchesUseEachTokensOwnPosition(KernelCase kernel)
    {
        // Two packed sequences (positions restart) and a decode step at a KV-cache offset.
        int[] positions = { 0, 1, 2, 0, 1, 517 };
        float[] x = TestData.Random(positions.Length * kernel.Config.HeadDim, seed: 4);
        double[] expected = TestData.Reference(kernel.Config, x, positions, 1);

        kernel.Apply(x, positions, 1);

        Assert.InRange(TestData.MaxError(x, expected), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(KernelCase.Cases), MemberType = typeof(KernelCase))]
    public void DimsPastTheRotaryDimAndNeighbouringMemoryAreUntouched(KernelCase kernel)
    {
        int d = kernel.Config.HeadDim, rotary = kernel.Config.EffectiveRotaryDim, heads = 2;
        int[] positions = { 9, 100_000 };
        float[] buffer = TestData.Random(positions.Length * heads * d + 64, seed: 5);
        float[] before = buffer.ToArray();

        kernel.Apply(buffer.AsSpan(32, positions.Length * heads * d), positions, heads);

        TestData.AssertOnlyRotatedDimsChanged(before, buffer, 32, d, rotary);
    }

    [Fact]
    public void ConcurrentCallsGrowingTheTableAgreeWithTheReference()
    {
        RotaryConfig config = Gemma7B.RopeGenRotary.Config;
        var errors = new double[8];
        System.Threading.Tasks.Parallel.For(0, errors.Length, i =>
        {
            int[] positions = Enumerable.Range(0, 40).Select(t => t * 1500 + i * 97).ToArray();
            float[] x = TestData.Random(positions.Length * config.HeadDim, seed: 10 + i);
            double[] expected = TestData.Reference(config, x, positions, 1);
            Gemma7B.ApplyRotary(x, positions, 1);
            errors[i] = TestData.MaxError(x, expected);
        });
        Assert.All(errors, e => Assert.InRange(e, 0, Tolerance));
    }
}
