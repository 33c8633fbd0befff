using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace FrequencyPlots;

/// <summary>A line chart written as plain SVG: axes with ticks, optional log-10 y axis, one coloured line per series.</summary>
public sealed class SvgPlot(string title, string xLabel, string yLabel, bool logY)
{
    private const int Width = 860, Height = 480, Left = 80, Right = 230, Top = 50, Bottom = 60;
    private static readonly string[] Colors = { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf" };
    private readonly List<(string Name, (double X, double Y)[] Points)> _series = new();

    public void Add(string name, IEnumerable<(double X, double Y)> points) => _series.Add((name, points.ToArray()));

    public string Render()
    {
        double Y(double v) => logY ? Math.Log10(v) : v;
        var all = _series.SelectMany(s => s.Points).ToArray();
        double x0 = all.Min(p => p.X), x1 = all.Max(p => p.X);
        double y0 = logY ? Math.Floor(all.Min(p => Y(p.Y))) : 0, y1 = logY ? Math.Ceiling(all.Max(p => Y(p.Y))) : all.Max(p => p.Y) * 1.05;
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        string Px(double x) => F(Left + (x - x0) / (x1 - x0) * plotW);
        string Py(double y) => F(Top + plotH - (Y(y) - y0) / (y1 - y0) * plotH);

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append($"<text x=\"{Width / 2}\" y=\"28\" text-anchor=\"middle\" font-size=\"16\">{Escape(title)}</text>\n");
        svg.Append($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#444\"/>\n");
        for (int i = 0; i <= 8; i++)
        {
            double x = x0 + (x1 - x0) * i / 8;
            svg.Append($"<text x=\"{Px(x)}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{F(x, "0")}</text>\n");
        }
        int yTicks = logY ? (int)(y1 - y0) : 5;
        for (int i = 0; i <= yTicks; i++)
        {
            double yv = y0 + (y1 - y0) * i / yTicks, y = logY ? Math.Pow(10, yv) : yv;
            string label = logY ? $"1e{yv:0}" : F(y, "0.0");
            svg.Append($"<line x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{Py(y)}\" y2=\"{Py(y)}\" stroke=\"#ddd\"/>\n");
            svg.Append($"<text x=\"{Left - 8}\" y=\"{Py(y)}\" text-anchor=\"end\" dominant-baseline=\"middle\">{label}</text>\n");
        }
        svg.Append($"<text x=\"{Left + plotW / 2}\" y=\"{Height - 15}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n");
        svg.Append($"<text transform=\"translate(20,{Top + plotH / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>\n");
        for (int s = 0; s < _series.Count; s++)
        {
            string color = Colors[s % Colors.Length];
            string points = string.Join(" ", _series[s].Points.Select(p => $"{Px(p.X)},{Py(p.Y)}"));
            svg.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"/>\n");
            double ly = Top + 10 + s * 20;
            svg.Append($"<line x1=\"{Width - Right + 15}\" x2=\"{Width - Right + 40}\" y1=\"{F(ly)}\" y2=\"{F(ly)}\" stroke=\"{color}\" stroke-width=\"3\"/>\n");
            svg.Append($"<text x=\"{Width - Right + 46}\" y=\"{F(ly)}\" dominant-baseline=\"middle\">{Escape(_series[s].Name)}</text>\n");
        }
        return svg.Append("</svg>\n").ToString();
    }

    private static string F(double v, string format = "0.#") => v.ToString(format, CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;");
}
