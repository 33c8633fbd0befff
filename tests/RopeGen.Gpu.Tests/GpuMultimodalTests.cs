using System;
using System.Linq;
using ILGPU;
using RopeGen.Kernels.Tests;
using static RopeGen.Testing.Buffers;

namespace RopeGen.Gpu.Tests;

/// <summary>
/// M-RoPE on the GPU (three position ids per token, <c>[3, tokens]</c>), for both section schemes and both layouts:
/// against the CPU kernels and the double reference; text tokens (three equal ids) rotate exactly as plain RoPE.
/// </summary>
[Collection(AcceleratorCollection.Name)]
public class GpuMultimodalTests(AcceleratorFixture gpu)
{
    private const double Tolerance = 2e-6;

    // Five tokens: text, an image patch grid, a patch past the first device rows, one past the table's cap.
    private static readonly int[] Temporal = { 0, 4, 4, 4, 70_000 }, Height = { 0, 4, 5, 4200, 70_003 }, Width = { 0, 4, 6, 4300, 65_540 };
    private static readonly int[] Positions = Temporal.Concat(Height).Concat(Width).ToArray();

    private IGpuMultimodalRotary Kernels(MultimodalCase kernel) => gpu.Kernels(kernel.Name, kernel.Create);

    private static double[] Exact(RotaryConfig config, float[] input, int heads)
    {
        double[] exact = input.Select(v => (double)v).ToArray();
        RopeReference.ApplyMultimodal(config, exact, Positions, heads);
        return exact;
    }

    private static void AssertClose(string what, float[] actual, float[] cpu, double[] exact)
    {
        double vsCpu = actual.Zip(cpu, (a, c) => (double)Math.Abs(a - c)).Max(), vsExact = TestData.MaxError(actual, exact);
        Assert.True(vsCpu <= Tolerance && vsExact <= Tolerance, $"{what}: max |gpu - cpu| {vsCpu:E2}, max |gpu - exact| {vsExact:E2}");
    }

    [Theory]
    [MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void ApplyMultimodalMatchesTheCpuKernelAndTheReference(MultimodalCase kernel)
    {
        const int heads = 3;
        float[] x = Random(Temporal.Length * heads * kernel.Config.HeadDim, 1), cpu = x.ToArray();
        kernel.Apply(cpu, Positions, heads);

        foreach (int? length in new int?[] { null, 80_000 })
        {
            float[] rotated = gpu.Run(x, Positions, (v, p) =>
            {
                if (length is int n) Kernels(kernel).ApplyMultimodal(v, p, heads, n);
                else Kernels(kernel).ApplyMultimodal(v, p, heads);
            });
            AssertClose($"{kernel.Name}, length {length}", rotated, cpu, Exact(kernel.Config, x, heads));
        }
    }

    [Theory]
    [MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void FusedQueriesAndKeysMatchTheCpuKernelAndTheReference(MultimodalCase kernel)
    {
        int d = kernel.Config.HeadDim;
        float[] q = Random(Temporal.Length * 4 * d, 2), k = Random(Temporal.Length * 2 * d, 3), qCpu = q.ToArray(), kCpu = k.ToArray();
        kernel.ApplyFused(qCpu, 4, kCpu, 2, Positions);

        foreach (int? length in new int?[] { null, 80_000 })
        {
            var (qRotated, kRotated) = gpu.Run(q, k, Positions, (qv, kv, p) =>
            {
                if (length is int n) Kernels(kernel).ApplyMultimodal(qv, 4, kv, 2, p, n);
                else Kernels(kernel).ApplyMultimodal(qv, 4, kv, 2, p);
            });
            AssertClose($"{kernel.Name} q, length {length}", qRotated, qCpu, Exact(kernel.Config, q, 4));
            AssertClose($"{kernel.Name} k, length {length}", kRotated, kCpu, Exact(kernel.Config, k, 2));
        }
    }

    [Theory]
    [MemberData(nameof(MultimodalCase.Cases), MemberType = typeof(MultimodalCase))]
    public void TextTokensRotateExactlyAsPlainRope(MultimodalCase kernel)
    {
        const int heads = 2;
        int[] text = { 0, 9, 4097, 70_000 };
        float[] x = Random(text.Length * heads * kernel.Config.HeadDim, 4), cpu = x.ToArray();
        kernel.Plain(cpu, text, heads);

        float[] plain = gpu.Run(x, text, (v, p) => Kernels(kernel).Apply(v, p, heads));
        float[] multimodal = gpu.Run(x, text.Concat(text).Concat(text).ToArray(), (v, p) => Kernels(kernel).ApplyMultimodal(v, p, heads));

        AssertBitwiseEqual(plain, multimodal, $"{kernel.Name}: text tokens");
        Assert.InRange(plain.Zip(cpu, (a, c) => (double)Math.Abs(a - c)).Max(), 0, Tolerance);
    }

    [Fact]
    public void PositionsThatAreNotThreeIdsPerTokenAreRejected()
    {
        MultimodalCase kernel = MultimodalCase.All[0];
        float[] x = Random(2 * kernel.Config.HeadDim, 5);
        ArgumentException? error = null;
        float[] after = gpu.Run(x, new[] { 0, 1, 2, 3 }, (v, p) => error = Assert.ThrowsAny<ArgumentException>(() => Kernels(kernel).ApplyMultimodal(v, p, 1)));
        Assert.Equal("positions", error!.ParamName);
        Assert.Contains("expected 3 × tokens", error.Message);
        Assert.Equal(x, after);
    }
}
