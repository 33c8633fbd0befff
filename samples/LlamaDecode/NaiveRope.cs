using System;

namespace RopeGen.Samples;

/// <summary>
/// RoPE as hand ports write it (llama2.c style): per element, the frequency from MathF.Pow and the angle's cos and sin,
/// in float, unscaled. The baseline the sample and the benchmarks compare the generated kernels with.
/// </summary>
public static class NaiveRope
{
    public static void Apply(Span<float> x, ReadOnlySpan<int> positions, int heads, int headDim, int rotaryDim, float theta, bool interleaved)
    {
        int half = rotaryDim / 2;
        for (int t = 0; t < positions.Length; t++)
            for (int h = 0; h < heads; h++)
            {
                int head = (t * heads + h) * headDim;
                for (int i = 0; i < half; i++)
                {
                    float freq = 1.0f / MathF.Pow(theta, 2.0f * i / rotaryDim);
                    float angle = positions[t] * freq;
                    float c = MathF.Cos(angle), s = MathF.Sin(angle);
                    int a = head + (interleaved ? 2 * i : i), b = head + (interleaved ? 2 * i + 1 : i + half);
                    float x1 = x[a], x2 = x[b];
                    x[a] = x1 * c - x2 * s;
                    x[b] = x2 * c + x1 * s;
                }
            }
    }
}
