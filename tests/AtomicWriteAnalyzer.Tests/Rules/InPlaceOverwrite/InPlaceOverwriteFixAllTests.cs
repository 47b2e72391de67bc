using System.Linq;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Rules;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly, AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwriteFixer>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// Fix All skips what it cannot fix and fixes the rest, also when driven like <c>dotnet format</c> (one
    /// solution-wide Fix All keyed by the first diagnostic's action, null when that diagnostic has no fix); titles
    /// and the equivalence key; the diagnostics that get no fix.
    /// </summary>
    public sealed class InPlaceOverwriteFixAllTests
    {
        private const string Abstractions = "private readonly System.IO.Abstractions.IFileSystem fs = null!;";

        [Fact]
        public Task Fix_All_fixes_the_others_when_an_unfixable_diagnostic_comes_first()
        {
            string source = Snippet.FixBody("""
                {|AW0001:fs.File.WriteAllText(path, json)|};
                {|AW0001:File.WriteAllText(path, json)|};
                {|AW0001:File.WriteAllBytes(path + ".key", bytes)|};
                """, Abstractions) + Snippet.FileSystemAbstractions;
            string fixedSource = Snippet.FixedBody("""
                {|AW0001:fs.File.WriteAllText(path, json)|};
                AtomicFile.WriteAllText(path, json);
                AtomicFile.WriteAllBytes(path + ".key", bytes);
                """, Abstractions) + Snippet.FileSystemAbstractions;
            return Verify.VerifyAsync(source, fixedSource, InPlaceOverwriteFixer.EquivalenceKey);
        }

        [Fact]
        public async Task Dotnet_format_style_Fix_All_with_a_null_key_fixes_every_document()
        {
            string first = """
                using System.IO;

                class First
                {
                    private readonly System.IO.Abstractions.IFileSystem fs = null!;

                    void Save(string tokenPath, string json)
                    {
                        fs.File.WriteAllText(tokenPath, json);
                        File.WriteAllText(tokenPath, json);
                    }
                }
                """ + Snippet.FileSystemAbstractions;
            const string Second = """
                using System.IO;

                class Second
                {
                    void Save(string settingsPath, string source, byte[] bytes)
                    {
                        File.WriteAllBytes(settingsPath, bytes);
                        File.Copy(source, settingsPath, overwrite: true);
                    }
                }
                """;
            var harness = await FixVerifier<InPlaceOverwriteOnly, InPlaceOverwriteFixer>.WorkspaceAsync(first, Second);
            var before = await harness.DiagnosticsAsync(harness.Project);
            Assert.Equal(4, before.Length);
            Assert.Empty(await harness.ActionsAsync(before[0]));

            var texts = await harness.FixAllLikeDotnetFormatAsync();

            Assert.Contains("fs.File.WriteAllText(tokenPath, json);\n        AtomicFile.WriteAllText(tokenPath, json);", texts[0]);
            Assert.Contains("using AtomicWrite;", texts[0]);
            Assert.Contains("AtomicFile.WriteAllBytes(settingsPath, bytes);\n        AtomicFile.Copy(source, settingsPath);", texts[1]);
            var after = await harness.DiagnosticsAsync(harness.Project);
            Assert.Equal("IFile.WriteAllText", Assert.Single(after).Properties[DiagnosticPropertyNames.Api]);
        }

        public static TheoryData<string, string> Titles => new()
        {
            { "File.WriteAllText(path, json);", "Write 'tokens.json' atomically with AtomicFile (a new file is created 0600)" },
            { "await File.WriteAllLinesAsync(path, lines, ct);", "Write 'tokens.json' atomically with AtomicFile (a new file is created 0600)" },
            { "File.Copy(source, path, true);", "Copy to 'tokens.json' atomically with AtomicFile (a new file is created 0600)" },
        };

        [Theory]
        [MemberData(nameof(Titles))]
        public async Task Title_says_what_happens_and_the_key_is_the_rule_constant(string statement, string title)
        {
            var harness = await FixVerifier<InPlaceOverwriteOnly, InPlaceOverwriteFixer>.WorkspaceAsync(Snippet.FixBody(statement));
            var diagnostic = Assert.Single(await harness.DiagnosticsAsync(harness.Project));

            var action = Assert.Single(await harness.ActionsAsync(diagnostic));

            Assert.Equal(title, action.Title);
            Assert.Equal(InPlaceOverwriteFixer.EquivalenceKey, action.EquivalenceKey);
        }

        [Fact]
        public Task Writes_through_System_IO_Abstractions_are_not_fixed()
        {
            string source = Snippet.FixBody("{|AW0001:fs.File.WriteAllText(path, json)|};", Abstractions) + Snippet.FileSystemAbstractions;
            return Verify.VerifyNoFixAsync(source);
        }

        [Fact]
        public Task No_fix_when_the_project_does_not_reference_the_runtime()
        {
            return Verify.VerifyNoFixAsync(
                Snippet.FixBody("{|AW0001:File.WriteAllText(path, json)|};"),
                test => test.TestState.AdditionalReferences.Clear());
        }

        [Fact]
        public void One_provider_per_rule_with_a_constant_key()
        {
            var fixer = new InPlaceOverwriteFixer();
            Assert.Equal(new[] { RuleIdentifiers.InPlaceOverwrite }, fixer.FixableDiagnosticIds.ToArray());
            Assert.NotNull(fixer.GetFixAllProvider());
        }
    }
}
