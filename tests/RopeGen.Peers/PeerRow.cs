using System.Text.Json.Serialization;

namespace RopeGen.Peers;

/// <summary>One case's medians in nanoseconds per token, as written to the --json file; null where a peer is unavailable.</summary>
public sealed record PeerRow(
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("tokens")] int Tokens,
    [property: JsonPropertyName("generated_ns")] double GeneratedNs,
    [property: JsonPropertyName("runtime_ns")] double RuntimeNs,
    [property: JsonPropertyName("inplace_ns")] double InPlaceNs,
    [property: JsonPropertyName("copy_ns")] double CopyNs,
    [property: JsonPropertyName("ggml_ns")] double? GgmlNs,
    [property: JsonPropertyName("torch_ns")] double? TorchNs,
    [property: JsonPropertyName("torch_inplace_ns")] double? TorchInPlaceNs,
    [property: JsonPropertyName("inplace512_ns")] double InPlace512Ns,
    [property: JsonPropertyName("inplace256_ns")] double InPlace256Ns)
{
    [JsonIgnore]
    public bool IsDecode => Case.StartsWith("decode-", System.StringComparison.Ordinal);
}

/// <summary>The --json file: the machine, the method, each peer's status and one row per case.</summary>
public sealed record PeerReport(
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("ggml")] string Ggml,
    [property: JsonPropertyName("torch")] string Torch,
    [property: JsonPropertyName("rows")] PeerRow[] Rows);
