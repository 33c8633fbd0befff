using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using RopeGen.Generator.Model;
using RopeGen.Generator.Parsing;

namespace RopeGen.Generator
{
    /// <summary>
    /// Where the generated members meet the user's: members of the [Rotary] class itself that would clash with them
    /// (the analyzer reports ROPE013 and the generator skips the class), and inherited members they hide (the generator
    /// writes <c>new</c>).
    /// </summary>
    internal static class GeneratedMemberConflicts
    {
        /// <summary>
        /// The symbols that clash with a generated member, each once with the name it clashes on: members of
        /// <paramref name="type"/> of the same name (for a method, the same signature; a partial class extends
        /// <c>RopeGenRotary</c>), and the type itself when its own name is one (a member cannot have its class's name).
        /// </summary>
        public static IEnumerable<(string Name, ISymbol Culprit)> Clashes(INamedTypeSymbol type, bool multimodal, bool hasIlgpu)
        {
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (GeneratedMember generated in GeneratedMember.For(multimodal, hasIlgpu))
            {
                if (type.Name == generated.Name && seen.Add(type)) yield return (generated.Name, type);
                foreach (ISymbol member in type.GetMembers(generated.Name))
                {
                    if (member.IsImplicitlyDeclared || !seen.Add(member)) continue;
                    bool clashes = generated.IsMethod
                        ? member is not IMethodSymbol method || SameSignature(generated, method)
                        : !(generated.Partial && member is INamedTypeSymbol { TypeKind: TypeKind.Class } nested && RotaryAttributeReader.IsPartial(nested));
                    if (clashes) yield return (generated.Name, member);
                    else seen.Remove(member); // an overload of one generated method may still clash with another
                }
            }
        }

        /// <summary>
        /// The keys of the generated members that hide an inherited member: one of the same name (for a method, the same
        /// signature) accessible from <paramref name="type"/>, or the same generated member of a base class in this
        /// compilation that the generator extends too (the generated members are not in the compilation it sees).
        /// </summary>
        public static IEnumerable<string> Hidden(INamedTypeSymbol type, bool multimodal, Compilation compilation, bool hasIlgpu)
        {
            var pending = GeneratedMember.For(multimodal, hasIlgpu).ToList();
            for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null && pending.Count > 0; baseType = baseType.BaseType)
            {
                RotarySettings? generated = baseType.Locations.Any(l => l.IsInSource) ? RotaryGenerator.Extends(baseType, compilation, hasIlgpu) : null;
                var generatedKeys = new HashSet<string>(generated is null ? [] : GeneratedMember.For(generated.MRopeSections is not null, hasIlgpu).Select(m => m.Key));
                foreach (GeneratedMember member in pending.ToArray())
                {
                    if (!generatedKeys.Contains(member.Key) && !baseType.GetMembers(member.Name).Any(m =>
                            !m.IsImplicitlyDeclared && compilation.IsSymbolAccessibleWithin(m, type) &&
                            (!member.IsMethod || m is not IMethodSymbol method || SameSignature(member, method))))
                        continue;
                    pending.Remove(member);
                    yield return member.Key;
                }
            }
        }

        private static bool SameSignature(GeneratedMember generated, IMethodSymbol method) =>
            method.TypeParameters.Length == 0 &&
            method.Parameters.Length == generated.Parameters!.Length &&
            method.Parameters.Select((p, i) => p.RefKind == RefKind.None &&
                p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == generated.Parameters[i]).All(same => same);
    }
}
