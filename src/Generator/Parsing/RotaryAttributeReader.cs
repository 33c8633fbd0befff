using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RopeGen.Generator.Helpers;
using RopeGen.Generator.Model;

namespace RopeGen.Generator.Parsing
{
    /// <summary>
    /// Reads <c>[Rotary]</c> and <c>[RotaryFromConfig]</c> declarations for the generator's parser and for the analyzers
    /// alike, so that what the analyzers accept is what the generator extends: the attributes' names, the class checks
    /// (partial, generic, file-local), the settings with the attribute's own names and defaults (its source is linked
    /// into the generator), the largest head dim the generator unrolls, and where each setting is written.
    /// </summary>
    internal static class RotaryAttributeReader
    {
        /// <summary>The metadata name of <see cref="RotaryAttribute"/>.</summary>
        public const string RotaryName = "RopeGen." + nameof(RotaryAttribute);

        /// <summary>The metadata name of <see cref="RotaryFromConfigAttribute"/>.</summary>
        public const string FromConfigName = "RopeGen." + nameof(RotaryFromConfigAttribute);

        /// <summary>
        /// The largest head dim the generator unrolls kernels for (ROPE011): the generated source grows by about 160
        /// characters per dimension, and published models use 64 to 256.
        /// </summary>
        public const int MaxHeadDim = 1024;

        // What a [Rotary] leaves unset reads as the attribute's own initial values.
        private static readonly RotaryAttribute s_defaults = new(headDim: 0);

        /// <summary>The class, or the first of its containing types, that no declaration marks <c>partial</c> (ROPE001); null when all are.</summary>
        public static INamedTypeSymbol? NotPartial(INamedTypeSymbol type) => Chain(type).FirstOrDefault(t => !IsPartial(t));

        /// <summary>The class, or the first of its containing types, with type parameters of its own (ROPE009); null when none has.</summary>
        // Arity, not IsGenericType: IsGenericType is also true for a type nested in a generic one.
        public static INamedTypeSymbol? Generic(INamedTypeSymbol type) => Chain(type).FirstOrDefault(t => t.Arity > 0);

        /// <summary>The class, or the first of its containing types, that is file-local (ROPE012): generated code, in another
        /// file, cannot extend it. Null when none is.</summary>
        public static INamedTypeSymbol? FileLocal(INamedTypeSymbol type) => Chain(type).FirstOrDefault(t => t.IsFileLocal);

        /// <summary>A partial class in partial containers, none generic or file-local: one generated code can extend.</summary>
        // An empty name is a declaration the parser recovered from a syntax error.
        public static bool IsExtensible(INamedTypeSymbol type) =>
            type.TypeKind == TypeKind.Class && type.Name.Length > 0 && NotPartial(type) is null && Generic(type) is null && FileLocal(type) is null;

        /// <summary>True when some declaration of <paramref name="type"/> says <c>partial</c>.</summary>
        public static bool IsPartial(INamedTypeSymbol type) => type.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword));

        /// <summary>True when the compilation references ILGPU: the classes then get GPU members too.</summary>
        public static bool ReferencesIlgpu(Compilation compilation) => compilation.GetTypeByMetadataName("ILGPU.Runtime.Accelerator") is not null;

        /// <summary>True when a [Rotary] class's head dim is one the generator unrolls (else ROPE011).</summary>
        public static bool Unrolls(int headDim) => headDim <= MaxHeadDim;

        /// <summary>The settings of a <c>[Rotary]</c>; null if an argument is missing its value or has an error (the compiler reports those).</summary>
        public static RotarySettings? ReadSettings(AttributeData attribute)
        {
            var args = attribute.ConstructorArguments;
            if (args.Length != 3 || args.Any(a => a.Kind == TypedConstantKind.Error || a.Value is null)) return null;
            if (args[0].Value is not int headDim || args[1].Value is not double @base || args[2].Value is not int scaling) return null;
            if (!TryNamed(attribute, out Dictionary<string, TypedConstant> named)) return null;

            int Int(string name, int fallback) => named.TryGetValue(name, out var c) && c.Value is int v ? v : fallback;
            double Double(string name, double fallback) => named.TryGetValue(name, out var c) && c.Value is double v ? v : fallback;
            bool Bool(string name, bool fallback) => named.TryGetValue(name, out var c) && c.Value is bool v ? v : fallback;
            EquatableArray<double>? Doubles(string name) =>
                named.TryGetValue(name, out var c) && c.Kind == TypedConstantKind.Array && !c.IsNull
                    ? new EquatableArray<double>(c.Values.Select(v => v.Value is double d ? d : double.NaN))
                    : null;
            EquatableArray<int>? Ints(string name) =>
                named.TryGetValue(name, out var c) && c.Kind == TypedConstantKind.Array && !c.IsNull
                    ? new EquatableArray<int>(c.Values.Select(v => v.Value is int i ? i : 0))
                    : null;

            RotaryAttribute d = s_defaults;
            return new RotarySettings(
                headDim, @base, (RopeScaling)scaling,
                Int(nameof(d.RotaryDim), d.RotaryDim),
                (RotaryLayout)Int(nameof(d.Layout), (int)d.Layout),
                Double(nameof(d.Factor), d.Factor),
                Int(nameof(d.OriginalMaxPositions), d.OriginalMaxPositions),
                Int(nameof(d.MaxPositions), d.MaxPositions),
                Double(nameof(d.BetaFast), d.BetaFast),
                Double(nameof(d.BetaSlow), d.BetaSlow),
                Double(nameof(d.AttentionFactor), d.AttentionFactor),
                Double(nameof(d.LowFreqFactor), d.LowFreqFactor),
                Double(nameof(d.HighFreqFactor), d.HighFreqFactor),
                Doubles(nameof(d.ShortFactors)),
                Doubles(nameof(d.LongFactors)),
                Bool(nameof(d.YarnTruncate), d.YarnTruncate),
                Double(nameof(d.YarnMScale), d.YarnMScale),
                Double(nameof(d.YarnMScaleAllDim), d.YarnMScaleAllDim),
                Ints(nameof(d.MRopeSections)),
                Bool(nameof(d.MRopeInterleaved), d.MRopeInterleaved));
        }

        /// <summary>True when a <c>[Rotary]</c> sets <c>MRopeSections</c> (the class then takes M-RoPE's members too).</summary>
        public static bool SetsMRopeSections(AttributeData attribute) =>
            attribute.NamedArguments.Any(a => a.Key == nameof(RotaryAttribute.MRopeSections) && !a.Value.IsNull);

        /// <summary>The config path of a <c>[RotaryFromConfig]</c> as written, and the layout given beside it (null when none);
        /// false when an argument has an error (the compiler reports those).</summary>
        public static bool TryReadFromConfig(AttributeData attribute, out string path, out RotaryLayout? layout)
        {
            path = "";
            layout = null;
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error) return false;
            if (!TryNamed(attribute, out Dictionary<string, TypedConstant> named)) return false;
            path = attribute.ConstructorArguments[0].Value as string ?? "";
            if (named.TryGetValue(nameof(RotaryFromConfigAttribute.Layout), out var value) && value.Value is int l) layout = (RotaryLayout)l;
            return true;
        }

        /// <summary>
        /// The argument that sets <paramref name="setting"/> (a property name such as <c>HeadDim</c>): the named argument,
        /// else the constructor parameter of that name (by name or by position), else the whole attribute.
        /// </summary>
        public static Location ArgumentLocation(AttributeData attribute, AttributeSyntax? syntax, string setting)
        {
            if (syntax is null) return Location.None;
            var arguments = syntax.ArgumentList?.Arguments ?? default;
            AttributeArgumentSyntax? named = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == setting);
            if (named is not null) return named.GetLocation();

            // The constructor's parameters are the settings' names in camel case (headDim for HeadDim).
            var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
            IParameterSymbol? parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, setting, System.StringComparison.OrdinalIgnoreCase));
            if (parameter is null) return syntax.GetLocation();
            int index = parameters.IndexOf(parameter);
            AttributeArgumentSyntax? byName = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter.Name);
            if (byName is not null) return byName.GetLocation();
            var positional = arguments.Where(a => a.NameColon is null && a.NameEquals is null).ToList();
            return index < positional.Count ? positional[index].GetLocation() : syntax.GetLocation();
        }

        private static bool TryNamed(AttributeData attribute, out Dictionary<string, TypedConstant> named)
        {
            named = new Dictionary<string, TypedConstant>();
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Value.Kind == TypedConstantKind.Error) return false;
                named[pair.Key] = pair.Value;
            }
            return true;
        }

        private static IEnumerable<INamedTypeSymbol> Chain(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType) yield return t;
        }
    }
}
