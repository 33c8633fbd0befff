using System;
using System.Linq;
using System.Threading.Tasks;

namespace RopeGen.Tests;

public class RotaryTableTests
{
    private static readonly double[] Theta = { 1.0, 0.1, 0.001 };

    [Fact]
    public void HalfSplitRowsHoldScaledCosThenSin()
    {
        var table = new RotaryTable(Theta, 1.25, RotaryLayout.HalfSplit);
        float[] rows = table.Acquire(700);
        Assert.Equal(3, table.Width);
        foreach (int p in new[] { 0, 1, 699, 700 })
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal((float)(1.25 * Math.Cos(p * Theta[i])), rows[p * 6 + i]);
                Assert.Equal((float)(1.25 * Math.Sin(p * Theta[i])), rows[p * 6 + 3 + i]);
            }
    }

    [Fact]
    public void InterleavedRowsRepeatCosAndNegateTheEvenSin()
    {
        var table = new RotaryTable(Theta, 1.0, RotaryLayout.Interleaved);
        float[] rows = table.Acquire(5);
        Assert.Equal(6, table.Width);
        for (int i = 0; i < 3; i++)
        {
            float c = (float)Math.Cos(5 * Theta[i]), s = (float)Math.Sin(5 * Theta[i]);
            Assert.Equal(new[] { c, c }, rows.AsSpan(5 * 12 + 2 * i, 2).ToArray());
            Assert.Equal(new[] { -s, s }, rows.AsSpan(5 * 12 + 6 + 2 * i, 2).ToArray());
        }
    }

    [Fact]
    public void GrowsInBlocksToThePositionsUsedAndStopsAtTheCap()
    {
        var table = new RotaryTable(Theta, 1.0, RotaryLayout.HalfSplit, maxCachedPositions: 5000);
        Assert.Equal(0, table.CachedPositions);
        table.Acquire(10);
        Assert.Equal(1024, table.CachedPositions);
        table.Acquire(1500);
        Assert.Equal(2048, table.CachedPositions);
        Assert.Equal(5000, table.Acquire(1_000_000).Length / table.Stride);
        Assert.Equal(5000L * 6 * sizeof(float), table.MemoryBytes);
    }

    [Fact]
    public void RowsBeyondTheCapAreComputedInDouble()
    {
        var table = new RotaryTable(Theta, 2.0, RotaryLayout.HalfSplit, maxCachedPositions: 0);
        var row = new float[6];
        table.ComputeRow(1_000_000, row);
        Assert.Equal((float)(2 * Math.Cos(1_000_000 * 0.001)), row[2]);
        Assert.Equal((float)(2 * Math.Sin(1_000_000 * 0.1)), row[4]);
        Assert.Empty(table.Acquire(10));
    }

    [Fact]
    public void ShiftRowsCarryNoAttentionFactor()
    {
        var table = new RotaryTable(Theta, 3.0, RotaryLayout.HalfSplit);
        var row = new float[6];
        table.ComputeShiftRow(-7, row);
        Assert.Equal((float)Math.Cos(-7.0), row[0]);
        Assert.Equal((float)Math.Sin(-7.0), row[3]);
    }

    [Fact]
    public void ConcurrentGrowthGivesEveryThreadCorrectRows()
    {
        var table = new RotaryTable(Theta, 1.0, RotaryLayout.HalfSplit);
        Parallel.For(0, 64, i =>
        {
            int p = i * 997;
            float[] rows = table.Acquire(p);
            Assert.Equal((float)Math.Cos(p * 0.1), rows[p * 6 + 1]);
        });
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new RotaryTable(Array.Empty<double>(), 1.0, RotaryLayout.HalfSplit));
        var table = new RotaryTable(Theta, 1.0, RotaryLayout.HalfSplit);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => table.MaxCachedPositions = -1);
        Assert.Contains("MaxCachedPositions is -1", error.Message);
        Assert.Throws<ArgumentException>(() => table.ComputeRow(0, new float[5]));
    }
}

public class RotaryGuardTests
{
    [Fact]
    public void LayoutMessageNamesExpectedAndActualSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => RotaryGuard.CheckLayout(100, 2, 4, 16, "q", "numQueryHeads"));
        Assert.Equal("q", error.ParamName);
        Assert.Contains("q has 100 elements; expected 128 = 2 tokens × 4 heads × 16 head dims", error.Message);
    }

    [Fact]
    public void TokenCountNeedsWholeTokens()
    {
        Assert.Equal(3, RotaryGuard.TokenCount(96, 2, 16, "keys", "numHeads"));
        var error = Assert.Throws<ArgumentException>(() => RotaryGuard.TokenCount(100, 2, 16, "keys", "numHeads"));
        Assert.Contains("expected a multiple of 32", error.Message);
    }

    [Fact]
    public void MaxPositionRejectsNegativePositions()
    {
        Assert.Equal(9, RotaryGuard.MaxPosition(new[] { 3, 9, 0 }));
        Assert.Equal(-1, RotaryGuard.MaxPosition(ReadOnlySpan<int>.Empty));
        var error = Assert.Throws<ArgumentException>(() => RotaryGuard.MaxPosition(new[] { 3, -1 }));
        Assert.Contains("positions[1] is -1", error.Message);
    }

    [Fact]
    public void SequenceLengthMustCoverEveryPosition()
    {
        RotaryGuard.CheckSequenceLength(10, 9);
        var error = Assert.Throws<ArgumentException>(() => RotaryGuard.CheckSequenceLength(9, 9));
        Assert.Contains("expected at least 10", error.Message);
    }
}
