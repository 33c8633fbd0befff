using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RopeGen.Generator.Helpers;
using RopeGen.Generator.Model;
using RopeGen.Generator.Parsing;

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
            bool hasIlgpu = RotaryAttributeReader.ReferencesIlgpu(compilation);
            RotarySettings? settings = Extends(type, compilation, hasIlgpu);
            ct.ThrowIfCancellationRequested();
            if (settings is null) return null;
            var hides = new EquatableArray<string>(GeneratedMemberConflicts.Hidden(type, settings.MRopeSections is not null, compilation, hasIlgpu));
            return Place(type).With(settings, hides);
        }

        /// <summary>Where the generated code for <paramref name="type"/> goes.</summary>
        internal static ClassPlacement Place(INamedTypeSymbol type)
        {
            var containers = new List<ContainingType>();
            for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
                containers.Insert(0, new ContainingType(Keyword(outer), outer.Name));
            var namespaces = new List<string>();
            for (INamespaceSymbol ns = type.ContainingNamespace; !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
                namespaces.Insert(0, ns.Name);

            string hintName = HintNames.Readable(namespaces.Concat(containers.Select(c => c.Name)).Append(type.Name));
            return new ClassPlacement(namespaces.Count == 0 ? null : string.Join(".", namespaces), new EquatableArray<ContainingType>(containers),
                Keyword(type), type.Name, hintName);
        }

        /// <summary>
        /// The settings of a [Rotary] class the generator extends, or null when it does not: not a class, not partial
        /// (or inside a type that is not), generic or inside a generic type, file-local or inside a file-local type
        /// (generated code cannot extend it), [Rotary] on more than one declaration, arguments with errors, settings
        /// that break a validation rule, a head dim above <see cref="RotaryAttributeReader.MaxHeadDim"/>, or a member of the class named like a
        /// generated one.
        /// </summary>
        internal static RotarySettings? Extends(INamedTypeSymbol type, Compilation compilation, bool hasIlgpu)
        {
            if (!RotaryAttributeReader.IsExtensible(type)) return null;
            INamedTypeSymbol? rotary = compilation.GetTypeByMetadataName(RotaryAttributeReader.RotaryName);
            AttributeData[] attributes = type.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, rotary)).ToArray();
            if (attributes.Length != 1) return null;

            RotarySettings? settings = RotaryAttributeReader.ReadSettings(attributes[0]);
            if (settings is null || !Generates(settings)) return null;
            return GeneratedMemberConflicts.Clashes(type, settings.MRopeSections is not null, hasIlgpu).Any() ? null : settings;
        }

        /// <summary>True when the settings pass every validation rule and the head dim is one the generator unrolls.</summary>
        internal static bool Generates(RotarySettings settings) =>
            RotaryAttributeReader.Unrolls(settings.HeadDim) && !RotaryValidation.Validate(settings.ToConfig()).Any(p => p.IsError);

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
