using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Rules;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Rules.DisposedWithoutCommitAnalyzer, AtomicWriteAnalyzer.CodeFixes.Rules.DisposedWithoutCommitFixer>;

namespace AtomicWriteAnalyzer.Tests.Rules.DisposedWithoutCommit
{
    /// <summary>AW0004's fix: the commit at the end of the block, only where that is the one place it is missing.</summary>
    public sealed class DisposedWithoutCommitFixTests
    {
        public static TheoryData<string, string, string, bool> Fixed => new()
        {
            // name, body with the diagnostic, body after the fix, async method
            {
                "using statement",
                "using (var {|AW0004:writer|} = AtomicFile.CreateText(path))\n{\n    writer.Write(json);\n}",
                "using (var writer = AtomicFile.CreateText(path))\n{\n    writer.Write(json);\n    await writer.CommitAsync();\n}",
                true
            },
            {
                "using declaration: the end of the enclosing block",
                "using var {|AW0004:stream|} = AtomicFile.Create(path);\nstream.Write(bytes);\nConsole.WriteLine(\"saved\");",
                "using var stream = AtomicFile.Create(path);\nstream.Write(bytes);\nConsole.WriteLine(\"saved\");\nstream.Commit();",
                false
            },
            {
                "empty using block",
                "using (var {|AW0004:stream|} = AtomicFile.Create(path))\n{\n}",
                "using (var stream = AtomicFile.Create(path))\n{\n    await stream.CommitAsync();\n}",
                true
            },
            {
                "embedded body becomes a block",
                "using (var {|AW0004:stream|} = AtomicFile.Create(path))\n    JsonSerializer.Serialize(stream, lines);",
                "using (var stream = AtomicFile.Create(path))\n{\n    JsonSerializer.Serialize(stream, lines);\n    await stream.CommitAsync();\n}",
                true
            },
            {
                "loops and breaks inside the scope stay as they are",
                "using (var {|AW0004:writer|} = AtomicFile.CreateText(path))\n{\n    foreach (var line in lines)\n    {\n        if (line.Length == 0)\n        {\n            break;\n        }\n\n        writer.WriteLine(line);\n    }\n}",
                "using (var writer = AtomicFile.CreateText(path))\n{\n    foreach (var line in lines)\n    {\n        if (line.Length == 0)\n        {\n            break;\n        }\n\n        writer.WriteLine(line);\n    }\n\n    await writer.CommitAsync();\n}",
                true
            },
        };

        [Theory]
        [MemberData(nameof(Fixed))]
        public Task Commit_is_added_at_the_end_of_the_block(string name, string body, string fixedBody, bool isAsync)
        {
            _ = name;
            return isAsync
                ? Verify.VerifyAsync(Snippet.FixedBody(body), Snippet.FixedBody(fixedBody), DisposedWithoutCommitFixer.EquivalenceKey)
                : Verify.VerifyAsync(Snippet.FixedSyncBody(body), Snippet.FixedSyncBody(fixedBody), DisposedWithoutCommitFixer.EquivalenceKey);
        }

        [Fact]
        public Task Synchronous_code_before_a_final_return()
        {
            const string Source = """
                using System.IO;
                using AtomicWrite;

                class C
                {
                    bool Save(string settingsPath, byte[] bytes)
                    {
                        using var {|AW0004:stream|} = AtomicFile.Create(settingsPath);
                        stream.Write(bytes);
                        return true;
                    }
                }
                """;
            const string FixedSource = """
                using System.IO;
                using AtomicWrite;

                class C
                {
                    bool Save(string settingsPath, byte[] bytes)
                    {
                        using var stream = AtomicFile.Create(settingsPath);
                        stream.Write(bytes);
                        stream.Commit();
                        return true;
                    }
                }
                """;
            return Verify.VerifyAsync(Source, FixedSource, DisposedWithoutCommitFixer.EquivalenceKey);
        }

        public static TheoryData<string, string> NotFixed => new()
        {
            { "committed on some path already (a second commit would throw)", "using var {|AW0004:stream|} = AtomicFile.Create(path);\nstream.Write(bytes);\nif (flag)\n{\n    stream.Commit();\n}" },
            { "an early return without commit may be a deliberate discard", "using (var {|AW0004:writer|} = AtomicFile.CreateText(path))\n{\n    if (flag)\n    {\n        return;\n    }\n\n    writer.Write(json);\n    writer.Commit();\n}" },
            { "continue leaves the scope", "foreach (var line in lines)\n{\n    using var {|AW0004:writer|} = AtomicFile.CreateText(path + line);\n    if (line.Length == 0)\n    {\n        continue;\n    }\n\n    writer.Write(line);\n}" },
        };

        [Theory]
        [MemberData(nameof(NotFixed))]
        public Task No_fix_when_the_end_is_not_the_only_place_missing_a_commit(string name, string body)
        {
            _ = name;
            return Verify.VerifyNoFixAsync(Snippet.FixedBody(body));
        }
    }
}
