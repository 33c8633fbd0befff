using System;

namespace RopeGen.Peers;

/// <summary>
/// Before any timing, every implementation rotates the same input once and is held against the exact double
/// rotation (<see cref="RopeReference"/>) at the case's small positions (below <see cref="MaxPosition"/>): a wrong
/// layout, mode or frequency shows as errors near 1, float rounding far below the tolerances.
/// </summary>
public static class CrossCheck
{
    /// <summary>Tokens at positions below this are compared (all of decode's and of 512-token prefill's).</summary>
    public const int MaxPosition = 1024;

    /// <summary>RopeGen's kernels: tables in double stored as float (README, Accuracy).</summary>
    public const double RopeGenTolerance = 2e-6;

    /// <summary>ggml and transformers form the angles p·θ in float: about 1e-4 off at these positions.</summary>
    public const double FloatAngleTolerance = 1e-3;

    /// <summary>The exact rotation of <paramref name="input"/> for the case.</summary>
    public static float[] Reference(PeerCase peerCase, float[] input)
    {
        float[] expected = (float[])input.Clone();
        RopeReference.Apply(peerCase.Config, expected, peerCase.Positions(), PeerCase.Heads);
        return expected;
    }

    /// <summary>The largest difference over the compared tokens; throws when it exceeds <paramref name="tolerance"/>.</summary>
    public static double Check(string what, PeerCase peerCase, ReadOnlySpan<float> actual, float[] expected, double tolerance)
    {
        int tokens = Math.Clamp(MaxPosition - peerCase.FirstPosition, 0, peerCase.Tokens);
        int floats = tokens * PeerCase.Heads * PeerCase.HeadDim;
        double worst = 0;
        for (int i = 0; i < floats; i++) worst = Math.Max(worst, Math.Abs(actual[i] - (double)expected[i]));
        if (!(worst <= tolerance))
            throw new InvalidOperationException($"{peerCase.Name}: {what} differs from the exact rotation by {worst:0.###e0} (tolerance {tolerance:0.#e0}); the comparison is void.");
        return worst;
    }
}
