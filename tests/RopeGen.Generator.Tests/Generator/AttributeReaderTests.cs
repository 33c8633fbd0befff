extern alias attributes;
extern alias runtime;

using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using RopeGen.Generator.Parsing;
using RopeGen.Generator.Tests.TestSupport;
using RotaryAttr = attributes::RopeGen.RotaryAttribute;
using RuntimeConfig = runtime::RopeGen.RotaryConfig;

namespace RopeGen.Generator.Tests.Generator;

/// <summary>The attribute, the run-time configuration and the generator's reader agree on every setting's name and default.</summary>
public class AttributeReaderTests
{
    private static readonly PropertyInfo[] AttributeSettings = typeof(RotaryAttr)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.DeclaringType == typeof(RotaryAttr))
        .ToArray();

    [Fact]
    public void EverySettingOfTheAttributeIsASettingOfRotaryConfigAndBack()
    {
        string[] attributeNames = AttributeSettings.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        // The configuration's own settings: what its constructor takes and what can be set; derived properties are read-only.
        string[] configNames = typeof(RuntimeConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null || typeof(RuntimeConfig).GetConstructors()[0].GetParameters().Any(a => string.Equals(a.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(configNames, attributeNames);
    }

    [Fact]
    public void TheAttributesDefaultsAreRotaryConfigsDefaults()
    {
        var attribute = new RotaryAttr(64);
        var config = new RuntimeConfig(64);
        foreach (PropertyInfo setting in AttributeSettings)
            AssertSame(setting.Name, setting.GetValue(attribute), typeof(RuntimeConfig).GetProperty(setting.Name)!.GetValue(config));

        // The constructors' optional parameters (base, scaling) too.
        ParameterInfo[] attributeParameters = typeof(RotaryAttr).GetConstructors().Single().GetParameters();
        ParameterInfo[] configParameters = typeof(RuntimeConfig).GetConstructors().Single().GetParameters();
        Assert.Equal(configParameters.Select(p => (p.Name, p.HasDefaultValue, p.HasDefaultValue ? Convert.ToDouble(p.DefaultValue) : double.NaN)),
            attributeParameters.Select(p => (p.Name, p.HasDefaultValue, p.HasDefaultValue ? Convert.ToDouble(p.DefaultValue) : double.NaN)));
    }

    [Fact]
    public void TheReaderReadsAnAttributeThatSetsNothingAsRotaryConfigsDefaults()
    {
        INamedTypeSymbol type = Compile("[RopeGen.Rotary(64)] public partial class C { }");
        var read = RotaryAttributeReader.ReadSettings(type.GetAttributes().Single())!.ToConfig();
        var expected = new RuntimeConfig(64);
        foreach (PropertyInfo setting in AttributeSettings)
            AssertSame(setting.Name, read.GetType().GetProperty(setting.Name)!.GetValue(read), typeof(RuntimeConfig).GetProperty(setting.Name)!.GetValue(expected));
    }

    [Fact]
    public void TheReaderReadsEverySettingByTheAttributesName()
    {
        INamedTypeSymbol type = Compile("""
            [RopeGen.Rotary(96, 500000.0, RopeGen.RopeScaling.Yarn, RotaryDim = 64, Layout = RopeGen.RotaryLayout.Interleaved, Factor = 4,
                OriginalMaxPositions = 4096, MaxPositions = 16384, BetaFast = 16, BetaSlow = 2, AttentionFactor = 1.5, LowFreqFactor = 2,
                HighFreqFactor = 8, ShortFactors = new[] { 1.0, 2.0 }, LongFactors = new[] { 3.0 }, YarnTruncate = false, YarnMScale = 0.5,
                YarnMScaleAllDim = 0.25, MRopeSections = new[] { 8, 12, 12 }, MRopeInterleaved = true)]
            public partial class C { }
            """);
        var read = RotaryAttributeReader.ReadSettings(type.GetAttributes().Single())!.ToConfig();
        var expected = new RuntimeConfig(96, 500000.0, attributes::RopeGen.RopeScaling.Yarn)
        {
            RotaryDim = 64, Layout = attributes::RopeGen.RotaryLayout.Interleaved, Factor = 4, OriginalMaxPositions = 4096, MaxPositions = 16384,
            BetaFast = 16, BetaSlow = 2, AttentionFactor = 1.5, LowFreqFactor = 2, HighFreqFactor = 8, ShortFactors = [1.0, 2.0], LongFactors = [3.0],
            YarnTruncate = false, YarnMScale = 0.5, YarnMScaleAllDim = 0.25, MRopeSections = [8, 12, 12], MRopeInterleaved = true,
        };
        foreach (PropertyInfo setting in AttributeSettings)
            AssertSame(setting.Name, read.GetType().GetProperty(setting.Name)!.GetValue(read), typeof(RuntimeConfig).GetProperty(setting.Name)!.GetValue(expected));
    }

    private static INamedTypeSymbol Compile(string source)
    {
        Compilation compilation = TestCompilation.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation.GetTypeByMetadataName("C")!;
    }

    /// <summary>Equal values; enums by number (the two sides are different assemblies' copies); lists element by element.</summary>
    private static void AssertSame(string name, object? actual, object? expected)
    {
        object? Normal(object? value) => value switch
        {
            Enum e => Convert.ToInt32(e),
            IEnumerable list and not string => list.Cast<object>().ToArray(),
            _ => value,
        };
        Assert.True(Equals(Normal(actual), Normal(expected)) || (Normal(actual) is object[] a && Normal(expected) is object[] b && a.SequenceEqual(b)),
            $"{name}: read {actual ?? "null"}, expected {expected ?? "null"}");
    }
}
