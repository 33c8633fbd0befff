using System;
using System.Linq;
using System.Threading.Tasks;

namespace RopeGen.Tests;

/// <summary>
/// The runtime-configured kernel against the double-precision reference: every kind, both layouts, partial rotary,
/// head dims 64 to 256, positions up to 1,000,000, |x| ≤ 3, max abs error ≤ 2e-6. .ci/run repeats these tests on the
/// 256-bit, 128-bit and scalar paths.
/// </summary>
public partial class RotaryKernelTests
{
    private const double Tolerance = 2e-6;

    internal static readonly RotaryConfig[] Configs =
    {
        new(64),
        new(64) { Layout = RotaryLayout.Interleaved },
        new(64) { RotaryDim = 26 }, // 13 pairs: 8 + 4 + a scalar pair half-split
        new(64) { RotaryDim = 26, Layout = RotaryLayout.Interleaved }, // 26 floats: 16 + 8 + a scalar pair
        new(80) { RotaryDim = 32 }, // Phi-2
        new(80) { RotaryDim = 2, Layout = RotaryLayout.Interleaved }, // one pair, scalar only
        new(80, 10000, RopeScaling.Linear) { Factor = 4, Layout = RotaryLayout.Interleaved },
        new(80, 10000, RopeScaling.Linear) { Factor = 4 }, // 40 pairs: 32 + 8
        new(96) { RotaryDim = 24 }, // GPT-NeoX-20B
        new(96, 10000, RopeScaling.NtkAware) { Factor = 4, Layout = RotaryLayout.Interleaved },
        new(96, 10000, RopeScaling.NtkAware) { Factor = 4, RotaryDim = 64 },
        Expected.Phi3Mini128k(),
        Expected.Phi3Mini128k(RotaryLayout.Interleaved),
        Expected.Llama31(),
        Expected.Llama31(RotaryLayout.Interleaved), // Meta's checkpoints
        new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768 },
        new(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768, YarnTruncate = false, RotaryDim = 96, Layout = RotaryLayout.Interleaved },
        Expected.DeepSeekV2,
        new(128, 10000, RopeScaling.DynamicNtk) { Factor = 4, OriginalMaxPositions = 4096 },
        new(128, 10000, RopeScaling.DynamicNtk) { Factor = 2, OriginalMaxPositions = 2048, RotaryDim = 64, Layout = RotaryLayout.Interleaved },
        new(256) { RotaryDim = 64, Layout = RotaryLayout.Interleaved }, // GPT-J-6B
        new(256), // Gemma-7B
    };

    public static TheoryData<int> Indexes() => new(Enumerable.Range(0, Configs.Length));

    private static readonly int[] Positions = { 0, 1, 1023, 1024, 4095, 4096, 8192, 32768, 65535, 65536, 131071, 999_999, 1_000_000 };

    private static float[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
    }

    private static double[] Reference(RotaryConfig c, float[] input, int[] positions, int heads, int sequenceLength = 0)
    {
        double[] expected = input.Select(v => (double)v).ToArray();
        RopeReference.Apply(c, expected, positions, heads, sequenceLength);
        return expected;
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.InRange(actual.Zip(expected, (a, e) => Math.Abs(a - e)).Max(), 0, Tolerance);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void ApplyMatchesTheReference(int index)
    {
        RotaryConfig c = Configs[index];
        var kernel = new RotaryKernel(c);
        float[] x = Random(Positions.Length * 3 * c.HeadDim, index);
        float[] y = x.ToArray();
        kernel.Apply(y, Positions, 3);
        AssertClose(Reference(c, x, Positions, 3), y);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void ApplyWithASequenceLengthMatchesTheReference(int index)
    {
        // Lengths within and past the original context select the dynamic kinds' tables (stretched base, long factors).
        RotaryConfig c = Configs[index];
        var kernel = new RotaryKernel(c);
        int[] positions = { 0, 7, 99, 2047 };
        foreach (int n in new[] { 2048, 4096, 4097, 50_000 })
        {
            float[] x = Random(positions.Length * 2 * c.HeadDim, n);
            float[] y = x.ToArray();
            kernel.Apply(y, positions, 2, n);
            AssertClose(Reference(c, x, positions, 2, n), y);
        }
    }

    [Theory, MemberData(nameof(Indexes))]
    public void FusedApplyEqualsTwoSeparateCallsAndTheReference(int index)
    {
        RotaryConfig c = Configs[index];
        var kernel = new RotaryKernel(c);
        float[] q = Random(Positions.Length * 4 * c.HeadDim, 5), k = Random(Positions.Length * 2 * c.HeadDim, 6);
        float[] qOut = q.ToArray(), kOut = k.ToArray();
        kernel.Apply(qOut, 4, kOut, 2, Positions);
        AssertClose(Reference(c, q, Positions, 4), qOut);
        AssertClose(Reference(c, k, Positions, 2), kOut);

        float[] qSeparate = q.ToArray(), kSeparate = k.ToArray();
        kernel.Apply(qSeparate, Positions, 4);
        kernel.Apply(kSeparate, Positions, 2);
        Assert.Equal(qSeparate, qOut);
        Assert.Equal(kSeparate, kOut);
    }

    [Theory, MemberData(nameof(Indexes))]
    public void ShiftMatchesTheReferenceOrIsRefusedForTheDynamicKinds(int index)
    {
        RotaryConfig c = Configs[index];
        var kernel = new RotaryKernel(c);
        float[] keys = Random(4 * 2 * c.HeadDim, 9), before = keys.ToArray();
        if (c.IsDynamic)
        {
            Assert.Throws<NotSupportedException>(() => kernel.Shift(keys, 2, 3));
            Assert.Equal(before, keys);
            return;
        }
        foreach (int delta in new[] { -300, 1_000_000 })
        {
            double[] expected = keys.Select(v => (double)v).ToArray();
            RopeReference.Shift(c, expected, 2, delta);
            kernel.Shift(keys, 2, delta);
            AssertClose(expected, keys);
        }
    }

    [Theory]
    [InlineData(13)] // Llama 3.1, half-split
    [InlineData(14)] // Llama 3.1, interleaved
    [InlineData(11)] // Phi-3 LongRoPE
    public void CallsLargerThanTheCacheTakeTheStreamingPathWithTheSameResults(int index)
    {
        // 700 tokens × 4 heads × head dim floats: over 1 MiB, so the kernel goes head by head without 512-bit vectors.
        RotaryConfig c = Configs[index];
        var kernel = new RotaryKernel(c);
        int[] positions = Enumerable.Range(0, 700).Select(t => t * 1429).ToArray();
        float[] x = Random(positions.Length * 4 * c.HeadDim, 12);
        Assert.True(x.Length > 1 << 18);
        float[] y = x.ToArray();
        kernel.Apply(y, positions, 4);
        AssertClose(Reference(c, x, positions, 4), y);

        float[] keys = Random(x.Length, 13);
        if (c.IsDynamic) return;
        double[] expected = keys.Select(v => (double)v).ToArray();
        RopeReference.Shift(c, expected, 4, 77);
        kernel.Shift(keys, 4, 77);
        AssertClose(expected, keys);
    }

    [Fact]
    public void PositionsPastTheTableCapAreComputedOnDemand()
    {
        RotaryConfig c = Expected.Llama31();
        var kernel = new RotaryKernel(c);
        kernel.Table.MaxCachedPositions = 16;
        int[] positions = { 3, 15, 16, 17, 5000, 15 };
        float[] x = Random(positions.Length * 2 * c.HeadDim, 14);
        float[] y = x.ToArray();
        kernel.Apply(y, positions, 2);
        AssertClose(Reference(c, x, positions, 2), y);
        Assert.Equal(16, kernel.Table.CachedPositions);
    }

    [Fact]
    public void LongRopeSwitchesToTheLongTableAtPositionId4096()
    {
        var kernel = new RotaryKernel(Expected.Phi3Mini128k());
        Assert.NotNull(kernel.LongTable);
        Assert.Null(new RotaryKernel(Expected.Llama31()).LongTable);
        foreach (int position in new[] { 4095, 4096 })
        {
            float[] x = Random(96, position);
            float[] y = x.ToArray();
            kernel.Apply(y, new[] { position }, 1);
            AssertClose(Reference(Expected.Phi3Mini128k(), x, new[] { position }, 1), y);
        }
        // A long sequence reads the long table only.
        var fresh = new RotaryKernel(Expected.Phi3Mini128k());
        fresh.Apply(new float[96], new[] { 4096 }, 1);
        Assert.Equal(0, fresh.Table.CachedPositions);
        Assert.True(fresh.LongTable!.CachedPositions > 4096);
    }

    [Fact]
    public void ConcurrentCallsShareTheTablesSafely()
    {
        RotaryConfig c = Expected.Llama31(RotaryLayout.Interleaved);
        var kernel = new RotaryKernel(c);
        Parallel.For(0, 16, i =>
        {
            int[] positions = { i * 4111, i * 4111 + 1, 70_000 - i };
            float[] x = Random(positions.Length * 8 * c.HeadDim, 100 + i);
            float[] y = x.ToArray();
            kernel.Apply(y, positions, 8);
            AssertClose(Reference(c, x, positions, 8), y);
        });
    }

    [Fact]
    public void BadInputIsRejectedBeforeAnythingIsWritten()
    {
        var kernel = new RotaryKernel(new RotaryConfig(64));
        float[] x = Random(128, 1), before = x.ToArray();
        float[] q = Random(64, 2), qBefore = q.ToArray();

        var size = Assert.Throws<ArgumentException>(() => kernel.Apply(x.AsSpan(0, 100), new[] { 0 }, 1));
        Assert.Equal("x", size.ParamName);
        Assert.Contains("x has 100 elements; expected 64 = 1 tokens × 1 heads × 64 head dims", size.Message);
        // x holds two whole tokens: the three positions are what disagrees.
        var tokens = Assert.Throws<ArgumentException>(() => kernel.Apply(x, new[] { 0, 1, 2 }, 1));
        Assert.Equal("positions", tokens.ParamName);
        Assert.Contains("positions cover 3 tokens, but x has 128 elements = 2 tokens × 1 heads × 64 head dims", tokens.Message);
        Assert.Contains("positions[1] is -1", Assert.Throws<ArgumentException>(() => kernel.Apply(x, new[] { 0, -1 }, 1)).Message);
        Assert.Equal("numHeads", Assert.Throws<ArgumentOutOfRangeException>(() => kernel.Apply(x, new[] { 0, 1 }, 0)).ParamName);
        Assert.Contains("sequenceLength is 1, but the positions reach 1; expected at least 2",
            Assert.Throws<ArgumentException>(() => kernel.Apply(x, new[] { 0, 1 }, 1, 1)).Message);
        Assert.Contains("k has 128 elements; expected 64", Assert.Throws<ArgumentException>(() => kernel.Apply(q, 1, x, 1, new[] { 0 })).Message);
        Assert.Contains("q has 64 elements; expected 128", Assert.Throws<ArgumentException>(() => kernel.Apply(q, 2, x, 2, new[] { 0 })).Message);
        Assert.Equal("numKeyValueHeads", Assert.Throws<ArgumentOutOfRangeException>(() => kernel.Apply(q, 1, x, 0, new[] { 0 })).ParamName);
        Assert.Contains("positions[0] is -4", Assert.Throws<ArgumentException>(() => kernel.Apply(q, 1, x.AsSpan(0, 64), 1, new[] { -4 })).Message);
        Assert.Contains("keys has 128 elements; expected a multiple of 192", Assert.Throws<ArgumentException>(() => kernel.Shift(x, 3, 5)).Message);
        Assert.Equal(before, x);
        Assert.Equal(qBefore, q);
    }

    [Fact]
    public void APositionOfIntMaxValueIsRejectedLikeTheReference()
    {
        // max(positions) + 1, the sequence length of the dynamic kinds, must be an int.
        var kernel = new RotaryKernel(Expected.Phi3Mini128k());
        float[] x = Random(96, 3), before = x.ToArray();
        var error = Assert.Throws<ArgumentException>(() => kernel.Apply(x, new[] { int.MaxValue }, 1));
        Assert.Contains("positions[0] is 2147483647", error.Message);
        Assert.Equal(before, x);
        Assert.Equal(error.Message, Assert.Throws<ArgumentException>(() => RopeReference.Apply(Expected.Phi3Mini128k(), x, new[] { int.MaxValue }, 1)).Message);

        // One less is a position like any other.
        RotaryConfig llama = Expected.Llama31();
        float[] z = Random(128, 4), rotated = z.ToArray();
        new RotaryKernel(llama).Apply(rotated, new[] { int.MaxValue - 1 }, 1);
        AssertClose(Reference(llama, z, new[] { int.MaxValue - 1 }, 1), rotated);
    }

    [Fact]
    public void AnInvalidConfigurationIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new RotaryKernel(new RotaryConfig(64, 10000, RopeScaling.Yarn) { Factor = 4 }));
        Assert.Equal("OriginalMaxPositions", error.ParamName);
        Assert.Contains("OriginalMaxPositions is missing", error.Message);
        Assert.Equal("config", Assert.Throws<ArgumentNullException>(() => new RotaryKernel(null!)).ParamName);
    }
}
