using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RopeGen.Generator.Analyzers
{
    /// <summary>
    /// The syntax filter run before any semantic work: could one of a type's attributes be [Rotary]? True for
    /// <c>Rotary</c>, <c>RotaryAttribute</c> (qualified or not) and for the names of using aliases of
    /// <c>RotaryAttribute</c>, which <c>ForAttributeWithMetadataName</c> follows too.
    /// </summary>
    internal sealed class RotaryAttributeSyntax
    {
        private readonly HashSet<string> _names;

        private RotaryAttributeSyntax(HashSet<string> names) => _names = names;

        /// <summary>The names that may denote the attribute in <paramref name="compilation"/> (usings are top-level syntax, cheap to read).</summary>
        /// <param name="attributeTypeName">The attribute's type name, <c>RotaryAttribute</c> or <c>RotaryFromConfigAttribute</c>.</param>
        public static RotaryAttributeSyntax For(Compilation compilation, CancellationToken ct, string attributeTypeName = nameof(RotaryAttribute))
        {
            var names = new HashSet<string> { attributeTypeName };
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(ct) is not CompilationUnitSyntax unit) continue;
                foreach (UsingDirectiveSyntax directive in Usings(unit.Usings, unit.Members))
                {
                    if (directive.Alias is not null && directive.NamespaceOrType is NameSyntax target && RightmostName(target) == attributeTypeName)
                        names.Add(directive.Alias.Name.Identifier.ValueText);
                }
            }
            return new RotaryAttributeSyntax(names);
        }

        /// <summary>True when some declaration of <paramref name="type"/> has an attribute that may be [Rotary].</summary>
        public bool MayHaveRotary(INamedTypeSymbol type, CancellationToken ct) =>
            type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(ct) is TypeDeclarationSyntax declaration &&
                declaration.AttributeLists.SelectMany(list => list.Attributes).Any(a => Matches(RightmostName(a.Name))));

        // [X] binds X or XAttribute.
        private bool Matches(string name) => _names.Contains(name) || _names.Contains(name + "Attribute");

        private static IEnumerable<UsingDirectiveSyntax> Usings(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members) =>
            usings.Concat(members.OfType<BaseNamespaceDeclarationSyntax>().SelectMany(n => Usings(n.Usings, n.Members)));

        private static string RightmostName(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
    }
}
