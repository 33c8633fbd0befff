using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using FrequencyPlots;
using RopeGen;
using ScottPlot;

// Writes docs/images/wavelengths.svg (per-pair wavelength of each scaling kind, real models' settings) and
// docs/images/decay.svg (RoFormer's long-term decay bound). Frequencies come from RopeGen's runtime math.
string output = args.Length > 0 ? args[0] : Path.Combine(FindRepoRoot(), "docs", "images");
Directory.CreateDirectory(output);

(string Name, RotaryConfig Config, int SequenceLength)[] kinds =
{
    ("default (Llama 2)", new RotaryConfig(128, 10000), 0),
    ("linear x4", new RotaryConfig(128, 10000, RopeScaling.Linear) { Factor = 4 }, 0),
    ("NTK-aware x4", new RotaryConfig(128, 10000, RopeScaling.NtkAware) { Factor = 4 }, 0),
    ("dynamic NTK x4 at 2L", new RotaryConfig(128, 10000, RopeScaling.DynamicNtk) { Factor = 4, OriginalMaxPositions = 4096 }, 8192),
    ("YaRN x4 (Qwen2)", new RotaryConfig(128, 1e6, RopeScaling.Yarn) { Factor = 4, OriginalMaxPositions = 32768 }, 0),
    ("Llama 3.1", new RotaryConfig(128, 500000, RopeScaling.Llama3) { Factor = 8, OriginalMaxPositions = 8192 }, 0),
    ("LongRoPE short (Phi-3)", KnownModels.Phi3Mini128k, 4096),
    ("LongRoPE long (Phi-3)", KnownModels.Phi3Mini128k, 4097),
};

Plot wavelengths = Charts.Create("Wavelength of each rotation pair, real models' scaling settings",
    "pair index i (head dim 128: 64 pairs; Phi-3, head dim 96: 48)", "wavelength 2π/θ in positions (log)");
wavelengths.Axes.Left.TickGenerator = Charts.LogTicks(1, 1e8, 10);
wavelengths.Axes.SetLimits(0, 64, 0, 8);
foreach (var (context, label) in new[] { (8192, "8,192: Llama 3.1's original context"), (131072, "131,072: Llama 3.1's and Phi-3's extended context") })
{
    wavelengths.Add.HorizontalLine(Math.Log10(context), pattern: LinePattern.Dashed, color: Colors.Gray);
    var text = wavelengths.Add.Text(label, 1, Math.Log10(context));
    text.LabelAlignment = Alignment.LowerLeft;
    text.LabelFontColor = Colors.DimGray;
}
Console.WriteLine("Wavelengths in positions (pair 0, middle pair, last pair):");
foreach (var (name, config, n) in kinds)
{
    double[] theta = RopeFrequencies.InverseFrequencies(config, n);
    double[] lambda = theta.Select(t => 2 * Math.PI / t).ToArray();
    var series = wavelengths.Add.ScatterLine(Enumerable.Range(0, lambda.Length).Select(i => (double)i).ToArray(), lambda.Select(Math.Log10).ToArray());
    series.LegendText = name;
    series.LineWidth = 2;
    Console.WriteLine($"  {name,-24} {lambda[0],10:0.0} {lambda[lambda.Length / 2],14:N0} {lambda[^1],16:N0}");
}
wavelengths.SaveSvg(Path.Combine(output, "wavelengths.svg"), 900, 500);

// RoFormer §3.4.3: relative upper bound (1/(d/2))·Σ_{j=1}^{d/2} |S_j|, S_j = Σ_{k<j} e^{i·r·θ_k}, θ_k = 10000^(−2k/d).
const int d = 128;
double Bound(int r)
{
    Complex partial = Complex.Zero;
    double sum = 0;
    for (int j = 1; j <= d / 2; j++)
    {
        partial += Complex.FromPolarCoordinates(1, r * Math.Pow(10000, -2.0 * (j - 1) / d));
        sum += partial.Magnitude;
    }
    return sum / (d / 2);
}
Plot decay = Charts.Create($"RoFormer's long-term decay bound ({Bound(0):0.0} at distance 0)",
    "relative distance m − n (log)", "relative upper bound of |q·k|");
decay.Axes.Bottom.TickGenerator = Charts.LogTicks(1, 4096, 4);
decay.Axes.SetLimits(-0.05, Math.Log10(4096) + 0.25, 0, 35);
var bound = decay.Add.ScatterLine(Enumerable.Range(1, 4096).Select(r => Math.Log10(r)).ToArray(), Enumerable.Range(1, 4096).Select(Bound).ToArray());
bound.LegendText = "d = 128, base 10000";
bound.LineWidth = 2;
int[] checkedDistances = { 0, 1, 4, 16, 64, 256, 1024, 4096 };
foreach (int r in checkedDistances.Skip(1))
{
    decay.Add.Marker(Math.Log10(r), Bound(r), MarkerShape.FilledCircle, 8, Colors.Black);
    var label = decay.Add.Text(Bound(r).ToString("0.0", CultureInfo.InvariantCulture), Math.Log10(r), Bound(r));
    label.LabelAlignment = Alignment.LowerLeft;
    label.LabelBold = true;
}
decay.SaveSvg(Path.Combine(output, "decay.svg"), 900, 500);
Console.WriteLine("Decay bound at distance " + string.Join(", ", checkedDistances.Select(r => $"{r}: {Bound(r):0.0}")));
Console.WriteLine($"Wrote {Path.Combine(output, "wavelengths.svg")} and {Path.Combine(output, "decay.svg")}");
return;

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "RopeGen.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
