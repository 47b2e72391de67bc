using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.ReadWithoutRecoveryOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.ReadWithoutRecovery
{
    /// <summary>
    /// AW0002 over every catalogued read of a sensitive file, and the reads, opens and files it leaves alone.
    /// Which files count as sensitive is AW0001's model; <see cref="ReadWithoutRecoverySensitivityTests"/> checks that
    /// both rules agree.
    /// </summary>
    public sealed class ReadWithoutRecoveryDiagnosticsTests
    {
        private const string Token = "var path = Path.Combine(directory, \"tokens.json\");\n";

        public static TheoryData<string, string> Reads => new()
        {
            { "File.ReadAllText(path)", Token + "_ = {|AW0002:File.ReadAllText(path)|};" },
            { "File.ReadAllText(path, Encoding)", Token + "_ = {|AW0002:File.ReadAllText(path, Encoding.UTF8)|};" },
            { "File.ReadAllTextAsync(path)", Token + "_ = await {|AW0002:File.ReadAllTextAsync(path)|};" },
            { "File.ReadAllTextAsync(path, token)", Token + "_ = await {|AW0002:File.ReadAllTextAsync(path, ct)|};" },
            { "File.ReadAllTextAsync(path, Encoding, token)", Token + "_ = await {|AW0002:File.ReadAllTextAsync(path, Encoding.UTF8, ct)|};" },
            { "File.ReadAllBytes(path)", Token + "_ = {|AW0002:File.ReadAllBytes(path)|};" },
            { "File.ReadAllBytesAsync(path, token)", Token + "_ = await {|AW0002:File.ReadAllBytesAsync(path, ct)|};" },
            { "File.ReadAllLines(path)", Token + "_ = {|AW0002:File.ReadAllLines(path)|};" },
            { "File.ReadAllLines(path, Encoding)", Token + "_ = {|AW0002:File.ReadAllLines(path, Encoding.UTF8)|};" },
            { "File.ReadAllLinesAsync(path, token)", Token + "_ = await {|AW0002:File.ReadAllLinesAsync(path, ct)|};" },
            { "File.ReadLines(path)", Token + "foreach (var line in {|AW0002:File.ReadLines(path)|}) { }" },
            { "File.OpenRead(path)", Token + "using var stream = {|AW0002:File.OpenRead(path)|};" },
            { "File.OpenText(path)", Token + "using var reader = {|AW0002:File.OpenText(path)|};" },
            { "new StreamReader(path)", Token + "using var reader = {|AW0002:new StreamReader(path)|};" },
            { "new StreamReader(path, Encoding)", Token + "using var reader = {|AW0002:new StreamReader(path, Encoding.UTF8)|};" },
            { "new StreamReader(path, Encoding, detect, buffer)", Token + "using var reader = {|AW0002:new StreamReader(path, Encoding.UTF8, true, 4096)|};" },
            { "File.Open(path, Open, Read)", Token + "using var stream = {|AW0002:File.Open(path, FileMode.Open, FileAccess.Read)|};" },
            { "File.Open(path, Open, Read, Read)", Token + "using var stream = {|AW0002:File.Open(path, FileMode.Open, FileAccess.Read, FileShare.Read)|};" },
            { "new FileStream(path, Open, Read)", Token + "using var stream = {|AW0002:new FileStream(path, FileMode.Open, FileAccess.Read)|};" },
            { "new FileStream(path, FileStreamOptions Open)", Token + "using var stream = {|AW0002:new FileStream(path, new FileStreamOptions { Mode = FileMode.Open })|};" },
            { "FileInfo.OpenRead()", Token + "using var stream = {|AW0002:new FileInfo(path).OpenRead()|};" },
            { "FileInfo.OpenText() on a local", Token + "var info = new FileInfo(path);\nusing var reader = {|AW0002:info.OpenText()|};" },
            { "FileInfo.Open(Open, Read)", Token + "using var stream = {|AW0002:new FileInfo(path).Open(FileMode.Open, FileAccess.Read)|};" },
            { "XDocument.Load(path)", Token + "_ = {|AW0002:XDocument.Load(path)|};" },
            { "XDocument.Load(path, SetBaseUri)", Token + "_ = {|AW0002:XDocument.Load(path, LoadOptions.SetBaseUri)|};" },
            { "XElement.Load(path)", Token + "_ = {|AW0002:XElement.Load(path)|};" },
            { "XmlDocument.Load(path)", Token + "var document = new XmlDocument();\n{|AW0002:document.Load(path)|};" },
            { "parsed at once", Token + "_ = JsonSerializer.Deserialize<Dictionary<string, string>>({|AW0002:File.ReadAllText(path)|});" },
            { "fully qualified System.IO.File", Token + "_ = {|AW0002:System.IO.File.ReadAllText(path)|};" },
            { "path inline", "_ = {|AW0002:File.ReadAllText(Path.Combine(directory, \"tokens.json\"))|};" },
            { "inside try/catch", Token + "try { _ = {|AW0002:File.ReadAllText(path)|}; } catch (IOException) { }" },
            { "inside a lambda", Token + "Func<string> load = () => {|AW0002:File.ReadAllText(path)|};\n_ = load();" },
            { "inside a local function", Token + "string Load() => {|AW0002:File.ReadAllText(path)|};\n_ = Load();" },
        };

        public static TheoryData<string, string> NotReads => new()
        {
            { "a file that is not sensitive", "_ = File.ReadAllText(Path.Combine(directory, \"data.json\"));" },
            { "a log", "_ = File.ReadAllText(Path.Combine(directory, \"tokens.log\"));" },
            { "a .tmp file", "_ = File.ReadAllText(Path.Combine(directory, \"tokens.json.tmp\"));" },
            { "a cache folder", "_ = File.ReadAllText(Path.Combine(directory, \"cache\", \"index.json\"));" },
            { "a temp file name", "_ = File.ReadAllText(Path.GetTempFileName());" },
            { "the temp folder", "_ = File.ReadAllText(Path.Combine(Path.GetTempPath(), \"settings.json\"));" },
            { "a random file name", "_ = File.ReadAllText(Path.Combine(directory, Path.GetRandomFileName()));" },
            { "an export, by its holder's name", "var exportPath = Path.Combine(directory, \"settings.json\");\n_ = File.ReadAllText(exportPath);" },
            { "a download folder", "_ = File.ReadAllBytes(Path.Combine(directory, \"downloads\", \"license.dat\"));" },
            { "a word inside another", "_ = File.ReadAllText(Path.Combine(directory, \"keyboard-layout.txt\"));" },
            { "File.Open(path, Open) defaults to ReadWrite", Token + "using var stream = File.Open(path, FileMode.Open);" },
            { "File.Open(path, Open, ReadWrite)", Token + "using var stream = File.Open(path, FileMode.Open, FileAccess.ReadWrite);" },
            { "new FileStream(path, Open, ReadWrite)", Token + "using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);" },
            { "new FileStream(path, Open)", Token + "using var stream = new FileStream(path, FileMode.Open);" },
            { "File.Open(path, Append)", Token + "using var stream = File.Open(path, FileMode.Append);" },
            { "File.Exists", Token + "_ = File.Exists(path);" },
            { "File.GetLastWriteTimeUtc", Token + "_ = File.GetLastWriteTimeUtc(path);" },
            { "FileInfo.Length", Token + "_ = new FileInfo(path).Length;" },
            { "File.Delete", Token + "File.Delete(path);" },
            { "File.Copy from the token file", Token + "File.Copy(path, Path.Combine(directory, \"copy.bin\"));" },
            { "File.AppendAllText", Token + "File.AppendAllText(path, json);" },
            { "File.WriteAllText (AW0001's)", Token + "File.WriteAllText(path, json);" },
            { "AtomicFile.WriteAllText", Token + "AtomicFile.WriteAllText(path, json);" },
            { "XDocument.Load of a URL", "_ = XDocument.Load(\"https://example.com/config.xml\");" },
            { "XDocument.Load(Stream)", "_ = XDocument.Load(new MemoryStream(bytes));" },
            { "XDocument.Parse(text)", "_ = XDocument.Parse(json);" },
            { "new StreamReader(Stream)", "using var reader = new StreamReader(new MemoryStream(bytes));" },
            { "JsonSerializer.Deserialize(text)", "_ = JsonSerializer.Deserialize<Dictionary<string, string>>(json);" },
        };

        [Theory]
        [MemberData(nameof(Reads))]
        public Task Read_of_a_token_file_is_reported(string api, string body)
        {
            Assert.NotNull(api);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(body));
        }

        [Theory]
        [MemberData(nameof(NotReads))]
        public Task Other_files_opens_and_calls_are_not_reported(string name, string body)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(body));
        }

        [Fact]
        public Task Message_names_the_file_the_api_and_the_reason()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Body(Token + "_ = {|#0:File.ReadAllText(path)|};\nusing var stream = {|#1:new FileStream(Path.Combine(directory, \"settings.json\"), FileMode.Open, FileAccess.Read)|};"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0002_ReadWithoutRecovery).WithLocation(0)
                    .WithArguments("tokens.json", "File.ReadAllText", "file name contains 'token'"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0002_ReadWithoutRecovery).WithLocation(1)
                    .WithArguments("settings.json", "new FileStream", "file name contains 'settings'"));
        }

        [Fact]
        public Task Severity_is_a_suggestion()
        {
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, DiagnosticDescriptors.AW0002_ReadWithoutRecovery.DefaultSeverity);
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Body(Token + "_ = {|#0:File.ReadAllText(path)|};"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0002_ReadWithoutRecovery).WithLocation(0)
                    .WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
                    .WithArguments("tokens.json", "File.ReadAllText", "file name contains 'token'"));
        }

        public static TheoryData<string, string> Abstractions => new()
        {
            { "IFile.ReadAllText", "_ = {|AW0002:fs.File.ReadAllText(Path.Combine(directory, \"settings.json\"))|};" },
            { "IFileInfo.OpenRead", "using var s = {|AW0002:fs.FileInfo.New(Path.Combine(directory, \"secrets.json\")).OpenRead()|};" },
            { "IFileStreamFactory.New(Open, Read)", "using var s = {|AW0002:fs.FileStream.New(Path.Combine(directory, \"settings.json\"), FileMode.Open, FileAccess.Read)|};" },
            { "IFile.ReadAllText of a log is not", "_ = fs.File.ReadAllText(Path.Combine(directory, \"app.log\"));" },
            { "IFileStreamFactory.New(Open) is not (ReadWrite)", "using var s = fs.FileStream.New(Path.Combine(directory, \"settings.json\"), FileMode.Open);" },
        };

        [Theory]
        [MemberData(nameof(Abstractions))]
        public Task System_IO_Abstractions_reads_are_reported(string name, string body)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Body(body, "private readonly System.IO.Abstractions.IFileSystem fs = null!;") + Snippet.FileSystemAbstractions);
        }

        public static TheoryData<string, string> TopLevelPrograms => new()
        {
            { "direct", "using System.IO;\n\nvar text = {|AW0002:File.ReadAllText(\"tokens.json\")|};\n" },
            { "through a local", "using System.IO;\n\nvar settingsPath = Path.Combine(args[0], \"data.json\");\nvar text = {|AW0002:File.ReadAllText(settingsPath)|};\n" },
        };

        [Theory]
        [MemberData(nameof(TopLevelPrograms))]
        public Task Top_level_statements_are_analyzed(string name, string code)
        {
            Assert.NotNull(name);
            var test = new AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.ReadWithoutRecoveryOnly>.Test { TestCode = code };
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Theory]
        [InlineData("#pragma warning disable AW0002\n_ = File.ReadAllText(Path.Combine(directory, \"tokens.json\"));\n#pragma warning restore AW0002")]
        [InlineData("// <auto-generated/>")]
        public Task Suppressed_and_generated_code_is_not_reported(string code)
        {
            return code.StartsWith("//")
                ? VerifyCS.VerifyAnalyzerAsync(code + "\n" + Snippet.Body("_ = File.ReadAllText(Path.Combine(directory, \"tokens.json\"));"))
                : VerifyCS.VerifyAnalyzerAsync(Snippet.Body(code));
        }

        public static TheoryData<string> HalfTypedCode => new()
        {
            "_ = File.ReadAllText(",
            "_ = File.ReadAllText(Path.Combine(directory, \"tokens.json\"), );",
            "_ = File.ReadAllText(tokenPath);",
            "_ = JsonSerializer.Deserialize<>(File.ReadAllText(Path.Combine(directory, \"tokens.json\")));",
            "_ = JsonSerializer.Deserialize<Unknown>(File.ReadAllText(Path.Combine(directory, \"tokens.json\")), );",
            "_ = JsonSerializer.Deserialize<string>(await File.ReadAllTextAsync(Path.Combine(directory, \"tokens.json\")).ConfigureAwait());",
            "using var s = new FileStream(Path.Combine(directory, \"tokens.json\"), FileMode.Open, FileAccess.);",
            "using var s = new FileStream(Path.Combine(directory, \"tokens.json\"), new FileStreamOptions { Mode = FileMode.Open, Access = });",
            "_ = XDocument.Load(Path.Combine(directory, \"settings.xml\"), LoadOptions.);",
            "_ = XDocument.Load(File.OpenRead(Path.Combine(directory, \"settings.xml\")), );",
            "try { _ = File.ReadAllText(Path.Combine(directory, \"tokens.json\")); } catch (",
        };

        /// <summary>The analyzer runs on every keystroke: broken code must never make it throw (AD0001).</summary>
        [Theory]
        [MemberData(nameof(HalfTypedCode))]
        public Task Half_typed_code_never_throws(string body)
        {
            return AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.ReadWithoutRecoveryOnly>.AssertNoExceptionWhileTypingAsync(Snippet.Body(body));
        }
    }
}
