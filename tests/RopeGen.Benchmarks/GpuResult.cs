using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace RopeGen.Benchmarks;

/// <summary>One GPU case's medians, in nanoseconds per call (launch to completion), as written to the --gpu --json file.</summary>
public sealed record GpuResult(
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("kernel_ns")] double KernelNs,
    [property: JsonPropertyName("copy_ns")] double CopyNs,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("rounds")] int Rounds);

/// <summary>The --gpu --json file: the accelerator measured and each case's result (null where a case was skipped).</summary>
public sealed record GpuReport(
    [property: JsonPropertyName("accelerator")] string Accelerator,
    [property: JsonPropertyName("results")] IReadOnlyList<GpuResult> Results,
    [property: JsonPropertyName("skipped")] IReadOnlyList<string> Skipped);
