using System.Linq;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.ReadWithoutRecoveryOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.ReadWithoutRecovery
{
    /// <summary>
    /// AW0002 uses AW0001's model of a sensitive file: the same signals, counter-signals and reasons, and the same
    /// options. Each path below is written by one method and read by another; both rules must agree.
    /// </summary>
    public sealed class ReadWithoutRecoverySensitivityTests
    {
        public static TheoryData<string, string, string, bool> Paths => new()
        {
            // name, members, path expression, sensitive
            { "file name word", "", "Path.Combine(directory, \"tokens.json\")", true },
            { "file kind", "", "Path.Combine(directory, \"server.pem\")", true },
            { "SSH key", "", "Path.Combine(directory, \".ssh\", \"id_rsa\")", true },
            { "folder word", "", "Path.Combine(directory, \"config\", \"app.json\")", true },
            { "special folder and settings", "", "Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), \"MyApp\", \"settings.json\")", true },
            { "field name", "private readonly string _credentialsFile = Path.Combine(\"data\", \"store.bin\");", "_credentialsFile", true },
            { "property name", "private string SettingsPath => Path.Combine(\"data\", \"store.bin\");", "SettingsPath", true },
            { "field set in the constructor", "private readonly string _path; C(string d) { _path = Path.Combine(d, \"session.json\"); }", "_path", true },
            { "[SensitiveFile]", "[SensitiveFile] private readonly string _store = \"data.bin\";", "_store", true },
            { "not sensitive", "", "Path.Combine(directory, \"data.json\")", false },
            { "log", "", "Path.Combine(directory, \"settings.log\")", false },
            { "cache folder, token file", "", "Path.Combine(directory, \"cache\", \"tokens.json\")", true },
            { "cache folder, plain file", "", "Path.Combine(directory, \"cache\", \"index.json\")", false },
            { "unique name", "", "Path.Combine(directory, $\"settings-{Guid.NewGuid():N}.json\")", false },
            { "export holder", "private readonly string _exportPath = Path.Combine(\"data\", \"settings.json\");", "_exportPath", false },
            { "temp file", "", "Path.GetTempFileName()", false },
            { "word inside another", "", "Path.Combine(directory, \"monkey_report.txt\")", false },
            { "fragment of a name", "private readonly string sessionId = \"a\";", "Path.Combine(directory, $\"{sessionId}.txt\")", false },
        };

        [Theory]
        [MemberData(nameof(Paths))]
        public async Task Reads_and_writes_of_a_path_agree(string name, string members, string path, bool sensitive)
        {
            Assert.NotNull(name);
            string write = Snippet.Members(members + $"\nvoid Save(string directory, string json) => File.WriteAllText({path}, json);");
            string read = Snippet.Members(members + $"\nstring Load(string directory) => File.ReadAllText({path});");

            var written = await AnalyzerVerifier<InPlaceOverwriteOnly>.DiagnosticsAsync(write);
            var readBack = await AnalyzerVerifier<ReadWithoutRecoveryOnly>.DiagnosticsAsync(read);

            Assert.Equal(sensitive ? 1 : 0, written.Length);
            Assert.Equal(sensitive ? 1 : 0, readBack.Length);
            if (sensitive)
            {
                Assert.Equal(written.Single().Properties[DiagnosticPropertyNames.Reason], readBack.Single().Properties[DiagnosticPropertyNames.Reason]);
                Assert.Equal(written.Single().Properties[DiagnosticPropertyNames.FileName], readBack.Single().Properties[DiagnosticPropertyNames.FileName]);
            }
        }

        public static TheoryData<string, string, string?> SameType => new()
        {
            // name, a type that writes and reads one path member, the reason both rules give (null: neither flags)
            {
                "app state: a generic storage rewritten with serialized data and read back",
                """
                sealed class JsonStorage<T>
                {
                    private readonly string _filePath;
                    public JsonStorage(string directory) { _filePath = Path.Combine(directory, typeof(T).Name + ".json"); }
                    public void Save(T value) => File.WriteAllText(_filePath, JsonSerializer.Serialize(value));
                    public T? Load() => JsonSerializer.Deserialize<T>(File.ReadAllText(_filePath));
                }
                """,
                "read back by JsonStorage.Load and rewritten with serialized data"
            },
            {
                "a serialized type whose name is sensitive",
                """
                sealed class AuthToken { public string Value { get; set; } = ""; }
                sealed class Store
                {
                    private readonly string _path = Path.Combine("data", "store.bin");
                    public void Save(AuthToken token) => File.WriteAllText(_path, JsonSerializer.Serialize(token));
                    public string Read() => File.ReadAllText(_path);
                }
                """,
                "writes a serialized 'AuthToken', whose name contains 'auth'"
            },
            {
                "plain text written and read back, no sensitive name",
                """
                sealed class Notes
                {
                    private readonly string _path = Path.Combine("data", "notes.txt");
                    public void Save(string text) => File.WriteAllText(_path, text);
                    public string Read() => File.ReadAllText(_path);
                }
                """,
                null
            },
            {
                "read only, in a type whose name is sensitive",
                """
                sealed class SettingsReader
                {
                    private readonly string _path = Path.Combine("data", "store.bin");
                    public string Read() => File.ReadAllText(_path);
                }
                """,
                null
            },
        };

        /// <summary>The evidence of AW0001's writes (app state, serialized data) flags the reads of the same path member, with the same reason.</summary>
        [Theory]
        [MemberData(nameof(SameType))]
        public async Task Reads_share_the_evidence_of_the_types_writes(string name, string code, string? reason)
        {
            Assert.NotNull(name);
            string source = Snippet.Usings + code;

            var written = (await AnalyzerVerifier<InPlaceOverwriteOnly>.DiagnosticsAsync(source)).Select(d => d.Properties[DiagnosticPropertyNames.Reason]).ToList();
            var readBack = (await AnalyzerVerifier<ReadWithoutRecoveryOnly>.DiagnosticsAsync(source)).Select(d => d.Properties[DiagnosticPropertyNames.Reason]).ToList();

            Assert.True((reason == null ? new string?[0] : new[] { reason }).SequenceEqual(written), string.Join(" | ", written));
            Assert.Equal(written, readBack);
        }

        private const string PlainRead = "_ = File.ReadAllText(Path.Combine(directory, \"data\", \"store.bin\"));";
        private const string PlainReadFlagged = "_ = {|AW0002:File.ReadAllText(Path.Combine(directory, \"data\", \"store.bin\"))|};";

        public static TheoryData<string, string, string> Options => new()
        {
            // editorconfig, unflagged code, flagged code
            { "atomic_write.sensitive_paths = *.bin", PlainRead, PlainReadFlagged },
            { "atomic_write.sensitive_paths = **/data/*.bin", PlainRead, PlainReadFlagged },
            { "atomic_write.scope = all", PlainRead, PlainReadFlagged },
            { "atomic_write.scope = all", "_ = File.ReadAllText(Path.Combine(directory, \"app.log\"));", "_ = {|AW0002:File.ReadAllText(Path.Combine(directory, \"app.log\"))|};" },
        };

        [Theory]
        [MemberData(nameof(Options))]
        public async Task Options_that_add_files_flag_their_reads(string editorConfig, string before, string after)
        {
            await VerifyCS.VerifyAnalyzerAsync(Snippet.Body(before));
            await VerifyCS.VerifyAnalyzerAsync(Snippet.Body(after), editorConfig);
        }

        [Theory]
        [InlineData("atomic_write.ignored_paths = **/fixtures/**", "\"fixtures\", \"settings.json\"")]
        [InlineData("atomic_write.ignored_paths = *.json", "\"tokens.json\"")]
        [InlineData("atomic_write.ignored_paths = *.json\natomic_write.scope = all", "\"tokens.json\"")]
        public async Task Ignored_paths_are_never_flagged(string editorConfig, string combineArguments)
        {
            string code = $"File.ReadAllText(Path.Combine(directory, {combineArguments}))";
            await VerifyCS.VerifyAnalyzerAsync(Snippet.Body("_ = {|AW0002:" + code + "|};"));
            await VerifyCS.VerifyAnalyzerAsync(Snippet.Body("_ = " + code + ";"), editorConfig);
        }

        [Theory]
        [InlineData("atomic_write.sensitive_paths = *.bin", "matches atomic_write.sensitive_paths '*.bin'")]
        [InlineData("atomic_write.scope = all", "atomic_write.scope = all")]
        public Task Options_flag_with_their_reason(string editorConfig, string reason)
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Body("_ = {|#0:File.ReadAllText(Path.Combine(directory, \"store.bin\"))|};"),
                editorConfig,
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0002_ReadWithoutRecovery).WithLocation(0).WithArguments("store.bin", "File.ReadAllText", reason));
        }

        [Fact]
        public Task Method_name_counter_signal_applies_to_the_reader()
        {
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Members("""
                string LoadFromDownloads(string directory) => File.ReadAllText(Path.Combine(directory, "settings.json"));
                string Load(string directory) => {|AW0002:File.ReadAllText(Path.Combine(directory, "settings.json"))|};
                """));
        }
    }
}
