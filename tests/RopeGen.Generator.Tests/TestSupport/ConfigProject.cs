using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>AdditionalFiles in memory, in a project at <see cref="ProjectDir"/>, as the SDK hands them to the compiler.</summary>
public static class ConfigProject
{
    public const string ProjectDir = "/repo/App/";

    /// <summary>An AdditionalFile at <paramref name="relativePath"/> under the project directory.</summary>
    public static AdditionalText File(string relativePath, string text) => new InMemoryText(ProjectDir + relativePath, text);

    /// <summary>A file of the corpus in tests/Configs, placed at <c>models/&lt;folder&gt;/config.json</c> in the project.</summary>
    public static AdditionalText Corpus(string folder) =>
        File($"models/{folder}/config.json", System.IO.File.ReadAllText(CorpusPath(folder)));

    public static string CorpusPath(string folder) => Path.Combine(RepoRoot.Path, "tests", "Configs", folder, "config.json");

    public static IEnumerable<string> CorpusFolders() =>
        Directory.GetDirectories(Path.Combine(RepoRoot.Path, "tests", "Configs")).Select(d => Path.GetFileName(d)).OrderBy(d => d, System.StringComparer.Ordinal);

    /// <summary>The global options the SDK passes: the project directory.</summary>
    public static AnalyzerConfigOptionsProvider Options { get; } = new ProjectOptions(ImmutableDictionary<string, string>.Empty
        .Add("build_property.projectdir", ProjectDir));

    /// <summary>The same options as the global .editorconfig the SDK writes (for Microsoft.CodeAnalysis.Testing).</summary>
    public const string GlobalConfig = "is_global = true\nbuild_property.projectdir = " + ProjectDir + "\n";

    /// <summary>The analyzers' diagnostics for <paramref name="source"/>, after the generator, with these files.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, params AdditionalText[] files)
    {
        Driver(files).RunGeneratorsAndUpdateCompilation(TestCompilation.Create(source), out Compilation output, out _);
        return await output.WithAnalyzers(AnalyzerRunner.All, AnalyzerOptions(files)).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>The driver of <see cref="TestCompilation.CreateDriver"/> with these files and options.</summary>
    public static GeneratorDriver Driver(params AdditionalText[] files) =>
        TestCompilation.CreateDriver().AddAdditionalTexts(ImmutableArray.Create(files)).WithUpdatedAnalyzerConfigOptions(Options);

    public static AnalyzerOptions AnalyzerOptions(params AdditionalText[] files) => new(ImmutableArray.Create(files), Options);

    /// <summary>A file whose text the test can change, so the driver sees an edited file.</summary>
    public sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class ProjectOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ImmutableDictionary<string, string>.Empty);

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
