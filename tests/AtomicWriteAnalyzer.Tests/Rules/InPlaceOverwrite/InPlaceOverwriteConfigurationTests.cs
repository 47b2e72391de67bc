using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// What users control: <c>[SensitiveFile]</c>, the <c>atomic_write.*</c> options (each shown to change the result
    /// both ways), suppression, generated code; and program shapes: top-level statements, System.IO.Abstractions,
    /// half-typed code.
    /// </summary>
    public sealed class InPlaceOverwriteConfigurationTests
    {
        private const string PlainWrite = "File.WriteAllText(Path.Combine(directory, \"data\", \"store.bin\"), json);";
        private const string PlainWriteFlagged = "{|AW0001:File.WriteAllText(Path.Combine(directory, \"data\", \"store.bin\"), json)|};";

        public static TheoryData<string, string, string> Options => new()
        {
            // editorconfig, unflagged code, flagged code
            { "atomic_write.sensitive_paths = *.bin", PlainWrite, PlainWriteFlagged },
            { "atomic_write.sensitive_paths = **/data/*.bin", PlainWrite, PlainWriteFlagged },
            { "atomic_write.sensitive_paths = *.token, data/store.bin   # comment", PlainWrite, PlainWriteFlagged },
            { "atomic_write.sensitive_paths = **/DATA/**", PlainWrite, PlainWriteFlagged },
            { "atomic_write.scope = all", PlainWrite, PlainWriteFlagged },
            { "atomic_write.scope = all", "File.WriteAllText(Path.Combine(directory, \"app.log\"), json);", "{|AW0001:File.WriteAllText(Path.Combine(directory, \"app.log\"), json)|};" },
        };

        [Theory]
        [MemberData(nameof(Options))]
        public async Task Options_that_add_files_flag_them(string editorConfig, string before, string after)
        {
            await VerifyCS.VerifyAnalyzerAsync(Snippet.Body(before));
            await VerifyCS.VerifyAnalyzerAsync(Snippet.Body(after), editorConfig);
        }

        [Theory]
        [InlineData("atomic_write.sensitive_paths = *.bin")]
        [InlineData("atomic_write.scope = all")]
        public Task Options_flag_with_their_reason(string editorConfig)
        {
            string reason = editorConfig.StartsWith("atomic_write.scope") ? "atomic_write.scope = all" : "matches atomic_write.sensitive_paths '*.bin'";
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Body("{|#0:File.WriteAllText(Path.Combine(directory, \"store.bin\"), json)|};"),
                editorConfig,
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(0).WithArguments("store.bin", "File.WriteAllText", reason));
        }

        public static TheoryData<string, string, string> IgnoredPaths => new()
        {
            { "atomic_write.ignored_paths = **/fixtures/**", "\"fixtures\", \"settings.json\"", "" },
            { "atomic_write.ignored_paths = *.json", "\"tokens.json\"", "" },
            { "atomic_write.ignored_paths = tokens.json, **/other/**", "\"tokens.json\"", "" },
            { "atomic_write.ignored_paths = *.json\natomic_write.scope = all", "\"tokens.json\"", "" },
            { "atomic_write.ignored_paths = *.json\natomic_write.sensitive_paths = *.json", "\"tokens.json\"", "" },
        };

        [Theory]
        [MemberData(nameof(IgnoredPaths))]
        public async Task Ignored_paths_are_never_flagged(string editorConfig, string combineArguments, string unused)
        {
            Assert.Empty(unused);
            string code = $"File.WriteAllText(Path.Combine(directory, {combineArguments}), json);";
            await VerifyCS.VerifyAnalyzerAsync(Snippet.Body("{|AW0001:" + code.TrimEnd(';') + "|};"));
            await VerifyCS.VerifyAnalyzerAsync(Snippet.Body(code), editorConfig);
        }

        [Theory]
        [InlineData("File.AppendAllText(Path.Combine(directory, \"data.bin\"), json);")]
        [InlineData("using var stream = new FileStream(Path.Combine(directory, \"data.bin\"), FileMode.CreateNew);")]
        [InlineData("using var writer = new StreamWriter(Path.Combine(directory, \"data.bin\"), append: true);")]
        [InlineData("using var stream = File.OpenRead(Path.Combine(directory, \"data.bin\"));")]
        public Task Scope_all_still_honours_appends_CreateNew_and_reads(string code)
        {
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(code), "atomic_write.scope = all");
        }

        [Fact]
        public async Task Options_apply_per_file()
        {
            var test = new AnalyzerVerifier<InPlaceOverwriteOnly>.Test();
            test.TestState.Sources.Add(("/src/A.cs", Snippet.Body("{|AW0001:File.WriteAllText(Path.Combine(directory, \"store.bin\"), json)|};").Replace("class C", "class A")));
            test.TestState.Sources.Add(("/other/B.cs", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"store.bin\"), json);").Replace("class C", "class B")));
            test.TestState.AnalyzerConfigFiles.Add(("/src/.editorconfig", "[*.cs]\natomic_write.sensitive_paths = *.bin\n"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Global_options_apply_when_the_file_has_none()
        {
            var test = new AnalyzerVerifier<InPlaceOverwriteOnly>.Test
            {
                TestCode = Snippet.Body("{|AW0001:File.WriteAllText(Path.Combine(directory, \"store.bin\"), json)|};"),
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\natomic_write.sensitive_paths = *.bin\n"));
            await test.RunAsync();
        }

        public static TheoryData<string, string, string> SensitiveFileAttribute => new()
        {
            {
                "parameter",
                "void Save([SensitiveFile] string path, string json) => File.WriteAllText(path, json);",
                "void Save([SensitiveFile] string path, string json) => {|AW0001:File.WriteAllText(path, json)|};"
            },
            {
                "field",
                "[SensitiveFile] private readonly string _store = \"data.bin\";\nvoid Save(string json) => File.WriteAllText(_store, json);",
                "[SensitiveFile] private readonly string _store = \"data.bin\";\nvoid Save(string json) => {|AW0001:File.WriteAllText(_store, json)|};"
            },
            {
                "property",
                "[SensitiveFile] public string Store { get; } = \"data.bin\";\nvoid Save(string json) => File.WriteAllText(Store, json);",
                "[SensitiveFile] public string Store { get; } = \"data.bin\";\nvoid Save(string json) => {|AW0001:File.WriteAllText(Store, json)|};"
            },
            {
                "method",
                "[SensitiveFile] string Locate() => \"data.bin\";\nvoid Save(string json) => File.WriteAllText(Locate(), json);",
                "[SensitiveFile] string Locate() => \"data.bin\";\nvoid Save(string json) => {|AW0001:File.WriteAllText(Locate(), json)|};"
            },
            {
                "wins over a counter-signal",
                "[SensitiveFile] private readonly string _exportPath = \"data.bin\";\nvoid Save(string json) => File.WriteAllText(_exportPath, json);",
                "[SensitiveFile] private readonly string _exportPath = \"data.bin\";\nvoid Save(string json) => {|AW0001:File.WriteAllText(_exportPath, json)|};"
            },
        };

        [Theory]
        [MemberData(nameof(SensitiveFileAttribute))]
        public async Task SensitiveFile_attribute_makes_the_path_sensitive(string target, string withoutAttribute, string withAttribute)
        {
            Assert.NotNull(target);
            await VerifyCS.VerifyAnalyzerAsync(Snippet.Members(withoutAttribute.Replace("[SensitiveFile] ", "")));
            await VerifyCS.VerifyAnalyzerAsync(Snippet.Members(withAttribute));
        }

        [Fact]
        public Task SensitiveFile_attribute_is_recognized_by_full_name_when_declared_in_source()
        {
            var test = VerifyCSTest(Snippet.Members("void Save([AtomicWrite.SensitiveFile] string path, string json) => {|AW0001:File.WriteAllText(path, json)|};").Replace("using AtomicWrite;\n", "")
                + "\nnamespace AtomicWrite { [System.AttributeUsage(System.AttributeTargets.All)] sealed class SensitiveFileAttribute : System.Attribute { } }");
            test.TestState.AdditionalReferences.Clear();
            return test.RunAsync();
        }

        [Fact]
        public Task SensitiveFile_attribute_reason_names_the_holder()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Members("void Save([SensitiveFile] string store, string json) => {|#0:File.WriteAllText(store, json)|};"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(0)
                    .WithArguments("store", "File.WriteAllText", "'store' is marked [SensitiveFile]"));
        }

        public static TheoryData<string, string> TopLevelPrograms => new()
        {
            { "direct", "using System.IO;\n\n{|AW0001:File.WriteAllText(\"tokens.json\", args[0])|};\n" },
            { "through a local", "using System.IO;\n\nvar settingsPath = Path.Combine(args[0], \"data.json\");\n{|AW0001:File.WriteAllText(settingsPath, args[1])|};\n" },
            { "in a local function", "using System.IO;\n\nSave(args[0]);\n\nvoid Save(string json) => {|AW0001:File.WriteAllText(\"secrets.json\", json)|};\n" },
            { "with a type after the statements", "using System.IO;\n\n{|AW0001:File.WriteAllText(Paths.Config, args[0])|};\n\nstatic class Paths { public const string Config = \"app.json\"; }\n" },
        };

        [Theory]
        [MemberData(nameof(TopLevelPrograms))]
        public Task Top_level_statements_are_analyzed(string name, string code)
        {
            Assert.NotNull(name);
            var test = VerifyCSTest(code);
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task Top_level_statements_writing_a_log_are_not_reported()
        {
            var test = VerifyCSTest("using System.IO;\n\nFile.WriteAllText(\"run.log\", args[0]);\nFile.AppendAllText(\"tokens.json\", args[0]);\n");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        public static TheoryData<string, string> Abstractions => new()
        {
            { "IFileSystem.File.WriteAllText", "{|AW0001:fs.File.WriteAllText(Path.Combine(directory, \"settings.json\"), json)|};" },
            { "IFile.WriteAllBytes", "{|AW0001:fs.File.WriteAllBytes(Path.Combine(directory, \"tokens.bin\"), bytes)|};" },
            { "IFile.WriteAllTextAsync", "await {|AW0001:fs.File.WriteAllTextAsync(Path.Combine(directory, \"settings.json\"), json)|};" },
            { "IFile.Create", "using var s = {|AW0001:fs.File.Create(Path.Combine(directory, \"secrets.json\"))|};" },
            { "IFile.OpenWrite", "using var s = {|AW0001:fs.File.OpenWrite(Path.Combine(directory, \"secrets.json\"))|};" },
            { "IFile.Open(Create)", "using var s = {|AW0001:fs.File.Open(Path.Combine(directory, \"secrets.json\"), FileMode.Create)|};" },
            { "IFile.Copy(overwrite)", "{|AW0001:fs.File.Copy(source, Path.Combine(directory, \"config.json\"), true)|};" },
            { "IFileStreamFactory.New(Create)", "using var s = {|AW0001:fs.FileStream.New(Path.Combine(directory, \"settings.json\"), FileMode.Create)|};" },
            { "IFileStreamFactory.New(OpenOrCreate, Write)", "using var s = {|AW0001:fs.FileStream.New(Path.Combine(directory, \"settings.json\"), FileMode.OpenOrCreate, FileAccess.Write)|};" },
            { "IFileInfo.Create", "using var s = {|AW0001:fs.FileInfo.New(Path.Combine(directory, \"profile.json\")).Create()|};" },
            { "IFileInfo.CreateText on a local", "var info = fs.FileInfo.New(Path.Combine(directory, \"profile.json\"));\nusing var w = {|AW0001:info.CreateText()|};" },
            { "IFileInfo.Open(Truncate)", "var info = fs.FileInfo.New(Path.Combine(directory, \"profile.json\"));\nusing var s = {|AW0001:info.Open(FileMode.Truncate)|};" },
        };

        [Theory]
        [MemberData(nameof(Abstractions))]
        public Task System_IO_Abstractions_writes_are_reported(string name, string body)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(AbstractionsCode(body));
        }

        public static TheoryData<string, string> AbstractionsNegatives => new()
        {
            { "IFile.AppendAllText", "fs.File.AppendAllText(Path.Combine(directory, \"settings.json\"), json);" },
            { "IFile.ReadAllText", "_ = fs.File.ReadAllText(Path.Combine(directory, \"settings.json\"));" },
            { "IFileStreamFactory.New(Open)", "using var s = fs.FileStream.New(Path.Combine(directory, \"settings.json\"), FileMode.Open);" },
            { "IFileInfo.OpenRead", "using var s = fs.FileInfo.New(Path.Combine(directory, \"settings.json\")).OpenRead();" },
            { "IFile.WriteAllText to a log", "fs.File.WriteAllText(Path.Combine(directory, \"app.log\"), json);" },
            { "IFile temp then IFile.Move", "fs.File.WriteAllText(Path.Combine(directory, \"settings.json.new\"), json);\nfs.File.Move(Path.Combine(directory, \"settings.json.new\"), Path.Combine(directory, \"settings.json\"));" },
        };

        [Theory]
        [MemberData(nameof(AbstractionsNegatives))]
        public Task System_IO_Abstractions_appends_reads_and_logs_are_not_reported(string name, string body)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(AbstractionsCode(body));
        }

        [Fact]
        public Task System_IO_Abstractions_message_names_the_interface()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                AbstractionsCode("{|#0:fs.File.WriteAllText(Path.Combine(directory, \"settings.json\"), json)|};"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(0)
                    .WithArguments("settings.json", "IFile.WriteAllText", "file name contains 'settings'"));
        }

        private static string AbstractionsCode(string body) =>
            Snippet.Body(body, "private readonly System.IO.Abstractions.IFileSystem fs = null!;") + Snippet.FileSystemAbstractions;

        [Theory]
        [InlineData("#pragma warning disable AW0001\nFile.WriteAllText(Path.Combine(directory, \"tokens.json\"), json);\n#pragma warning restore AW0001")]
        [InlineData("[System.Diagnostics.CodeAnalysis.SuppressMessage(\"Reliability\", \"AW0001\")]\nvoid Save(string directory, string json) => File.WriteAllText(Path.Combine(directory, \"tokens.json\"), json);")]
        public Task Suppressed_in_code(string code)
        {
            return VerifyCS.VerifyAnalyzerAsync(code.StartsWith("#pragma") ? Snippet.Body(code) : Snippet.Members(code));
        }

        [Fact]
        public Task Severity_none_in_editorconfig_silences_the_rule()
        {
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body("File.WriteAllText(Path.Combine(directory, \"tokens.json\"), json);"), "dotnet_diagnostic.AW0001.severity = none");
        }

        [Theory]
        [InlineData("// <auto-generated/>\n")]
        [InlineData("// <autogenerated />\n")]
        public Task Generated_code_is_skipped(string header)
        {
            return VerifyCS.VerifyAnalyzerAsync(header + Snippet.Body("File.WriteAllText(Path.Combine(directory, \"tokens.json\"), json);"));
        }

        public static TheoryData<string> HalfTypedCode => new()
        {
            "File.WriteAllText(",
            "File.WriteAllText(Path.Combine(directory, \"tokens.json\"), );",
            "File.WriteAllText(, json);",
            "File.WriteAllText(tokenPath, json);",
            "File.WriteAllText(Path.Combine(directory, \"tokens.json\"), json, Encoding.UTF8, 42);",
            "using var s = new FileStream(Path.Combine(directory, \"tokens.json\"), FileMode.);",
            "using var s = new FileStream(Path.Combine(directory, \"tokens.json\"), );",
            "using var s = new FileStream(;",
            "using var s = new FileStream(Path.Combine(directory, \"tokens.json\"), new FileStreamOptions { Mode = , Access = FileAccess.Write });",
            "using var w = new StreamWriter(Path.Combine(directory, \"tokens.json\"), append: );",
            "File.Copy(source, Path.Combine(directory, \"tokens.json\"), overwrite: );",
            "new FileInfo().Create();",
            "Unknown.WriteAllText(Path.Combine(directory, \"tokens.json\"), json);",
            "var x = new UnknownType(); x.Save(Path.Combine(directory, \"tokens.json\"));",
            "File.WriteAllText($\"{directory}/{\", json);",
            "File.WriteAllText(Path.Combine(directory, \"tokens.json\" + ), json);",
            "File.WriteAllText(Path.ChangeExtension(, \".json\"), json);",
            "File.WriteAllText(Environment.GetFolderPath(), json);",
            "var p = p + \"tokens.json\"; File.WriteAllText(p, json);",
            "File.Move(, );",
        };

        /// <summary>The analyzer runs on every keystroke: broken code must never make it throw (AD0001).</summary>
        [Theory]
        [MemberData(nameof(HalfTypedCode))]
        public Task Half_typed_code_never_throws(string body)
        {
            var test = VerifyCSTest(Snippet.Body(body));
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            return test.RunAsync();
        }

        public static TheoryData<string> HalfTypedRealWorldShapes => new()
        {
            // A helper in another type, half typed.
            "static class H { public static void SerializeToFile<T>(string filePath, T value) { using var f = File.Create(filePath, ; JsonSerializer.Serialize(f, value); } }\nclass U { void Save(string d) => H.SerializeToFile(Path.Combine(d, \"profiles.json\"), ); }",
            "static class H { public static void Write(string filePath, string text) => File.WriteAllText(filePath }\nclass U { void Save(string d) => H.Write(Path.Combine(d, \"settings.json\"), \"\"); }",
            "static class H { public static void Write(string filePath, string text) { filePath = ; File.WriteAllText(filePath, text); } }\nclass U { void Save(string d) => H.Write(Path.Combine(d, \"settings.json\") \"\"); }",
            // A same-type helper with a missing argument.
            "class S { static void W(string filePath, string t) => File.WriteAllText(filePath, t); void Save(string d) => W(, \"x\"); }",
            // A serializer with missing arguments, a stream never declared.
            "class S { void Save(string p) { using var s = new FileStream(p, FileMode.Create); JsonSerializer.Serialize(, this); new XmlSerializer(typeof(S)).Serialize(q, this); } }",
            // App state with a broken read.
            "class SettingsStore { string _f = \"a.dat\"; void Save(object v) => File.WriteAllText(_f, JsonSerializer.Serialize(v)); object Load() => JsonSerializer.Deserialize<object>(File.ReadAllText(); }",
            // Look-alike wrappers, half declared.
            "interface IFileService { void WriteAllText(string path, ); Stream Open(string filePath, FileMode); }\nclass U { IFileService f = null!; void Save() { f.WriteAllText(\"tokens.json\", \"\"); f.Open(\"tokens.json\", FileMode.Create); } }",
            "interface IFileService { void WriteAllText(, string contents); }\nclass U { IFileService f = null!; void Save() => f.WriteAllText(\"tokens.json\", \"\"); }",
        };

        [Theory]
        [MemberData(nameof(HalfTypedRealWorldShapes))]
        public async Task Half_typed_helpers_serializers_and_wrappers_never_throw(string code)
        {
            // Half-typed code may or may not give AW0001; what matters is that the analyzer does not throw (AD0001).
            var diagnostics = await AnalyzerVerifier<InPlaceOverwriteOnly>.DiagnosticsAllowingErrorsAsync(Snippet.Usings + "using System.Xml.Serialization;\n" + code);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        [Fact]
        public Task Half_typed_members_never_throw()
        {
            var test = VerifyCSTest(Snippet.Members("""
                private readonly string _tokenPath = Path.Combine(
                string SettingsPath => ;
                C() { _tokenPath = ; }
                string Locate() { return Locate() + ".json"; }
                string Cycle => Cycle;
                void Save(string json) { {|AW0001:File.WriteAllText(_tokenPath, json)|}; File.WriteAllText(SettingsPath, json); File.WriteAllText(Cycle, json); File.WriteAllText(Locate(), json);
                """));
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            return test.RunAsync();
        }

        private static AnalyzerVerifier<InPlaceOverwriteOnly>.Test VerifyCSTest(string code) => new() { TestCode = code };
    }
}
