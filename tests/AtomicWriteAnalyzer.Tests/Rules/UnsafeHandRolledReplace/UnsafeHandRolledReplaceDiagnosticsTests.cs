using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.UnsafeHandRolledReplaceOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.UnsafeHandRolledReplace
{
    /// <summary>
    /// AW0003: each way a write-then-rename goes wrong (no flush to disk, a predictable temp name, delete-then-move, a
    /// temp on another file system), each reported on the temp write; and the replaces that are as safe as .NET allows,
    /// the moves that are not replaces, and the files the user ignores.
    /// </summary>
    public sealed class UnsafeHandRolledReplaceDiagnosticsTests
    {
        private const string Target = "var path = Path.Combine(directory, \"settings.json\");\n";
        private const string Unique = Target + "var tmp = Path.Combine(directory, Path.GetRandomFileName());\n";
        private const string Predictable = Target + "var tmp = path + \".tmp\";\n";

        public static TheoryData<string, string> Unsafe => new()
        {
            { "path + \".tmp\", File.WriteAllText, File.Move", Predictable + "{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);" },
            { "inline temp expression", Target + "{|AW0003:File.WriteAllText(path + \".tmp\", json)|};\nFile.Move(path + \".tmp\", path, overwrite: true);" },
            { "interpolated temp name", Target + "var tmp = $\"{path}.tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);" },
            { "Path.ChangeExtension temp name", Target + "var tmp = Path.ChangeExtension(path, \".tmp\");\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);" },
            { "string.Concat temp name", Target + "var tmp = string.Concat(path, \".new\");\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);" },
            { "constant temp path", Target + "{|AW0003:File.WriteAllText(\"settings.tmp\", json)|};\nFile.Move(\"settings.tmp\", path, true);" },
            { "temp beside the target, constant name", Target + "var tmp = Path.Combine(directory, \"settings.json.new\");\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);" },
            { "File.Replace without backup", Predictable + "{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Replace(tmp, path, null);" },
            { "File.Replace with backup", Predictable + "{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Replace(tmp, path, path + \".bak\");" },
            { "FileInfo.MoveTo", Predictable + "{|AW0003:File.WriteAllText(tmp, json)|};\nnew FileInfo(tmp).MoveTo(path, true);" },
            { "FileInfo.Replace", Predictable + "{|AW0003:File.WriteAllText(tmp, json)|};\nnew FileInfo(tmp).Replace(path, null);" },
            { "unique name, never flushed", Unique + "{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);" },
            { "CreateNew stream, not flushed", Unique + "using (var stream = {|AW0003:new FileStream(tmp, FileMode.CreateNew, FileAccess.Write)|})\n{\n    stream.Write(bytes);\n}\nFile.Move(tmp, path, true);" },
            { "Flush() does not reach the disk", Unique + "using (var stream = {|AW0003:new FileStream(tmp, FileMode.CreateNew, FileAccess.Write)|})\n{\n    stream.Write(bytes);\n    stream.Flush();\n}\nFile.Move(tmp, path, true);" },
            { "Flush(false) does not reach the disk", Unique + "using (var stream = {|AW0003:new FileStream(tmp, FileMode.CreateNew, FileAccess.Write)|})\n{\n    stream.Write(bytes);\n    stream.Flush(false);\n}\nFile.Move(tmp, path, true);" },
            { "FlushAsync does not reach the disk", Unique + "await using (var stream = {|AW0003:new FileStream(tmp, FileMode.CreateNew, FileAccess.Write)|})\n{\n    await stream.WriteAsync(bytes, ct);\n    await stream.FlushAsync(ct);\n}\nFile.Move(tmp, path, true);" },
            { "StreamWriter.Flush does not reach the disk", Unique + "using (var writer = {|AW0003:new StreamWriter(tmp)|})\n{\n    writer.Write(json);\n    writer.Flush();\n}\nFile.Move(tmp, path, true);" },
            { "target deleted before the move", Unique + "using (var stream = {|AW0003:new FileStream(tmp, FileMode.CreateNew, FileAccess.Write)|})\n{\n    stream.Write(bytes);\n    stream.Flush(true);\n}\nFile.Delete(path);\nFile.Move(tmp, path);" },
            { "target deleted if it exists", Predictable + "{|AW0003:File.WriteAllText(tmp, json)|};\nif (File.Exists(path))\n{\n    File.Delete(path);\n}\nFile.Move(tmp, path);" },
            { "target deleted through FileInfo", Predictable + "{|AW0003:File.WriteAllText(tmp, json)|};\nnew FileInfo(path).Delete();\nFile.Move(tmp, path);" },
            { "Path.GetTempFileName, flushed", Target + "var tmp = Path.GetTempFileName();\nusing (var stream = {|AW0003:new FileStream(tmp, FileMode.Create, FileAccess.Write)|})\n{\n    stream.Write(bytes);\n    stream.Flush(true);\n}\nFile.Move(tmp, path, true);" },
            { "random name in the temp folder", Target + "var tmp = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);" },
            { "constant name in the temp folder", Target + "var tmp = Path.Combine(Path.GetTempPath(), \"settings.tmp\");\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);" },
            { "File.WriteAllBytes", Predictable + "{|AW0003:File.WriteAllBytes(tmp, bytes)|};\nFile.Move(tmp, path, true);" },
            { "predictable, FileOptions.WriteThrough missing (twin of the WriteThrough replace)", Predictable + "using (var stream = {|AW0003:new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.Read, 4096)|})\n{\n    stream.Write(bytes);\n}\nFile.Replace(tmp, path, path + \".bak\");" },
            { "predictable, Flush() only (twin of Flush(flushToDisk: true))", Predictable + "using (var stream = {|AW0003:File.Create(tmp)|})\n{\n    stream.Write(bytes);\n    stream.Flush();\n}\nFile.Move(tmp, path, true);" },
            { "predictable, WriteThrough, target deleted first", Predictable + "using (var stream = {|AW0003:new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough)|})\n{\n    stream.Write(bytes);\n}\nFile.Delete(path);\nFile.Move(tmp, path);" },
            { "predictable, flushed, but CreateNew: a temp left by a crash blocks every later save", Predictable + "using (var stream = {|AW0003:new FileStream(tmp, FileMode.CreateNew, FileAccess.Write)|})\n{\n    stream.Write(bytes);\n    stream.Flush(true);\n}\nFile.Move(tmp, path, true);" },
            { "settings.json.new, twin of the partial download", Target + "var tmp = path + \".new\";\n{|AW0003:File.WriteAllBytes(tmp, bytes)|};\nFile.Move(tmp, path, true);" },
            { "data.bin.tmp, twin of the partial download", "var path = Path.Combine(directory, \"data.bin\");\nvar tmp = path + \".tmp\";\n{|AW0003:File.WriteAllBytes(tmp, bytes)|};\nFile.Move(tmp, path, true);" },
            { "File.WriteAllLines", Predictable + "{|AW0003:File.WriteAllLines(tmp, lines)|};\nFile.Move(tmp, path, true);" },
            { "File.WriteAllTextAsync", Predictable + "await {|AW0003:File.WriteAllTextAsync(tmp, json, ct)|};\nFile.Move(tmp, path, true);" },
            { "File.Create", Predictable + "using (var stream = {|AW0003:File.Create(tmp)|})\n{\n    stream.Write(bytes);\n}\nFile.Move(tmp, path, true);" },
            { "File.CreateText", Predictable + "using (var writer = {|AW0003:File.CreateText(tmp)|})\n{\n    writer.Write(json);\n}\nFile.Move(tmp, path, true);" },
            { "XDocument.Save", Predictable + "{|AW0003:new XDocument().Save(tmp)|};\nFile.Move(tmp, path, true);" },
            { "File.Copy to the temp", Predictable + "{|AW0003:File.Copy(source, tmp, true)|};\nFile.Move(tmp, path, true);" },
            { "a file that is not sensitive", "var path = Path.Combine(directory, \"data.bin\");\nvar tmp = path + \".tmp\";\n{|AW0003:File.WriteAllBytes(tmp, bytes)|};\nFile.Move(tmp, path, true);" },
            { "a new name, overwritten once it exists (twin of the move that only creates)", Predictable + "{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, overwrite: true);" },
            { "a copy restored in a catch, the target deleted there first (twin of the move that only creates)", Target + "var backup = path + \".backup\";\n{|AW0003:File.Copy(path, backup, true)|};\ntry\n{\n    Console.WriteLine(json);\n}\ncatch\n{\n    File.Delete(path);\n    File.Move(backup, path);\n}" },
            { "a cache folder, but a token file (twin of the cache target)", "var path = Path.Combine(directory, \"cache\", \"tokens.json\");\nvar tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);" },
            { "inside a lambda", Predictable + "Action save = () =>\n{\n    {|AW0003:File.WriteAllText(tmp, json)|};\n    File.Move(tmp, path, true);\n};\nsave();" },
            { "two writes of one temp: reported once, on the first", Predictable + "{|AW0003:File.WriteAllText(tmp, json)|};\nFile.AppendAllText(tmp, json);\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);" },
        };

        public static TheoryData<string, string> Safe => new()
        {
            { "unique name, CreateNew, Flush(true), Move", Unique + "using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))\n{\n    stream.Write(bytes);\n    stream.Flush(true);\n}\nFile.Move(tmp, path, true);" },
            { "unique name, CreateNew, Flush(true), Replace", Unique + "using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))\n{\n    stream.Write(bytes);\n    stream.Flush(flushToDisk: true);\n}\nFile.Replace(tmp, path, path + \".bak\");" },
            { "unique name, Flush(true), FileInfo.MoveTo", Unique + "using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))\n{\n    stream.Write(bytes);\n    stream.Flush(true);\n}\nnew FileInfo(tmp).MoveTo(path, true);" },
            { "File.Create with WriteThrough", Unique + "using (var stream = File.Create(tmp, 4096, FileOptions.WriteThrough))\n{\n    stream.Write(bytes);\n}\nFile.Move(tmp, path, true);" },
            { "FileStream with WriteThrough", Unique + "using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough | FileOptions.SequentialScan))\n{\n    stream.Write(bytes);\n}\nFile.Move(tmp, path, true);" },
            { "FileStreamOptions with WriteThrough", Unique + "using (var stream = new FileStream(tmp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough }))\n{\n    stream.Write(bytes);\n}\nFile.Move(tmp, path, true);" },
            { "StreamWriter, BaseStream flushed to disk", Unique + "using (var writer = new StreamWriter(tmp))\n{\n    writer.Write(json);\n    writer.Flush();\n    ((FileStream)writer.BaseStream).Flush(true);\n}\nFile.Move(tmp, path, true);" },
            { "GUID in the temp name", Target + "var tmp = Path.Combine(directory, $\"settings.{Guid.NewGuid():N}.tmp\");\nusing (var stream = new FileStream(tmp, FileMode.CreateNew))\n{\n    stream.Write(bytes);\n    stream.Flush(true);\n}\nFile.Move(tmp, path, true);" },
            { "process id in the temp name", Target + "var tmp = $\"{path}.{Environment.ProcessId}.tmp\";\nusing (var stream = new FileStream(tmp, FileMode.CreateNew))\n{\n    stream.Write(bytes);\n    stream.Flush(true);\n}\nFile.Move(tmp, path, true);" },
            { "temp name given by the caller", "void Save(string path, string tempPath, byte[] bytes)\n{\n    using (var stream = new FileStream(tempPath, FileMode.CreateNew))\n    {\n        stream.Write(bytes);\n        stream.Flush(true);\n    }\n    File.Move(tempPath, path, true);\n}" },
            { "cleanup of the temp in catch", Unique + "try\n{\n    using (var stream = new FileStream(tmp, FileMode.CreateNew))\n    {\n        stream.Write(bytes);\n        stream.Flush(true);\n    }\n    File.Move(tmp, path, true);\n}\ncatch\n{\n    File.Delete(tmp);\n    throw;\n}" },
            { "a write without a rename (AW0001's)", Target + "File.WriteAllText(path, json);" },
            { "a rename without a write", Target + "File.Move(source, path, true);" },
            { "delete then move of a file written elsewhere", Target + "File.Delete(path);\nFile.Move(source, path);" },
            { "the temp written, another file moved", Predictable + "File.WriteAllText(tmp, json);\nFile.Move(source, path, true);" },
            { "the temp written, then copied", Predictable + "File.WriteAllText(tmp, json);\nFile.Copy(tmp, path, true);" },
            { "moved before it is written", Predictable + "File.Move(tmp, path, true);\nFile.WriteAllText(tmp, json);" },
            { "appended, then moved", Predictable + "File.AppendAllText(tmp, json);\nFile.Move(tmp, path, true);" },
            { "log rotation", "var log = Path.Combine(directory, \"app.log\");\nFile.WriteAllText(log, json);\nFile.Move(log, log + \".1\", true);" },
            { "archiving a written file", "var report = Path.Combine(directory, \"report.csv\");\nFile.WriteAllText(report, json);\nFile.Move(report, Path.Combine(directory, \"archive\", Path.GetFileName(report)));" },
            { "rotation through FileInfo", "var log = Path.Combine(directory, \"app.log\");\nFile.WriteAllText(log, json);\nnew FileInfo(log).MoveTo(log + \".old\");" },
            { "FileMode in a variable", Unique + "var mode = flag ? FileMode.Create : FileMode.Open;\nusing (var stream = new FileStream(tmp, mode))\n{\n}\nFile.Move(tmp, path, true);" },
            { "moved onto itself", Target + "File.WriteAllText(path, json);\nFile.Move(path, path, true);" },
            { "AtomicFile writes the temp", Predictable + "AtomicFile.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);" },
            { "write in one method, rename in another", "void Write(string tmp, string json) => File.WriteAllText(tmp, json);\nvoid Publish(string tmp, string path) => File.Move(tmp, path, true);" },
            // Nothing worth keeping is replaced: a counter-signal on the target, or a move that can only create it.
            { "a log", "var path = Path.Combine(directory, \"app.log\");\nvar tmp = path + \".tmp\";\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);" },
            { "a cache", "var path = Path.Combine(directory, \"cache\", \"index.json\");\nvar tmp = path + \".tmp\";\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);" },
            { "a download moved into the downloads folder", "var path = Path.Combine(directory, \"downloads\", \"setup.exe\");\nvar tmp = path + \".part\";\nFile.WriteAllBytes(tmp, bytes);\nFile.Move(tmp, path, true);" },
            { "a .part temp: a download moved into place", "var path = Path.Combine(directory, \"data.bin\");\nvar tmp = path + \".part\";\nFile.WriteAllBytes(tmp, bytes);\nFile.Move(tmp, path, true);" },
            { "a .crdownload temp over settings.json", Target + "var tmp = path + \".crdownload\";\nFile.WriteAllBytes(tmp, bytes);\nFile.Replace(tmp, path, null);" },
            { "a .partial temp, deleted target", "var path = Path.Combine(directory, \"data.bin\");\nvar tmp = $\"{path}.partial\";\nFile.WriteAllBytes(tmp, bytes);\nFile.Delete(path);\nFile.Move(tmp, path);" },
            { "a .downloading temp", "var path = Path.Combine(directory, \"data.bin\");\nFile.WriteAllBytes(path + \".downloading\", bytes);\nFile.Move(path + \".downloading\", path, true);" },
            { "an export", "var exportPath = Path.Combine(directory, \"settings-export.json\");\nvar tmp = exportPath + \".tmp\";\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, exportPath, true);" },
            { "a target in the temp folder", "var path = Path.Combine(Path.GetTempPath(), \"job.json\");\nvar tmp = path + \".tmp\";\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);" },
            { "a target with a unique name", "var path = Path.Combine(directory, $\"snapshot-{Guid.NewGuid():N}.json\");\nvar tmp = path + \".tmp\";\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);" },
            { "a move without overwrite only creates the target", Predictable + "File.WriteAllText(tmp, json);\nFile.Move(tmp, path);" },
            { "overwrite: false only creates the target", Predictable + "File.WriteAllText(tmp, json);\nFile.Move(tmp, path, overwrite: false);" },
            { "FileInfo.MoveTo without overwrite only creates the target", Predictable + "File.WriteAllText(tmp, json);\nnew FileInfo(tmp).MoveTo(path);" },
            { "predictable, FileOptions.WriteThrough, File.Replace with a backup", Predictable + "using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough))\n{\n    stream.Write(bytes);\n}\nFile.Replace(tmp, path, path + \".bak\");" },
            { "predictable, Flush(flushToDisk: true), File.Move overwrite", Predictable + "using (var stream = File.Create(tmp))\n{\n    stream.Write(bytes);\n    stream.Flush(flushToDisk: true);\n}\nFile.Move(tmp, path, true);" },
            { "fsync through P/Invoke", Unique + "using (var stream = new FileStream(tmp, FileMode.CreateNew))\n{\n    stream.Write(bytes);\n    _ = fsync(stream.SafeFileHandle.DangerousGetHandle().ToInt32());\n}\nFile.Move(tmp, path, true);" },
        };

        private static string Code(string body) =>
            body.StartsWith("void ")
                ? Snippet.Members(body)
                : Snippet.Body(body, "[System.Runtime.InteropServices.DllImport(\"libc\")] static extern int fsync(int fd);");

        [Theory]
        [MemberData(nameof(Unsafe))]
        public Task Unsafe_replace_is_reported_on_the_temp_write(string name, string body)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Code(body));
        }

        [Theory]
        [MemberData(nameof(Safe))]
        public Task Safe_replaces_and_other_moves_are_not_reported(string name, string body)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Code(body));
        }

        /// <summary>The temp half of a replace is AW0003's: AW0001 never reports it too.</summary>
        [Theory]
        [MemberData(nameof(Unsafe))]
        public async Task The_temp_write_is_not_also_AW0001(string name, string body)
        {
            Assert.NotNull(name);
            string code = Regex.Replace(Code(body), @"\{\|AW0003:(.*?)\|\}", "$1", RegexOptions.Singleline);

            var diagnostics = await AnalyzerVerifier<InPlaceOverwriteOnly>.DiagnosticsAsync(code);

            Assert.Empty(diagnostics);
        }

        public static TheoryData<string, string, string> Messages => new()
        {
            {
                Predictable + "{|#0:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);",
                "settings.json",
                "the temporary file is not flushed to disk with Flush(true) before the rename, so a power cut can leave the target empty; "
                    + "the temporary name 'settings.json.tmp' is predictable, so two writers collide on it and a planted symlink can redirect the write; use a unique name created with FileMode.CreateNew"
            },
            {
                Unique + "await using (var stream = {|#0:new FileStream(tmp, FileMode.CreateNew)|})\n{\n    await stream.FlushAsync(ct);\n}\nFile.Delete(path);\nFile.Move(tmp, path);",
                "settings.json",
                "the temporary file is flushed with FlushAsync(), which does not reach the disk; call Flush(true) before the rename; "
                    + "the target is deleted before the move, so a crash in between leaves no file at all; move over it with File.Move(temp, target, overwrite: true)"
            },
            {
                Target + "var tmp = Path.GetTempFileName();\nusing (var stream = {|#0:File.OpenWrite(tmp)|})\n{\n    stream.Flush(true);\n}\nFile.Move(tmp, path, true);",
                "settings.json",
                "the temporary file comes from Path.GetTempFileName(), which can be on another file system, where the move is a copy and not an atomic rename; create it in the target's folder"
            },
        };

        [Theory]
        [MemberData(nameof(Messages))]
        public Task Message_names_the_target_and_each_missing_step(string body, string file, string steps)
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Code(body),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0003_UnsafeHandRolledReplace).WithLocation(0).WithArguments(file, steps)
                    .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Fact]
        public async Task The_rename_is_the_additional_location()
        {
            var diagnostic = Assert.Single(await AnalyzerVerifier<UnsafeHandRolledReplaceOnly>.DiagnosticsAsync(Code(Unique + "File.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);")));

            var rename = diagnostic.AdditionalLocations.First();
            Assert.Equal("File.Move(tmp, path, true)", rename.SourceTree!.ToString().Substring(rename.SourceSpan.Start, rename.SourceSpan.Length));
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        }
    }
}
