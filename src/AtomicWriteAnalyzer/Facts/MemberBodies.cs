using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.Facts
{
    /// <summary>
    /// The executable code of one declaration of a named type, as the analyzer driver hands it to operation actions:
    /// per member, the operation tree of its body, accessor, initializer or constructor initializer, with the member
    /// that owns it. Nested types are left out (they are facts of their own). <see cref="TypeFactsCollector"/> reads a
    /// type's bodies only once one of its calls turned out to touch a file.
    /// </summary>
    internal static class MemberBodies
    {
        /// <summary>The member bodies in <paramref name="declaration"/> (a type declaration, or a compilation unit's top-level statements).</summary>
        public static IEnumerable<KeyValuePair<ISymbol, IOperation>> Of(SyntaxNode declaration, SemanticModel model, CancellationToken cancellationToken)
        {
            var bodies = new List<KeyValuePair<ISymbol, IOperation>>();
            switch (declaration)
            {
                case CompilationUnitSyntax unit:
                    // Top-level statements: one synthesized entry point whose body is the compilation unit.
                    if (HasGlobalStatement(unit))
                    {
                        Add(bodies, model.GetDeclaredSymbol(unit, cancellationToken), unit, model, cancellationToken);
                    }

                    break;
                case TypeDeclarationSyntax type:
                    if (type.ParameterList != null)
                    {
                        // A primary constructor: its base-type arguments are its body.
                        Add(bodies, PrimaryConstructor(type, model, cancellationToken), type, model, cancellationToken);
                    }

                    foreach (var member in type.Members)
                    {
                        AddMember(bodies, member, model, cancellationToken);
                    }

                    break;
            }

            return bodies;
        }

        private static void AddMember(List<KeyValuePair<ISymbol, IOperation>> bodies, MemberDeclarationSyntax member, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method:
                    if (method.Body != null || method.ExpressionBody != null
                        || (method is ConstructorDeclarationSyntax constructor && constructor.Initializer != null))
                    {
                        Add(bodies, model.GetDeclaredSymbol(method, cancellationToken), method, model, cancellationToken);
                    }

                    break;
                case BasePropertyDeclarationSyntax property:
                    var propertySymbol = model.GetDeclaredSymbol(property, cancellationToken);
                    var expressionBody = property switch
                    {
                        PropertyDeclarationSyntax p => p.ExpressionBody,
                        IndexerDeclarationSyntax i => i.ExpressionBody,
                        _ => null,
                    };
                    if (expressionBody != null)
                    {
                        Add(bodies, (propertySymbol as IPropertySymbol)?.GetMethod, expressionBody, model, cancellationToken);
                    }

                    if (property.AccessorList != null)
                    {
                        foreach (var accessor in property.AccessorList.Accessors)
                        {
                            if (accessor.Body != null || accessor.ExpressionBody != null)
                            {
                                Add(bodies, model.GetDeclaredSymbol(accessor, cancellationToken), accessor, model, cancellationToken);
                            }
                        }
                    }

                    if (property is PropertyDeclarationSyntax withInitializer && withInitializer.Initializer != null)
                    {
                        Add(bodies, propertySymbol, withInitializer.Initializer, model, cancellationToken);
                    }

                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer != null)
                        {
                            Add(bodies, model.GetDeclaredSymbol(variable, cancellationToken), variable.Initializer, model, cancellationToken);
                        }
                    }

                    break;
            }
        }

        private static void Add(List<KeyValuePair<ISymbol, IOperation>> bodies, ISymbol? owner, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var operation = owner == null ? null : model.GetOperation(node, cancellationToken);
            if (operation != null)
            {
                bodies.Add(new KeyValuePair<ISymbol, IOperation>(owner!, operation));
            }
        }

        private static bool HasGlobalStatement(CompilationUnitSyntax unit)
        {
            foreach (var member in unit.Members)
            {
                if (member is GlobalStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static ISymbol? PrimaryConstructor(TypeDeclarationSyntax type, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!(model.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol symbol))
            {
                return null;
            }

            foreach (var constructor in symbol.InstanceConstructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == type.SyntaxTree && reference.Span == type.Span)
                    {
                        return constructor;
                    }
                }
            }

            return null;
        }
    }
}
