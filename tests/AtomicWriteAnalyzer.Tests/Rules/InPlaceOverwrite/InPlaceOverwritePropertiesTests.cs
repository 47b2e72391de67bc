using System.Linq;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>What AW0001 hands to its code fix through <c>Diagnostic.Properties</c>.</summary>
    public sealed class InPlaceOverwritePropertiesTests
    {
        public static TheoryData<string, string, string, string> Shapes => new()
        {
            // statement, Shape, Api, Fixable
            { "File.WriteAllText(path, json);", "WriteAllText", "File.WriteAllText", "true" },
            { "_ = File.WriteAllTextAsync(path, json);", "WriteAllTextAsync", "File.WriteAllTextAsync", "true" },
            { "File.WriteAllBytes(path, bytes);", "WriteAllBytes", "File.WriteAllBytes", "true" },
            { "_ = File.WriteAllBytesAsync(path, bytes);", "WriteAllBytesAsync", "File.WriteAllBytesAsync", "true" },
            { "File.WriteAllLines(path, lines);", "WriteAllLines", "File.WriteAllLines", "true" },
            { "_ = File.WriteAllLinesAsync(path, lines);", "WriteAllLinesAsync", "File.WriteAllLinesAsync", "true" },
            { "File.Create(path).Dispose();", "FileCreate", "File.Create", "true" },
            { "File.CreateText(path).Dispose();", "FileCreateText", "File.CreateText", "true" },
            { "File.OpenWrite(path).Dispose();", "FileOpenWrite", "File.OpenWrite", "true" },
            { "File.Open(path, FileMode.Truncate).Dispose();", "FileOpen", "File.Open(FileMode.Truncate)", "true" },
            { "new FileStream(path, FileMode.Create).Dispose();", "FileStream", "new FileStream(FileMode.Create)", "true" },
            { "new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write).Dispose();", "FileStream", "new FileStream(FileMode.OpenOrCreate)", "true" },
            { "new StreamWriter(path).Dispose();", "StreamWriter", "new StreamWriter", "true" },
            { "File.Copy(source, path, true);", "Copy", "File.Copy(overwrite: true)", "true" },
            { "new FileInfo(path).Create().Dispose();", "FileInfoCreate", "FileInfo.Create", "true" },
            { "new FileInfo(path).CreateText().Dispose();", "FileInfoCreateText", "FileInfo.CreateText", "true" },
            { "new FileInfo(path).OpenWrite().Dispose();", "FileInfoOpenWrite", "FileInfo.OpenWrite", "true" },
            { "new FileInfo(path).Open(FileMode.Create).Dispose();", "FileInfoOpen", "FileInfo.Open(FileMode.Create)", "true" },
            { "new XDocument().Save(path);", "XmlSave", "XDocument.Save", "true" },
            { "new XElement(\"a\").Save(path);", "XmlSave", "XElement.Save", "true" },
            { "new XmlDocument().Save(path);", "XmlSave", "XmlDocument.Save", "true" },
            { "new FileInfo(source).CopyTo(path, true);", "FileInfoCopyTo", "FileInfo.CopyTo(overwrite: true)", "false" },
            { "XmlWriter.Create(path).Dispose();", "XmlWriterCreate", "XmlWriter.Create", "false" },
            { "fs.File.WriteAllText(path, json);", "WriteAllText", "IFile.WriteAllText", "false" },
            { "fs.FileStream.New(path, FileMode.Create).Dispose();", "FileStream", "IFileStreamFactory.New(FileMode.Create)", "false" },
            { "fs.FileInfo.New(path).Create().Dispose();", "FileInfoCreate", "IFileInfo.Create", "false" },
        };

        [Theory]
        [MemberData(nameof(Shapes))]
        public async Task Properties_name_the_shape_the_api_and_whether_a_fix_may_apply(string statement, string shape, string api, string fixable)
        {
            string code = Snippet.Body("var path = Path.Combine(directory, \"tokens.json\");\n" + statement, "private readonly System.IO.Abstractions.IFileSystem fs = null!;")
                + Snippet.FileSystemAbstractions;

            var diagnostic = Assert.Single(await AnalyzerVerifier<InPlaceOverwriteOnly>.DiagnosticsAsync(code));

            Assert.Equal(shape, diagnostic.Properties[DiagnosticPropertyNames.Shape]);
            Assert.Equal(api, diagnostic.Properties[DiagnosticPropertyNames.Api]);
            Assert.Equal(fixable, diagnostic.Properties[DiagnosticPropertyNames.Fixable]);
            Assert.Equal("tokens.json", diagnostic.Properties[DiagnosticPropertyNames.FileName]);
            Assert.Equal("file name contains 'token'", diagnostic.Properties[DiagnosticPropertyNames.Reason]);
            Assert.Equal("FileNameWord", diagnostic.Properties[DiagnosticPropertyNames.Signal]);
            // The rows through System.IO.Abstractions call the `fs` field.
            Assert.Equal(statement.StartsWith("fs.") ? "FileSystemAbstractions" : "SystemIO", diagnostic.Properties[DiagnosticPropertyNames.Family]);
            Assert.Contains(api, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public async Task Location_spans_the_call_target_and_arguments()
        {
            string code = Snippet.Body("var path = Path.Combine(directory, \"tokens.json\");\nusing var stream = new FileStream(path, FileMode.Create);\nFile.WriteAllText(path, json);");

            var diagnostics = await AnalyzerVerifier<InPlaceOverwriteOnly>.DiagnosticsAsync(code);

            Assert.Equal(
                new[] { "File.WriteAllText(path, json)", "new FileStream(path, FileMode.Create)" },
                diagnostics.Select(d => d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).OrderBy(s => s));
        }
    }
}
