using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.Tests.Guards
{
    /// <summary>
    /// Dependencies point one way (docs/architecture.md, "The analyzer, as a pipeline"): nothing outside a project's
    /// <c>Rules/</c> folder references a type declared under it, and a rule's folder references no other rule's folder.
    /// Files directly in <c>Rules/</c> (the analyzer that composes the rules) may reference every rule. Decided on
    /// symbols, from one compilation of the given sources, so a name that merely looks like a rule's type never counts.
    /// </summary>
    internal static class DependencyGuard
    {
        public static IReadOnlyList<string> Violations(IReadOnlyList<SourceFile> files)
        {
            var compilation = CSharpCompilation.Create(
                "DependencyGuard",
                files.Select(file => file.Tree),
                GuardReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            if (errors.Count > 0)
            {
                // A guard that cannot bind names would pass on anything.
                throw new InvalidOperationException("the sources do not compile: " + string.Join("; ", errors));
            }

            var violations = new List<string>();
            foreach (var file in files)
            {
                var from = RuleFolder.Of(file.Path);
                var model = compilation.GetSemanticModel(file.Tree);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var name in file.Tree.GetRoot().DescendantNodes(descendIntoTrivia: true).OfType<SimpleNameSyntax>())
                {
                    var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                    var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                    var declaredIn = type?.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath;
                    if (declaredIn == null || declaredIn == file.Path)
                    {
                        continue;
                    }

                    var to = RuleFolder.Of(declaredIn);
                    if (to.IsRule && !from.MayReference(to) && seen.Add(type!.Name))
                    {
                        violations.Add($"{file.Path}({name.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {from} references {type!.Name} of {to}");
                    }
                }
            }

            return violations;
        }

        /// <summary>Where a file sits: outside <c>Rules/</c>, directly in it, or in one rule's folder.</summary>
        private readonly struct RuleFolder
        {
            private RuleFolder(string? rule, bool inRules)
            {
                Rule = rule;
                InRules = inRules;
            }

            public string? Rule { get; }

            public bool InRules { get; }

            public bool IsRule => Rule != null;

            public static RuleFolder Of(string path)
            {
                int rules = path.IndexOf("/Rules/", StringComparison.Ordinal);
                if (rules < 0)
                {
                    return new RuleFolder(null, false);
                }

                var rest = path.Substring(rules + "/Rules/".Length).Split('/');
                return new RuleFolder(rest.Length > 1 ? rest[0] : null, true);
            }

            /// <summary>A rule's own folder, in the analyzer or in the fixes (the fixer of a rule reads its rule's plan).</summary>
            public bool MayReference(RuleFolder target) =>
                !target.IsRule || (InRules && Rule == null) || Rule == target.Rule;

            public override string ToString() => Rule != null ? "rule " + Rule : InRules ? "Rules/" : "an engine";
        }
    }
}
