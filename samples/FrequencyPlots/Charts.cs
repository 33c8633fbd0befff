using System;
using System.Globalization;
using System.Linq;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace FrequencyPlots;

/// <summary>
/// The two charts' common look, drawn with ScottPlot. ScottPlot has no logarithmic axis: values go in as log10 and a
/// manual tick generator labels the decades with the plain numbers.
/// </summary>
public static class Charts
{
    /// <summary>A 900 × 500 chart with a title, axis labels and the legend on the right.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Right);
        // Room for the longest tick label (manual ticks are not measured before the layout is made).
        plot.Axes.Left.MinimumSize = 70;
        return plot;
    }

    /// <summary>Ticks at min, min·ratio, min·ratio², … up to max on a log10 axis, labelled as plain numbers.</summary>
    public static ITickGenerator LogTicks(double min, double max, double ratio)
    {
        var ticks = new NumericManual();
        int count = (int)Math.Round(Math.Log(max / min) / Math.Log(ratio));
        foreach (double value in Enumerable.Range(0, count + 1).Select(i => min * Math.Pow(ratio, i)))
            ticks.AddMajor(Math.Log10(value), Format(value));
        return ticks;
    }

    /// <summary>A short tick label: 4,096, 10k, 1M.</summary>
    public static string Format(double value) => value switch
    {
        >= 1e6 => (value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e4 => (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
    };
}
