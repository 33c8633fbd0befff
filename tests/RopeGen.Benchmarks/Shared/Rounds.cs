using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace RopeGen.Benchmarks;

/// <summary>How long each operation is warmed up, how long one sample lasts at least, and how many rounds are taken.</summary>
public sealed record RoundSettings(int Count, TimeSpan WarmUp, TimeSpan SampleTarget)
{
    /// <summary>41 rounds after 400 ms of warm-up (long enough for tiered JIT to reach tier 1), samples of at least 0.4 ms.</summary>
    public static RoundSettings Full { get; } = new(41, TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(0.4));
}

/// <summary>
/// Interleaved timing in one process: every operation is warmed up (twice) and calibrated, then each round takes one
/// sample of every operation in an order shuffled anew each round (seeded, so runs repeat), so that none always runs
/// right after the same one: what the previous operation left in cache (its buffers, or another case's) would otherwise
/// favour or penalize one operation in every sample. The result is the median per call, in nanoseconds.
/// </summary>
public static class Rounds
{
    /// <param name="ops">The operations.</param>
    /// <param name="settings">Rounds, warm-up and sample length.</param>
    /// <param name="afterSample">Called, untimed, after each sample with the operation's index (e.g. to let other threads settle).</param>
    /// <param name="afterRound">Called, untimed, after each round with the number of rounds done (progress).</param>
    public static double[] Medians(IReadOnlyList<Action> ops, RoundSettings settings, Action<int>? afterSample = null, Action<int>? afterRound = null)
    {
        // Two warm-up passes: tier-1 code that the first pass queued (compiled in the background, late on a busy machine)
        // is in place after the other operations' turns, before any operation is calibrated and timed.
        foreach (Action op in ops) WarmUp(op, settings.WarmUp);
        foreach (Action op in ops) WarmUp(op, settings.WarmUp / 4);
        int[] iterations = ops.Select(op => Calibrate(op, settings)).ToArray();
        var samples = ops.Select(_ => new List<double>(settings.Count)).ToArray();
        var shuffle = new Random(20261201);
        int[] order = Enumerable.Range(0, ops.Count).ToArray();
        for (int round = 0; round < settings.Count; round++)
        {
            shuffle.Shuffle(order);
            foreach (int i in order)
            {
                samples[i].Add(Time(ops[i], iterations[i]));
                afterSample?.Invoke(i);
            }
            afterRound?.Invoke(round + 1);
        }
        return samples.Select(Median).ToArray();
    }

    // Warm-up goes on until the JIT has compiled nothing for this long (tier-1 code replaces tier-0 code about 100 ms after
    // a method's 30th call, later on a busy machine), within a limit.
    private static readonly TimeSpan s_jitQuiet = TimeSpan.FromMilliseconds(300), s_maxWarmUp = TimeSpan.FromSeconds(5);

    /// <summary>Runs the operation for at least <paramref name="time"/> and until the JIT has been quiet a while.</summary>
    private static void WarmUp(Action op, TimeSpan time)
    {
        var warm = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        do
        {
            op();
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled) continue;
            compiled = now;
            quiet.Restart();
        }
        while ((warm.Elapsed < time || quiet.Elapsed < s_jitQuiet) && warm.Elapsed < s_maxWarmUp);
    }

    /// <summary>The calls that make one sample last about the sample target.</summary>
    private static int Calibrate(Action op, RoundSettings settings)
    {
        int n = 1;
        while (Time(op, n) * n < settings.SampleTarget.TotalMilliseconds * 1e6 && n < 1 << 20) n *= 2;
        return n;
    }

    /// <summary>Nanoseconds per call over <paramref name="n"/> calls.</summary>
    private static double Time(Action op, int n)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++) op();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e6 / n;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }
}
