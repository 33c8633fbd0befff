using System;
using System.Linq;

namespace RopeGen.Kernels.Tests;

/// <summary>Bad input is rejected with a message naming expected and actual sizes, before anything is written.</summary>
public class BadInputTests
{
    private const int D = Llama31Half.RopeGenRotary.HeadDim;

    private static void AssertRejected(Action<float[], float[]> call, params string[] messageParts)
    {
        float[] a = TestData.Random(4 * D, seed: 1), b = TestData.Random(4 * D, seed: 2);
        float[] aBefore = a.ToArray(), bBefore = b.ToArray();
        var error = Assert.ThrowsAny<ArgumentException>(() => call(a, b));
        foreach (string part in messageParts) Assert.Contains(part, error.Message);
        Assert.Equal(aBefore, a);
        Assert.Equal(bBefore, b);
    }

    [Fact]
    public void LengthThatIsNotTokensTimesHeadsTimesHeadDim() =>
        AssertRejected((x, _) => Llama31Half.ApplyRotary(x.AsSpan(0, x.Length - 212), new[] { 0, 1, 2 }, 1), "x has 300 elements", "expected 384");

    [Fact]
    public void FewerPositionsThanTheTokensOfX()
    {
        // x holds 4 whole tokens: the positions, not x, are named.
        var error = Assert.Throws<ArgumentException>(() => Llama31Half.ApplyRotary(TestData.Random(4 * D, seed: 1), new[] { 0, 1, 2 }, 1));
        Assert.Equal("positions", error.ParamName);
        Assert.Contains("positions cover 3 tokens, but x has 512 elements = 4 tokens × 1 heads × 128 head dims", error.Message);
    }

    [Fact]
    public void NegativePosition() =>
        AssertRejected((x, _) => Llama31Half.ApplyRotary(x, new[] { 0, 1, -3, 2 }, 1), "positions[2] is -3");

    [Fact]
    public void ZeroHeads() =>
        AssertRejected((x, _) => Llama31Half.ApplyRotary(x, new[] { 0, 1, 2, 3 }, 0), "numHeads is 0", "at least 1");

    [Fact]
    public void SequenceLengthBelowThePositions() =>
        AssertRejected((x, _) => DynamicNtk128.ApplyRotary(x, new[] { 0, 1, 2, 9000 }, 1, 5000), "sequenceLength is 5000", "9000", "9001");

    [Fact]
    public void KeyLengthThatDisagreesWithThePositions() =>
        AssertRejected((q, k) => Llama31Half.ApplyRotary(q, 2, k, 1, new[] { 0, 1 }), "k has 512 elements", "expected 256");

    [Fact]
    public void QueryLengthThatDisagreesWithThePositions() =>
        AssertRejected((q, k) => Llama31Half.ApplyRotary(q, 1, k, 2, new[] { 0, 1 }), "q has 512 elements", "expected 256");

    [Fact]
    public void ShiftOfAPartialToken() =>
        AssertRejected((keys, _) => Llama31Half.ShiftRotary(keys, 3, 1), "keys has 512 elements", "multiple of 384");

    [Fact]
    public void QueriesAndKeysInTheSameMemory() =>
        AssertRejected((q, _) => Llama31Half.ApplyRotary(q, 1, q, 1, new[] { 0, 1, 2, 3 }), "q and k overlap", "k starts 0 elements into q");

    [Fact]
    public void AdjacentSlicesOfOneArrayAreNotAnOverlap()
    {
        float[] buffer = TestData.Random(3 * D, seed: 3), q = buffer[..(2 * D)], k = buffer[(2 * D)..];
        Llama31Half.ApplyRotary(buffer.AsSpan(0, 2 * D), 2, buffer.AsSpan(2 * D), 1, new[] { 5 });
        Llama31Half.ApplyRotary(q, new[] { 5 }, 2);
        Llama31Half.ApplyRotary(k, new[] { 5 }, 1);
        Assert.Equal(q.Concat(k), buffer);
    }

    [Fact]
    public void ParameterNamesAreReported()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Llama31Half.ApplyRotary(new float[D], 0, new float[D], 1, new[] { 0 }));
        Assert.Equal("numQueryHeads", error.ParamName);
    }
}
