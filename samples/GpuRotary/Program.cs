using System;
using System.Diagnostics;
using System.Linq;
using GpuRotary;
using ILGPU;
using ILGPU.Runtime;
using RopeGen.Samples;

// Rotates the queries and keys of a Llama-3.1-8B-shaped batch with RopeGen's generated GPU kernels on the best
// accelerator present (CUDA, else OpenCL, else ILGPU's CPU accelerator), checks the result against the generated CPU
// kernel, and times the kernel against a device-to-device copy of the same bytes.
const int Q = Llama31Rope.QueryHeads, KV = Llama31Rope.KeyValueHeads, D = Llama31Rope.RopeGenRotary.HeadDim;
Console.WriteLine($"Llama-3.1-8B RoPE on a GPU with ILGPU: {Q} query heads, {KV} key/value heads, head dim {D}, Llama 3 scaling.");

using Context context = BestAccelerator.CreateContext();
var load = Stopwatch.StartNew();
var (accelerator, rope) = BestAccelerator.Open(context, Llama31Rope.CreateGpuRotary, Console.Out);
load.Stop();
using Accelerator _ = accelerator;
using Llama31Rope.RopeGenGpuRotary __ = rope;
bool simulated = accelerator.AcceleratorType == AcceleratorType.CPU;
Console.WriteLine($"Accelerator: {BestAccelerator.Describe(accelerator.Device)}.");
Console.WriteLine($"Kernels loaded and the first {rope.CachedPositions:N0} table rows uploaded in {load.Elapsed.TotalMilliseconds:N0} ms.");

// A continuous-batching step: three prompts prefilled together (positions restart at 0) and five running sequences
// decoding one token each at their KV-cache offsets (inside and past the original context, past the table's cap).
// The CPU accelerator runs GPU threads one by one, so it gets short prompts.
int promptScale = simulated ? 1 : 256;
int[] positions = new[] { 7, 5, 3 }.SelectMany(n => Enumerable.Range(0, n * promptScale))
    .Concat(new[] { 1000, 8191, 8192, 70_000, 131_071 }).ToArray();
int tokens = positions.Length;
var rng = new Random(2024);
float[] q = Enumerable.Range(0, tokens * Q * D).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
float[] k = Enumerable.Range(0, tokens * KV * D).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
Console.WriteLine($"Batch: {tokens:N0} tokens (3 prompts of {7 * promptScale}, {5 * promptScale} and {3 * promptScale} tokens, 5 decode tokens up to position 131,071): " +
                  $"q {q.Length:N0} and k {k.Length:N0} floats ({(q.Length + k.Length) * 4 / 1e6:0.0} MB).");

using MemoryBuffer1D<float, Stride1D.Dense> qDevice = accelerator.Allocate1D(q), kDevice = accelerator.Allocate1D(k);
using MemoryBuffer1D<float, Stride1D.Dense> qCopy = accelerator.Allocate1D<float>(q.Length), kCopy = accelerator.Allocate1D<float>(k.Length);
using MemoryBuffer1D<int, Stride1D.Dense> positionsDevice = accelerator.Allocate1D(positions);

// 1. The GPU result against the generated CPU kernel on the same input.
rope.Apply(qDevice.View, Q, kDevice.View, KV, positionsDevice.View);
accelerator.Synchronize();
float[] qCpu = q.ToArray(), kCpu = k.ToArray();
Llama31Rope.ApplyRotary(qCpu, Q, kCpu, KV, positions);
double difference = Math.Max(MaxDifference(qDevice.GetAsArray1D(), qCpu), MaxDifference(kDevice.GetAsArray1D(), kCpu));
Console.WriteLine($"1. Against the CPU kernel: max |GPU - CPU| = {difference:0.0e+0} over {q.Length + k.Length:N0} values (|x| <= 3): " +
                  (difference <= 2e-6 ? "OK, within the kernels' 2e-6 bound." : "WRONG, above the kernels' 2e-6 bound."));

// 2. Time per call, launch to completion, against copying the same bytes device to device.
int rounds = simulated ? 5 : 101;
double rotate = MedianMilliseconds(rounds, () => rope.Apply(qDevice.View, Q, kDevice.View, KV, positionsDevice.View));
double copy = MedianMilliseconds(rounds, () =>
{
    qDevice.View.CopyTo(qCopy.View);
    kDevice.View.CopyTo(kCopy.View);
});
double bytes = 2.0 * (q.Length + k.Length) * sizeof(float); // read and written once
Console.WriteLine($"2. Median of {rounds} calls, each launched and synchronized:");
Console.WriteLine($"   RoPE kernel (fused q/k)    {rotate,10:0.000} ms   {bytes / rotate / 1e6,8:G3} GB/s");
Console.WriteLine($"   device-to-device copy      {copy,10:0.000} ms   {bytes / copy / 1e6,8:G3} GB/s   (kernel / copy: {rotate / copy:0.00}x)");
if (simulated)
    Console.WriteLine("   (ILGPU's CPU accelerator simulates GPU threads: these times say nothing about a GPU.)");
return difference <= 2e-6 ? 0 : 1;

static double MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();

double MedianMilliseconds(int count, Action launch)
{
    launch(); // warm-up
    accelerator.Synchronize();
    double[] times = new double[count];
    for (int i = 0; i < count; i++)
    {
        long start = Stopwatch.GetTimestamp();
        launch();
        accelerator.Synchronize();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
    Array.Sort(times);
    return times[count / 2];
}
