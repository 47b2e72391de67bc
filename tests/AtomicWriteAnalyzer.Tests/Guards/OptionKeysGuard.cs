using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AtomicWriteAnalyzer.Tests.Guards
{
    /// <summary>
    /// Every <c>atomic_write.*</c> key the analyzers read is documented (in the README and on a rule page), and every
    /// key the documents name exists.
    /// </summary>
    internal static class OptionKeysGuard
    {
        private static readonly Regex Key = new Regex(@"^atomic_write\.[a-z_]+$");
        private static readonly Regex KeyInText = new Regex(@"atomic_write\.[a-z_]+");

        /// <summary>The keys read in code: string literals that are exactly a key.</summary>
        public static ISet<string> KeysInCode(IEnumerable<SourceFile> files) =>
            files.SelectMany(file => file.Tree.GetRoot().DescendantTokens())
                .Where(token => token.IsKind(SyntaxKind.StringLiteralToken) && Key.IsMatch(token.ValueText))
                .Select(token => token.ValueText)
                .ToHashSet();

        public static IReadOnlyList<string> Violations(ISet<string> keysInCode, string readme, IReadOnlyDictionary<string, string> pages)
        {
            var violations = new List<string>();
            var inReadme = KeyInText.Matches(readme).Select(m => m.Value).ToHashSet();
            var onPages = pages.Values.SelectMany(page => KeyInText.Matches(page).Select(m => m.Value)).ToHashSet();
            foreach (var key in keysInCode.OrderBy(k => k))
            {
                if (!inReadme.Contains(key))
                {
                    violations.Add(key + " is read by the analyzers but not documented in the README");
                }

                if (!onPages.Contains(key))
                {
                    violations.Add(key + " is read by the analyzers but no rule page documents it");
                }
            }

            foreach (var key in inReadme.Concat(onPages).Where(k => !keysInCode.Contains(k)).Distinct().OrderBy(k => k))
            {
                violations.Add(key + " is documented but no analyzer reads it");
            }

            return violations;
        }
    }
}
