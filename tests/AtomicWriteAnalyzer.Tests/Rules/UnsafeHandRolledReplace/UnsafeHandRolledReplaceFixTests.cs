using System.Linq;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Rules;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Tests.TestKit.UnsafeHandRolledReplaceOnly, AtomicWriteAnalyzer.CodeFixes.Rules.UnsafeHandRolledReplaceFixer>;

namespace AtomicWriteAnalyzer.Tests.Rules.UnsafeHandRolledReplace
{
    /// <summary>
    /// AW0003's fix, compiled against the runtime: a temp written by one <c>File.WriteAll*</c> call and moved over the
    /// target collapses into <c>AtomicFile.WriteAll*(target, ...)</c>; every other shape keeps its warning unfixed.
    /// </summary>
    public sealed class UnsafeHandRolledReplaceFixTests
    {
        public static TheoryData<string, string, string> Collapses => new()
        {
            // name, statements with the diagnostic, statements after the fix
            {
                "path + \".tmp\", WriteAllText, Move(overwrite)",
                "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);",
                "AtomicFile.WriteAllText(path, json);"
            },
            {
                "temp inline",
                "{|AW0003:File.WriteAllText(path + \".tmp\", json)|};\nFile.Move(path + \".tmp\", path, overwrite: true);",
                "AtomicFile.WriteAllText(path, json);"
            },
            {
                "unique temp, WriteAllBytes",
                "var tmp = Path.Combine(directory, Path.GetRandomFileName());\n{|AW0003:File.WriteAllBytes(tmp, bytes)|};\nFile.Move(tmp, path, true);",
                "AtomicFile.WriteAllBytes(path, bytes);"
            },
            {
                "WriteAllLines with an encoding",
                "var tmp = $\"{path}.new\";\n{|AW0003:File.WriteAllLines(tmp, lines, Encoding.UTF8)|};\nFile.Move(tmp, path, true);",
                "AtomicFile.WriteAllLines(path, lines, Encoding.UTF8);"
            },
            {
                "WriteAllLines of a list",
                "var tmp = Path.ChangeExtension(path, \".tmp\");\n{|AW0003:File.WriteAllLines(tmp, items)|};\nFile.Move(tmp, path, true);",
                "AtomicFile.WriteAllLines(path, items);"
            },
            {
                "awaited WriteAllTextAsync",
                "var tmp = path + \".tmp\";\nawait {|AW0003:File.WriteAllTextAsync(tmp, json, ct)|};\nFile.Move(tmp, path, true);",
                "await AtomicFile.WriteAllTextAsync(path, json, ct);"
            },
            {
                "awaited with ConfigureAwait",
                "var tmp = path + \".tmp\";\nawait {|AW0003:File.WriteAllBytesAsync(tmp, bytes, ct)|}.ConfigureAwait(false);\nFile.Move(tmp, path, true);",
                "await AtomicFile.WriteAllBytesAsync(path, bytes, ct).ConfigureAwait(false);"
            },
            {
                "delete then move: the delete goes too",
                "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Delete(path);\nFile.Move(tmp, path);",
                "AtomicFile.WriteAllText(path, json);"
            },
            {
                "delete if it exists, then move",
                "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nif (File.Exists(path))\n{\n    File.Delete(path);\n}\n\nFile.Move(tmp, path);",
                "AtomicFile.WriteAllText(path, json);"
            },
            {
                "temp from Path.GetTempFileName()",
                "var tmp = Path.GetTempFileName();\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);",
                "AtomicFile.WriteAllText(path, json);"
            },
            {
                "temp computed by user code: its declaration stays",
                "var tmp = Temp(path);\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);",
                "var tmp = Temp(path);\nAtomicFile.WriteAllText(path, json);"
            },
            {
                "temp used afterwards: its declaration stays",
                "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);\nConsole.WriteLine(tmp);",
                "var tmp = path + \".tmp\";\nAtomicFile.WriteAllText(path, json);\nConsole.WriteLine(tmp);"
            },
            {
                "target built inline",
                "var tmp = Path.Combine(directory, \"settings.json.tmp\");\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, Path.Combine(directory, \"settings.json\"), true);",
                "AtomicFile.WriteAllText(Path.Combine(directory, \"settings.json\"), json);"
            },
            {
                "named arguments",
                "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(contents: json, path: tmp)|};\nFile.Move(destFileName: path, sourceFileName: tmp, overwrite: true);",
                "AtomicFile.WriteAllText(contents: json, path: path);"
            },
            {
                "comments and trivia of the write are kept",
                "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, /* the tokens */ json)|}; // save\nFile.Move(tmp, path, true);",
                "AtomicFile.WriteAllText(path, /* the tokens */ json); // save"
            },
            {
                "statements around are kept",
                "Console.WriteLine(\"saving\");\nvar tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);\nConsole.WriteLine(\"saved\");",
                "Console.WriteLine(\"saving\");\nAtomicFile.WriteAllText(path, json);\nConsole.WriteLine(\"saved\");"
            },
            {
                "inside a lambda",
                "Action save = () =>\n{\n    var tmp = path + \".tmp\";\n    {|AW0003:File.WriteAllText(tmp, json)|};\n    File.Move(tmp, path, true);\n};\nsave();",
                "Action save = () =>\n{\n    AtomicFile.WriteAllText(path, json);\n};\nsave();"
            },
            {
                "two replaces in one method",
                "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);\nvar keyTmp = path + \".key.tmp\";\n{|AW0003:File.WriteAllBytes(keyTmp, bytes)|};\nFile.Move(keyTmp, path + \".key\", true);",
                "AtomicFile.WriteAllText(path, json);\nAtomicFile.WriteAllBytes(path + \".key\", bytes);"
            },
        };

        [Theory]
        [MemberData(nameof(Collapses))]
        public Task Write_and_move_collapse_into_one_AtomicFile_call(string name, string statements, string fixedStatements)
        {
            Assert.NotNull(name);
            return Verify.VerifyAsync(Code(statements), Fixed(fixedStatements), UnsafeHandRolledReplaceFixer.EquivalenceKey);
        }

        public static TheoryData<string, string> NoFix => new()
        {
            { "a stream write", "var tmp = path + \".tmp\";\nusing (var stream = {|AW0003:File.Create(tmp)|})\n{\n    stream.Write(bytes);\n}\nFile.Move(tmp, path, true);" },
            { "a writer", "var tmp = path + \".tmp\";\nusing (var writer = {|AW0003:new StreamWriter(tmp)|})\n{\n    writer.Write(json);\n}\nFile.Move(tmp, path, true);" },
            { "File.Copy to the temp", "var tmp = path + \".tmp\";\n{|AW0003:File.Copy(source, tmp, true)|};\nFile.Move(tmp, path, true);" },
            { "two writes of the temp", "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);" },
            { "File.Replace keeps a backup", "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Replace(tmp, path, path + \".bak\");" },
            { "FileInfo.MoveTo", "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nnew FileInfo(tmp).MoveTo(path, true);" },
            { "Move with a computed overwrite flag", "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, flag);" },
            { "a statement between", "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nConsole.WriteLine(new FileInfo(tmp).Length);\nFile.Move(tmp, path, true);" },
            { "in different blocks", "var tmp = path + \".tmp\";\nif (flag)\n{\n    {|AW0003:File.WriteAllText(tmp, json)|};\n}\n\nFile.Move(tmp, path, true);" },
            { "the target is deleted before the write", "var tmp = path + \".tmp\";\nFile.Delete(path);\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path);" },
            { "the target is computed by a call", "var tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, Resolve(path), true);" },
        };

        [Theory]
        [MemberData(nameof(NoFix))]
        public Task Other_shapes_keep_their_warning(string name, string statements)
        {
            Assert.NotNull(name);
            return Verify.VerifyNoFixAsync(Code(statements));
        }

        [Fact]
        public Task Replaces_through_System_IO_Abstractions_are_not_fixed()
        {
            return Verify.VerifyNoFixAsync(
                Code("var tmp = path + \".tmp\";\n{|AW0003:fs.File.WriteAllText(tmp, json)|};\nfs.File.Delete(path);\nfs.File.Move(tmp, path);", "private readonly System.IO.Abstractions.IFileSystem fs = null!;")
                + Snippet.FileSystemAbstractions);
        }

        [Fact]
        public Task Top_level_program_like_the_consumer_script()
        {
            const string Before = """
                using System.IO;

                string settingsPath = Path.Combine(args[0], "settings.json");
                for (int save = 1; save <= 2; save++)
                {
                    string tempPath = settingsPath + ".tmp";
                    {|AW0003:File.WriteAllText(tempPath, "{\"theme\":\"dark\",\"save\":" + save + "}")|};
                    File.Move(tempPath, settingsPath, true);
                }

                """;
            const string After = """
                using System.IO;
                using AtomicWrite;

                string settingsPath = Path.Combine(args[0], "settings.json");
                for (int save = 1; save <= 2; save++)
                {
                    AtomicFile.WriteAllText(settingsPath, "{\"theme\":\"dark\",\"save\":" + save + "}");
                }

                """;
            return Verify.VerifyAsync(Before, After, UnsafeHandRolledReplaceFixer.EquivalenceKey, editorConfig: null, Verify.TopLevel);
        }

        [Fact]
        public Task Top_level_statements_outside_a_block()
        {
            const string Before = """
                using System.IO;

                string settingsPath = Path.Combine(args[0], "settings.json");
                string tempPath = settingsPath + ".tmp";
                {|AW0003:File.WriteAllText(tempPath, args[1])|};
                File.Move(tempPath, settingsPath, true);
                System.Console.WriteLine("saved");

                """;
            const string After = """
                using System.IO;
                using AtomicWrite;

                string settingsPath = Path.Combine(args[0], "settings.json");
                AtomicFile.WriteAllText(settingsPath, args[1]);
                System.Console.WriteLine("saved");

                """;
            return Verify.VerifyAsync(Before, After, UnsafeHandRolledReplaceFixer.EquivalenceKey, editorConfig: null, Verify.TopLevel);
        }

        /// <summary>The sample's hand-rolled replace (<c>samples/TokenStore/ProfileStore.cs</c>) is flagged and fixed.</summary>
        [Fact]
        public Task TokenStore_sample_profile_store_is_fixed()
        {
            string profileStore = TokenStoreSample.Read("ProfileStore.cs");
            const string Write = "File.WriteAllText(tempPath, JsonSerializer.Serialize(profile))";
            const string HandRolled = "            string tempPath = _profilePath + \".tmp\";\n            " + Write + ";\n            File.Move(tempPath, _profilePath, overwrite: true);\n";
            Assert.Contains(HandRolled, profileStore);

            string before = profileStore.Replace(Write, "{|AW0003:" + Write + "|}");
            string after = profileStore
                .Replace(HandRolled, "            AtomicFile.WriteAllText(_profilePath, JsonSerializer.Serialize(profile));\n")
                .Replace("using System.Text.Json;\n", "using System.Text.Json;\nusing AtomicWrite;\n");
            return Verify.VerifyAsync(before, after, UnsafeHandRolledReplaceFixer.EquivalenceKey, editorConfig: null, Verify.WithSampleModels);
        }

        [Fact]
        public Task Fix_All_fixes_the_others_when_an_unfixable_diagnostic_comes_first()
        {
            return Verify.VerifyAsync(
                Code("""
                    var tmp = path + ".tmp";
                    using (var stream = {|AW0003:File.Create(tmp)|})
                    {
                    }

                    File.Move(tmp, path, true);
                    var keyTmp = path + ".key.tmp";
                    {|AW0003:File.WriteAllBytes(keyTmp, bytes)|};
                    File.Move(keyTmp, path + ".key", true);
                    """),
                Fixed("""
                    var tmp = path + ".tmp";
                    using (var stream = {|AW0003:File.Create(tmp)|})
                    {
                    }

                    File.Move(tmp, path, true);
                    AtomicFile.WriteAllBytes(path + ".key", bytes);
                    """),
                UnsafeHandRolledReplaceFixer.EquivalenceKey);
        }

        [Fact]
        public async Task Dotnet_format_style_Fix_All_with_a_null_key_fixes_every_document()
        {
            const string First = """
                using System.IO;

                class First
                {
                    void Save(string settingsPath, byte[] bytes)
                    {
                        string tmp = settingsPath + ".tmp";
                        using (var stream = File.Create(tmp))
                        {
                            stream.Write(bytes);
                        }

                        File.Move(tmp, settingsPath, true);
                        string other = settingsPath + ".2.tmp";
                        File.WriteAllBytes(other, bytes);
                        File.Move(other, settingsPath + ".2", true);
                    }
                }
                """;
            const string Second = """
                using System.IO;

                class Second
                {
                    void Save(string profilePath, string json)
                    {
                        File.WriteAllText(profilePath + ".new", json);
                        File.Move(profilePath + ".new", profilePath, overwrite: true);
                    }
                }
                """;
            var harness = await FixVerifier<UnsafeHandRolledReplaceOnly, UnsafeHandRolledReplaceFixer>.WorkspaceAsync(First, Second);
            var before = await harness.DiagnosticsAsync(harness.Project);
            Assert.Equal(3, before.Length);
            Assert.Empty(await harness.ActionsAsync(before[0]));

            var texts = await harness.FixAllLikeDotnetFormatAsync();

            Assert.Contains("        AtomicFile.WriteAllBytes(settingsPath + \".2\", bytes);\n    }", texts[0]);
            Assert.Contains("        AtomicFile.WriteAllText(profilePath, json);\n    }", texts[1]);
            Assert.Contains("using AtomicWrite;", texts[1]);
            var after = await harness.DiagnosticsAsync(harness.Project);
            Assert.Equal("FileCreate", Assert.Single(after).Properties[DiagnosticPropertyNames.Shape]);
        }

        /// <summary>
        /// Whatever the target (a secret or plain data: AW0003 reports both), the fix saves with the default options,
        /// so a missing target is created owner-only, and the title says so.
        /// </summary>
        public static TheoryData<string, string> Titles => new()
        {
            { "File.WriteAllText(path + \".tmp\", json);\nFile.Move(path + \".tmp\", path, true);", "Replace 'tokens.json' atomically with AtomicFile.WriteAllText (a new file is created 0600)" },
            { "var data = Path.Combine(directory, \"data.bin\");\nFile.WriteAllBytes(data + \".tmp\", bytes);\nFile.Move(data + \".tmp\", data, true);", "Replace 'data.bin' atomically with AtomicFile.WriteAllBytes (a new file is created 0600)" },
        };

        [Theory]
        [MemberData(nameof(Titles))]
        public async Task Title_says_what_happens_and_the_key_is_the_rule_constant(string statements, string title)
        {
            var harness = await FixVerifier<UnsafeHandRolledReplaceOnly, UnsafeHandRolledReplaceFixer>.WorkspaceAsync(Code(statements));
            var diagnostic = Assert.Single(await harness.DiagnosticsAsync(harness.Project));

            var action = Assert.Single(await harness.ActionsAsync(diagnostic));

            Assert.Equal(title, action.Title);
            Assert.Equal(UnsafeHandRolledReplaceFixer.EquivalenceKey, action.EquivalenceKey);
        }

        [Fact]
        public void One_provider_per_rule_with_a_constant_key()
        {
            var fixer = new UnsafeHandRolledReplaceFixer();
            Assert.Equal(new[] { RuleIdentifiers.UnsafeHandRolledReplace }, fixer.FixableDiagnosticIds.ToArray());
            Assert.NotNull(fixer.GetFixAllProvider());
        }

        private const string Members = "static string Temp(string p) => p + \".new\";\nstatic string Resolve(string p) => Path.GetFullPath(p);";

        private static string Code(string statements, string members = Members) => Snippet.FixBody(statements, members);

        private static string Fixed(string statements, string members = Members) => Snippet.FixedBody(statements, members);
    }
}
