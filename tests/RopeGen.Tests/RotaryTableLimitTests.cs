using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace RopeGen.Tests;

/// <summary>
/// The table's limits (issue 15, items 9 to 11): a cap lowered while another thread grows the table, a cap above what
/// one array holds, and first blocks sized by bytes for huge heads.
/// </summary>
public class RotaryTableLimitTests
{
    private static readonly double[] Theta = Expected.DefaultTheta(10000, 8);

    [Fact]
    public void LoweringTheCapWhileAnotherThreadGrowsTheTableIsSafe()
    {
        // The cap used to be read before the growth lock and again inside it. Thread A grows the table (slowly: 30,720
        // rows of 256 pairs); thread B asks for more and waits for the lock; the cap drops to 1,024 meanwhile. B then
        // copied A's 32,768 rows into 1,024: "Destination is too short". Rounds in which A finished before the cap
        // dropped did not race and are retried.
        double[] theta = Expected.DefaultTheta(10000, 512);
        int raced = 0;
        for (int round = 0; round < 10 && raced == 0; round++)
        {
            var table = new RotaryTable(theta, 1.0, RotaryLayout.HalfSplit);
            table.Acquire(2047);
            Exception? failure = null;
            long aDone = 0;
            void Run(Action action)
            {
                try { action(); }
                catch (Exception e) { failure = e; }
            }
            var a = new Thread(() => Run(() => { table.Acquire(32_000); Interlocked.Exchange(ref aDone, Stopwatch.GetTimestamp()); }));
            var b = new Thread(() => Run(() =>
            {
                float[] rows = table.Acquire(60_000);
                // Whatever the cap was, rows already cached are kept.
                Assert.True(rows.Length / table.Stride >= 2048, $"B got {rows.Length / table.Stride} rows");
            }));
            a.Start();
            Thread.Sleep(20);
            b.Start();
            Thread.Sleep(20);
            table.MaxCachedPositions = 1024;
            long lowered = Stopwatch.GetTimestamp();
            a.Join();
            b.Join();
            Assert.Null(failure);
            if (Interlocked.Read(ref aDone) > lowered) raced++;
            Assert.Equal(MathF.Cos((float)(2047 * theta[0])), table.Acquire(2047)[2047 * table.Stride], 1e-6f);
        }
        Assert.True(raced > 0, "A always finished growing before the cap was lowered: the race was never exercised.");
    }

    [Fact]
    public void TheCapIsBoundedByWhatOneArrayHoldsAndTheMessageSaysSo()
    {
        var table = new RotaryTable(Theta, 1.0, RotaryLayout.HalfSplit); // rows of 8 floats
        int limit = Array.MaxLength / 8;
        Assert.Equal(limit, table.MaxCachedPositionsLimit);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => table.MaxCachedPositions = int.MaxValue);
        Assert.Equal("value", error.ParamName);
        Assert.Contains($"MaxCachedPositions is 2147483647; a table holds at most {limit} positions of 8 floats", error.Message);
        Assert.Contains($"expected 0 to {limit}", error.Message);
        Assert.Equal(RotaryTable.DefaultMaxCachedPositions, table.MaxCachedPositions);
        table.MaxCachedPositions = limit;
        Assert.Throws<ArgumentOutOfRangeException>(() => new RotaryTable(Theta, 1.0, RotaryLayout.HalfSplit, limit + 1));

        // The kernel of the issue: the cap is refused when set, and a far position is still computed on the fly.
        var kernel = new RotaryKernel(new RotaryConfig(128));
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.Table.MaxCachedPositions = int.MaxValue);
        float[] x = Enumerable.Range(0, 128).Select(i => (float)Math.Sin(i)).ToArray();
        double[] expected = x.Select(v => (double)v).ToArray();
        kernel.Apply(x, new[] { 100_000_000 }, 1);
        RopeReference.Apply(kernel.Config, expected, new[] { 100_000_000 }, 1);
        Assert.InRange(x.Zip(expected, (a, e) => Math.Abs(a - e)).Max(), 0, 2e-6);
        Assert.Equal(RotaryTable.DefaultMaxCachedPositions, kernel.Table.CachedPositions);
    }

    [Fact]
    public void TheDefaultCapOfWideRowsIsBoundedByBytes()
    {
        // 2^20 pairs interleaved: rows of 2^22 floats (16 MiB), so the default caches 8 positions (128 MiB), not 65,536.
        var wide = new RotaryTable(new double[1 << 20], 1.0, RotaryLayout.Interleaved);
        Assert.Equal(8, wide.MaxCachedPositions);
        // Rows of up to 2 KiB (head dim 256 interleaved) keep the default of 65,536.
        Assert.Equal(RotaryTable.DefaultMaxCachedPositions, new RotaryTable(new double[128], 1.0, RotaryLayout.Interleaved).MaxCachedPositions);
        Assert.Equal(32768, new RotaryTable(new double[256], 1.0, RotaryLayout.Interleaved).MaxCachedPositions);
    }

    [Fact]
    public void TheFirstBlockIsSizedByBytesNotRows()
    {
        // Head dim 65,536: a row is 256 KiB; position 0 used to allocate 1,024 rows (256 MiB).
        var kernel = new RotaryKernel(new RotaryConfig(65536));
        float[] x = new float[65536];
        x[0] = 1;
        kernel.Apply(x, new[] { 0 }, 1);
        Assert.InRange(kernel.Table.MemoryBytes, 65536 * sizeof(float), 2 << 20);
        Assert.Equal(1f, x[0]);

        // Narrow rows keep blocks of 1,024 positions.
        var narrow = new RotaryTable(Theta, 1.0, RotaryLayout.Interleaved);
        narrow.Acquire(0);
        Assert.Equal(1024, narrow.CachedPositions);
    }

    [Fact]
    public void AHeadDimOfTwoMillionRotatesLikeTheReference()
    {
        // 2^21: valid, and used to overflow when the first block of 1,024 rows (2^31 floats) was allocated.
        const int d = 1 << 21;
        var config = new RotaryConfig(d);
        var rng = new Random(21);
        float[] x = Enumerable.Range(0, 2 * d).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
        double[] expected = x.Select(v => (double)v).ToArray();
        int[] positions = { 2, 5 };
        var kernel = new RotaryKernel(config);
        kernel.Apply(x, positions, 1);
        RopeReference.Apply(config, expected, positions, 1);
        Assert.InRange(x.Zip(expected, (a, e) => Math.Abs(a - e)).Max(), 0, 2e-6);
        // Rows of 8 MiB: the default cap holds 16 positions (128 MiB); 6 are cached.
        Assert.Equal(16, kernel.Table.MaxCachedPositions);
        Assert.Equal(6L << 23, kernel.Table.MemoryBytes);
    }
}
