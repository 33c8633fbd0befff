using System.Text.Json.Serialization;

namespace RopeGen.Benchmarks;

/// <summary>One case's medians, in nanoseconds per call, as written to the --json file.</summary>
public sealed record QuickResult(
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("generated_ns")] double GeneratedNs,
    [property: JsonPropertyName("inplace_ns")] double InPlaceNs,
    [property: JsonPropertyName("copy_ns")] double CopyNs,
    [property: JsonPropertyName("generic_ns")] double GenericNs,
    [property: JsonPropertyName("naive_ns")] double NaiveNs)
{
    [JsonIgnore]
    public bool IsDecode => Case.StartsWith("decode-", System.StringComparison.Ordinal);
}
