using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FrequencyPlots;

/// <summary>One axis of a chart: its label, range, tick values and whether it is logarithmic.</summary>
public sealed record Axis(string Label, double Min, double Max, IReadOnlyList<double> Ticks, bool IsLog)
{
    /// <summary>Ticks every <paramref name="step"/> from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Axis Linear(string label, double min, double max, double step) =>
        new(label, min, max, Enumerable.Range(0, (int)Math.Round((max - min) / step) + 1).Select(i => min + i * step).ToArray(), IsLog: false);

    /// <summary>A log scale with ticks at min, min·ratio, min·ratio², … up to max.</summary>
    public static Axis Log(string label, double min, double max, double ratio) =>
        new(label, min, max, Enumerable.Range(0, (int)Math.Round(Math.Log(max / min) / Math.Log(ratio)) + 1).Select(i => min * Math.Pow(ratio, i)).ToArray(), IsLog: true);

    /// <summary>Where <paramref name="value"/> lies on the axis, 0 at <see cref="Min"/> and 1 at <see cref="Max"/>.</summary>
    public double Fraction(double value) =>
        IsLog ? Math.Log(value / Min) / Math.Log(Max / Min) : (value - Min) / (Max - Min);

    /// <summary>A short tick label: 4,096, 10k, 1M.</summary>
    public static string Format(double value) => value switch
    {
        >= 1e6 => (value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e4 => (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
    };
}
