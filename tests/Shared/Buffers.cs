using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace RopeGen.Testing;

/// <summary>Strided buffers built from contiguous ones and read back with plain loops, independently of HeadView.</summary>
internal static class Buffers
{
    /// <summary>Deterministic values in [-3, 3].</summary>
    public static float[] Random(int length, int seed)
    {
        var rng = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(rng.NextDouble() * 6.0 - 3.0);
        return values;
    }

    /// <summary>Rows holding the blocks side by side: row r is row r of every block in turn; each block has <paramref name="rows"/> rows.</summary>
    public static float[] SideBySide(int rows, params float[][] blocks)
    {
        int rowLength = blocks.Sum(b => b.Length / rows);
        var result = new float[rows * rowLength];
        for (int r = 0; r < rows; r++)
        {
            int at = r * rowLength;
            foreach (float[] block in blocks)
            {
                int width = block.Length / rows;
                Array.Copy(block, r * width, result, at, width);
                at += width;
            }
        }
        return result;
    }

    /// <summary>The <paramref name="width"/> elements at <paramref name="offset"/> of each of the <paramref name="rows"/> rows.</summary>
    public static float[] Column(float[] buffer, int rows, int offset, int width)
    {
        int rowLength = buffer.Length / rows;
        var result = new float[rows * width];
        for (int r = 0; r < rows; r++) Array.Copy(buffer, r * rowLength + offset, result, r * width, width);
        return result;
    }

    /// <summary><c>[outer, inner, d]</c> to <c>[inner, outer, d]</c>.</summary>
    public static float[] Transpose(float[] x, int outer, int inner, int d)
    {
        var result = new float[x.Length];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
                Array.Copy(x, (o * inner + i) * d, result, (i * outer + o) * d, d);
        return result;
    }

    public static void AssertBitwiseEqual(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}: element {i} is {actual[i]:R}; expected {expected[i]:R} bit for bit.");
    }

    /// <summary>Each block's column of <paramref name="buffer"/> equals the block bit for bit.</summary>
    public static void AssertBlocks(float[] buffer, int rows, params (float[] Expected, int Offset, string Name)[] blocks)
    {
        foreach ((float[] expected, int offset, string name) in blocks)
            AssertBitwiseEqual(expected, Column(buffer, rows, offset, expected.Length / rows), name);
    }
}

/// <summary>Runs tasks on the thread pool and counts every task it is given, so a test can tell whether a call used threads.</summary>
internal sealed class CountingScheduler : TaskScheduler
{
    private int _tasks;

    public int Tasks => Volatile.Read(ref _tasks);

    protected override void QueueTask(Task task)
    {
        Interlocked.Increment(ref _tasks);
        ThreadPool.UnsafeQueueUserWorkItem(_ => TryExecuteTask(task), null);
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
    {
        Interlocked.Increment(ref _tasks);
        return TryExecuteTask(task);
    }

    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
