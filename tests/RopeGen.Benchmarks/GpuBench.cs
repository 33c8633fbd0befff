using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using ILGPU;
using ILGPU.Runtime;
using RopeGen.Gpu;
using RopeGen.Samples;

namespace RopeGen.Benchmarks;

/// <summary>
/// --gpu: the generated GPU kernel (fused q/k) against a device-to-device copy of the same bytes, on the best accelerator
/// present, interleaved round by round; medians per call, each sample timed from launch to completion. It finishes
/// within three minutes anywhere: the rounds fit a time budget, and on a slow accelerator (ILGPU's CPU accelerator,
/// which runs GPU threads one by one) a case whose calls would not fit the time left is skipped and reported.
/// </summary>
internal static class GpuBench
{
    private const int MaxRounds = 41;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(140);

    /// <summary>How much slower than the probe predicts a call may turn out (a loaded machine) and still fit.</summary>
    private const double Margin = 1.5;

    /// <summary>A first call slower than this is a sample itself: no further warm-up.</summary>
    private const double SlowCallSeconds = 1;
    private static readonly TimeSpan SampleTarget = TimeSpan.FromMilliseconds(2);

    /// <summary>Tokens of the probe that tells whether a larger case fits the time left.</summary>
    private const int ProbeTokens = 64;

    /// <summary>A Llama-3.1-8B shape: 32 query and 8 key/value heads of 128; decode is one token at position 1000, prefill tokens 0..n-1.</summary>
    private sealed record Case(string Name, Func<Accelerator, IGpuRotary> Create, int Tokens, int FirstPosition)
    {
        public const int QueryHeads = 32, KeyHeads = 8, HeadDim = 128;
    }

    private static readonly Case[] Cases =
    {
        new("decode-llama3-8b-half", Llama3Half.CreateGpuRotary, 1, 1000),
        new("decode-llama3-8b-interleaved", Llama3Interleaved.CreateGpuRotary, 1, 1000),
        new("prefill-4096-half", Llama3Half.CreateGpuRotary, 4096, 0),
        new("prefill-4096-interleaved", Llama3Interleaved.CreateGpuRotary, 4096, 0),
    };

    public static void Run(string? jsonPath)
    {
        var clock = Stopwatch.StartNew();
        using Context context = BestAccelerator.CreateContext();
        // The first case's kernels decide the accelerator: a device that cannot load them is skipped.
        var (accelerator, first) = BestAccelerator.Open(context, Cases[0].Create, Console.Out);
        using Accelerator __ = accelerator;
        string name = BestAccelerator.Describe(accelerator.Device);
        Console.WriteLine($"RopeGen GPU benchmark on {name}.");
        Console.WriteLine($"Generated kernel (fused q/k, 32 + 8 heads of 128) against a device-to-device copy of q and k; up to {MaxRounds} interleaved rounds, medians per call, launch to completion.");
        Console.WriteLine($"{"case",-30} {"kernel",11} {"copy",11}   kernel/copy  {"kernel",10} {"copy",10}  rounds");

        var loaded = new Dictionary<MethodInfo, IGpuRotary> { [Cases[0].Create.Method] = first };
        var results = new List<GpuResult>();
        var skipped = new List<string>();
        try
        {
            for (int c = 0; c < Cases.Length; c++)
            {
                Case benchCase = Cases[c];
                if (!loaded.TryGetValue(benchCase.Create.Method, out IGpuRotary? rope))
                    loaded.Add(benchCase.Create.Method, rope = benchCase.Create(accelerator));
                TimeSpan left = Budget - clock.Elapsed;
                string? why = "no time left";
                GpuResult? result = left > TimeSpan.Zero ? Measure(accelerator, rope, benchCase, left / (Cases.Length - c), left, out why) : null;
                if (result is null)
                {
                    Console.WriteLine($"{benchCase.Name,-30} skipped: {why}");
                    skipped.Add($"{benchCase.Name}: {why}");
                    continue;
                }
                results.Add(result);
                Console.WriteLine($"{result.Case,-30} {Ns(result.KernelNs)} {Ns(result.CopyNs)}   {result.KernelNs / result.CopyNs,10:0.00}x  {Rate(result.Bytes, result.KernelNs)} {Rate(result.Bytes, result.CopyNs)}  {result.Rounds,6}");
            }
        }
        finally
        {
            foreach (IGpuRotary rope in loaded.Values) rope.Dispose();
        }
        if (accelerator.AcceleratorType == AcceleratorType.CPU)
            Console.WriteLine("ILGPU's CPU accelerator simulates GPU threads: these times say nothing about a GPU. Run this on a machine with CUDA.");
        Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0} s.");

        if (jsonPath is not null)
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(jsonPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(new GpuReport(name, results, skipped), new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"wrote {jsonPath}");
        }
    }

    /// <summary>
    /// Times the case's kernel and copy in interleaved rounds that fit <paramref name="budget"/>; null, with the reason,
    /// when a probe of <see cref="ProbeTokens"/> tokens shows that one call (with <see cref="Margin"/>) would not fit
    /// <paramref name="left"/>.
    /// </summary>
    private static GpuResult? Measure(Accelerator accelerator, IGpuRotary rope, Case c, TimeSpan budget, TimeSpan left, out string? skipped)
    {
        var rng = new Random(42);
        float[] Random(int heads) => Enumerable.Range(0, c.Tokens * heads * Case.HeadDim).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
        using MemoryBuffer1D<float, Stride1D.Dense> q = accelerator.Allocate1D(Random(Case.QueryHeads)), k = accelerator.Allocate1D(Random(Case.KeyHeads));
        using MemoryBuffer1D<float, Stride1D.Dense> qCopy = accelerator.Allocate1D<float>(q.Length), kCopy = accelerator.Allocate1D<float>(k.Length);
        using MemoryBuffer1D<int, Stride1D.Dense> positions = accelerator.Allocate1D(Enumerable.Range(c.FirstPosition, c.Tokens).ToArray());

        void Rotate(int tokens) => rope.Apply(q.View.SubView(0, (long)tokens * Case.QueryHeads * Case.HeadDim), Case.QueryHeads,
            k.View.SubView(0, (long)tokens * Case.KeyHeads * Case.HeadDim), Case.KeyHeads, positions.View.SubView(0, tokens));

        skipped = null;
        if (c.Tokens > ProbeTokens)
        {
            double estimate = Margin * Sample(accelerator, () => Rotate(ProbeTokens), 1) * c.Tokens / ProbeTokens;
            if (estimate > left.TotalSeconds)
            {
                skipped = $"a probe of {ProbeTokens} tokens puts one call at about {estimate / Margin:0} s, which with a margin of {Margin}x does not fit the {left.TotalSeconds:0} s left";
                return null;
            }
        }

        (string Name, Action Op)[] ops =
        {
            ("kernel", () => Rotate(c.Tokens)),
            ("copy", () =>
            {
                q.View.CopyTo(qCopy.View);
                k.View.CopyTo(kCopy.View);
            }),
        };
        // The first call of each is the warm-up (it touches the memory and JIT-compiles the launcher), and a second call
        // sets how many calls make one sample. On a slow accelerator the first call is the first sample instead, and
        // further rounds run only while they fit the budget.
        var elapsed = Stopwatch.StartNew();
        var samples = ops.Select(_ => new List<double>()).ToArray();
        double[] single = ops.Select(o => Sample(accelerator, o.Op, 1)).ToArray();
        bool slow = single.Sum() >= SlowCallSeconds;
        if (slow)
            for (int i = 0; i < ops.Length; i++) samples[i].Add(single[i]);
        else
            single = ops.Select(o => Sample(accelerator, o.Op, 1)).ToArray();
        int[] calls = single.Select(s => (int)Math.Clamp(SampleTarget.TotalSeconds / s, 1, 1 << 16)).ToArray();
        double round = single.Zip(calls, (s, n) => s * n).Sum();
        int rounds = (int)Math.Clamp((budget - elapsed.Elapsed).TotalSeconds / round, slow ? 0 : 1, MaxRounds - (slow ? 1 : 0));

        for (int r = 0; r < rounds; r++)
            for (int j = 0; j < ops.Length; j++)
            {
                int i = (r + j) % ops.Length;
                samples[i].Add(Sample(accelerator, ops[i].Op, calls[i]));
            }
        double[] medians = samples.Select(s => s.OrderBy(v => v).ElementAt(s.Count / 2)).ToArray();
        long bytes = 2L * (q.Length + k.Length) * sizeof(float); // read and written once
        return new GpuResult(c.Name, Math.Round(medians[0] * 1e9, 1), Math.Round(medians[1] * 1e9, 1), bytes, samples[0].Count);
    }

    /// <summary>Seconds per call over <paramref name="n"/> calls queued back to back, then one synchronization.</summary>
    private static double Sample(Accelerator accelerator, Action op, int n)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++) op();
        accelerator.Synchronize();
        return Stopwatch.GetElapsedTime(start).TotalSeconds / n;
    }

    private static string Ns(double ns) => ns switch
    {
        < 1e4 => $"{ns,8:0.0} ns",
        < 1e7 => $"{ns / 1e3,8:0.0} us",
        < 1e10 => $"{ns / 1e6,8:0.0} ms",
        _ => $"{ns / 1e9,8:0.0} s ",
    };

    private static string Rate(long bytes, double ns) => $"{bytes / ns,6:G3} GB/s";
}
