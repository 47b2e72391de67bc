using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace AtomicWriteAnalyzer.Tests.Guards
{
    /// <summary>
    /// Every rule id has an analyzer, a fixer or a written reason for none, tests and a page; the page's "Code fix" row
    /// and the README's fix column agree with the fixers; AW0001's page says where its fix stops when the catalog
    /// reports shapes no fix knows.
    /// </summary>
    internal static class RuleInventoryGuard
    {
        private static readonly Regex PageFixRow = new Regex(@"^\| Code fix \| (.*)\|\s*$", RegexOptions.Multiline);

        public static IReadOnlyList<string> Violations(RuleInventory inventory)
        {
            var violations = new List<string>();
            foreach (var id in inventory.Ids)
            {
                bool hasFixer = inventory.FixableIds.Contains(id);
                bool hasReason = inventory.NoFix.TryGetValue(id, out var reason) && !string.IsNullOrWhiteSpace(reason);
                Check(violations, inventory.AnalyzedIds.Contains(id), id, "no analyzer reports it");
                Check(violations, hasFixer != hasReason, id, hasFixer ? "has a fixer and a reason for having none" : "has no fixer and no written reason why");
                Check(violations, inventory.TestedIds.Contains(id), id, "no test in its Rules/<RuleName>/ tests folder names it");

                if (!inventory.Pages.TryGetValue(id, out var page))
                {
                    violations.Add(id + ": no docs/rules/" + id + ".md");
                }
                else
                {
                    var row = PageFixRow.Match(page);
                    Check(violations, row.Success, id, "the page has no '| Code fix |' row");
                    if (row.Success)
                    {
                        Check(violations, SaysYes(row.Groups[1].Value) == hasFixer, id, $"the page's fix row says '{row.Groups[1].Value.Trim()}' but a fixer {(hasFixer ? "exists" : "does not exist")}");
                    }
                }

                if (!inventory.ReadmeFixColumn.TryGetValue(id, out var column))
                {
                    violations.Add(id + ": no row in the README's rule table");
                }
                else
                {
                    Check(violations, SaysYes(column) == hasFixer, id, $"the README's fix column says '{column}' but a fixer {(hasFixer ? "exists" : "does not exist")}");
                }
            }

            const string overwrite = "AW0001";
            if (inventory.Pages.TryGetValue(overwrite, out var overwritePage))
            {
                Check(violations, (inventory.CatalogWritesWithFix > 0) == inventory.FixableIds.Contains(overwrite), overwrite, "the catalog's fix flags and the fixer disagree");
                var row = PageFixRow.Match(overwritePage);
                Check(violations, inventory.CatalogWritesWithoutFix == 0 || (row.Success && SaysWhereItStops(row.Groups[1].Value)), overwrite,
                    $"the catalog reports {inventory.CatalogWritesWithoutFix} shapes no fix knows, but the page's fix row does not say where the fix stops");
            }

            return violations;
        }

        /// <summary>"Yes…", "yes: …", "when …" promise a fix; "No", "none" do not.</summary>
        private static bool SaysYes(string text)
        {
            var t = text.Trim().TrimStart('*').ToLowerInvariant();
            return t.StartsWith("yes", StringComparison.Ordinal) || t.StartsWith("when", StringComparison.Ordinal);
        }

        private static bool SaysWhereItStops(string text) =>
            Regex.IsMatch(text, @"\b(never|not|except|only)\b", RegexOptions.IgnoreCase);

        private static void Check(List<string> violations, bool ok, string id, string problem)
        {
            if (!ok)
            {
                violations.Add(id + ": " + problem);
            }
        }
    }
}
