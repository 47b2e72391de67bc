using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Rules.DisposedWithoutCommitAnalyzer>;

namespace AtomicWriteAnalyzer.Tests.Rules.DisposedWithoutCommit
{
    /// <summary>
    /// AW0004: an AtomicFileStream/AtomicStreamWriter whose using scope can be left normally without Commit. Error
    /// paths (throw, catch) never count; a local that escapes to code we cannot see keeps the rule quiet.
    /// </summary>
    public sealed class DisposedWithoutCommitDiagnosticsTests
    {
        private const string Target = "var path = Path.Combine(directory, \"settings.json\");\n";

        public static TheoryData<string, string> Reported => new()
        {
            { "using declaration, no commit", "using var {|AW0004:stream|} = AtomicFile.Create(path);\nstream.Write(bytes);" },
            { "using statement, no commit", "using (var {|AW0004:stream|} = AtomicFile.Create(path))\n{\n    stream.Write(bytes, 0, bytes.Length);\n}" },
            { "writer, no commit", "using var {|AW0004:writer|} = AtomicFile.CreateText(path);\nwriter.Write(json);" },
            { "await using, async writes, no commit", "await using var {|AW0004:stream|} = AtomicFile.Create(path);\nawait stream.WriteAsync(bytes, ct);\nawait stream.FlushAsync(ct);" },
            { "explicit type", "using AtomicFileStream {|AW0004:stream|} = AtomicFile.Create(path, 4096);\nstream.WriteByte(1);" },
            { "commit on one branch only", "using var {|AW0004:stream|} = AtomicFile.Create(path);\nstream.Write(bytes);\nif (flag)\n{\n    stream.Commit();\n}" },
            { "early return without commit", "using (var {|AW0004:writer|} = AtomicFile.CreateText(path))\n{\n    writer.Write(json);\n    if (flag)\n    {\n        return;\n    }\n\n    writer.Commit();\n}" },
            { "continue leaves the scope without commit", "foreach (var line in lines)\n{\n    using var {|AW0004:writer|} = AtomicFile.CreateText(path + line);\n    if (line.Length == 0)\n    {\n        continue;\n    }\n\n    writer.Write(line);\n    writer.Commit();\n}" },
            { "break leaves the scope without commit", "while (flag)\n{\n    using var {|AW0004:writer|} = AtomicFile.CreateText(path);\n    writer.Write(json);\n    break;\n}" },
            { "a serializer does not commit", "using var {|AW0004:stream|} = AtomicFile.Create(path);\nJsonSerializer.Serialize(stream, lines);" },
            { "a writer over the stream does not commit", "using var {|AW0004:stream|} = AtomicFile.Create(path);\nusing var writer = new StreamWriter(stream);\nwriter.Write(json);\nwriter.Flush();" },
            { "conditional commit through ?.", "using var {|AW0004:stream|} = AtomicFile.Create(path);\nif (flag)\n{\n    stream?.Commit();\n}" },
            { "commit before the loop ends on one path", "using var {|AW0004:stream|} = AtomicFile.Create(path);\nforeach (var line in lines)\n{\n    if (line.Length == 0)\n    {\n        stream.Commit();\n        break;\n    }\n}" },
            { "inside a lambda", "Action save = () =>\n{\n    using var {|AW0004:stream|} = AtomicFile.Create(path);\n    stream.Write(bytes);\n};\nsave();" },
            { "inside an async lambda", "Func<Task> save = async () =>\n{\n    await using var {|AW0004:stream|} = AtomicFile.Create(path);\n    await stream.WriteAsync(bytes, ct);\n};\nawait save();" },
            { "inside a local function", "void Save()\n{\n    using var {|AW0004:writer|} = AtomicFile.CreateText(path);\n    writer.Write(json);\n}\nSave();" },
            { "two locals, one forgotten", "using var first = AtomicFile.Create(path);\nusing var {|AW0004:second|} = AtomicFile.Create(path + \".2\");\nfirst.Write(bytes);\nsecond.Write(bytes);\nfirst.Commit();" },
        };

        [Theory]
        [MemberData(nameof(Reported))]
        public Task Scope_left_normally_without_commit_is_reported(string name, string body)
        {
            _ = name;
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(Target + body));
        }

        public static TheoryData<string, string> NotReported => new()
        {
            { "commit at the end", "using var stream = AtomicFile.Create(path);\nstream.Write(bytes);\nstream.Commit();" },
            { "await CommitAsync at the end", "await using var stream = AtomicFile.Create(path);\nawait stream.WriteAsync(bytes, ct);\nawait stream.CommitAsync(ct);" },
            { "writer commit", "using (var writer = AtomicFile.CreateText(path))\n{\n    writer.Write(json);\n    writer.Commit();\n}" },
            { "commit on every path", "using var stream = AtomicFile.Create(path);\nif (flag)\n{\n    stream.WriteByte(1);\n    stream.Commit();\n    return;\n}\n\nstream.WriteByte(2);\nstream.Commit();" },
            { "commit on both branches", "using var stream = AtomicFile.Create(path);\nif (flag)\n{\n    stream.Commit();\n}\nelse\n{\n    await stream.CommitAsync();\n}" },
            { "a throw is an error path", "using var stream = AtomicFile.Create(path);\nif (bytes.Length == 0)\n{\n    throw new ArgumentException(\"empty\");\n}\n\nstream.Write(bytes);\nstream.Commit();" },
            { "a caught failure is an error path", "using var stream = AtomicFile.Create(path);\ntry\n{\n    JsonSerializer.Serialize(stream, lines);\n}\ncatch (NotSupportedException)\n{\n    return;\n}\n\nstream.Commit();" },
            { "commit inside try, catch rethrows", "using var stream = AtomicFile.Create(path);\ntry\n{\n    stream.Write(bytes);\n    stream.Commit();\n}\ncatch (IOException)\n{\n    throw;\n}" },
            { "user try/finally inside the scope", "using var stream = AtomicFile.Create(path);\ntry\n{\n    stream.Write(bytes);\n}\nfinally\n{\n    stream.Flush();\n}\n\nstream.Commit();" },
            { "loop, then commit", "using var writer = AtomicFile.CreateText(path);\nforeach (var line in lines)\n{\n    if (line.Length == 0)\n    {\n        continue;\n    }\n\n    writer.WriteLine(line);\n}\n\nwriter.Commit();" },
            { "commit through ?. at the end", "using var stream = AtomicFile.Create(path);\nstream.Write(bytes);\nstream?.Commit();" },
            { "a loop inside the scope ends normally", "foreach (var line in lines)\n{\n    using var writer = AtomicFile.CreateText(path + line);\n    writer.Write(line);\n    writer.Commit();\n}" },
            { "passed to the user's own helper (might commit)", "using var stream = AtomicFile.Create(path);\nSaveTo(stream);" },
            { "captured by a lambda", "using var stream = AtomicFile.Create(path);\nAction commit = () => stream.Commit();\ncommit();" },
            { "stored in a field", "using var stream = AtomicFile.Create(path);\n_pending = stream;" },
            { "disposed explicitly (a deliberate discard)", "using var stream = AtomicFile.Create(path);\nif (flag)\n{\n    stream.Dispose();\n    return;\n}\n\nstream.Commit();" },
            { "an extension method of the user's", "using var stream = AtomicFile.Create(path);\nstream.Publish();" },
            { "a FileStream is not atomic", "using var stream = new FileStream(path, FileMode.CreateNew);\nstream.Write(bytes);" },
            { "a using without a local", "using (AtomicFile.Create(path))\n{\n}" },
        };

        [Theory]
        [MemberData(nameof(NotReported))]
        public Task Committed_escaping_or_non_atomic_is_not_reported(string name, string body)
        {
            _ = name;
            string members = "private Stream? _pending;\nprivate static void SaveTo(Stream stream) => ((AtomicFileStream)stream).Commit();";
            string code = Snippet.Body(Target + body, members) + "\nstatic class Extensions { public static void Publish(this AtomicFileStream stream) => stream.Commit(); }\n";
            return VerifyCS.VerifyAnalyzerAsync(code);
        }

        [Fact]
        public Task A_look_alike_type_in_another_namespace_is_not_reported()
        {
            const string Code = """
                namespace Other
                {
                    public sealed class AtomicFileStream : System.IDisposable
                    {
                        public void Dispose() { }
                    }

                    class C
                    {
                        void M()
                        {
                            using var stream = new AtomicFileStream();
                        }
                    }
                }
                """;
            return VerifyCS.VerifyAnalyzerAsync(Code);
        }

        [Fact]
        public Task Top_level_statements_are_analyzed()
        {
            var test = new VerifyCS.Test
            {
                TestCode = """
                    using AtomicWrite;

                    using var {|AW0004:stream|} = AtomicFile.Create(args[0]);
                    stream.WriteByte(1);
                    """,
            };
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task Message_names_the_local_and_its_type()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Body(Target + "using var {|#0:writer|} = AtomicFile.CreateText(path);"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0004_DisposedWithoutCommit).WithLocation(0).WithArguments("writer", "AtomicStreamWriter"));
        }
    }
}
