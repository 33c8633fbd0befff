using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RopeGen.Generator.Helpers;
using RopeGen.Generator.Model;

namespace RopeGen.Generator
{
    public sealed partial class RotaryGenerator
    {
        /// <summary>
        /// Turns one annotated class into a plain-value spec, or null when the generator does not extend it (see
        /// <see cref="Extends"/>; an analyzer or the compiler reports why).
        /// </summary>
        internal static RotaryClassSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1) return null;
            Compilation compilation = context.SemanticModel.Compilation;
            bool hasIlgpu = compilation.GetTypeByMetadataName(IlgpuAcceleratorName) is not null;
            RotarySettings? settings = Extends(type, compilation, hasIlgpu);
            ct.ThrowIfCancellationRequested();
            if (settings is null) return null;

            var containers = new List<ContainingType>();
            for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
                containers.Insert(0, new ContainingType(Keyword(outer), outer.Name));
            var namespaces = new List<string>();
            for (INamespaceSymbol ns = type.ContainingNamespace; !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
                namespaces.Insert(0, ns.Name);

            string hintName = HintNames.Readable(namespaces.Concat(containers.Select(c => c.Name)).Append(type.Name));
            var hides = new EquatableArray<string>(GeneratedMemberConflicts.Hidden(type, settings.MRopeSections is not null, compilation, hasIlgpu));
            return new RotaryClassSpec(namespaces.Count == 0 ? null : string.Join(".", namespaces), new EquatableArray<ContainingType>(containers),
                Keyword(type), type.Name, hintName, settings, hides);
        }

        /// <summary>
        /// The settings of a [Rotary] class the generator extends, or null when it does not: not a class, not partial
        /// (or inside a type that is not), generic or inside a generic type, file-local or inside a file-local type
        /// (generated code cannot extend it), [Rotary] on more than one declaration, arguments with errors, settings
        /// that break a validation rule, a head dim above <see cref="MaxHeadDim"/>, or a member of the class named like a
        /// generated one.
        /// </summary>
        internal static RotarySettings? Extends(INamedTypeSymbol type, Compilation compilation, bool hasIlgpu)
        {
            // An empty name is a declaration the parser recovered from a syntax error.
            if (type.TypeKind != TypeKind.Class || type.Name.Length == 0 || !IsPartialChain(type) || type.IsGenericType || IsFileLocalChain(type))
                return null;
            INamedTypeSymbol? rotary = compilation.GetTypeByMetadataName(AttributeName);
            AttributeData[] attributes = type.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, rotary)).ToArray();
            if (attributes.Length != 1) return null;

            RotarySettings? settings = ReadSettings(attributes[0]);
            if (settings is null || settings.HeadDim > MaxHeadDim || RotaryValidation.Validate(settings.ToConfig()).Any(p => p.IsError)) return null;
            return GeneratedMemberConflicts.Clashes(type, settings.MRopeSections is not null, hasIlgpu).Any() ? null : settings;
        }

        /// <summary>True when the class or a containing type is file-local (<c>file</c>): generated code, in another file,
        /// cannot extend it (ROPE012).</summary>
        internal static bool IsFileLocalChain(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
                if (t.IsFileLocal) return true;
            return false;
        }

        /// <summary>
        /// The largest head dim the generator unrolls kernels for (ROPE011): the generated source grows by about 160
        /// characters per dimension, and published models use 64 to 256.
        /// </summary>
        internal const int MaxHeadDim = 1024;

        /// <summary>Reads the attribute's arguments; null if any is missing its value or has an error.</summary>
        internal static RotarySettings? ReadSettings(AttributeData attribute)
        {
            var args = attribute.ConstructorArguments;
            if (args.Length != 3 || args.Any(a => a.Kind == TypedConstantKind.Error || a.Value is null)) return null;
            if (args[0].Value is not int headDim || args[1].Value is not double @base || args[2].Value is not int scaling) return null;

            var named = new Dictionary<string, TypedConstant>();
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Value.Kind == TypedConstantKind.Error) return null;
                named[pair.Key] = pair.Value;
            }

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

            return new RotarySettings(
                headDim, @base, (RopeScaling)scaling,
                Int("RotaryDim", 0),
                (RotaryLayout)Int("Layout", 0),
                Double("Factor", 0.0),
                Int("OriginalMaxPositions", 0),
                Int("MaxPositions", 0),
                Double("BetaFast", RotaryConfig.DefaultBetaFast),
                Double("BetaSlow", RotaryConfig.DefaultBetaSlow),
                Double("AttentionFactor", 0.0),
                Double("LowFreqFactor", RotaryConfig.DefaultLowFreqFactor),
                Double("HighFreqFactor", RotaryConfig.DefaultHighFreqFactor),
                Doubles("ShortFactors"),
                Doubles("LongFactors"),
                Bool("YarnTruncate", true),
                Double("YarnMScale", 0.0),
                Double("YarnMScaleAllDim", 0.0),
                Ints("MRopeSections"),
                Bool("MRopeInterleaved", false));
        }

        /// <summary>True when the class and every enclosing type are partial and no enclosing type is generic.</summary>
        internal static bool IsPartialChain(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            {
                if (!SymbolEqualityComparer.Default.Equals(t, type) && t.IsGenericType) return false;
                if (!IsPartial(t)) return false;
            }
            return true;
        }

        /// <summary>True when some declaration of <paramref name="type"/> says <c>partial</c>.</summary>
        internal static bool IsPartial(INamedTypeSymbol type) => type.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword));

        private static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };
    }
}
