using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly, AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwriteFixer>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// The stream shapes AW0001 reports but does not fix, because no commit can be placed exactly where the
    /// original completed (or the rewrite would change what the code does).
    /// </summary>
    public sealed class InPlaceOverwriteStreamNoFixTests
    {
        public static TheoryData<string, string> NoFix => new()
        {
            { "GZipStream finishes on Dispose, after a commit would have run", "using var stream = {|AW0001:File.Create(path)|};\nusing var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Optimal);\ngzip.Write(bytes);" },
            { "XmlWriter over the stream", "using var stream = {|AW0001:File.Create(path)|};\nusing var xml = XmlWriter.Create(stream);\nxml.WriteElementString(\"token\", json);" },
            { "Utf8JsonWriter over the stream", "using var stream = {|AW0001:File.Create(path)|};\nusing var json8 = new Utf8JsonWriter(stream);\njson8.WriteStringValue(json);" },
            { "BufferedStream over the stream", "using var stream = {|AW0001:File.Create(path)|};\nusing var buffered = new BufferedStream(stream);\nbuffered.Write(bytes);" },
            { "passed to the user's own method (might keep it)", "using var stream = {|AW0001:File.Create(path)|};\nKeep(stream);" },
            { "stored in a field", "using var stream = {|AW0001:File.Create(path)|};\n_kept = stream;" },
            { "captured by a lambda", "using var stream = {|AW0001:File.Create(path)|};\nAction flush = () => stream.Flush();\nflush();" },
            { "read back", "using var stream = {|AW0001:new FileStream(path, FileMode.Create, FileAccess.ReadWrite)|};\nstream.Write(bytes);\n_ = stream.ReadByte();" },
            { "seeks", "using var stream = {|AW0001:File.Create(path)|};\nstream.Write(bytes);\nstream.Seek(0, SeekOrigin.Begin);\nstream.Write(bytes);" },
            { "sets Position", "using var stream = {|AW0001:File.Create(path)|};\nstream.Position = 0;" },
            { "not a using: disposed by hand", "var stream = {|AW0001:File.Create(path)|};\nstream.Write(bytes);\nstream.Dispose();" },
            { "created inside a writer's constructor", "using var writer = new StreamWriter({|AW0001:File.Create(path)|});\nwriter.Write(json);" },
            { "FileMode.OpenOrCreate keeps bytes a shorter write does not cover", "using var stream = {|AW0001:new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write)|};\nstream.Write(bytes);" },
            { "FileMode.Truncate fails on a missing file", "using var stream = {|AW0001:new FileStream(path, FileMode.Truncate, FileAccess.Write)|};\nstream.Write(bytes);" },
            { "FileOptions.DeleteOnClose", "using var stream = {|AW0001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.DeleteOnClose)|};\nstream.Write(bytes);" },
            { "FileStreamOptions", "using var stream = {|AW0001:new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write })|};\nstream.Write(bytes);" },
            { "a mode that is not a constant", "var mode = flag ? FileMode.Create : FileMode.CreateNew;\nusing var stream = new FileStream(path, mode, FileAccess.Write);\nstream.Write(bytes);" },
            { "written inside a try that catches (a caught failure would reach the commit)", "using var stream = {|AW0001:File.Create(path)|};\ntry\n{\n    JsonSerializer.Serialize(stream, lines);\n}\ncatch (IOException)\n{\n}" },
            { "written in a finally clause", "using var stream = {|AW0001:File.Create(path)|};\ntry\n{\n    json = json.Trim();\n}\nfinally\n{\n    stream.Write(bytes);\n}" },
            { "return from a catch clause", "using var stream = {|AW0001:File.Create(path)|};\ntry\n{\n    json = json.Trim();\n}\ncatch (ArgumentException)\n{\n    return;\n}\n\nstream.Write(bytes);" },
            { "an async write that is not awaited", "using var stream = {|AW0001:File.Create(path)|};\n_ = stream.WriteAsync(bytes, 0, bytes.Length);" },
            { "a serializer call that is not awaited", "using var stream = {|AW0001:File.Create(path)|};\nvar pending = JsonSerializer.SerializeAsync(stream, lines);\npending.Wait();" },
            { "a label inside the scope (a jump back could commit twice)", "using var stream = {|AW0001:File.Create(path)|};\nagain:\nstream.Write(bytes);\nif (flag)\n{\n    flag = false;\n    goto again;\n}" },
            { "two locals in one using", "using (FileStream first = {|AW0001:File.Create(path)|}, second = {|AW0001:File.Create(path + \".key\")|})\n{\n    first.Write(bytes);\n    second.Write(bytes);\n}" },
            { "FileInfo.CopyTo over the file (no AtomicFile shape names the receiver's path)", "{|AW0001:new FileInfo(path + \".new\").CopyTo(path, true)|};" },
            { "XmlWriter.Create(path) (the writer would have to own a committed stream)", "using var xml = {|AW0001:XmlWriter.Create(path)|};\nxml.WriteElementString(\"token\", json);" },
            { "the stream's own members beyond writing", "using var stream = {|AW0001:File.Create(path)|};\nConsole.WriteLine(stream.Name);" },
        };

        [Theory]
        [MemberData(nameof(NoFix))]
        public Task Stream_shape_is_reported_but_not_fixed(string name, string body)
        {
            _ = name;
            string members = "private Stream? _kept;\nprivate static void Keep(Stream stream) { }\nprivate static string Compute() => \"\";";
            return Verify.VerifyNoFixAsync(Snippet.FixSyncBody(body, members));
        }

        [Fact]
        public Task Iterators_are_not_fixed()
        {
            const string Source = """
                using System.Collections.Generic;
                using System.IO;

                class C
                {
                    IEnumerable<int> Save(string tokenPath, byte[] bytes)
                    {
                        using var stream = {|AW0001:File.Create(tokenPath)|};
                        stream.Write(bytes);
                        yield return bytes.Length;
                    }
                }
                """;
            return Verify.VerifyNoFixAsync(Source);
        }

        [Fact]
        public Task A_return_whose_value_would_be_computed_after_the_commit_gets_no_fix()
        {
            const string Source = """
                using System.IO;

                class C
                {
                    bool Save(string tokenPath, string json, bool flag)
                    {
                        using var writer = {|AW0001:new StreamWriter(tokenPath)|};
                        writer.Write(json);
                        if (flag)
                        {
                            return Validate(json);
                        }

                        writer.Write("!");
                        return true;
                    }

                    static bool Validate(string json) => json.Length > 0;
                }
                """;
            return Verify.VerifyNoFixAsync(Source);
        }
    }
}
