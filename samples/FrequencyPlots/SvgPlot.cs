using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace FrequencyPlots;

/// <summary>
/// A line chart written as plain SVG: axes with grid lines, one coloured line per series with a legend, dashed
/// horizontal reference lines and labelled points.
/// </summary>
public sealed class SvgPlot(string title, Axis x, Axis y)
{
    private const int Width = 900, Height = 500, Left = 80, Right = 250, Top = 50, Bottom = 60;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;
    private static readonly string[] Colors = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf" };
    private const string Halo = "stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\""; // keeps labels readable over lines
    private readonly List<(string Name, (double X, double Y)[] Points)> _series = new();
    private readonly List<(double Y, string Label)> _references = new();
    private readonly List<(double X, double Y, string Label)> _marks = new();

    public void Add(string name, IEnumerable<(double X, double Y)> points) => _series.Add((name, points.ToArray()));

    /// <summary>A dashed horizontal line across the plot, labelled at its left end.</summary>
    public void Reference(double yValue, string label) => _references.Add((yValue, label));

    /// <summary>A dot with its label, e.g. a value checked against a published figure.</summary>
    public void Mark(double xValue, double yValue, string label) => _marks.Add((xValue, yValue, label));

    public string Render()
    {
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append($"<text x=\"{F(Left + PlotWidth / 2)}\" y=\"28\" text-anchor=\"middle\" font-size=\"16\">{Escape(title)}</text>\n");
        foreach (double t in x.Ticks)
        {
            svg.Append($"<line x1=\"{Px(t)}\" x2=\"{Px(t)}\" y1=\"{Top}\" y2=\"{Top + PlotHeight}\" stroke=\"#eee\"/>\n");
            svg.Append($"<text x=\"{Px(t)}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{Axis.Format(t)}</text>\n");
        }
        foreach (double t in y.Ticks)
        {
            svg.Append($"<line x1=\"{Left}\" x2=\"{Left + PlotWidth}\" y1=\"{Py(t)}\" y2=\"{Py(t)}\" stroke=\"#eee\"/>\n");
            svg.Append($"<text x=\"{Left - 8}\" y=\"{Py(t)}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Axis.Format(t)}</text>\n");
        }
        svg.Append($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{PlotWidth}\" height=\"{PlotHeight}\" fill=\"none\" stroke=\"#444\"/>\n");
        svg.Append($"<text x=\"{F(Left + PlotWidth / 2)}\" y=\"{Height - 15}\" text-anchor=\"middle\">{Escape(x.Label)}</text>\n");
        svg.Append($"<text transform=\"translate(22,{F(Top + PlotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\">{Escape(y.Label)}</text>\n");
        foreach (var (value, label) in _references)
        {
            svg.Append($"<line x1=\"{Left}\" x2=\"{Left + PlotWidth}\" y1=\"{Py(value)}\" y2=\"{Py(value)}\" stroke=\"#888\" stroke-dasharray=\"6,4\"/>\n");
            svg.Append($"<text x=\"{Left + 6}\" y=\"{F(Y(value) - 4)}\" fill=\"#555\" {Halo}>{Escape(label)}</text>\n");
        }
        for (int s = 0; s < _series.Count; s++)
        {
            string color = Colors[s % Colors.Length];
            string points = string.Join(" ", _series[s].Points.Select(p => $"{Px(p.X)},{Py(p.Y)}"));
            svg.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"{points}\"/>\n");
            string legendY = F(Top + 10 + s * 22);
            svg.Append($"<line x1=\"{Width - Right + 15}\" x2=\"{Width - Right + 40}\" y1=\"{legendY}\" y2=\"{legendY}\" stroke=\"{color}\" stroke-width=\"3\"/>\n");
            svg.Append($"<text x=\"{Width - Right + 46}\" y=\"{legendY}\" dominant-baseline=\"middle\">{Escape(_series[s].Name)}</text>\n");
        }
        foreach (var (markX, markY, label) in _marks)
        {
            svg.Append($"<circle cx=\"{Px(markX)}\" cy=\"{Py(markY)}\" r=\"4\" fill=\"black\"/>\n");
            svg.Append($"<text x=\"{F(X(markX) + 6)}\" y=\"{F(Y(markY) - 8)}\" font-weight=\"bold\" {Halo}>{Escape(label)}</text>\n");
        }
        return svg.Append("</svg>\n").ToString();
    }

    private double X(double value) => Left + x.Fraction(value) * PlotWidth;

    private double Y(double value) => Top + (1 - y.Fraction(value)) * PlotHeight;

    private string Px(double value) => F(X(value));

    private string Py(double value) => F(Y(value));

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;");
}
