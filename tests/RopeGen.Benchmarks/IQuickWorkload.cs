using System;
using System.Collections.Generic;

namespace RopeGen.Benchmarks;

/// <summary>
/// The operations one quick-benchmark case times side by side, each under its column: <c>generated</c> and <c>copy</c>
/// always; <c>generic</c> (RotaryKernel), <c>naive</c> and <c>twopass</c> where the case has them.
/// </summary>
public interface IQuickWorkload
{
    IReadOnlyList<(string Column, Action Run)> Operations { get; }
}

/// <summary>One quick-benchmark case: its name (the JSON's <c>case</c>) and how to build its buffers.</summary>
public sealed record QuickCase(string Name, Func<IQuickWorkload> Create)
{
    /// <summary>Every case of <c>--quick</c>: the float cases of issue 6, then the 16-bit and cache-writing cases of issue 10.</summary>
    public static IReadOnlyList<QuickCase> All { get; } = Build();

    private static QuickCase[] Build()
    {
        var cases = new List<QuickCase>();
        foreach (BenchCase c in BenchCase.Quick) cases.Add(new QuickCase(c.Name, () => new Workload(c)));
        cases.Add(new QuickCase("prefill-512-f16", () => SixteenBitWorkload<Half>.Llama3(SixteenBitKernels.Half, 512, 0)));
        cases.Add(new QuickCase("prefill-512-bf16", () => SixteenBitWorkload<BFloat16>.Llama3(SixteenBitKernels.BFloat16, 512, 0)));
        cases.Add(new QuickCase("decode-llama3-8b-f16", () => SixteenBitWorkload<Half>.Llama3(SixteenBitKernels.Half, 1, 1000)));
        cases.Add(new QuickCase("cache-write-512-f16", () => new CacheWriteWorkload(512, 4096)));
        return cases.ToArray();
    }
}
