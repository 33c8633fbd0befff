using System.Linq;

namespace RopeGen.Testing;

/// <summary>M-RoPE position ids for the kernel tests.</summary>
internal static class MultimodalIds
{
    /// <summary>Ids laid out [3, tokens], axis-major, from (temporal, height, width) per token.</summary>
    public static int[] Ids(params (int T, int H, int W)[] tokens) =>
        tokens.Select(t => t.T).Concat(tokens.Select(t => t.H)).Concat(tokens.Select(t => t.W)).ToArray();

    /// <summary>Text tokens (equal ids), image tokens, ids on both sides of the table's block and cap, up to 1,000,000.</summary>
    public static readonly int[] Mixed = Ids(
        (0, 0, 0), (5, 5, 5), (7, 3, 9), (100, 0, 50), (1023, 1024, 1025), (4096, 70000, 2), (12, 12, 13),
        (65536, 65536, 65536), (999_999, 1_000_000, 65536), (40000, 40001, 39999));
}
