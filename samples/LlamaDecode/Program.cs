using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using LlamaDecode;
using RopeGen;
using RopeGen.Samples;

// A Llama-3.1-8B-shaped attention layer with RopeGen's generated RoPE kernels: relative positions, attention-sink
// streaming with ShiftRotary, and the cost per token against a naive loop. Deterministic: seeded random weights.
const int Q = Llama31Attention.NumAttentionHeads, KV = Llama31Attention.NumKeyValueHeads, D = Llama31Attention.HeadDim;
var weights = new Weights(seed: 2024);
var rng = new Random(7);
Console.WriteLine($"Llama-3.1-8B attention layer: {Q} query heads, {KV} key/value heads, head dim {D}, rope_theta 500000,");
Console.WriteLine("Llama 3 scaling (factor 8, original context 8192); seeded random weights.");
Console.WriteLine($"Resolved at build time: attention factor {Llama31Attention.RopeGenRotary.AttentionFactor}, θ_1 = {Llama31Attention.RopeGenRotary.InverseFrequencies[1]:R}, θ_63 = {Llama31Attention.RopeGenRotary.InverseFrequencies[63]:E4}.");
Console.WriteLine();

(float[] q, float[] k, float[] v) Project(float[] x)
{
    float[] q = new float[Q * D], k = new float[KV * D], v = new float[KV * D];
    weights.Project(x, q, k, v);
    return (q, k, v);
}

float[] NextToken() => Weights.Random(rng, Llama31Attention.HiddenSize, 1f);

// 1. Relative positions: the same 48 tokens at positions 0..47 and at 100000..100047 give the same attention scores.
{
    const int n = 48, offset = 100_000;
    var tokens = Enumerable.Range(0, n).Select(_ => Project(NextToken())).ToArray();
    float[][] Scores(int start)
    {
        float[] q = tokens.SelectMany(t => t.q).ToArray(), k = tokens.SelectMany(t => t.k).ToArray();
        Llama31Attention.ApplyRotary(q, Q, k, KV, Enumerable.Range(start, n).ToArray());
        return Attention.CausalScores(q, k, n);
    }
    float[][] near = Scores(0), far = Scores(offset);
    double maxDiff = near.Zip(far, MaxDifference).Max();
    double maxScore = near.Max(s => s.Max(Math.Abs));
    Console.WriteLine($"1. Relative positions: {n} tokens at positions 0..{n - 1} and at {offset}..{offset + n - 1}:");
    Console.WriteLine($"   {near.Sum(s => s.Length):N0} attention scores (|score| up to {maxScore:0.000}) differ by at most {maxDiff:0.0e+0}: q·k depends only on the distance.");
    Console.WriteLine();
}

// 2. Attention sinks: a 160-token cache keeps 4 sink tokens, evicts 64 old tokens when full and moves the rest back
//    with ShiftRotary instead of recomputing their keys.
{
    const int capacity = 160, sinks = 4, evict = 64, steps = 400;
    var cache = new KvCache();
    int evictions = 0;
    float[] lastQuery = Array.Empty<float>();
    for (int step = 0; step < steps; step++)
    {
        if (cache.Count == capacity)
        {
            cache.EvictAndShift(sinks, evict);
            evictions++;
        }
        var (q, k, v) = Project(NextToken());
        float[] rawKey = (float[])k.Clone();
        int position = cache.Count; // positions inside the cache stay contiguous (StreamingLLM)
        Llama31Attention.ApplyRotary(q, Q, k, KV, new[] { position });
        cache.Append(k, rawKey, v, position);
        Attention.Decode(q, cache);
        lastQuery = q;
    }
    KvCache recomputed = cache.Recomputed();
    double keyDiff = Enumerable.Range(0, cache.Count).Max(t => MaxDifference(cache.Keys[t], recomputed.Keys[t]));
    float[] output = Attention.Decode(lastQuery, cache);
    double outputDiff = MaxDifference(output, Attention.Decode(lastQuery, recomputed));
    Console.WriteLine($"2. Attention-sink streaming: {steps} decode steps through a {capacity}-token cache ({sinks} sinks), {evictions} evictions of {evict} tokens,");
    Console.WriteLine($"   each followed by ShiftRotary(-{evict}) on the kept window. Against keys re-rotated from scratch at their final positions:");
    Console.WriteLine($"   max |key difference| = {keyDiff:0.0e+0}; the last token's attention output (|value| up to {output.Max(Math.Abs):0.000}) differs by at most {outputDiff:0.0e+0}.");
    Console.WriteLine();
}

// 3. Cost per token: the generated fused q/k kernel against the runtime-configured kernel (head dim known only at run
//    time) and a naive loop (MathF.Pow, Cos, Sin per element, as hand ports do).
{
    var (q, k, _) = Project(NextToken());
    int[] position = { 1000 };
    var runtime = new RotaryKernel(Llama31Attention.RopeGenRotary.Config);
    double generated = MedianNanoseconds(() => Llama31Attention.ApplyRotary(q, Q, k, KV, position));
    double generic = MedianNanoseconds(() => runtime.Apply(q, Q, k, KV, position));
    double naive = MedianNanoseconds(() =>
    {
        NaiveRope.Apply(q, position, Q, D, D, 500000f, interleaved: false);
        NaiveRope.Apply(k, position, KV, D, D, 500000f, interleaved: false);
    });
    Console.WriteLine($"3. RoPE per decode token, q {Q}x{D} + k {KV}x{D} at position {position[0]}: median of 101 batches of 32 calls after");
    Console.WriteLine($"   300 ms of warm-up, single thread ({Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}):");
    Console.WriteLine($"   generated kernel         {generated,9:N0} ns");
    Console.WriteLine($"   RotaryKernel (run time)  {generic,9:N0} ns   ({generic / generated:0.0}x the generated time; the same math with the head dim as a variable)");
    Console.WriteLine($"   naive loop               {naive,9:N0} ns   ({naive / generated:0}x; it also leaves out the Llama 3 scaling)");
}
return;

static double MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();

static double MedianNanoseconds(Action op)
{
    var warm = Stopwatch.StartNew();
    while (warm.ElapsedMilliseconds < 300) op(); // let tiered JIT finish
    var samples = new double[101];
    for (int s = 0; s < samples.Length; s++)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < 32; i++) op();
        samples[s] = Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e6 / 32;
    }
    Array.Sort(samples);
    return samples[samples.Length / 2];
}
