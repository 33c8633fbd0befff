using System;
using System.Linq;
using System.Threading.Tasks;

namespace RopeGen.Benchmarks;

/// <summary>
/// <c>--parallel-threshold</c>: Llama 3.1's fused q/k rotation (32 + 8 heads of 128) at growing token counts, on the
/// calling thread and split over two threads by <see cref="RotaryParallel"/>, interleaved round by round; medians. The
/// smallest call that two threads make clearly faster sets <see cref="RotaryParallel.MinFloatsPerThread"/> (half its floats).
/// </summary>
public static class ParallelThreshold
{
    private const int QueryHeads = 32, KeyHeads = 8;
    private const int QueryFloats = QueryHeads * 128, KeyFloats = KeyHeads * 128;
    private static readonly int[] TokenCounts = { 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024 };
    private static readonly RoundSettings Settings = RoundSettings.Full with { Count = 15 };

    public static void Run()
    {
        Console.WriteLine($"Parallel threshold: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; " +
                          $"Llama 3.1 q {QueryHeads} + k {KeyHeads} heads of 128, {Settings.Count} interleaved rounds, medians.");
        Console.WriteLine($"{"tokens",6} {"floats",9} {"1 thread",11} {"2 threads",11}   gain");
        var options = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        var rng = new Random(42);
        long? threshold = null;
        foreach (int tokens in TokenCounts)
        {
            float[] q = Enumerable.Range(0, tokens * QueryFloats).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
            float[] k = Enumerable.Range(0, tokens * KeyFloats).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
            int[] positions = Enumerable.Range(0, tokens).ToArray();
            Action serial = () => Llama3Half.ApplyRotary(q, QueryHeads, k, KeyHeads, positions);
            Action split = () => RotaryParallel.For(q, k, positions, 2, options, 0,
                static (in int _, Span<float> a, Span<float> b, ReadOnlySpan<int> p, int first, int end) => Llama3Half.ApplyRotary(
                    a.Slice(first * QueryFloats, (end - first) * QueryFloats), QueryHeads, b.Slice(first * KeyFloats, (end - first) * KeyFloats), KeyHeads, p[first..end]));
            double[] medians = Rounds.Medians(new[] { serial, split }, Settings);
            double one = medians[0], two = medians[1];
            long floats = (long)tokens * (QueryFloats + KeyFloats);
            Console.WriteLine($"{tokens,6} {floats,9} {QuickBench.Ns(one)} {QuickBench.Ns(two)}   {one / two,4:0.00}x");
            if (threshold is null && one / two >= 1.1) threshold = floats;
        }
        Console.WriteLine(threshold is long n
            ? $"Two threads first gain 10% at {n} floats: MinFloatsPerThread about {n / 2} (now {RotaryParallel.MinFloatsPerThread})."
            : $"Two threads never gained 10% up to {TokenCounts[^1]} tokens (MinFloatsPerThread is now {RotaryParallel.MinFloatsPerThread}).");
    }
}
