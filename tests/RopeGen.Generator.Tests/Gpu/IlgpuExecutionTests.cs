using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Gpu;

/// <summary>
/// Compiles the generated ILGPU code against a real ILGPU.dll and runs every overload on ILGPU's CPU accelerator
/// against the CPU kernels and the double-precision reference, for every scaling kind in both layouts.
/// </summary>
public class IlgpuExecutionTests
{
    // One class per scaling kind and layout; small heads keep the CPU accelerator (a thread-by-thread simulator) fast.
    private static readonly (string Name, string Settings)[] Kinds =
    {
        ("Plain", "64"),
        ("Partial", "80, RotaryDim = 32"),
        ("Linear", "96, 10000, RopeScaling.Linear, Factor = 4"),
        ("NtkAware", "64, 10000, RopeScaling.NtkAware, Factor = 4"),
        ("DynamicNtk", "64, 10000, RopeScaling.DynamicNtk, Factor = 4, OriginalMaxPositions = 2048"),
        ("Yarn", "64, 10000, RopeScaling.Yarn, Factor = 40, OriginalMaxPositions = 4096, YarnMScale = 0.707, YarnMScaleAllDim = 0.5"),
        ("LongRope", "8, 10000, RopeScaling.LongRope, OriginalMaxPositions = 4096, Factor = 32, ShortFactors = new[] { 1.0, 1.5, 2.0, 2.5 }, LongFactors = new[] { 1.0, 4.0, 16.0, 64.0 }"),
        ("Llama3", "128, 500000, RopeScaling.Llama3, Factor = 8, OriginalMaxPositions = 8192"),
    };

    private const string Helpers = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using ILGPU;
        using ILGPU.Runtime;
        using ILGPU.Runtime.CPU;
        using RopeGen;

        public static partial class Driver
        {
            private static readonly int[] Positions = { 0, 3, 4095, 4096, 70_000, 999_999 };

            public static string Run()
            {
                using var context = Context.Create(b => b.CPU());
                using var accelerator = context.CreateCPUAccelerator(0);
                var failures = new List<string>();
                RunAll(accelerator, failures);
                return string.Join("\n", failures);
            }

            private static float[] Data(int length, int seed)
            {
                var rng = new Random(seed);
                return Enumerable.Range(0, length).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
            }

            private static float[] OnDevice(Accelerator accelerator, float[] data, int[] positions, Action<ArrayView<float>, ArrayView<int>> launch)
            {
                using var x = accelerator.Allocate1D(data);
                using var p = accelerator.Allocate1D(positions);
                launch(x.View, p.View);
                accelerator.Synchronize();
                return x.GetAsArray1D();
            }

            private static void Compare(List<string> failures, string what, float[] gpu, float[] cpu, double[]? exact = null)
            {
                double vsCpu = gpu.Zip(cpu, (g, c) => Math.Abs(g - c)).Max();
                double vsExact = exact is null ? 0 : gpu.Zip(exact, (g, e) => Math.Abs(g - e)).Max();
                if (vsCpu > 1e-5 || vsExact > 1e-5) failures.Add($"{what}: max |gpu - cpu| {vsCpu:E2}, max |gpu - exact| {vsExact:E2}");
            }

            private static double[] Exact(RotaryConfig config, float[] input, int[] positions, int heads, int sequenceLength = 0)
            {
                double[] exact = input.Select(v => (double)v).ToArray();
                RopeReference.Apply(config, exact, positions, heads, sequenceLength);
                return exact;
            }
        }
        """;

    private const string CheckTemplate = """
        public static partial class Driver
        {
            private static void Check_NAME(Accelerator accelerator, List<string> failures)
            {
                using var gpu = NAME.CreateGpuRotary(accelerator);
                RotaryConfig config = NAME.RopeGenRotary.Config;
                int d = NAME.RopeGenRotary.HeadDim, n = Positions.Length;

                float[] x = Data(n * 3 * d, 1), cpu = (float[])x.Clone();
                NAME.ApplyRotary(cpu, Positions, 3);
                Compare(failures, "NAME Apply", OnDevice(accelerator, x, Positions, (v, p) => gpu.Apply(v, p, 3)), cpu, Exact(config, x, Positions, 3));

                foreach (int length in new[] { 1_000_000, 5000 })
                {
                    int[] positions = { 0, 7, 1000, length - 1 };
                    float[] y = Data(4 * 2 * d, length), yCpu = (float[])y.Clone();
                    NAME.ApplyRotary(yCpu, positions, 2, length);
                    Compare(failures, $"NAME Apply(sequenceLength {length})", OnDevice(accelerator, y, positions, (v, p) => gpu.Apply(v, p, 2, length)), yCpu, Exact(config, y, positions, 2, length));
                }

                float[] q = Data(n * 4 * d, 2), k = Data(n * 2 * d, 3), qCpu = (float[])q.Clone(), kCpu = (float[])k.Clone();
                NAME.ApplyRotary(qCpu, 4, kCpu, 2, Positions);
                using (var qd = accelerator.Allocate1D(q))
                using (var kd = accelerator.Allocate1D(k))
                using (var pd = accelerator.Allocate1D(Positions))
                {
                    gpu.Apply(qd.View, 4, kd.View, 2, pd.View);
                    accelerator.Synchronize();
                    Compare(failures, "NAME fused q", qd.GetAsArray1D(), qCpu);
                    Compare(failures, "NAME fused k", kd.GetAsArray1D(), kCpu);
                }

                float[] keys = Data(5 * 2 * d, 4), keysCpu = (float[])keys.Clone();
                if (config.IsDynamic)
                {
                    try { OnDevice(accelerator, keys, new int[1], (v, _) => gpu.Shift(v, 2, 9)); failures.Add("NAME Shift did not throw"); }
                    catch (NotSupportedException) { }
                }
                else
                {
                    NAME.ShiftRotary(keysCpu, 2, -300);
                    Compare(failures, "NAME Shift", OnDevice(accelerator, keys, new int[1], (v, _) => gpu.Shift(v, 2, -300)), keysCpu);
                }

                // Any position is safe: a negative one is rotated backwards, never read outside the table.
                float[] odd = Data(2 * d, 5);
                float[] rotated = OnDevice(accelerator, odd, new[] { -5, int.MaxValue }, (v, p) => gpu.Apply(v, p, 1, 1));
                if (rotated.Any(v => !float.IsFinite(v))) failures.Add("NAME odd positions gave non-finite values");
            }
        }
        """;

    [IlgpuFact]
    public void GeneratedGpuKernelsMatchTheCpuKernelsOnIlgpusCpuAccelerator()
    {
        string ilgpuPath = Ilgpu.RealAssemblyPath!;
        string classes = string.Join("\n", Kinds.SelectMany(k => new[]
        {
            $"[Rotary({k.Settings})] public partial class {k.Name}Half {{ }}",
            $"[Rotary({k.Settings}, Layout = RotaryLayout.Interleaved)] public partial class {k.Name}Interleaved {{ }}",
        }));
        string[] names = Kinds.SelectMany(k => new[] { k.Name + "Half", k.Name + "Interleaved" }).ToArray();
        string checks = string.Join("\n", names.Select(n => CheckTemplate.Replace("NAME", n)));
        string runAll = "public static partial class Driver { private static void RunAll(Accelerator a, List<string> f) { "
            + string.Join(" ", names.Select(n => $"Check_{n}(a, f);")) + " } }";

        var compilation = TestCompilation.Create(new[] { Helpers + "\n" + classes, checks, runAll }
                .Select((s, i) => i == 0 ? s : "using System; using System.Collections.Generic; using System.Linq; using ILGPU; using ILGPU.Runtime; using RopeGen;\n" + s),
            new[] { MetadataReference.CreateFromFile(ilgpuPath) }, assemblyName: "GpuDriver")
            .WithOptions(TestCompilation.Create().Options.WithOutputKind(OutputKind.DynamicallyLinkedLibrary));
        var (_, output, result) = TestCompilation.RunGenerator(compilation);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        using var image = new MemoryStream();
        var emit = output.Emit(image);
        Assert.True(emit.Success, TestCompilation.Describe(emit.Diagnostics));

        var context = new AssemblyLoadContext("ilgpu-test", isCollectible: true);
        context.Resolving += (ctx, name) => name.Name == "ILGPU" ? ctx.LoadFromAssemblyPath(ilgpuPath) : null;
        try
        {
            image.Position = 0;
            Assembly driver = context.LoadFromStream(image);
            string failures = (string)driver.GetType("Driver")!.GetMethod("Run")!.Invoke(null, null)!;
            Assert.True(failures.Length == 0, failures);
        }
        finally
        {
            context.Unload();
        }
    }
}
