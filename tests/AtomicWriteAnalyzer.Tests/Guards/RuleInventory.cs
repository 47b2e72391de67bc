using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Tests.TestKit;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Tests.Guards
{
    /// <summary>
    /// What the repository says about each rule, gathered from the code (ids, analyzers, fixers, the catalog), the tests
    /// and the documents, so <see cref="RuleInventoryGuard"/> can compare them. A guard test builds a broken one by hand.
    /// </summary>
    internal sealed class RuleInventory
    {
        /// <summary>Rules that deliberately have no code fix, with the reason (empty today: every rule has one).</summary>
        public static readonly IReadOnlyDictionary<string, string> NoFixReasons = new Dictionary<string, string>(StringComparer.Ordinal);

        public IReadOnlyList<string> Ids { get; init; } = Array.Empty<string>();

        public ISet<string> AnalyzedIds { get; init; } = new HashSet<string>();

        public ISet<string> FixableIds { get; init; } = new HashSet<string>();

        public IReadOnlyDictionary<string, string> NoFix { get; init; } = NoFixReasons;

        /// <summary>
        /// Ids whose tests folder (<c>Rules/&lt;RuleName&gt;/</c>, the <see cref="RuleIdentifiers"/> field's name, as in
        /// <c>src</c>) has a test source that names it (as <c>RuleIdentifiers.X</c>, or the id in a literal or in markup).
        /// </summary>
        public ISet<string> TestedIds { get; init; } = new HashSet<string>();

        /// <summary>Each rule page's text, by id (absent: no page).</summary>
        public IReadOnlyDictionary<string, string> Pages { get; init; } = new Dictionary<string, string>();

        /// <summary>The README rule table's fix column, by id (absent: no row).</summary>
        public IReadOnlyDictionary<string, string> ReadmeFixColumn { get; init; } = new Dictionary<string, string>();

        /// <summary>AW0001's catalogued write shapes: how many a fix knows, how many are reported without one.</summary>
        public int CatalogWritesWithFix { get; init; }

        public int CatalogWritesWithoutFix { get; init; }

        public static RuleInventory FromRepository()
        {
            var ids = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (string)field.GetRawConstantValue()!)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();
            var fieldNames = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.IsLiteral)
                .ToDictionary(field => (string)field.GetRawConstantValue()!, field => field.Name);
            var tests = SourceFile.Under("tests/AtomicWriteAnalyzer.Tests/Rules")
                .Select(file => (file.Path, Text: file.Tree.ToString()))
                .Where(file => file.Text.Contains("[Fact", StringComparison.Ordinal) || file.Text.Contains("[Theory", StringComparison.Ordinal))
                .ToList();
            var writes = ApiCatalog.Entries.Where(entry => entry.Role == ApiRole.Overwrite || entry.Role == ApiRole.OpenByMode).ToList();

            return new RuleInventory
            {
                Ids = ids,
                AnalyzedIds = Instances<DiagnosticAnalyzer>(typeof(RuleIdentifiers).Assembly).SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(),
                FixableIds = Instances<CodeFixProvider>(typeof(CodeFixes.Rules.InPlaceOverwriteFixer).Assembly).SelectMany(f => f.FixableDiagnosticIds).ToHashSet(),
                TestedIds = ids.Where(id => tests.Any(file => file.Path.Contains("/Rules/" + fieldNames[id] + "/", StringComparison.Ordinal)
                    && (file.Text.Contains(id, StringComparison.Ordinal) || file.Text.Contains("RuleIdentifiers." + fieldNames[id], StringComparison.Ordinal)))).ToHashSet(),
                Pages = ids.Where(id => File.Exists(PagePath(id))).ToDictionary(id => id, id => File.ReadAllText(PagePath(id))),
                ReadmeFixColumn = ReadmeTable(File.ReadAllText(RepositoryPaths.Combine("README.md"))),
                CatalogWritesWithFix = writes.Count(entry => entry.HasFix),
                CatalogWritesWithoutFix = writes.Count(entry => !entry.HasFix),
            };
        }

        /// <summary>The fix column (the fourth) of the README's rule table rows: <c>| [AW0001](...) | warning | flags | fix | options |</c>.</summary>
        public static IReadOnlyDictionary<string, string> ReadmeTable(string readme)
        {
            var rows = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match row in Regex.Matches(readme, @"^\| \[(AW\d{4})\]\([^)]*\) \|(.*)$", RegexOptions.Multiline))
            {
                var cells = row.Groups[2].Value.Split(" | ");
                rows[row.Groups[1].Value] = cells.Length >= 3 ? cells[2].Trim() : "";
            }

            return rows;
        }

        private static string PagePath(string id) => RepositoryPaths.Combine("docs", "rules", id + ".md");

        private static IEnumerable<T> Instances<T>(Assembly assembly) =>
            assembly.GetTypes()
                .Where(type => !type.IsAbstract && typeof(T).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) != null)
                .Select(type => (T)Activator.CreateInstance(type)!);
    }
}
