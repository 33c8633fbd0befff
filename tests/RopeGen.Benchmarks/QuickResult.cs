using System.Text.Json.Serialization;

namespace RopeGen.Benchmarks;

/// <summary>One case's medians, in nanoseconds per call, as written to the --json file; columns a case lacks are left out.</summary>
public sealed record QuickResult(
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("generated_ns")] double GeneratedNs,
    [property: JsonPropertyName("copy_ns")] double CopyNs,
    [property: JsonPropertyName("generic_ns")] double GenericNs,
    [property: JsonPropertyName("naive_ns"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? NaiveNs,
    [property: JsonPropertyName("twopass_ns"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? TwoPassNs = null)
{
    [JsonIgnore]
    public bool IsDecode => Case.StartsWith("decode-", System.StringComparison.Ordinal);

    /// <summary>A 16-bit case (issue 10): in place on fp16/bf16 buffers, or writing an fp16 cache.</summary>
    [JsonIgnore]
    public bool IsSixteenBit => Case.EndsWith("-f16", System.StringComparison.Ordinal) || Case.EndsWith("-bf16", System.StringComparison.Ordinal);

    [JsonIgnore]
    public bool IsCacheWrite => Case.StartsWith("cache-write-", System.StringComparison.Ordinal);
}
