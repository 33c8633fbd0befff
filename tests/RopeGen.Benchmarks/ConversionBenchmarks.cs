using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace RopeGen.Benchmarks;

/// <summary>
/// What the 16-bit kernels' conversions cost, against TensorPrimitives' and a copy of the 16-bit values: 4,096 values (one
/// scratch piece, in L1 cache) each way. <c>dotnet run -c Release --project tests/RopeGen.Benchmarks -- --filter '*Conversion*'</c>.
/// </summary>
public class ConversionBenchmarks
{
    private const int Count = 4096;
    private readonly float[] _floats = new float[Count];
    private readonly Half[] _halves = new Half[Count], _halfCopy = new Half[Count];
    private readonly BFloat16[] _bf16 = new BFloat16[Count];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        for (int i = 0; i < Count; i++) _floats[i] = (float)(rng.NextDouble() * 6 - 3);
        FloatConvert.ToHalf(_floats, _halves);
        FloatConvert.ToBFloat16(_floats, _bf16);
    }

    [Benchmark(Baseline = true)]
    public void CopyHalf() => _halves.AsSpan().CopyTo(_halfCopy);

    [Benchmark]
    public void ToHalf() => FloatConvert.ToHalf(_floats, _halves);

    [Benchmark]
    public void TensorPrimitivesToHalf() => TensorPrimitives.ConvertToHalf(_floats, _halves);

    [Benchmark]
    public void HalfToSingle() => FloatConvert.ToSingle(_halves, _floats);

    [Benchmark]
    public void TensorPrimitivesHalfToSingle() => TensorPrimitives.ConvertToSingle(_halves, _floats);

    [Benchmark]
    public void ToBFloat16() => FloatConvert.ToBFloat16(_floats, _bf16);

    [Benchmark]
    public void BFloat16ToSingle() => FloatConvert.ToSingle(_bf16, _floats);
}
