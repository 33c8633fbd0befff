using System;

namespace RopeGen.Tests;

/// <summary>HeadView's factories and the guard's view and overlap rules, on their own (the kernels' use of them is in
/// RotaryKernelTests.Views and the generated kernels' LayoutTests).</summary>
public class HeadViewTests
{
    private const int D = 128;

    private static (long Offset, long TokenStride, long HeadStride) Where(HeadView view) => (view.Offset, view.TokenStride(D), view.HeadStride(D));

    [Fact]
    public void EachFactoryPlacesTheHeadsWhereItsLayoutHasThem()
    {
        // Head h of token t starts at offset + t × tokenStride + h × headStride.
        Assert.Equal((0L, 32L * 128, 128L), Where(HeadView.Contiguous(32)));                    // [tokens, 32, 128]
        Assert.Equal((4096L, 6144L, 128L), Where(HeadView.Packed(8, 32 * 128, 48 * 128)));    // Llama 3.1's k in [tokens, 48 × 128]
        Assert.Equal((0L, 128L, 100L * 128), Where(HeadView.HeadsMajor(8, 100)));             // [8, 100, 128]
        Assert.Equal((128L, 3L * 64 * 128, 3L * 128), Where(HeadView.Strided(64, 128, 3 * 64 * 128, 3 * 128))); // NeoX's k in [tokens, 64, 3, 128]
        Assert.Equal(8, HeadView.Packed(8, 4096, 6144).Heads);
        Assert.Equal(0, default(HeadView).Heads);
    }

    [Fact]
    public void ToStringNamesTheFactoryCall()
    {
        Assert.Equal("HeadView.Contiguous(32)", HeadView.Contiguous(32).ToString());
        Assert.Equal("HeadView.Packed(8, 4096, 6144)", HeadView.Packed(8, 4096, 6144).ToString());
        Assert.Equal("HeadView.HeadsMajor(8, 100)", HeadView.HeadsMajor(8, 100).ToString());
        Assert.Equal("HeadView.Strided(2, 5, 300, 140)", HeadView.Strided(2, 5, 300, 140).ToString());
        Assert.Equal("default(HeadView)", default(HeadView).ToString());
    }

    [Theory]
    [InlineData("heads", "heads is 0; expected at least 1 head")]
    [InlineData("offset", "offset is -1; expected 0 or more elements")]
    [InlineData("rowLength", "rowLength is 0; expected at least 1")]
    [InlineData("tokens", "tokens is -2; expected at least 1")]
    [InlineData("tokenStride", "tokenStride is 0; expected at least 1")]
    [InlineData("headStride", "headStride is -128; expected at least 1")]
    public void FactoriesRejectImpossibleValues(string parameter, string message)
    {
        Action make = parameter switch
        {
            "heads" => () => HeadView.Contiguous(0),
            "offset" => () => HeadView.Packed(8, -1, 6144),
            "rowLength" => () => HeadView.Packed(8, 0, 0),
            "tokens" => () => HeadView.HeadsMajor(8, -2),
            "tokenStride" => () => HeadView.Strided(8, 0, 0, 128),
            _ => () => HeadView.Strided(8, 0, 6144, -128),
        };
        var error = Assert.Throws<ArgumentOutOfRangeException>(make);
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void ABufferExactlyAsLongAsTheHeadsIsAccepted()
    {
        // Three tokens of Llama 3.1's packed rows: k ends 2 × 128 before the end of the last row (v follows).
        RotaryGuard.CheckView(3 * 6144 - 1024, 3, HeadView.Packed(8, 4096, 6144), D, "x", "view");
        RotaryGuard.CheckView(8 * 100 * D, 100, HeadView.HeadsMajor(8, 100), D, "x", "view");
        RotaryGuard.CheckView(0, 0, HeadView.Packed(8, 4096, 6144), D, "x", "view"); // no tokens: nothing to hold
        Assert.Contains("expected at least 17408", Assert.Throws<ArgumentException>(() =>
            RotaryGuard.CheckView(3 * 6144 - 1025, 3, HeadView.Packed(8, 4096, 6144), D, "x", "view")).Message);
    }

    private static void Disjoint(float[] buffer, int startA, HeadView a, int startB, HeadView b, int tokens) =>
        RotaryGuard.CheckDisjoint<float>(buffer.AsSpan(startA), a, buffer.AsSpan(startB), b, tokens, D, "q", "k");

    private static void Overlapping(float[] buffer, int startA, HeadView a, int startB, HeadView b, int tokens, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => Disjoint(buffer, startA, a, startB, b, tokens)).Message);

    [Fact]
    public void HeadsInOneBufferMustNotMeet()
    {
        var buffer = new float[4 * 6144];
        HeadView q = HeadView.Packed(32, 0, 6144);
        Disjoint(buffer, 0, q, 0, HeadView.Packed(8, 4096, 6144), 4);                            // q, then k, then v
        Disjoint(buffer, 0, HeadView.Packed(32, 1024, 6144), 0, HeadView.Packed(8, 0, 6144), 4); // k before q in the row
        Disjoint(new float[4 * 32 * D], 0, HeadView.Contiguous(32), 0, default, 4);              // no second view
        Overlapping(buffer, 0, q, 0, HeadView.Packed(8, 4096 - 64, 6144), 4, "q and k overlap");

        // k's last heads run into the next token's q: found for several tokens, harmless for one.
        HeadView wrapping = HeadView.Strided(8, 6144 - 512, 6144, D);
        Overlapping(buffer, 0, q, 0, wrapping, 2, "q and k overlap");
        Disjoint(buffer, 0, q, 0, wrapping, 1);

        // GPT-NeoX [tokens, heads, 3, d]: q's and k's heads interleave without meeting, unless k moves by half a head.
        var neoX = new float[4 * 3 * 16 * D];
        HeadView neoXq = HeadView.Strided(16, 0, 3 * 16 * D, 3 * D);
        Disjoint(neoX, 0, neoXq, 0, HeadView.Strided(16, D, 3 * 16 * D, 3 * D), 4);
        Overlapping(neoX, 0, neoXq, 0, HeadView.Strided(16, D / 2, 3 * 16 * D, 3 * D), 4, "q and k overlap");

        // Separate spans of one array, k's starting before q's; heads-major q and k one after the other.
        Disjoint(buffer, 8 * D, HeadView.Contiguous(4), 0, HeadView.Contiguous(8), 1);
        Overlapping(buffer, 7 * D, HeadView.Contiguous(4), 0, HeadView.Contiguous(8), 1, "q and k overlap");
        Disjoint(buffer, 0, HeadView.HeadsMajor(32, 4), 32 * 4 * D, HeadView.HeadsMajor(8, 4), 4);
        Overlapping(buffer, 0, HeadView.HeadsMajor(32, 4), 32 * 4 * D - D, HeadView.HeadsMajor(8, 4), 4, "q and k overlap");
    }
}
