using System;
using System.Linq;
using RopeGen.Testing;

namespace RopeGen.Kernels.Tests;

/// <summary>The Half, BFloat16 and cache-writing kernels reject bad input with a message naming what was wrong and
/// what was expected, before anything is written: every buffer is left as it was.</summary>
public class StagedBadInputTests
{
    private const int D = Llama31Half.RopeGenRotary.HeadDim;

    private static void AssertRejected<T>(Action<T[], T[]> call, params string[] messageParts)
    {
        T[] a = Sixteen.Round<T>(TestData.Random(4 * D, seed: 1)), b = Sixteen.Round<T>(TestData.Random(4 * D, seed: 2));
        T[] aBefore = a.ToArray(), bBefore = b.ToArray();
        var error = Assert.ThrowsAny<ArgumentException>(() => call(a, b));
        foreach (string part in messageParts) Assert.Contains(part, error.Message);
        Assert.Equal(aBefore, a);
        Assert.Equal(bBefore, b);
    }

    [Fact]
    public void HalfLengthThatIsNotTokensTimesHeadsTimesHeadDim() =>
        AssertRejected<Half>((x, _) => Llama31Half.ApplyRotary(x, new[] { 0, 1, 2 }, 1), "positions cover 3 tokens, but x has 512 elements", "4 tokens");

    [Fact]
    public void BFloat16NegativePosition() =>
        AssertRejected<BFloat16>((x, _) => Llama31Half.ApplyRotary(x, new[] { 0, 1, -3, 2 }, 1, 10), "positions[2] is -3");

    [Fact]
    public void HalfZeroHeads() =>
        AssertRejected<Half>((x, _) => Llama31Half.ApplyRotary(x, new[] { 0, 1, 2, 3 }, 0), "numHeads is 0", "at least 1");

    [Fact]
    public void BFloat16SequenceLengthBelowThePositions() =>
        AssertRejected<BFloat16>((x, _) => DynamicNtk128.ApplyRotary(x, new[] { 0, 1, 2, 9000 }, 1, 5000), "sequenceLength is 5000", "9001");

    [Fact]
    public void HalfFusedKeyLengthThatDisagreesWithThePositions() =>
        AssertRejected<Half>((q, k) => Llama31Half.ApplyRotary(q, 2, k, 1, new[] { 0, 1 }), "positions cover 2 tokens, but k has 512 elements", "4 tokens");

    [Fact]
    public void BFloat16FusedSequenceLengthBelowThePositions() =>
        AssertRejected<BFloat16>((q, k) => DynamicNtk128.ApplyRotary(q, 1, k, 1, new[] { 0, 1, 2, 9000 }, 5000), "sequenceLength is 5000");

    [Fact]
    public void HalfShiftOfAPartialToken() =>
        AssertRejected<Half>((keys, _) => Llama31Half.ShiftRotary(keys, 3, 1), "keys has 512 elements", "multiple of 384");

    // RotateInto: a, the cache (4 rows of one head); b, compared unchanged too; the source is checked separately.

    private static void AssertCacheWriteRejected<T>(float[] source, int[] positions, int[] slots, int? sequenceLength, params string[] messageParts)
    {
        float[] sourceBefore = source.ToArray();
        PrecisionOverloads<T> kernels = PrecisionOverloads<T>.Generated(typeof(Llama31Half), Llama31Half.RopeGenRotary.Config);
        AssertRejected<T>((cache, _) =>
        {
            if (sequenceLength is int n) kernels.RotateIntoWithLength(source, positions, 1, cache, slots, n);
            else kernels.RotateInto(source, positions, 1, cache, slots);
        }, messageParts);
        Assert.Equal(sourceBefore, source);
    }

    [Fact]
    public void SlotPastTheCache() =>
        AssertCacheWriteRejected<Half>(TestData.Random(2 * D, 1), new[] { 7, 8 }, new[] { 3, 4 }, null,
            "slots[1] is 4", "expected a cache row from 0 to 3", "holds 4 rows");

    [Fact]
    public void NegativeSlot() =>
        AssertCacheWriteRejected<BFloat16>(TestData.Random(2 * D, 1), new[] { 7, 8 }, new[] { -1, 0 }, null, "slots[0] is -1");

    [Fact]
    public void RepeatedSlot() =>
        AssertCacheWriteRejected<float>(TestData.Random(3 * D, 1), new[] { 7, 8, 9 }, new[] { 2, 0, 2 }, null,
            "slots[2] is 2, like slots[0]", "each cache row written by one token at most");

    [Fact]
    public void OneSlotShort() =>
        AssertCacheWriteRejected<Half>(TestData.Random(2 * D, 1), new[] { 7, 8 }, new[] { 1 }, null, "slots has 1 entries; expected 2");

    [Fact]
    public void SourceLengthThatDisagreesWithThePositions() =>
        AssertCacheWriteRejected<Half>(TestData.Random(3 * D, 1), new[] { 7, 8 }, new[] { 0, 1 }, null, "positions cover 2 tokens, but source has 384 elements", "3 tokens");

    [Fact]
    public void NegativePositionWhenWritingTheCache() =>
        AssertCacheWriteRejected<BFloat16>(TestData.Random(2 * D, 1), new[] { 7, -8 }, new[] { 0, 1 }, 100, "positions[1] is -8");

    [Fact]
    public void SequenceLengthBelowThePositionsWhenWritingTheCache() =>
        AssertCacheWriteRejected<float>(TestData.Random(2 * D, 1), new[] { 7, 80 }, new[] { 0, 1 }, 50, "sequenceLength is 50", "81");

    [Fact]
    public void CacheThatIsNotWholeRows()
    {
        var cache = new Half[4 * D + 3];
        var error = Assert.Throws<ArgumentException>(() => Llama31Half.RotateInto(TestData.Random(D, 1), new[] { 0 }, 1, cache, new[] { 0 }));
        Assert.Equal("cache", error.ParamName);
        Assert.Contains("cache has 515 elements; expected a multiple of 128", error.Message);
        Assert.All(cache, h => Assert.Equal(0, BitConverter.HalfToUInt16Bits(h)));
    }

    [Fact]
    public void ParameterNamesAreReported()
    {
        Assert.Equal("slots", Assert.Throws<ArgumentException>(() => Llama31Half.RotateInto(new float[D], new[] { 0 }, 1, new Half[D], new[] { 1 })).ParamName);
        Assert.Equal("numKeyValueHeads",
            Assert.Throws<ArgumentOutOfRangeException>(() => Llama31Half.ApplyRotary(new BFloat16[D], 1, new BFloat16[D], 0, new[] { 0 })).ParamName);
    }
}
