using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.Tests.Guards
{
    /// <summary>
    /// The contract between analyzers and fixes is spelled once: no string literal anywhere else equals the name of a
    /// member of an enum declared in the contract file. A literal that is an API's member or type name is written with
    /// <c>nameof</c>, which says what it names and cannot drift into a contract value by accident.
    /// </summary>
    internal static class ContractLiteralGuard
    {
        public const string ContractFile = "src/AtomicWriteAnalyzer/Contract/ContractValues.cs";

        /// <summary>The contract values: every enum member name declared in <paramref name="contract"/>.</summary>
        public static ISet<string> ContractNames(SourceFile contract) =>
            contract.Tree.GetRoot().DescendantNodes().OfType<EnumMemberDeclarationSyntax>()
                .Select(member => member.Identifier.ValueText)
                .Where(name => name != "None") // "None" is every enum's neutral value, not a contract spelling
                .ToHashSet(StringComparer.Ordinal);

        public static IReadOnlyList<string> Violations(SourceFile contract, IEnumerable<SourceFile> files)
        {
            var names = ContractNames(contract);
            var violations = new List<string>();
            foreach (var file in files.Where(file => file.Path != contract.Path))
            {
                foreach (var token in file.Tree.GetRoot().DescendantTokens())
                {
                    if ((token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                        && names.Contains(token.ValueText))
                    {
                        violations.Add($"{file.Path}({token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): \"{token.ValueText}\"");
                    }
                }
            }

            return violations;
        }
    }
}
