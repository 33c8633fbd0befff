using System;
using System.Linq;
using static RopeGen.Testing.MultimodalIds;

namespace RopeGen.Tests;

/// <summary>
/// RotaryKernel.ApplyMultimodal against the double reference, text tokens against Apply bit for bit, and its refusals.
/// The class name contains "RotaryKernelTests" so that .ci/run repeats it on the 256-bit, 128-bit and scalar paths.
/// </summary>
public class MultimodalRotaryKernelTests
{
    private const double Tolerance = 2e-6;

    internal static readonly RotaryConfig[] Configs =
    {
        new(128, 1e6) { MRopeSections = new[] { 16, 24, 24 } }, // Qwen2-VL
        new(128, 5e6) { MRopeSections = new[] { 24, 20, 20 }, MRopeInterleaved = true }, // Qwen3-VL
        new(256, 1e7) { RotaryDim = 64, MRopeSections = new[] { 11, 11, 10 }, MRopeInterleaved = true }, // Qwen3.5
        new(128) { RotaryDim = 64, Layout = RotaryLayout.Interleaved, MRopeSections = new[] { 8, 12, 12 } }, // GLM-4.1V-shaped
        new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, MRopeSections = new[] { 16, 24, 24 } },
        new(500, 500000, RopeScaling.Llama3) { Factor = 8, OriginalMaxPositions = 8192, MRopeSections = new[] { 50, 100, 100 }, Layout = RotaryLayout.Interleaved },
        new(80) { RotaryDim = 26, MRopeSections = new[] { 5, 4, 4 }, MRopeInterleaved = true }, // scalar tails
        new(2048) { MRopeSections = new[] { 300, 362, 362 } }, // rows too wide for stack scratch
    };

    public static TheoryData<int> Indexes() => new(Enumerable.Range(0, Configs.Length));

    private static readonly int[] Mixed = Ids(
        (0, 0, 0), (7, 3, 9), (100, 0, 50), (1023, 1024, 1025), (4096, 70000, 2), (65536, 65536, 65536), (999_999, 1_000_000, 65536));

    /// <summary>A kernel whose table caches 4096 positions (not 65,536 rows of up to 8 KiB): ids past it take computed rows.</summary>
    internal static RotaryKernel Kernel(RotaryConfig c)
    {
        var kernel = new RotaryKernel(c);
        kernel.Table.MaxCachedPositions = 4096;
        return kernel;
    }

    private static float[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
    }

    private static void AssertClose(RotaryConfig c, float[] input, int[] positions, int heads, float[] actual)
    {
        double[] expected = input.Select(v => (double)v).ToArray();
        RopeReference.ApplyMultimodal(c, expected, positions, heads);
        Assert.InRange(actual.Zip(expected, (a, e) => Math.Abs(a - e)).Max(), 0, Tolerance);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void EveryOverloadMatchesTheReference(int index)
    {
        RotaryConfig c = Configs[index];
        RotaryKernel kernel = Kernel(c);
        int tokens = Mixed.Length / 3, d = c.HeadDim;
        float[] x = Random(tokens * 3 * d, index), q = Random(tokens * 4 * d, 100 + index), k = Random(tokens * 2 * d, 200 + index);
        float[] x1 = x.ToArray(), x2 = x.ToArray(), q1 = q.ToArray(), k1 = k.ToArray(), q2 = q.ToArray(), k2 = k.ToArray();

        kernel.ApplyMultimodal(x1, Mixed, 3);
        kernel.ApplyMultimodal(x2, Mixed, 3, 1_000_001);
        kernel.ApplyMultimodal(q1, 4, k1, 2, Mixed);
        kernel.ApplyMultimodal(q2, 4, k2, 2, Mixed, 5_000_000);

        AssertClose(c, x, Mixed, 3, x1);
        Assert.Equal(x1, x2);
        AssertClose(c, q, Mixed, 4, q1);
        AssertClose(c, k, Mixed, 2, k1);
        Assert.Equal(q1, q2);
        Assert.Equal(k1, k2);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void PrefillLargerThanTheCacheMatchesTheReference(int index)
    {
        // 16 text tokens, a 2 × 12 × 20 grid, 16 text tokens: 512 tokens × 4 heads, over 1 MiB for head dims ≥ 128.
        RotaryConfig c = Configs[index];
        int[] positions = MultimodalPositions.TextAndImage(16, 2, 12, 20, 16);
        float[] x = Random(512 * 4 * c.HeadDim, index), y = x.ToArray();
        Kernel(c).ApplyMultimodal(y, positions, 4);
        AssertClose(c, x, positions, 4, y);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void TextTokensAreApplyBitForBit(int index)
    {
        RotaryConfig c = Configs[index];
        RotaryKernel kernel = Kernel(c);
        int[] plain = { 0, 3, 1024, 65535, 65536, 999_999 };
        float[] x = Random(plain.Length * 3 * c.HeadDim, index), expected = x.ToArray();
        kernel.Apply(expected, plain, 3);
        kernel.ApplyMultimodal(x, plain.Concat(plain).Concat(plain).ToArray(), 3);
        Assert.Equal(expected, x);
    }

    [Fact]
    public void PlainConfigurationsRefuseMultimodalCalls()
    {
        var kernel = new RotaryKernel(new RotaryConfig(128));
        float[] x = Random(128, 1), before = x.ToArray();
        var error = Assert.Throws<InvalidOperationException>(() => kernel.ApplyMultimodal(x, new[] { 0, 0, 0 }, 1));
        Assert.Contains("no MRopeSections", error.Message);
        Assert.Throws<InvalidOperationException>(() => kernel.ApplyMultimodal(x, 1, x, 1, new[] { 0, 0, 0 }, 1));
        Assert.Equal(before, x);
    }

    [Fact]
    public void BadInputIsRejectedBeforeAnythingIsWritten()
    {
        var kernel = new RotaryKernel(Configs[0]);
        float[] x = Random(2 * 128, 2), before = x.ToArray();
        Assert.Contains("positions has 5 elements", Assert.Throws<ArgumentException>(() => kernel.ApplyMultimodal(x, new int[5], 1)).Message);
        Assert.Contains("x has 256 elements", Assert.Throws<ArgumentException>(() => kernel.ApplyMultimodal(x, new int[3], 1)).Message);
        Assert.Contains("positions[5] is -1", Assert.Throws<ArgumentException>(() => kernel.ApplyMultimodal(x, Ids((0, 0, 0), (1, 1, -1)), 1)).Message);
        Assert.Contains("sequenceLength is 40", Assert.Throws<ArgumentException>(() => kernel.ApplyMultimodal(x, Ids((0, 0, 0), (1, 40, 1)), 1, 40)).Message);
        Assert.Contains("k has 128 elements", Assert.Throws<ArgumentException>(() => kernel.ApplyMultimodal(x, 2, new float[128], 2, Ids((0, 0, 0)))).Message);
        Assert.Contains("q and k overlap", Assert.Throws<ArgumentException>(() => kernel.ApplyMultimodal(x.AsSpan(0, 128), 1, x.AsSpan(0, 128), 1, Ids((0, 0, 0)))).Message);
        Assert.Equal(before, x);
    }

    [Fact]
    public void RowsAreRefusedForATableOfAnotherFormatOrTooLittleScratch()
    {
        var rows = new MultimodalRows(Configs[0]);
        var narrow = new RotaryTable(new double[32], 1.0, RotaryLayout.HalfSplit);
        var wide = new RotaryTable(new double[64], 1.0, RotaryLayout.HalfSplit);
        Assert.Equal(128, rows.Stride);
        Assert.Contains("rows of 64 floats; expected 128", Assert.Throws<ArgumentException>(() => rows.Begin(narrow, 0, new float[512])).Message);
        Assert.Contains("scratch has 511 floats; expected at least 512", Assert.Throws<ArgumentException>(() => rows.Begin(wide, 0, new float[511])).Message);
    }
}
