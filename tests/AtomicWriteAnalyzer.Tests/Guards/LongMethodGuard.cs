using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.Tests.Guards
{
    /// <summary>
    /// No method, constructor, accessor or local function longer than <see cref="MaxLines"/> lines unless a
    /// <c>// long:</c> comment (in it or just above it) says why it reads better whole.
    /// </summary>
    internal static class LongMethodGuard
    {
        public const int MaxLines = 60;
        public const string Marker = "// long:";

        public static IReadOnlyList<string> Violations(IEnumerable<SourceFile> files)
        {
            var violations = new List<string>();
            foreach (var file in files)
            {
                foreach (var member in file.Tree.GetRoot().DescendantNodes().Where(IsMethodLike))
                {
                    var lines = member.GetLocation().GetLineSpan();
                    int count = lines.EndLinePosition.Line - lines.StartLinePosition.Line + 1;
                    if (count > MaxLines && !HasReason(member))
                    {
                        violations.Add($"{file.Path}({lines.StartLinePosition.Line + 1}): {Name(member)} has {count} lines");
                    }
                }
            }

            return violations;
        }

        private static bool IsMethodLike(SyntaxNode node) =>
            node is BaseMethodDeclarationSyntax || node is AccessorDeclarationSyntax || node is LocalFunctionStatementSyntax;

        private static bool HasReason(SyntaxNode member) =>
            member.DescendantTrivia().Concat(member.GetLeadingTrivia())
                .Any(trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.ToString().StartsWith(Marker, System.StringComparison.Ordinal));

        private static string Name(SyntaxNode member) => member switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText + " (constructor)",
            LocalFunctionStatementSyntax local => local.Identifier.ValueText,
            AccessorDeclarationSyntax accessor => accessor.Keyword.ValueText + " accessor",
            _ => member.Kind().ToString(),
        };
    }
}
