using System;
using System.Linq;
using System.Threading;

namespace RopeGen.Tests;

/// <summary>The cos/sin table: rows against cos/sin computed here in double, growth, the cap, threads.</summary>
public class RotaryTableTests
{
    // Llama-3.1-shaped frequencies over d = 8 (4 pairs): fast to slow.
    private static readonly double[] Theta = Expected.DefaultTheta(500000, 8);

    /// <summary>The row of position p as the remarks of RotaryTable define it, computed in double and rounded once.</summary>
    private static float[] ExpectedRow(RotaryLayout layout, long p, double scale)
    {
        float Cos(int i) => (float)(scale * Math.Cos(p * Theta[i]));
        float Sin(int i) => (float)(scale * Math.Sin(p * Theta[i]));
        var pairs = Enumerable.Range(0, Theta.Length);
        if (layout == RotaryLayout.HalfSplit) return pairs.Select(Cos).Concat(pairs.Select(Sin)).ToArray();
        // Interleaved: cos repeated per lane, sin as (−sin, +sin).
        return pairs.SelectMany(i => new[] { Cos(i), Cos(i) }).Concat(pairs.SelectMany(i => new[] { -Sin(i), Sin(i) })).ToArray();
    }

    /// <summary>Each value is the double result rounded to float: within one float ulp, allowing a last-bit difference
    /// between Math.SinCos and Math.Sin/Cos.</summary>
    private static void AssertRow(float[] expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1.2e-7 * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }

    [Theory]
    [InlineData(RotaryLayout.HalfSplit, 4)]
    [InlineData(RotaryLayout.Interleaved, 8)]
    public void RowsHoldScaledCosThenSinInTheLayoutsFormat(RotaryLayout layout, int width)
    {
        var table = new RotaryTable(Theta, 1.25, layout);
        Assert.Equal(layout, table.Layout);
        Assert.Equal(width, table.Width);
        Assert.Equal(2 * width, table.Stride);
        float[] rows = table.Acquire(3000);
        foreach (int p in new[] { 0, 1, 1023, 1024, 2047, 2048, 3000 })
            AssertRow(ExpectedRow(layout, p, 1.25), rows.AsSpan(p * table.Stride, table.Stride));
    }

    [Fact]
    public void GrowsInBlocksAtLeastDoublingAndKeepsEarlierRows()
    {
        var table = new RotaryTable(Theta, 1.0, RotaryLayout.HalfSplit, maxCachedPositions: 10_000);
        Assert.Equal(0, table.CachedPositions);
        Assert.Equal(0L, table.MemoryBytes);
        float[] first = table.Acquire(10);
        Assert.Equal(1024, table.CachedPositions);
        Assert.Same(first, table.Acquire(1023));
        float[] second = table.Acquire(1500);
        Assert.Equal(2048, table.CachedPositions);
        Assert.Equal(first, second.Take(first.Length));
        table.Acquire(2100);
        Assert.Equal(4096, table.CachedPositions);
        Assert.Equal(4096L * 8 * sizeof(float), table.MemoryBytes);
        AssertRow(ExpectedRow(RotaryLayout.HalfSplit, 4095, 1.0), table.Acquire(4095).AsSpan(4095 * 8, 8));
    }

    [Theory]
    [InlineData(5000, 1_000_000)]
    [InlineData(5000, 4999)]
    [InlineData(5000, int.MaxValue)]
    [InlineData(0, 10)]
    public void AcquireNeverGoesPastTheCap(int cap, int maxPosition)
    {
        var table = new RotaryTable(Theta, 1.0, RotaryLayout.Interleaved, cap);
        Assert.Equal(cap, table.MaxCachedPositions);
        float[] rows = table.Acquire(maxPosition);
        Assert.Equal(Math.Min(cap, maxPosition + 1L), rows.Length / table.Stride);
        Assert.Equal(0, rows.Length % table.Stride);
    }

    [Fact]
    public void LoweringTheCapKeepsCachedRowsAndStopsGrowth()
    {
        var table = new RotaryTable(Theta, 1.0, RotaryLayout.HalfSplit);
        Assert.Equal(RotaryTable.DefaultMaxCachedPositions, table.MaxCachedPositions);
        table.Acquire(3000);
        table.MaxCachedPositions = 100;
        Assert.Equal(3072, table.Acquire(50_000).Length / table.Stride);
        Assert.Equal(3072, table.CachedPositions);
    }

    [Theory]
    [InlineData(RotaryLayout.HalfSplit)]
    [InlineData(RotaryLayout.Interleaved)]
    public void RowsBeyondTheCapAreComputedOnDemand(RotaryLayout layout)
    {
        var table = new RotaryTable(Theta, 2.0, layout, maxCachedPositions: 16);
        Assert.Equal(16, table.Acquire(1_000_000).Length / table.Stride);
        foreach (long p in new[] { 16L, 1_000_000L, 3_000_000_000L })
        {
            var row = new float[table.Stride + 3];
            table.ComputeRow(p, row);
            AssertRow(ExpectedRow(layout, p, 2.0), row.AsSpan(0, table.Stride));
            Assert.Equal(new float[3], row.Skip(table.Stride));
        }
        // A cached row and the computed row of the same position agree.
        var again = new float[table.Stride];
        table.ComputeRow(7, again);
        Assert.Equal(table.Acquire(7).AsSpan(7 * table.Stride, table.Stride).ToArray(), again);
    }

    [Theory]
    [InlineData(RotaryLayout.HalfSplit)]
    [InlineData(RotaryLayout.Interleaved)]
    public void ShiftRowsArePureRotationsWithoutTheAttentionFactor(RotaryLayout layout)
    {
        var table = new RotaryTable(Theta, 3.0, layout);
        foreach (long delta in new[] { -7L, 0L, 100_000L })
        {
            var row = new float[table.Stride];
            table.ComputeShiftRow(delta, row);
            AssertRow(ExpectedRow(layout, delta, 1.0), row);
        }
    }

    [Fact]
    public void ConcurrentAcquiresFromManyThreadsAllSeeCorrectRows()
    {
        var table = new RotaryTable(Theta, 1.5, RotaryLayout.Interleaved, maxCachedPositions: 50_000);
        const int threads = 8;
        using var start = new Barrier(threads);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var workers = Enumerable.Range(0, threads).Select(w => new Thread(() =>
        {
            start.SignalAndWait();
            for (int round = 0; round < 20; round++)
            {
                int p = (w * 7919 + round * 2477) % 60_000;
                float[] rows = table.Acquire(p);
                int valid = rows.Length / table.Stride;
                if (valid < Math.Min(p + 1, 50_000)) failures.Add($"Acquire({p}) gave {valid} rows");
                int q = Math.Min(p, valid - 1);
                float[] expected = ExpectedRow(RotaryLayout.Interleaved, q, 1.5);
                for (int i = 0; i < expected.Length; i++)
                    if (Math.Abs(expected[i] - rows[q * table.Stride + i]) > 2e-7) failures.Add($"row {q}[{i}]");
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        Assert.Empty(failures);
        Assert.InRange(table.CachedPositions, 1, 50_000);
    }

    [Fact]
    public void BadArgumentsAreRejectedWithTheirValues()
    {
        var empty = Assert.Throws<ArgumentException>(() => new RotaryTable(Array.Empty<double>(), 1.0, RotaryLayout.HalfSplit));
        Assert.Equal("inverseFrequencies", empty.ParamName);
        var table = new RotaryTable(Theta, 1.0, RotaryLayout.HalfSplit);
        var cap = Assert.Throws<ArgumentOutOfRangeException>(() => table.MaxCachedPositions = -1);
        Assert.Contains("MaxCachedPositions is -1; expected 0 or more", cap.Message);
        var row = Assert.Throws<ArgumentException>(() => table.ComputeRow(0, new float[7]));
        Assert.Equal("row", row.ParamName);
        Assert.Contains("row has 7 elements; expected at least 8", row.Message);
        Assert.Throws<ArgumentException>(() => table.ComputeShiftRow(0, new float[7]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RotaryTable(Theta, 1.0, RotaryLayout.HalfSplit, -5));
    }
}

public class RotaryGuardTests
{
    [Fact]
    public void LayoutMessageNamesExpectedAndActualSizes()
    {
        RotaryGuard.CheckLayout(128, 2, 4, 16, "q", "numQueryHeads");
        var error = Assert.Throws<ArgumentException>(() => RotaryGuard.CheckLayout(100, 2, 4, 16, "q", "numQueryHeads"));
        Assert.Equal("q", error.ParamName);
        Assert.Contains("q has 100 elements; expected 128 = 2 tokens × 4 heads × 16 head dims (layout [tokens, heads, headDim])", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void HeadCountsMustBePositive(int heads)
    {
        var layout = Assert.Throws<ArgumentOutOfRangeException>(() => RotaryGuard.CheckLayout(0, 0, heads, 16, "k", "numKeyValueHeads"));
        Assert.Equal("numKeyValueHeads", layout.ParamName);
        Assert.Contains($"numKeyValueHeads is {heads}; expected at least 1 head", layout.Message);
        var tokens = Assert.Throws<ArgumentOutOfRangeException>(() => RotaryGuard.TokenCount(0, heads, 16, "keys", "numHeads"));
        Assert.Equal("numHeads", tokens.ParamName);
        Assert.Contains($"numHeads is {heads}; expected at least 1 head", tokens.Message);
    }

    [Fact]
    public void TokenCountNeedsWholeTokens()
    {
        Assert.Equal(3, RotaryGuard.TokenCount(96, 2, 16, "keys", "numHeads"));
        Assert.Equal(0, RotaryGuard.TokenCount(0, 2, 16, "keys", "numHeads"));
        var error = Assert.Throws<ArgumentException>(() => RotaryGuard.TokenCount(100, 2, 16, "keys", "numHeads"));
        Assert.Equal("keys", error.ParamName);
        Assert.Contains("keys has 100 elements; expected a multiple of 32 = 2 heads × 16 head dims", error.Message);
    }

    [Fact]
    public void MaxPositionRejectsPositionsOutsideZeroToIntMaxValueMinusOne()
    {
        Assert.Equal(9, RotaryGuard.MaxPosition(new[] { 3, 9, 0 }));
        Assert.Equal(-1, RotaryGuard.MaxPosition(ReadOnlySpan<int>.Empty));
        var error = Assert.Throws<ArgumentException>(() => RotaryGuard.MaxPosition(new[] { 3, -1 }));
        Assert.Equal("positions", error.ParamName);
        Assert.Contains("positions[1] is -1; expected a position of 0 or more", error.Message);
        Assert.Equal(int.MaxValue - 1, RotaryGuard.MaxPosition(new[] { int.MaxValue - 1 }));
        var tooLarge = Assert.Throws<ArgumentException>(() => RotaryGuard.MaxPosition(new[] { 0, int.MaxValue }));
        Assert.Contains("positions[1] is 2147483647; expected a position below 2147483647", tooLarge.Message);
    }

    [Fact]
    public void SequenceLengthMustCoverEveryPosition()
    {
        RotaryGuard.CheckSequenceLength(10, 9);
        RotaryGuard.CheckSequenceLength(0, -1);
        var error = Assert.Throws<ArgumentException>(() => RotaryGuard.CheckSequenceLength(9, 9));
        Assert.Equal("sequenceLength", error.ParamName);
        Assert.Contains("sequenceLength is 9, but the positions reach 9; expected at least 10", error.Message);
    }

    [Theory]
    [InlineData(RopeScaling.DynamicNtk)]
    [InlineData(RopeScaling.LongRope)]
    public void ShiftIsRefusedForTheDynamicKinds(RopeScaling kind)
    {
        var config = kind == RopeScaling.LongRope ? Expected.Phi3Mini128k()
            : new RotaryConfig(128, 10000, kind) { Factor = 2, OriginalMaxPositions = 4096 };
        var error = Assert.Throws<NotSupportedException>(() => RotaryGuard.ThrowIfDynamicShift(config));
        Assert.Contains($"RopeScaling.{kind}", error.Message);
        Assert.Contains("Re-rotate the un-rotated keys", error.Message);
        RotaryGuard.ThrowIfDynamicShift(Expected.Llama31());
        RotaryGuard.ThrowIfDynamicShift(Expected.DeepSeekV2);
    }
}
