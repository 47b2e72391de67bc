using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Rules;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly, AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwriteFixer>;
using VerifyAW0004 = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Rules.DisposedWithoutCommitAnalyzer>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// AW0001's stream fixes in async code (<c>await CommitAsync()</c>), around returns of values, with several
    /// streams leaving through one return (Fix All shares the block), and in top-level programs.
    /// </summary>
    public sealed class InPlaceOverwriteStreamFlowFixTests
    {
        public static TheoryData<string, string, string> AsyncShapes => new()
        {
            // name, statements with the diagnostic, statements after the fix (inside an async method)
            {
                "await SerializeAsync, then await CommitAsync",
                "await using var stream = {|AW0001:File.Create(path)|};\nawait JsonSerializer.SerializeAsync(stream, lines, cancellationToken: ct);",
                "await using var stream = AtomicFile.Create(path);\nawait JsonSerializer.SerializeAsync(stream, lines, cancellationToken: ct);\nawait stream.CommitAsync();"
            },
            {
                "async writer writes, ConfigureAwait",
                "using var writer = {|AW0001:new StreamWriter(path)|};\nawait writer.WriteAsync(json).ConfigureAwait(false);",
                "using var writer = AtomicFile.CreateText(path);\nawait writer.WriteAsync(json).ConfigureAwait(false);\nawait writer.CommitAsync();"
            },
            {
                "sync writes in an async method still commit asynchronously",
                "using (var stream = {|AW0001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true)|})\n{\n    JsonSerializer.Serialize(stream, lines);\n}",
                "using (var stream = AtomicFile.Create(path, 4096))\n{\n    JsonSerializer.Serialize(stream, lines);\n    await stream.CommitAsync();\n}"
            },
            {
                "writer over the stream, flushed asynchronously",
                "await using var stream = {|AW0001:File.Create(path)|};\nawait using var writer = new StreamWriter(stream);\nawait writer.WriteAsync(json);",
                "await using var stream = AtomicFile.Create(path);\nawait using var writer = new StreamWriter(stream);\nawait writer.WriteAsync(json);\nawait writer.FlushAsync();\nawait stream.CommitAsync();"
            },
            {
                "early return in async code",
                "await using var stream = {|AW0001:File.Create(path)|};\nif (flag)\n{\n    return;\n}\n\nawait stream.WriteAsync(bytes, ct);",
                "await using var stream = AtomicFile.Create(path);\nif (flag)\n{\n    await stream.CommitAsync();\n    return;\n}\n\nawait stream.WriteAsync(bytes, ct);\nawait stream.CommitAsync();"
            },
        };

        [Theory]
        [MemberData(nameof(AsyncShapes))]
        public async Task Async_code_commits_with_CommitAsync(string name, string body, string fixedBody)
        {
            _ = name;
            string fixedSource = Snippet.FixedBody(fixedBody);
            await Verify.VerifyAsync(Snippet.FixBody(body), fixedSource, InPlaceOverwriteFixer.EquivalenceKey);
            await VerifyAW0004.VerifyAnalyzerAsync(fixedSource);
        }

        [Fact]
        public Task A_return_of_a_constant_commits_before_it()
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
                            return false;
                        }

                        writer.Write("!");
                        return true;
                    }
                }
                """;
            const string Fixed = """
                using System.IO;
                using AtomicWrite;

                class C
                {
                    bool Save(string tokenPath, string json, bool flag)
                    {
                        using var writer = AtomicFile.CreateText(tokenPath);
                        writer.Write(json);
                        if (flag)
                        {
                            writer.Commit();
                            return false;
                        }

                        writer.Write("!");
                        writer.Commit();
                        return true;
                    }
                }
                """;
            return Verify.VerifyAsync(Source, Fixed, InPlaceOverwriteFixer.EquivalenceKey);
        }

        [Fact]
        public Task Two_streams_leaving_through_the_same_return_both_commit_before_it()
        {
            return Verify.VerifyAsync(
                Snippet.FixSyncBody("using var first = {|AW0001:File.Create(path)|};\nusing var second = {|AW0001:File.Create(path + \".key\")|};\nif (flag) return;\nfirst.Write(bytes);\nsecond.Write(bytes);"),
                Snippet.FixedSyncBody("using var first = AtomicFile.Create(path);\nusing var second = AtomicFile.Create(path + \".key\");\nif (flag)\n{\n    first.Commit();\n    second.Commit();\n    return;\n}\nfirst.Write(bytes);\nfirst.Commit();\nsecond.Write(bytes);\nsecond.Commit();"),
                InPlaceOverwriteFixer.EquivalenceKey);
        }

        [Fact]
        public Task Top_level_program_with_a_using_declaration()
        {
            const string Source = """
                using System.IO;
                using System.Text.Json;

                string settingsPath = Path.Combine(args[0], "settings.json");
                using var stream = {|AW0001:File.Create(settingsPath)|};
                JsonSerializer.Serialize(stream, args);
                System.Console.WriteLine("saved");
                """;
            const string Fixed = """
                using System.IO;
                using System.Text.Json;
                using AtomicWrite;

                string settingsPath = Path.Combine(args[0], "settings.json");
                using var stream = AtomicFile.Create(settingsPath);
                JsonSerializer.Serialize(stream, args);
                stream.Commit();
                System.Console.WriteLine("saved");
                """;
            return Verify.VerifyAsync(Source, Fixed, InPlaceOverwriteFixer.EquivalenceKey, editorConfig: null, Verify.TopLevel);
        }
    }
}
