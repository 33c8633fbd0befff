using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RopeGen.Generator.Config;

namespace RopeGen.Generator.Analyzers
{
    /// <summary>One compilation's AdditionalFiles as config sources: path resolution, and each file parsed once however
    /// many classes name it.</summary>
    internal sealed class ConfigFileCache
    {
        private readonly ImmutableArray<AdditionalText> _files;
        private readonly string[] _paths;
        private readonly string? _projectDir;
        private readonly ConcurrentDictionary<string, Lazy<ConfigJson>> _parsed = new(StringComparer.Ordinal);

        public ConfigFileCache(AnalyzerOptions options)
        {
            _files = options.AdditionalFiles;
            _paths = _files.Select(f => f.Path).ToArray();
            _projectDir = options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ConfigFiles.ProjectDirOption, out string? dir) ? dir : null;
        }

        public ConfigFileMatch Resolve(string path) => ConfigFileResolver.Resolve(path, _paths, _projectDir);

        /// <summary>The parse of <paramref name="file"/>, a path that <see cref="Resolve"/> returned.</summary>
        public ConfigJson Parse(string file, CancellationToken ct) =>
            _parsed.GetOrAdd(file, f => new Lazy<ConfigJson>(() => ConfigFiles.Parse(_files.First(t => t.Path == f), ct))).Value;
    }
}
