using System.Linq;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Rules.ReadWithoutRecovery
{
    /// <summary>
    /// Which fix AW0002 hands to its code fix (<see cref="DiagnosticPropertyNames.Fix"/>): a drop-in <c>ReadAll</c>
    /// swap, a <c>Load</c> when the read is parsed at once, or none when AtomicFile has no twin or the rewrite could
    /// change what the code does.
    /// </summary>
    public sealed class ReadWithoutRecoveryPropertiesTests
    {
        private const string Dict = "Dictionary<string, string>";

        public static TheoryData<string, string, string> Shapes => new()
        {
            // statement, Shape, Fix
            { "_ = File.ReadAllText(path);", "ReadAllText", "ReadAll" },
            { "_ = File.ReadAllText(path, Encoding.UTF8);", "ReadAllText", "ReadAll" },
            { "_ = await File.ReadAllTextAsync(path, ct);", "ReadAllTextAsync", "ReadAll" },
            { "_ = File.ReadAllBytes(path);", "ReadAllBytes", "ReadAll" },
            { "_ = await File.ReadAllBytesAsync(path);", "ReadAllBytesAsync", "ReadAll" },
            { "_ = File.ReadAllLines(path, Encoding.UTF8);", "ReadAllLines", "ReadAll" },
            { "_ = await File.ReadAllLinesAsync(path, ct);", "ReadAllLinesAsync", "ReadAll" },
            { $"_ = JsonSerializer.Deserialize<{Dict}>(File.ReadAllText(path));", "ReadAllText", "LoadText" },
            { $"_ = JsonSerializer.Deserialize<{Dict}>(File.ReadAllText(path), JsonSerializerOptions.Default);", "ReadAllText", "LoadText" },
            { $"_ = JsonSerializer.Deserialize<{Dict}>(File.ReadAllText(path), new JsonSerializerOptions {{ PropertyNameCaseInsensitive = flag }});", "ReadAllText", "LoadText" },
            { $"_ = JsonSerializer.Deserialize<{Dict}>(File.ReadAllText(path), Options());", "ReadAllText", "ReadAll" },
            { $"_ = JsonSerializer.Deserialize<{Dict}>(File.ReadAllText(path, Encoding.Latin1));", "ReadAllText", "ReadAll" },
            { $"_ = JsonSerializer.Deserialize<{Dict}>(await File.ReadAllTextAsync(path, ct));", "ReadAllTextAsync", "LoadText" },
            { $"_ = JsonSerializer.Deserialize<{Dict}>(await File.ReadAllTextAsync(path).ConfigureAwait(false));", "ReadAllTextAsync", "LoadText" },
            { $"_ = JsonSerializer.Deserialize<{Dict}>(File.ReadAllBytes(path));", "ReadAllBytes", "ReadAll" },
            { "_ = XDocument.Parse(File.ReadAllText(path));", "ReadAllText", "LoadText" },
            { "_ = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path));", "ReadAllText", "LoadText" },
            { $"_ = JsonSerializer.Deserialize<{Dict}>(File.OpenRead(path));", "FileOpenRead", "LoadStream" },
            { "_ = XDocument.Load(File.OpenRead(path));", "FileOpenRead", "LoadStream" },
            { "_ = JsonDocument.Parse(File.OpenRead(path));", "FileOpenRead", "LoadStream" },
            { "using var s = File.OpenRead(path);", "FileOpenRead", "None" },
            { "_ = XDocument.Load(path);", "XmlLoad", "LoadStream" },
            { "_ = XElement.Load(path, LoadOptions.PreserveWhitespace);", "XmlLoad", "LoadStream" },
            { "_ = XDocument.Load(path, LoadOptions.SetBaseUri);", "XmlLoad", "None" },
            { "new XmlDocument().Load(path);", "XmlLoad", "None" },
            { "try { _ = File.ReadAllText(path); } catch (IOException) { }", "ReadAllText", "None" },
            { $"try {{ _ = JsonSerializer.Deserialize<{Dict}>(File.ReadAllText(path)); }} catch (JsonException) {{ }}", "ReadAllText", "None" },
            { "try { _ = File.ReadAllText(path); } finally { }", "ReadAllText", "ReadAll" },
            { "foreach (var line in File.ReadLines(path)) { }", "ReadLines", "None" },
            { "using var r = new StreamReader(path);", "StreamReader", "None" },
            { "using var r = File.OpenText(path);", "FileOpenText", "None" },
            { "using var s = new FileInfo(path).OpenRead();", "FileInfoOpenRead", "None" },
            { "using var s = File.Open(path, FileMode.Open, FileAccess.Read);", "FileOpen", "None" },
            { "_ = fs.File.ReadAllText(path);", "ReadAllText", "None" },
        };

        [Theory]
        [MemberData(nameof(Shapes))]
        public async Task Fix_is_chosen_by_the_analyzer(string statement, string shape, string fix)
        {
            string code = Snippet.Body(
                "var path = Path.Combine(directory, \"tokens.json\");\n" + statement,
                "private readonly System.IO.Abstractions.IFileSystem fs = null!;\nstatic JsonSerializerOptions Options() => new();")
                + Snippet.FileSystemAbstractions;

            var diagnostic = Assert.Single(await AnalyzerVerifier<ReadWithoutRecoveryOnly>.DiagnosticsAsync(code));

            Assert.Equal(shape, diagnostic.Properties[DiagnosticPropertyNames.Shape]);
            Assert.Equal(fix, diagnostic.Properties[DiagnosticPropertyNames.Fix]);
            Assert.Equal(fix == "None" ? "false" : "true", diagnostic.Properties[DiagnosticPropertyNames.Fixable]);
            Assert.Equal("tokens.json", diagnostic.Properties[DiagnosticPropertyNames.FileName]);
            Assert.Equal("file name contains 'token'", diagnostic.Properties[DiagnosticPropertyNames.Reason]);
            Assert.Equal(fix.StartsWith("Load") ? 1 : 0, diagnostic.AdditionalLocations.Count);
        }

        public static TheoryData<string, string, int> NextStatementShapes => new()
        {
            // statements, Fix, additional locations (parser, then the declaration the fix removes)
            { $"string text = File.ReadAllText(path);\nvar tokens = JsonSerializer.Deserialize<{Dict}>(text);", "LoadText", 2 },
            { $"var text = File.ReadAllText(path);\n_ = JsonSerializer.Deserialize<{Dict}>(text) ?? new {Dict}();", "LoadText", 2 },
            { $"var text = await File.ReadAllTextAsync(path, ct);\n_field = JsonSerializer.Deserialize<{Dict}>(text, JsonSerializerOptions.Default);", "LoadText", 2 },
            { $"var text = await File.ReadAllTextAsync(path).ConfigureAwait(false);\nvar tokens = JsonSerializer.Deserialize<{Dict}>(text);", "LoadText", 2 },
            { $"var stream = File.OpenRead(path);\nvar tokens = JsonSerializer.Deserialize<{Dict}>(stream);", "LoadStream", 2 },
            { $"using var stream = File.OpenRead(path);\nvar tokens = JsonSerializer.Deserialize<{Dict}>(stream);", "None", 0 },
            { $"var text = File.ReadAllText(path);\nvar tokens = JsonSerializer.Deserialize<{Dict}>(text);\nConsole.WriteLine(text);", "ReadAll", 0 },
            { $"var text = File.ReadAllText(path);\nConsole.WriteLine(path);\nvar tokens = JsonSerializer.Deserialize<{Dict}>(text);", "ReadAll", 0 },
            { "var text = File.ReadAllText(path);\n_ = Console.ReadLine() ?? JsonSerializer.Deserialize<string>(text);", "ReadAll", 0 },
            { $"var text = File.ReadAllText(path);\nvar tokens = flag ? null : JsonSerializer.Deserialize<{Dict}>(text);", "ReadAll", 0 },
            { $"var text = File.ReadAllText(path);\nConsole.WriteLine(JsonSerializer.Deserialize<{Dict}>(text));", "ReadAll", 0 },
            { $"var text = File.ReadAllText(path, Encoding.UTF8);\nvar tokens = JsonSerializer.Deserialize<{Dict}>(text);", "ReadAll", 0 },
            { $"var text = File.ReadAllText(path);\nvar tokens = JsonSerializer.Deserialize<{Dict}>(text, Options());", "ReadAll", 0 },
            { $"string text = File.ReadAllText(path), other = json;\nvar tokens = JsonSerializer.Deserialize<{Dict}>(text);", "ReadAll", 0 },
        };

        /// <summary>A read into a local that the next statement parses at once (the TokenStore sample's shape) is a <c>Load</c> too.</summary>
        [Theory]
        [MemberData(nameof(NextStatementShapes))]
        public async Task Read_parsed_in_the_next_statement(string statements, string fix, int additionalLocations)
        {
            string code = Snippet.Body(
                "var path = Path.Combine(directory, \"tokens.json\");\n" + statements,
                $"private {Dict}? _field;\nstatic JsonSerializerOptions Options() => new();");

            var diagnostic = Assert.Single(await AnalyzerVerifier<ReadWithoutRecoveryOnly>.DiagnosticsAsync(code));

            Assert.Equal(fix, diagnostic.Properties[DiagnosticPropertyNames.Fix]);
            Assert.Equal(additionalLocations, diagnostic.AdditionalLocations.Count);
        }

        [Fact]
        public async Task Load_names_the_parser_call_as_additional_location()
        {
            string code = Snippet.Body("var path = Path.Combine(directory, \"tokens.json\");\n_ = JsonSerializer.Deserialize<int>(File.ReadAllText(path)) + 1;");

            var diagnostic = Assert.Single(await AnalyzerVerifier<ReadWithoutRecoveryOnly>.DiagnosticsAsync(code));

            var parse = diagnostic.AdditionalLocations.Single();
            Assert.Equal("JsonSerializer.Deserialize<int>(File.ReadAllText(path))", parse.SourceTree!.ToString().Substring(parse.SourceSpan.Start, parse.SourceSpan.Length));
        }
    }
}
