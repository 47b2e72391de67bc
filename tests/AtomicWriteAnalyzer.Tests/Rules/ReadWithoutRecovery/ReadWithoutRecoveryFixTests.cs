using System.Linq;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Rules;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Tests.TestKit.ReadWithoutRecoveryOnly, AtomicWriteAnalyzer.CodeFixes.Rules.ReadWithoutRecoveryFixer>;

namespace AtomicWriteAnalyzer.Tests.Rules.ReadWithoutRecovery
{
    /// <summary>
    /// AW0002's fixes, compiled against the runtime: <c>File.ReadAll*</c> → <c>AtomicFile.ReadAll*</c>, a read parsed at
    /// once → <c>AtomicFile.Load</c> with a typed lambda; and the reads that keep their suggestion without a fix.
    /// </summary>
    public sealed class ReadWithoutRecoveryFixTests
    {
        private const string Dict = "Dictionary<string, string>";

        public static TheoryData<string, string, string> ReadAll => new()
        {
            // name, statement with the diagnostic, statement after the fix
            { "ReadAllText(path)", "_ = {|AW0002:File.ReadAllText(path)|};", "_ = AtomicFile.ReadAllText(path);" },
            { "ReadAllText(path, Encoding)", "_ = {|AW0002:File.ReadAllText(path, Encoding.UTF8)|};", "_ = AtomicFile.ReadAllText(path, Encoding.UTF8);" },
            { "ReadAllTextAsync(path)", "_ = await {|AW0002:File.ReadAllTextAsync(path)|};", "_ = await AtomicFile.ReadAllTextAsync(path);" },
            { "ReadAllTextAsync(path, token)", "_ = await {|AW0002:File.ReadAllTextAsync(path, ct)|};", "_ = await AtomicFile.ReadAllTextAsync(path, ct);" },
            { "ReadAllTextAsync(path, Encoding, token)", "_ = await {|AW0002:File.ReadAllTextAsync(path, Encoding.UTF8, ct)|};", "_ = await AtomicFile.ReadAllTextAsync(path, Encoding.UTF8, ct);" },
            { "ReadAllTextAsync with ConfigureAwait", "_ = await {|AW0002:File.ReadAllTextAsync(path, ct)|}.ConfigureAwait(false);", "_ = await AtomicFile.ReadAllTextAsync(path, ct).ConfigureAwait(false);" },
            { "ReadAllBytes(path)", "_ = {|AW0002:File.ReadAllBytes(path)|};", "_ = AtomicFile.ReadAllBytes(path);" },
            { "ReadAllBytesAsync(path, token)", "_ = await {|AW0002:File.ReadAllBytesAsync(path, ct)|};", "_ = await AtomicFile.ReadAllBytesAsync(path, ct);" },
            { "ReadAllLines(path)", "_ = {|AW0002:File.ReadAllLines(path)|};", "_ = AtomicFile.ReadAllLines(path);" },
            { "ReadAllLines(path, Encoding)", "_ = {|AW0002:File.ReadAllLines(path, Encoding.Latin1)|};", "_ = AtomicFile.ReadAllLines(path, Encoding.Latin1);" },
            { "ReadAllLinesAsync(path, token)", "_ = await {|AW0002:File.ReadAllLinesAsync(path, ct)|};", "_ = await AtomicFile.ReadAllLinesAsync(path, ct);" },
            { "ReadAllLinesAsync(path, Encoding, token)", "_ = await {|AW0002:File.ReadAllLinesAsync(path, Encoding.UTF8, ct)|};", "_ = await AtomicFile.ReadAllLinesAsync(path, Encoding.UTF8, ct);" },
            { "named arguments", "_ = {|AW0002:File.ReadAllText(encoding: Encoding.UTF8, path: path)|};", "_ = AtomicFile.ReadAllText(encoding: Encoding.UTF8, path: path);" },
            { "fully qualified System.IO.File", "_ = {|AW0002:System.IO.File.ReadAllText(path)|};", "_ = AtomicFile.ReadAllText(path);" },
            { "comments and trivia are kept", "var text = {|AW0002:File.ReadAllText(/* tokens */ path)|}; // load", "var text = AtomicFile.ReadAllText(/* tokens */ path); // load" },
            { "inside try/finally", "try\n{\n    _ = {|AW0002:File.ReadAllText(path)|};\n}\nfinally\n{\n}", "try\n{\n    _ = AtomicFile.ReadAllText(path);\n}\nfinally\n{\n}" },
            { "bytes parsed at once stay a ReadAll", $"_ = JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.ReadAllBytes(path)|}});", $"_ = JsonSerializer.Deserialize<{Dict}>(AtomicFile.ReadAllBytes(path));" },
            { "text read with an encoding stays a ReadAll", $"_ = JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.ReadAllText(path, Encoding.UTF8)|}});", $"_ = JsonSerializer.Deserialize<{Dict}>(AtomicFile.ReadAllText(path, Encoding.UTF8));" },
            { "parser with a computed argument stays a ReadAll", $"_ = JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.ReadAllText(path)|}}, CreateOptions());", $"_ = JsonSerializer.Deserialize<{Dict}>(AtomicFile.ReadAllText(path), CreateOptions());" },
        };

        [Theory]
        [MemberData(nameof(ReadAll))]
        public Task Read_is_rewritten_to_AtomicFile(string name, string statement, string fixedStatement)
        {
            Assert.NotNull(name);
            return Verify.VerifyAsync(Code(statement), Fixed(fixedStatement), ReadWithoutRecoveryFixer.EquivalenceKey);
        }

        [Fact]
        public Task Read_under_using_static_is_rewritten()
        {
            const string Before = """
                using static System.IO.File;

                class C
                {
                    string Load(string tokenPath) => {|AW0002:ReadAllText(tokenPath)|};
                }
                """;
            const string After = """
                using AtomicWrite;
                using static System.IO.File;

                class C
                {
                    string Load(string tokenPath) => AtomicFile.ReadAllText(tokenPath);
                }
                """;
            return Verify.VerifyAsync(Before, After, ReadWithoutRecoveryFixer.EquivalenceKey);
        }

        public static TheoryData<string, string, string> Loads => new()
        {
            {
                "Deserialize(ReadAllText)",
                $"var tokens = JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.ReadAllText(path)|}});",
                $"var tokens = AtomicFile.Load(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text));"
            },
            {
                "Deserialize(ReadAllText, options)",
                $"var tokens = JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.ReadAllText(path)|}}, JsonSerializerOptions.Default);",
                $"var tokens = AtomicFile.Load(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text, JsonSerializerOptions.Default));"
            },
            {
                "Deserialize with a field and new options",
                $"var tokens = JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.ReadAllText(path)|}}, new JsonSerializerOptions {{ PropertyNameCaseInsensitive = flag }});",
                $"var tokens = AtomicFile.Load(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text, new JsonSerializerOptions {{ PropertyNameCaseInsensitive = flag }}));"
            },
            {
                "Deserialize with a named argument",
                $"var tokens = JsonSerializer.Deserialize<{Dict}>(json: {{|AW0002:File.ReadAllText(path)|}});",
                $"var tokens = AtomicFile.Load(path, (string text) => JsonSerializer.Deserialize<{Dict}>(json: text));"
            },
            {
                "?? default",
                $"var tokens = JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.ReadAllText(path)|}}) ?? new {Dict}();",
                $"var tokens = AtomicFile.Load(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text)) ?? new {Dict}();"
            },
            {
                "null-forgiving",
                $"{Dict} tokens = JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.ReadAllText(path)|}})!;",
                $"{Dict} tokens = AtomicFile.Load(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text))!;"
            },
            {
                "returned from a lambda",
                $"Func<{Dict}?> load = () => JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.ReadAllText(path)|}});\n_ = load();",
                $"Func<{Dict}?> load = () => AtomicFile.Load(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text));\n_ = load();"
            },
            {
                "a local named text is in scope",
                $"var text = json;\nvar tokens = JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.ReadAllText(path)|}});",
                $"var text = json;\nvar tokens = AtomicFile.Load(path, (string text2) => JsonSerializer.Deserialize<{Dict}>(text2));"
            },
            {
                "awaited ReadAllTextAsync",
                $"var tokens = JsonSerializer.Deserialize<{Dict}>(await {{|AW0002:File.ReadAllTextAsync(path)|}});",
                $"var tokens = await AtomicFile.LoadAsync(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text));"
            },
            {
                "awaited ReadAllTextAsync with a token",
                $"var tokens = JsonSerializer.Deserialize<{Dict}>(await {{|AW0002:File.ReadAllTextAsync(path, ct)|}});",
                $"var tokens = await AtomicFile.LoadAsync(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text), ct);"
            },
            {
                "awaited with ConfigureAwait",
                $"var tokens = JsonSerializer.Deserialize<{Dict}>(await {{|AW0002:File.ReadAllTextAsync(path, ct)|}}.ConfigureAwait(false));",
                $"var tokens = await AtomicFile.LoadAsync(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text), ct).ConfigureAwait(false);"
            },
            {
                "awaited, then null-forgiving (parentheses kept)",
                $"{Dict} tokens = JsonSerializer.Deserialize<{Dict}>(await {{|AW0002:File.ReadAllTextAsync(path, ct)|}})!;",
                $"{Dict} tokens = (await AtomicFile.LoadAsync(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text), ct))!;"
            },
            {
                "XDocument.Parse(ReadAllText)",
                "var document = XDocument.Parse({|AW0002:File.ReadAllText(path)|});",
                "var document = AtomicFile.Load(path, (string text) => XDocument.Parse(text));"
            },
            {
                "XElement.Parse(ReadAllText, options)",
                "var element = XElement.Parse({|AW0002:File.ReadAllText(path)|}, LoadOptions.PreserveWhitespace);",
                "var element = AtomicFile.Load(path, (string text) => XElement.Parse(text, LoadOptions.PreserveWhitespace));"
            },
            {
                "JsonNode.Parse(ReadAllText)",
                "var node = System.Text.Json.Nodes.JsonNode.Parse({|AW0002:File.ReadAllText(path)|});",
                "var node = AtomicFile.Load(path, (string text) => System.Text.Json.Nodes.JsonNode.Parse(text));"
            },
            {
                "Deserialize(OpenRead)",
                $"var tokens = JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.OpenRead(path)|}});",
                $"var tokens = AtomicFile.Load(path, (Stream stream) => JsonSerializer.Deserialize<{Dict}>(stream));"
            },
            {
                "XDocument.Load(OpenRead)",
                "var document = XDocument.Load({|AW0002:File.OpenRead(path)|});",
                "var document = AtomicFile.Load(path, (Stream stream) => XDocument.Load(stream));"
            },
            {
                "JsonDocument.Parse(OpenRead)",
                "using var document = JsonDocument.Parse({|AW0002:File.OpenRead(path)|});",
                "using var document = AtomicFile.Load(path, (Stream stream) => JsonDocument.Parse(stream));"
            },
            {
                "XDocument.Load(path)",
                "var document = {|AW0002:XDocument.Load(path)|};",
                "var document = AtomicFile.Load(path, (Stream stream) => XDocument.Load(stream));"
            },
            {
                "XElement.Load(path, options)",
                "var element = {|AW0002:XElement.Load(path, LoadOptions.PreserveWhitespace)|};",
                "var element = AtomicFile.Load(path, (Stream stream) => XElement.Load(stream, LoadOptions.PreserveWhitespace));"
            },
            {
                "XDocument.Load(uri: path)",
                "var document = {|AW0002:XDocument.Load(uri: path)|};",
                "var document = AtomicFile.Load(path, (Stream stream) => XDocument.Load(stream));"
            },
        };

        [Theory]
        [MemberData(nameof(Loads))]
        public Task Read_parsed_at_once_becomes_Load(string name, string statement, string fixedStatement)
        {
            Assert.NotNull(name);
            return Verify.VerifyAsync(Code(statement), Fixed(fixedStatement), ReadWithoutRecoveryFixer.EquivalenceKey);
        }

        public static TheoryData<string, string, string> NextStatementLoads => new()
        {
            {
                "read into a local, parsed in the next statement",
                $"string text = {{|AW0002:File.ReadAllText(path)|}};\nvar tokens = JsonSerializer.Deserialize<{Dict}>(text);",
                $"var tokens = AtomicFile.Load(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text));"
            },
            {
                "the local names the lambda's parameter; comments above stay",
                $"// the tokens\nvar json2 = {{|AW0002:File.ReadAllText(path)|}};\nvar tokens = JsonSerializer.Deserialize<{Dict}>(json2) ?? new {Dict}();",
                $"// the tokens\nvar tokens = AtomicFile.Load(path, (string json2) => JsonSerializer.Deserialize<{Dict}>(json2)) ?? new {Dict}();"
            },
            {
                "awaited into a local",
                $"var text = await {{|AW0002:File.ReadAllTextAsync(path, ct)|}};\nvar tokens = JsonSerializer.Deserialize<{Dict}>(text);",
                $"var tokens = await AtomicFile.LoadAsync(path, (string text) => JsonSerializer.Deserialize<{Dict}>(text), ct);"
            },
            {
                "a stream into a local",
                $"var stream = {{|AW0002:File.OpenRead(path)|}};\nvar tokens = JsonSerializer.Deserialize<{Dict}>(stream);",
                $"var tokens = AtomicFile.Load(path, (Stream stream) => JsonSerializer.Deserialize<{Dict}>(stream));"
            },
        };

        [Theory]
        [MemberData(nameof(NextStatementLoads))]
        public Task Read_parsed_in_the_next_statement_becomes_Load(string name, string statements, string fixedStatements)
        {
            Assert.NotNull(name);
            return Verify.VerifyAsync(Code(statements), Fixed(fixedStatements), ReadWithoutRecoveryFixer.EquivalenceKey);
        }

        /// <summary>
        /// The sample's token store (<c>samples/TokenStore/TokenStore.cs</c>) reads the tokens into a local and parses them
        /// in the next statement: the seed incident's truncated <c>{"tokens": [</c> is a parse failure, which only
        /// <c>Load</c> recovers from.
        /// </summary>
        [Fact]
        public Task TokenStore_sample_load_becomes_Load()
        {
            string tokenStore = TokenStoreSample.Read("TokenStore.cs");
            const string Read = "File.ReadAllText(_tokenPath)";
            const string Load = "            string json = " + Read + ";\n            return JsonSerializer.Deserialize<TokenFile>(json) ?? new TokenFile();\n";
            Assert.Contains(Load, tokenStore);

            string before = tokenStore.Replace(Read, "{|AW0002:" + Read + "|}");
            string after = tokenStore
                .Replace(Load, "            return AtomicFile.Load(_tokenPath, (string json) => JsonSerializer.Deserialize<TokenFile>(json)) ?? new TokenFile();\n")
                .Replace("using System.Text.Json;\n", "using System.Text.Json;\nusing AtomicWrite;\n");
            return Verify.VerifyAsync(before, after, ReadWithoutRecoveryFixer.EquivalenceKey, editorConfig: null, Verify.WithSampleModels);
        }

        [Fact]
        public Task Newtonsoft_DeserializeObject_becomes_Load()
        {
            const string Newtonsoft = "\nnamespace Newtonsoft.Json\n{\n    public static class JsonConvert\n    {\n        public static T? DeserializeObject<T>(string value) => default;\n    }\n}\n";
            return Verify.VerifyAsync(
                Code($"var tokens = Newtonsoft.Json.JsonConvert.DeserializeObject<{Dict}>({{|AW0002:File.ReadAllText(path)|}});") + Newtonsoft,
                Fixed($"var tokens = AtomicFile.Load(path, (string text) => Newtonsoft.Json.JsonConvert.DeserializeObject<{Dict}>(text));") + Newtonsoft,
                ReadWithoutRecoveryFixer.EquivalenceKey);
        }

        public static TheoryData<string, string> NoFix => new()
        {
            { "File.ReadLines", "foreach (var line in {|AW0002:File.ReadLines(path)|}) { }" },
            { "File.OpenText", "using var reader = {|AW0002:File.OpenText(path)|};" },
            { "new StreamReader(path)", "using var reader = {|AW0002:new StreamReader(path)|};" },
            { "File.OpenRead not parsed at once", "using var stream = {|AW0002:File.OpenRead(path)|};" },
            { "File.Open for reading", "using var stream = {|AW0002:File.Open(path, FileMode.Open, FileAccess.Read)|};" },
            { "FileInfo.OpenRead", "using var stream = {|AW0002:new FileInfo(path).OpenRead()|};" },
            { "inside try/catch", "try\n{\n    _ = {|AW0002:File.ReadAllText(path)|};\n}\ncatch (IOException)\n{\n}" },
            { "parsed inside try/catch", $"try\n{{\n    _ = JsonSerializer.Deserialize<{Dict}>({{|AW0002:File.ReadAllText(path)|}});\n}}\ncatch (JsonException)\n{{\n}}" },
            { "XDocument.Load with SetBaseUri", "_ = {|AW0002:XDocument.Load(path, LoadOptions.SetBaseUri)|};" },
            { "XmlDocument.Load", "var document = new XmlDocument();\n{|AW0002:document.Load(path)|};" },
        };

        [Theory]
        [MemberData(nameof(NoFix))]
        public Task Reads_without_a_safe_rewrite_keep_their_suggestion(string name, string statement)
        {
            Assert.NotNull(name);
            return Verify.VerifyNoFixAsync(Code(statement));
        }

        [Fact]
        public Task Reads_through_System_IO_Abstractions_are_not_fixed()
        {
            return Verify.VerifyNoFixAsync(
                Code("_ = {|AW0002:fs.File.ReadAllText(path)|};", "private readonly System.IO.Abstractions.IFileSystem fs = null!;") + Snippet.FileSystemAbstractions);
        }

        [Fact]
        public Task No_fix_when_the_project_does_not_reference_the_runtime()
        {
            return Verify.VerifyNoFixAsync(Code("_ = {|AW0002:File.ReadAllText(path)|};"), test => test.TestState.AdditionalReferences.Clear());
        }

        [Fact]
        public Task Fix_All_fixes_the_others_when_an_unfixable_diagnostic_comes_first()
        {
            return Verify.VerifyAsync(
                Code($$"""
                    using var reader = {|AW0002:new StreamReader(path)|};
                    _ = {|AW0002:File.ReadAllBytes(path)|};
                    var tokens = JsonSerializer.Deserialize<{{Dict}}>({|AW0002:File.ReadAllText(path)|});
                    var document = {|AW0002:XDocument.Load(path + ".xml")|};
                    """),
                Fixed($$"""
                    using var reader = {|AW0002:new StreamReader(path)|};
                    _ = AtomicFile.ReadAllBytes(path);
                    var tokens = AtomicFile.Load(path, (string text) => JsonSerializer.Deserialize<{{Dict}}>(text));
                    var document = AtomicFile.Load(path + ".xml", (Stream stream) => XDocument.Load(stream));
                    """),
                ReadWithoutRecoveryFixer.EquivalenceKey);
        }

        [Fact]
        public async Task Dotnet_format_style_Fix_All_with_a_null_key_fixes_every_document()
        {
            const string First = """
                using System.IO;

                class First
                {
                    string Load(string tokenPath)
                    {
                        using var reader = new StreamReader(tokenPath);
                        return File.ReadAllText(tokenPath);
                    }
                }
                """;
            const string Second = """
                using System.IO;
                using System.Xml.Linq;

                class Second
                {
                    XDocument Load(string settingsPath) => XDocument.Load(settingsPath);
                }
                """;
            var harness = await FixVerifier<ReadWithoutRecoveryOnly, ReadWithoutRecoveryFixer>.WorkspaceAsync(First, Second);
            var before = await harness.DiagnosticsAsync(harness.Project);
            Assert.Equal(3, before.Length);
            Assert.Empty(await harness.ActionsAsync(before[0]));

            var texts = await harness.FixAllLikeDotnetFormatAsync();

            Assert.Contains("return AtomicFile.ReadAllText(tokenPath);", texts[0]);
            Assert.Contains("XDocument Load(string settingsPath) => AtomicFile.Load(settingsPath, (Stream stream) => XDocument.Load(stream));", texts[1]);
            Assert.Contains("using AtomicWrite;", texts[1]);
            var after = await harness.DiagnosticsAsync(harness.Project);
            Assert.Equal("StreamReader", Assert.Single(after).Properties[DiagnosticPropertyNames.Shape]);
        }

        public static TheoryData<string, string> Titles => new()
        {
            { "_ = File.ReadAllText(path);", "Read 'tokens.json' with recovery (AtomicFile.ReadAllText)" },
            { "_ = await File.ReadAllBytesAsync(path, ct);", "Read 'tokens.json' with recovery (AtomicFile.ReadAllBytesAsync)" },
            { $"_ = JsonSerializer.Deserialize<{Dict}>(File.ReadAllText(path));", "Load 'tokens.json' with recovery (AtomicFile.Load)" },
            { $"_ = JsonSerializer.Deserialize<{Dict}>(await File.ReadAllTextAsync(path));", "Load 'tokens.json' with recovery (AtomicFile.LoadAsync)" },
        };

        [Theory]
        [MemberData(nameof(Titles))]
        public async Task Title_says_what_happens_and_the_key_is_the_rule_constant(string statement, string title)
        {
            var harness = await FixVerifier<ReadWithoutRecoveryOnly, ReadWithoutRecoveryFixer>.WorkspaceAsync(Code(statement));
            var diagnostic = Assert.Single(await harness.DiagnosticsAsync(harness.Project));

            var action = Assert.Single(await harness.ActionsAsync(diagnostic));

            Assert.Equal(title, action.Title);
            Assert.Equal(ReadWithoutRecoveryFixer.EquivalenceKey, action.EquivalenceKey);
        }

        [Fact]
        public void One_provider_per_rule_with_a_constant_key()
        {
            var fixer = new ReadWithoutRecoveryFixer();
            Assert.Equal(new[] { RuleIdentifiers.ReadWithoutRecovery }, fixer.FixableDiagnosticIds.ToArray());
            Assert.NotNull(fixer.GetFixAllProvider());
        }

        private const string Members = "static JsonSerializerOptions CreateOptions() => new();";

        private static string Code(string statement, string members = Members) => Snippet.FixBody(statement, members);

        private static string Fixed(string statement, string members = Members) => Snippet.FixedBody(statement, members);
    }
}
