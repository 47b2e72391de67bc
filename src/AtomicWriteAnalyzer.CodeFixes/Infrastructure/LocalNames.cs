using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AtomicWriteAnalyzer.CodeFixes.Infrastructure
{
    /// <summary>A name for a new local that clashes with nothing in scope and nothing written in the enclosing function.</summary>
    internal static class LocalNames
    {
        public static string Unique(string preferred, SyntaxNode function, SemanticModel model, int position)
        {
            var taken = new HashSet<string>(
                function.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            taken.UnionWith(model.LookupSymbols(position).Select(s => s.Name));
            string name = preferred;
            for (int i = 1; taken.Contains(name); i++)
            {
                name = preferred + i;
            }

            return name;
        }
    }
}
