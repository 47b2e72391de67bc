using System.Collections.Generic;
using System.IO;
using System.Linq;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Guards
{
    /// <summary>
    /// The guards that keep docs/architecture.md true, each run on the repository (no violations) and on a broken input
    /// made up here (the violation found), so a guard that stopped looking would fail.
    /// </summary>
    public sealed class GuardTests
    {
        private static readonly string[] ShippedSources = { "src/AtomicWriteAnalyzer", "src/AtomicWriteAnalyzer.CodeFixes" };

        private static readonly SourceFile Contract = SourceFile.Under("src/AtomicWriteAnalyzer/Contract").Single(f => f.Path == ContractLiteralGuard.ContractFile);

        [Fact]
        public void Dependencies_point_from_rules_to_engines_only()
        {
            // The build generates RepositoryInfo from Directory.Build.props; the guard compiles the same declaration.
            var generated = new SourceFile("obj/RepositoryInfo.g.cs", "namespace AtomicWriteAnalyzer { internal static class RepositoryInfo { public const string Url = \"\"; } }");
            NoViolations(DependencyGuard.Violations(SourceFile.Under(ShippedSources).Append(generated).ToList()));
        }

        public static TheoryData<string, string, string> BrokenDependencies => new()
        {
            // file that references a rule's type, and the part of the violation expected
            { "src/X/Paths/Engine.cs", "class Engine { int M() => Rules.A.PlanA.Value; }", "an engine references PlanA of rule A" },
            { "src/X/Rules/B/RuleB.cs", "namespace Rules.B { class RuleB { int M() => Rules.A.PlanA.Value; } }", "rule B references PlanA of rule A" },
            { "src/X/Infrastructure/Doc.cs", "/// <summary>Uses <see cref=\"Rules.A.PlanA\"/>.</summary>\nclass Doc { }", "an engine references PlanA of rule A" },
        };

        [Theory]
        [MemberData(nameof(BrokenDependencies))]
        public void Dependency_guard_finds_a_reference_against_the_direction(string path, string source, string expected)
        {
            var files = new[]
            {
                new SourceFile("src/X/Rules/A/PlanA.cs", "namespace Rules.A { static class PlanA { public const int Value = 1; } }"),
                new SourceFile("src/X/Rules/Composer.cs", "class Composer { int M() => Rules.A.PlanA.Value; }"), // the composition root may
                new SourceFile(path, source),
            };

            var violation = Assert.Single(DependencyGuard.Violations(files));
            Assert.Contains(expected, violation);
        }

        [Fact]
        public void Contract_values_are_spelled_only_in_the_contract_file()
        {
            Assert.NotEmpty(ContractLiteralGuard.ContractNames(Contract));
            NoViolations(ContractLiteralGuard.Violations(Contract, SourceFile.Under(ShippedSources)));
        }

        public static TheoryData<string> BrokenContractUses => new()
        {
            "class F { bool M(string shape) => shape == \"FileCreate\"; }",
            "class F { string M(int n) => $\"XmlSave{n}\"; }",
            "class F { object M() => new[] { \"Collapse\" }; }",
        };

        [Theory]
        [MemberData(nameof(BrokenContractUses))]
        public void Contract_guard_finds_a_contract_value_spelled_elsewhere(string source)
        {
            Assert.Single(ContractLiteralGuard.Violations(Contract, new[] { new SourceFile("src/X/Fix.cs", source) }));
        }

        [Fact]
        public void Every_rule_has_its_analyzer_fixer_tests_and_page_and_the_documents_agree()
        {
            var inventory = RuleInventory.FromRepository();
            Assert.NotEmpty(inventory.Ids);
            NoViolations(RuleInventoryGuard.Violations(inventory));
        }

        public static TheoryData<string, string> BrokenInventories => new()
        {
            { "no analyzer", "no analyzer reports it" },
            { "no fixer", "no fixer and no written reason" },
            { "fixer and reason", "has a fixer and a reason" },
            { "no test", "no test in its Rules/<RuleName>/ tests folder names it" },
            { "no page", "no docs/rules/AW0001.md" },
            { "page says no", "the page's fix row says 'No'" },
            { "readme says no", "the README's fix column says 'none'" },
            { "no readme row", "no row in the README's rule table" },
            { "catalog has no fix", "the catalog's fix flags and the fixer disagree" },
            { "page hides the limit", "does not say where the fix stops" },
        };

        [Theory]
        [MemberData(nameof(BrokenInventories))]
        public void Rule_inventory_guard_finds_a_rule_that_disagrees(string broken, string expected)
        {
            var inventory = GoodInventory(broken);
            var violations = RuleInventoryGuard.Violations(inventory);
            Assert.Contains(violations, v => v.Contains(expected));
            Assert.Empty(RuleInventoryGuard.Violations(GoodInventory("")));
        }

        private static RuleInventory GoodInventory(string broken)
        {
            const string id = "AW0001";
            string pageRow = broken == "page says no" ? "No |" : broken == "page hides the limit" ? "Yes |" : "Yes for `System.IO`; never for wrappers |";
            var pages = new Dictionary<string, string> { [id] = "# AW0001: t\n\n| | |\n|---|---|\n| Code fix | " + pageRow + "\n" };
            return new RuleInventory
            {
                Ids = new[] { id },
                AnalyzedIds = broken == "no analyzer" ? new HashSet<string>() : new HashSet<string> { id },
                FixableIds = broken == "no fixer" ? new HashSet<string>() : new HashSet<string> { id },
                NoFix = broken == "fixer and reason" ? new Dictionary<string, string> { [id] = "the rewrite cannot be known" } : new Dictionary<string, string>(),
                TestedIds = broken == "no test" ? new HashSet<string>() : new HashSet<string> { id },
                Pages = broken == "no page" ? new Dictionary<string, string>() : pages,
                ReadmeFixColumn = broken == "no readme row" ? new Dictionary<string, string>()
                    : RuleInventory.ReadmeTable("| [AW0001](docs/rules/AW0001.md) | warning | writes | " + (broken == "readme says no" ? "none" : "yes: drop-in") + " | `scope` |\n"),
                CatalogWritesWithFix = broken == "catalog has no fix" ? 0 : 20,
                CatalogWritesWithoutFix = 2,
            };
        }

        [Fact]
        public void Every_option_key_is_documented_and_every_documented_key_exists()
        {
            var keys = OptionKeysGuard.KeysInCode(SourceFile.Under("src/AtomicWriteAnalyzer"));
            Assert.Contains("atomic_write.scope", keys);
            NoViolations(OptionKeysGuard.Violations(keys, File.ReadAllText(RepositoryPaths.Combine("README.md")), RuleInventory.FromRepository().Pages));
        }

        public static TheoryData<string, string, string, string> BrokenOptionDocs => new()
        {
            // keys in code, README, a rule page, the violation expected
            { "atomic_write.scope,atomic_write.new_key", "atomic_write.scope", "atomic_write.scope atomic_write.new_key", "atomic_write.new_key is read by the analyzers but not documented in the README" },
            { "atomic_write.scope,atomic_write.new_key", "atomic_write.scope atomic_write.new_key", "atomic_write.scope", "atomic_write.new_key is read by the analyzers but no rule page documents it" },
            { "atomic_write.scope", "atomic_write.scope atomic_write.old_key", "atomic_write.scope", "atomic_write.old_key is documented but no analyzer reads it" },
        };

        [Theory]
        [MemberData(nameof(BrokenOptionDocs))]
        public void Option_guard_finds_an_undocumented_or_stale_key(string code, string readme, string page, string expected)
        {
            var keys = code.Split(',').ToHashSet();
            Assert.Equal(new[] { expected }, OptionKeysGuard.Violations(keys, readme, new Dictionary<string, string> { ["AW0001"] = page }));
        }

        [Fact]
        public void No_method_is_longer_than_the_limit_without_a_reason()
        {
            NoViolations(LongMethodGuard.Violations(SourceFile.Under("src")));
        }

        [Theory]
        [InlineData(false, 1)]
        [InlineData(true, 0)]
        public void Long_method_guard_finds_a_long_method_unless_it_says_why(bool withReason, int expected)
        {
            var body = string.Concat(Enumerable.Repeat("        x++;\n", LongMethodGuard.MaxLines));
            var reason = withReason ? "        // long: one table of cases reads better whole\n" : "";
            var source = "class C\n{\n    void M(int x)\n    {\n" + reason + body + "    }\n\n    void Short() { }\n}\n";
            Assert.Equal(expected, LongMethodGuard.Violations(new[] { new SourceFile("src/X/C.cs", source) }).Count);
        }
    
        private static void NoViolations(IReadOnlyList<string> violations) =>
            Assert.True(violations.Count == 0, violations.Count + " violation(s):\n" + string.Join("\n", violations));
    }
}
