using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// AW0001 over every catalogued API and overload family, each writing to <c>tokens.json</c>, and the same calls
    /// made harmless by their arguments (append, CreateNew, read access, no overwrite flag).
    /// </summary>
    public sealed class InPlaceOverwriteApiTests
    {
        private const string Token = "var path = Path.Combine(directory, \"tokens.json\");\n";

        public static TheoryData<string, string> Overwrites => new()
        {
            { "File.WriteAllText(path, string)", Token + "{|AW0001:File.WriteAllText(path, json)|};" },
            { "File.WriteAllText(path, string, Encoding)", Token + "{|AW0001:File.WriteAllText(path, json, Encoding.UTF8)|};" },
            { "File.WriteAllTextAsync(path, string)", Token + "await {|AW0001:File.WriteAllTextAsync(path, json)|};" },
            { "File.WriteAllTextAsync(path, string, token)", Token + "await {|AW0001:File.WriteAllTextAsync(path, json, ct)|};" },
            { "File.WriteAllTextAsync(path, string, Encoding, token)", Token + "await {|AW0001:File.WriteAllTextAsync(path, json, Encoding.UTF8, ct)|};" },
            { "File.WriteAllTextAsync not awaited", Token + "_ = {|AW0001:File.WriteAllTextAsync(path, json)|};" },
            { "File.WriteAllBytes(path, byte[])", Token + "{|AW0001:File.WriteAllBytes(path, bytes)|};" },
            { "File.WriteAllBytesAsync(path, byte[], token)", Token + "await {|AW0001:File.WriteAllBytesAsync(path, bytes, ct)|};" },
            { "File.WriteAllLines(path, string[])", Token + "{|AW0001:File.WriteAllLines(path, lines)|};" },
            { "File.WriteAllLines(path, IEnumerable<string>)", Token + "{|AW0001:File.WriteAllLines(path, (IEnumerable<string>)lines)|};" },
            { "File.WriteAllLines(path, string[], Encoding)", Token + "{|AW0001:File.WriteAllLines(path, lines, Encoding.UTF8)|};" },
            { "File.WriteAllLinesAsync(path, IEnumerable<string>, token)", Token + "await {|AW0001:File.WriteAllLinesAsync(path, lines, ct)|};" },
            { "File.WriteAllLinesAsync(path, IEnumerable<string>, Encoding, token)", Token + "await {|AW0001:File.WriteAllLinesAsync(path, lines, Encoding.UTF8, ct)|};" },
            { "File.Create(path)", Token + "using var stream = {|AW0001:File.Create(path)|};" },
            { "File.Create(path, bufferSize)", Token + "using var stream = {|AW0001:File.Create(path, 4096)|};" },
            { "File.Create(path, bufferSize, WriteThrough)", Token + "using var stream = {|AW0001:File.Create(path, 4096, FileOptions.WriteThrough)|};" },
            { "File.CreateText(path)", Token + "using var writer = {|AW0001:File.CreateText(path)|};" },
            { "File.OpenWrite(path)", Token + "using var stream = {|AW0001:File.OpenWrite(path)|};" },
            { "File.Open(path, Create)", Token + "using var stream = {|AW0001:File.Open(path, FileMode.Create)|};" },
            { "File.Open(path, Truncate, Write)", Token + "using var stream = {|AW0001:File.Open(path, FileMode.Truncate, FileAccess.Write)|};" },
            { "File.Open(path, OpenOrCreate, Write, None)", Token + "using var stream = {|AW0001:File.Open(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None)|};" },
            { "File.Open(path, OpenOrCreate) defaults to ReadWrite", Token + "using var stream = {|AW0001:File.Open(path, FileMode.OpenOrCreate)|};" },
            { "File.Open(path, FileStreamOptions Create)", Token + "using var stream = {|AW0001:File.Open(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write })|};" },
            { "new FileStream(path, Create)", Token + "using var stream = {|AW0001:new FileStream(path, FileMode.Create)|};" },
            { "new FileStream(path, Create, Write)", Token + "using var stream = {|AW0001:new FileStream(path, FileMode.Create, FileAccess.Write)|};" },
            { "new FileStream(path, Create, Write, share)", Token + "using var stream = {|AW0001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None)|};" },
            { "new FileStream(path, Create, Write, share, buffer)", Token + "using var stream = {|AW0001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096)|};" },
            { "new FileStream(path, Create, Write, share, buffer, useAsync)", Token + "using var stream = {|AW0001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, true)|};" },
            { "new FileStream(..., FileOptions.WriteThrough) is still in place", Token + "using var stream = {|AW0001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough)|};" },
            { "new FileStream(path, FileStreamOptions Truncate)", Token + "using var stream = {|AW0001:new FileStream(path, new FileStreamOptions { Mode = FileMode.Truncate, Access = FileAccess.Write })|};" },
            { "new FileStream(path, OpenOrCreate, ReadWrite)", Token + "using var stream = {|AW0001:new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite)|};" },
            { "target-typed new FileStream", Token + "using FileStream stream = {|AW0001:new(path, FileMode.Create)|};" },
            { "new StreamWriter(path)", Token + "using var writer = {|AW0001:new StreamWriter(path)|};" },
            { "new StreamWriter(path, false)", Token + "using var writer = {|AW0001:new StreamWriter(path, false)|};" },
            { "new StreamWriter(path, append: false, Encoding)", Token + "using var writer = {|AW0001:new StreamWriter(path, append: false, Encoding.UTF8)|};" },
            { "new StreamWriter(path, false, Encoding, buffer)", Token + "using var writer = {|AW0001:new StreamWriter(path, false, Encoding.UTF8, 4096)|};" },
            { "new StreamWriter(path, FileStreamOptions Create)", Token + "using var writer = {|AW0001:new StreamWriter(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write })|};" },
            { "File.Copy(source, path, true)", Token + "{|AW0001:File.Copy(source, path, true)|};" },
            { "File.Copy(source, path, overwrite: true)", Token + "{|AW0001:File.Copy(source, path, overwrite: true)|};" },
            { "FileInfo.Create()", Token + "using var stream = {|AW0001:new FileInfo(path).Create()|};" },
            { "FileInfo.CreateText() on a local", Token + "var info = new FileInfo(path);\nusing var writer = {|AW0001:info.CreateText()|};" },
            { "FileInfo.OpenWrite()", Token + "var info = new FileInfo(path);\nusing var stream = {|AW0001:info.OpenWrite()|};" },
            { "FileInfo.Open(Create)", Token + "var info = new FileInfo(path);\nusing var stream = {|AW0001:info.Open(FileMode.Create)|};" },
            { "FileInfo.Open(Truncate, Write)", Token + "var info = new FileInfo(path);\nusing var stream = {|AW0001:info.Open(FileMode.Truncate, FileAccess.Write)|};" },
            { "FileInfo.CopyTo(path, true)", Token + "{|AW0001:new FileInfo(source).CopyTo(path, true)|};" },
            { "FileSystemAclExtensions.Create(FileInfo, Create, rights, share, size, options, security)", Token + "var info = new FileInfo(path);\nvar security = new System.Security.AccessControl.FileSecurity();\nvar rights = System.Security.AccessControl.FileSystemRights.Write;\nusing var stream = {|AW0001:info.Create(FileMode.Create, rights, FileShare.Read, 4096, FileOptions.None, security)|};" },
            { "FileSystemAclExtensions.Create(FileInfo, Truncate, ...) as a static call", Token + "var info = new FileInfo(path);\nvar security = new System.Security.AccessControl.FileSecurity();\nvar rights = System.Security.AccessControl.FileSystemRights.Write;\nusing var stream = {|AW0001:FileSystemAclExtensions.Create(info, FileMode.Truncate, rights, FileShare.None, 4096, FileOptions.None, security)|};" },
            { "FileInfo.CopyTo(path, overwrite: true)", Token + "{|AW0001:new FileInfo(source).CopyTo(path, overwrite: true)|};" },
            { "XmlWriter.Create(path)", Token + "using (var writer = {|AW0001:XmlWriter.Create(path)|})\n{\n    writer.WriteElementString(\"token\", json);\n}" },
            { "XmlWriter.Create(path, settings)", Token + "using var writer = {|AW0001:XmlWriter.Create(path, new XmlWriterSettings { Indent = true })|};" },
            { "XDocument.Save(path)", Token + "var document = new XDocument();\n{|AW0001:document.Save(path)|};" },
            { "XDocument.Save(path, SaveOptions)", Token + "var document = new XDocument();\n{|AW0001:document.Save(path, SaveOptions.None)|};" },
            { "XElement.Save(path)", Token + "var element = new XElement(\"tokens\");\n{|AW0001:element.Save(path)|};" },
            { "XmlDocument.Save(path)", Token + "var document = new XmlDocument();\n{|AW0001:document.Save(path)|};" },
            { "fully qualified System.IO.File", Token + "{|AW0001:System.IO.File.WriteAllText(path, json)|};" },
            { "path inline", "{|AW0001:File.WriteAllText(Path.Combine(directory, \"tokens.json\"), json)|};" },
            { "inside a lambda", Token + "Action save = () => {|AW0001:File.WriteAllText(path, json)|};\nsave();" },
            { "inside a local function", Token + "void Save() => {|AW0001:File.WriteAllText(path, json)|};\nSave();" },
        };

        public static TheoryData<string, string> NotOverwrites => new()
        {
            { "File.AppendAllText", Token + "File.AppendAllText(path, json);" },
            { "File.AppendAllLines", Token + "File.AppendAllLines(path, lines);" },
            { "File.AppendText", Token + "using var writer = File.AppendText(path);" },
            { "new StreamWriter(path, true)", Token + "using var writer = new StreamWriter(path, true);" },
            { "new StreamWriter(path, append: true, Encoding)", Token + "using var writer = new StreamWriter(path, append: true, Encoding.UTF8);" },
            { "new StreamWriter(path, append variable)", Token + "using var writer = new StreamWriter(path, flag);" },
            { "new StreamWriter(Stream)", Token + "using var writer = new StreamWriter(new MemoryStream());" },
            { "new FileStream(path, Append)", Token + "using var stream = new FileStream(path, FileMode.Append);" },
            { "new FileStream(path, CreateNew)", Token + "using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);" },
            { "File.Open(path, CreateNew)", Token + "using var stream = File.Open(path, FileMode.CreateNew);" },
            { "File.Open(path, Open, Read)", Token + "using var stream = File.Open(path, FileMode.Open, FileAccess.Read);" },
            { "File.Open(path, OpenOrCreate, Read)", Token + "using var stream = File.Open(path, FileMode.OpenOrCreate, FileAccess.Read);" },
            { "File.Open(path, mode variable)", Token + "var mode = flag ? FileMode.Create : FileMode.Open;\nusing var stream = File.Open(path, mode);" },
            { "new FileStream(path, Open)", Token + "using var stream = new FileStream(path, FileMode.Open);" },
            { "new FileStream(path, FileStreamOptions default)", Token + "using var stream = new FileStream(path, new FileStreamOptions());" },
            { "File.OpenRead", Token + "using var stream = File.OpenRead(path);" },
            { "File.ReadAllText", Token + "_ = File.ReadAllText(path);" },
            { "new StreamReader(path)", Token + "using var reader = new StreamReader(path);" },
            { "FileInfo.OpenRead", Token + "using var stream = new FileInfo(path).OpenRead();" },
            { "FileInfo.Open(Open, Read)", Token + "using var stream = new FileInfo(path).Open(FileMode.Open, FileAccess.Read);" },
            { "File.Copy without overwrite", Token + "File.Copy(source, path);" },
            { "File.Copy(overwrite: false)", Token + "File.Copy(source, path, overwrite: false);" },
            { "File.Copy to a plain file, from the token file", Token + "File.Copy(path, Path.Combine(directory, \"copy.bin\"), true);" },
            { "FileInfo.CopyTo without overwrite", Token + "new FileInfo(source).CopyTo(path);" },
            { "FileSystemAclExtensions.Create(FileInfo, CreateNew, ...)", Token + "var info = new FileInfo(path);\nvar security = new System.Security.AccessControl.FileSecurity();\nvar rights = System.Security.AccessControl.FileSystemRights.Write;\nusing var stream = info.Create(FileMode.CreateNew, rights, FileShare.Read, 4096, FileOptions.None, security);" },
            { "FileSystemAclExtensions.Create(DirectoryInfo, security)", Token + "new DirectoryInfo(Path.Combine(directory, \"tokens\")).Create(new System.Security.AccessControl.DirectorySecurity());" },
            { "FileInfo.CopyTo(overwrite: false)", Token + "new FileInfo(source).CopyTo(path, overwrite: false);" },
            { "XmlWriter.Create(Stream)", Token + "using var writer = XmlWriter.Create(new MemoryStream());" },
            { "XmlWriter.Create(StringBuilder)", Token + "using var writer = XmlWriter.Create(new StringBuilder());" },
            { "XDocument.Save(Stream)", Token + "var document = new XDocument();\ndocument.Save(new MemoryStream());" },
            { "XDocument.Load(path)", Token + "_ = XDocument.Load(path);" },
            { "File.Move over the token file", Token + "File.Move(source, path, true);" },
            { "File.Delete", Token + "File.Delete(path);" },
            { "AtomicFile.WriteAllText", Token + "AtomicFile.WriteAllText(path, json);" },
            { "AtomicFile.WriteAllBytesAsync", Token + "await AtomicFile.WriteAllBytesAsync(path, bytes, cancellationToken: ct);" },
            { "AtomicFile.Create", Token + "using (var stream = AtomicFile.Create(path)) { stream.Write(bytes); stream.Commit(); }" },
            { "AtomicFile.Copy", Token + "AtomicFile.Copy(source, path);" },
        };

        [Theory]
        [MemberData(nameof(Overwrites))]
        public Task Overwrite_of_a_token_file_is_reported(string api, string body)
        {
            Assert.NotNull(api);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(body));
        }

        [Theory]
        [MemberData(nameof(NotOverwrites))]
        public Task Append_create_new_read_and_rename_are_not_reported(string api, string body)
        {
            Assert.NotNull(api);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(body));
        }

        public static TheoryData<string, string> Net90Overloads => new()
        {
            { "File.WriteAllText(path, ReadOnlySpan<char>)", Token + "{|AW0001:File.WriteAllText(path, json.AsSpan())|};" },
            { "File.WriteAllText(path, ReadOnlySpan<char>, Encoding)", Token + "{|AW0001:File.WriteAllText(path, json.AsSpan(), Encoding.UTF8)|};" },
            { "File.WriteAllBytes(path, ReadOnlySpan<byte>)", Token + "{|AW0001:File.WriteAllBytes(path, new ReadOnlySpan<byte>(bytes))|};" },
            { "File.WriteAllBytesAsync(path, ReadOnlyMemory<byte>, token)", Token + "await {|AW0001:File.WriteAllBytesAsync(path, new ReadOnlyMemory<byte>(bytes), ct)|};" },
            { "File.WriteAllTextAsync(path, ReadOnlyMemory<char>, token)", Token + "await {|AW0001:File.WriteAllTextAsync(path, json.AsMemory(), ct)|};" },
        };

        /// <summary>Span and memory overloads arrived in .NET 9; one catalog entry per member covers them too.</summary>
        [Theory]
        [MemberData(nameof(Net90Overloads))]
        public Task Span_and_memory_overloads_are_reported(string api, string body)
        {
            Assert.NotNull(api);
            var test = new AnalyzerVerifier<InPlaceOverwriteOnly>.Test
            {
                TestCode = Snippet.Body(body),
                ReferenceAssemblies = TestReferences.Net90,
            };
            return test.RunAsync();
        }

        [Fact]
        public Task Message_names_the_file_the_api_and_the_reason()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Body(Token + "{|#0:File.WriteAllText(path, json)|};\nusing var stream = {|#1:new FileStream(Path.Combine(directory, \"settings.json\"), FileMode.Create)|};"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(0)
                    .WithArguments("tokens.json", "File.WriteAllText", "file name contains 'token'"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(1)
                    .WithArguments("settings.json", "new FileStream(FileMode.Create)", "file name contains 'settings'"));
        }

        [Fact]
        public Task Message_names_copy_with_its_overwrite_flag()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Body("{|#0:File.Copy(source, Path.Combine(directory, \"credentials.json\"), true)|};"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(0)
                    .WithArguments("credentials.json", "File.Copy(overwrite: true)", "file name contains 'credential'"));
        }
    }
}
