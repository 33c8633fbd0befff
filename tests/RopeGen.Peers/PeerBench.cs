using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Text.Json;
using System.Threading;
using RopeGen.Benchmarks;

namespace RopeGen.Peers;

/// <summary>
/// The peers benchmark: per case, every implementation on its own 64-byte-aligned copy of the same q, cross-checked
/// against the exact rotation, then timed in interleaved rounds (<see cref="Rounds"/>); medians per token.
/// </summary>
public static class PeerBench
{
    /// <summary>One timed operation; <c>Native</c>: a native library's threads, which keep spinning a while after a call.</summary>
    private sealed record Op(string Column, Action Run, bool Native = false);

    public static int Run(IReadOnlyList<PeerCase> cases, RoundSettings settings, string? jsonPath)
    {
        GgmlLibrary? ggml = GgmlLibrary.TryLoad(out string ggmlStatus);
        string torchStatus = TorchPeer.Description;
        string machine = $"{Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
                         $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}";
        string method = $"q {PeerCase.Heads} heads x {PeerCase.HeadDim}, plain RoPE (base 10000); each implementation on its own 64-byte-aligned copy, " +
                        $"cross-checked at positions below {CrossCheck.MaxPosition}; {settings.Count} interleaved rounds after {settings.WarmUp.TotalMilliseconds:0} ms of warm-up, " +
                        $"samples of at least {settings.SampleTarget.TotalMilliseconds:0.##} ms; medians per token; -2t: RopeGen's ParallelOptions overloads (MaxDegreeOfParallelism 2), the in-place limit and the copy split by tokens over 2 threads by the caller, ggml n_threads 2, torch set_num_threads(2)";
        Console.WriteLine($"RopeGen peers benchmark: {machine}.");
        Console.WriteLine($"Method: {method}.");
        Console.WriteLine($"ggml: {(ggml is null ? "UNAVAILABLE: " : "")}{ggmlStatus}");
        Console.WriteLine($"torch: {(TorchPeer.Unavailable is null ? "" : "UNAVAILABLE: ")}{torchStatus}");
        Console.WriteLine();
        Console.WriteLine($"{"ns per token",-28} {"thr",3} {"generated",10} {"runtime",10} {"in-place",10} {"copy",10} {"ggml",10} {"torch",10} {"torch-pre",10}   gen/inpl  rt/gen  ggml/gen  torch/gen");

        var rows = new List<PeerRow>();
        for (int c = 0; c < cases.Count; c++)
        {
            PeerCase peerCase = cases[c];
            Console.Error.WriteLine($"[{c + 1}/{cases.Count}] {peerCase.Name}: cross-check, warm-up, {settings.Count} rounds");
            rows.Add(Measure(peerCase, ggml, settings));
            Console.WriteLine(Format(rows[^1]));
        }
        PeerGoals.Report(rows);
        if (jsonPath is not null)
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(jsonPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            var report = new PeerReport(machine, method, "ns per token", ggml is null ? "unavailable: " + ggmlStatus : ggmlStatus,
                TorchPeer.Unavailable is null ? torchStatus : "unavailable: " + torchStatus, rows.ToArray());
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            Console.WriteLine($"wrote {jsonPath}");
        }
        return 0;
    }

    private static PeerRow Measure(PeerCase peerCase, GgmlLibrary? ggml, RoundSettings settings)
    {
        var rng = new Random(42);
        float[] input = new float[peerCase.Floats];
        for (int i = 0; i < input.Length; i++) input[i] = (float)rng.NextDouble() - 0.5f;
        float[] expected = CrossCheck.Reference(peerCase, input);

        var ropeGen = new RopeGenOps(peerCase);
        using AlignedBuffer generated = Filled(input), runtime = Filled(input), inPlace = Filled(input), copy = Filled(input), copyTarget = Filled(input);
        var ops = new List<Op>
        {
            new("generated", ropeGen.Generated(generated)),
            new("runtime", ropeGen.Runtime(runtime)),
            new("inplace512", ropeGen.InPlace512(inPlace)),
            new("inplace256", ropeGen.InPlace256(inPlace)),
            new("copy", ropeGen.Copy(copy, copyTarget)),
        };
        ops[0].Run();
        CrossCheck.Check("the generated kernel", peerCase, generated.Span, expected, CrossCheck.RopeGenTolerance);
        ops[1].Run();
        CrossCheck.Check("RotaryKernel", peerCase, runtime.Span, expected, CrossCheck.RopeGenTolerance);

        using GgmlRope? ggmlRope = ggml is null ? null : new GgmlRope(ggml, peerCase);
        if (ggmlRope is not null)
        {
            input.CopyTo(ggmlRope.Q);
            ggmlRope.Run();
            CrossCheck.Check("ggml", peerCase, ggmlRope.Q, expected, CrossCheck.FloatAngleTolerance);
            ops.Add(new("ggml", ggmlRope.Run, Native: peerCase.Threads > 1));
        }
        using IDisposable? torch = AddTorch(peerCase, input, expected, ops);

        double[] medians = Rounds.Medians(ops.Select(o => o.Run).ToArray(), settings,
            // A native library's worker threads spin after a call; let them sleep before the next sample starts.
            afterSample: i => { if (ops[i].Native) Thread.Sleep(5); },
            afterRound: done => { if (done % 10 == 0 && done < settings.Count) Console.Error.WriteLine($"    {done}/{settings.Count} rounds"); });
        double? PerToken(string column)
        {
            int i = ops.FindIndex(o => o.Column == column);
            return i < 0 ? null : Math.Round(medians[i] / peerCase.Tokens, 1);
        }
        double inPlace512 = PerToken("inplace512")!.Value, inPlace256 = PerToken("inplace256")!.Value;
        return new PeerRow(peerCase.Name, peerCase.Threads, peerCase.Tokens, PerToken("generated")!.Value, PerToken("runtime")!.Value,
            Math.Min(inPlace512, inPlace256), PerToken("copy")!.Value, PerToken("ggml"), PerToken("torch"), PerToken("torch_inplace"),
            inPlace512, inPlace256);
    }

    /// <summary>Adds TorchSharp's two operations where it loads (cross-checked first); returns what to dispose.</summary>
    private static IDisposable? AddTorch(PeerCase peerCase, float[] input, float[] expected, List<Op> ops)
    {
#if PEER_PACKAGES
        if (TorchPeer.Unavailable is not null) return null;
        TorchSharp.torch.set_num_threads(peerCase.Threads);
        var torch = new TorchRope(peerCase, input);
        using (TorchSharp.torch.Tensor result = torch.HuggingFace())
            CrossCheck.Check("TorchSharp (transformers style)", peerCase, result.data<float>().ToArray(), expected, CrossCheck.FloatAngleTolerance);
        torch.InPlace();
        CrossCheck.Check("TorchSharp (in place)", peerCase, torch.Q.data<float>().ToArray(), expected, CrossCheck.FloatAngleTolerance);
        ops.Add(new("torch", () => torch.HuggingFace().Dispose(), Native: peerCase.Threads > 1));
        ops.Add(new("torch_inplace", torch.InPlace, Native: peerCase.Threads > 1));
        return torch;
#else
        return null;
#endif
    }

    private static AlignedBuffer Filled(float[] input)
    {
        var buffer = new AlignedBuffer(input.Length);
        input.CopyTo(buffer.Span);
        return buffer;
    }

    private static string Format(PeerRow r)
    {
        static string Ns(double? ns) => ns is double v ? $"{v,10:0.0}" : $"{"n/a",10}";
        static string Ratio(double? a, double b) => a is double v ? $"{v / b,8:0.00}x" : $"{"n/a",9}";
        return $"{r.Case,-28} {r.Threads,3} {Ns(r.GeneratedNs)} {Ns(r.RuntimeNs)} {Ns(r.InPlaceNs)} {Ns(r.CopyNs)} {Ns(r.GgmlNs)} {Ns(r.TorchNs)} {Ns(r.TorchInPlaceNs)}  " +
               $"{Ratio(r.GeneratedNs, r.InPlaceNs)} {Ratio(r.RuntimeNs, r.GeneratedNs)} {Ratio(r.GgmlNs, r.GeneratedNs)} {Ratio(r.TorchNs, r.GeneratedNs)}";
    }
}
