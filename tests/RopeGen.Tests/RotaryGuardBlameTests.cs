using System;

namespace RopeGen.Tests;

/// <summary>
/// Bad calls name the argument that is wrong (issue 15, item 13): the positions when the buffer holds whole tokens, q
/// or k when one of them disagrees with the other and the positions.
/// </summary>
public class RotaryGuardBlameTests
{
    [Fact]
    public void ABufferOfWholeTokensThatDisagreesWithThePositionsNamesThePositions()
    {
        // 192 = 3 tokens × 4 heads × 16, but 2 positions.
        var error = Assert.Throws<ArgumentException>(() => RotaryGuard.CheckLayout(192, 2, 4, 16, "x", "numHeads"));
        Assert.Equal("positions", error.ParamName);
        Assert.Contains("positions cover 2 tokens, but x has 192 elements = 3 tokens × 4 heads × 16 head dims", error.Message);
        Assert.Contains("expected positions for every token of x, or x of 128 elements", error.Message);
        // Fewer whole tokens than positions: the positions again.
        Assert.Equal("positions", Assert.Throws<ArgumentException>(() => RotaryGuard.CheckLayout(64, 2, 4, 16, "x", "numHeads")).ParamName);
        // Not a whole number of tokens: the buffer.
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => RotaryGuard.CheckLayout(200, 2, 4, 16, "x", "numHeads")).ParamName);
    }

    [Fact]
    public void TheFusedCheckNamesTheBufferThatDisagreesWithTheOtherAndThePositions()
    {
        RotaryGuard.CheckFusedLayout(2 * 4 * 16, 4, 2 * 1 * 16, 1, 2, 16);
        // k holds 3 tokens while q and the positions agree on 2: k is wrong.
        var k = Assert.Throws<ArgumentException>(() => RotaryGuard.CheckFusedLayout(128, 4, 48, 1, 2, 16));
        Assert.Equal("k", k.ParamName);
        Assert.Contains("k has 48 elements; expected 32 = 2 tokens × 1 heads × 16 head dims", k.Message);
        var q = Assert.Throws<ArgumentException>(() => RotaryGuard.CheckFusedLayout(100, 4, 32, 1, 2, 16));
        Assert.Equal("q", q.ParamName);
        // q and k agree on 3 tokens, the positions say 2: the positions are wrong.
        var positions = Assert.Throws<ArgumentException>(() => RotaryGuard.CheckFusedLayout(192, 4, 48, 1, 2, 16));
        Assert.Equal("positions", positions.ParamName);
        Assert.Contains("positions cover 2 tokens, but q has 192 elements = 3 tokens", positions.Message);
        Assert.Equal("numQueryHeads", Assert.Throws<ArgumentOutOfRangeException>(() => RotaryGuard.CheckFusedLayout(0, 0, 32, 1, 2, 16)).ParamName);
        Assert.Equal("numKeyValueHeads", Assert.Throws<ArgumentOutOfRangeException>(() => RotaryGuard.CheckFusedLayout(128, 4, 0, -1, 2, 16)).ParamName);
    }

    [Fact]
    public void AnEmptySequenceLengthMessageDoesNotInventAPosition()
    {
        var error = Assert.Throws<ArgumentException>(() => RotaryGuard.CheckSequenceLength(-1, RotaryGuard.MaxPosition(ReadOnlySpan<int>.Empty)));
        Assert.Equal("sequenceLength", error.ParamName);
        Assert.Contains("sequenceLength is -1; expected 0 or more (there are no positions to cover)", error.Message);
        Assert.DoesNotContain("reach", error.Message);
    }
}
