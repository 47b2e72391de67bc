using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Rules;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly, AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwriteFixer>;
using VerifyAW0004 = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Rules.DisposedWithoutCommitAnalyzer>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// AW0001's stream and writer fixes: <c>AtomicFile.Create</c>/<c>CreateText</c> with the commit where the original
    /// had written everything. Every fixed file compiles against the runtime and has no AW0004.
    /// </summary>
    public sealed class InPlaceOverwriteStreamFixTests
    {
        public static TheoryData<string, string, string> SyncShapes => new()
        {
            // name, statements with the diagnostic, statements after the fix (inside a synchronous method)
            {
                "using statement, FileStream, serializer (the sample's shape)",
                """
                using (var stream = {|AW0001:new FileStream(path, FileMode.Create, FileAccess.Write)|})
                {
                    JsonSerializer.Serialize(stream, lines);
                }
                """,
                """
                using (var stream = AtomicFile.Create(path))
                {
                    JsonSerializer.Serialize(stream, lines);
                    stream.Commit();
                }
                """
            },
            {
                "using declaration, File.Create, own writes",
                "using var stream = {|AW0001:File.Create(path)|};\nstream.Write(bytes);\nstream.WriteByte(10);",
                "using var stream = AtomicFile.Create(path);\nstream.Write(bytes);\nstream.WriteByte(10);\nstream.Commit();"
            },
            {
                "File.Create with a buffer size keeps it",
                "using var stream = {|AW0001:File.Create(path, 4096)|};\nstream.Write(bytes);",
                "using var stream = AtomicFile.Create(path, 4096);\nstream.Write(bytes);\nstream.Commit();"
            },
            {
                "FileStream with share, buffer size and FileOptions.WriteThrough",
                "using var stream = {|AW0001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 8192, FileOptions.WriteThrough)|};\nstream.Write(bytes);",
                "using var stream = AtomicFile.Create(path, 8192);\nstream.Write(bytes);\nstream.Commit();"
            },
            {
                "File.OpenWrite",
                "using var stream = {|AW0001:File.OpenWrite(path)|};\nstream.Write(bytes);",
                "using var stream = AtomicFile.Create(path);\nstream.Write(bytes);\nstream.Commit();"
            },
            {
                "File.Open with FileMode.Create",
                "using var stream = {|AW0001:File.Open(path, FileMode.Create, FileAccess.Write)|};\nstream.Write(bytes);",
                "using var stream = AtomicFile.Create(path);\nstream.Write(bytes);\nstream.Commit();"
            },
            {
                "new FileInfo(path).Create()",
                "using var stream = {|AW0001:new FileInfo(path).Create()|};\nstream.Write(bytes);",
                "using var stream = AtomicFile.Create(path);\nstream.Write(bytes);\nstream.Commit();"
            },
            {
                "FileInfo local .OpenWrite()",
                "var info = new FileInfo(path);\nusing var stream = {|AW0001:info.OpenWrite()|};\nstream.Write(bytes);",
                "var info = new FileInfo(path);\nusing var stream = AtomicFile.Create(info.FullName);\nstream.Write(bytes);\nstream.Commit();"
            },
            {
                "FileInfo.Open(FileMode.Create)",
                "var info = new FileInfo(path);\nusing var stream = {|AW0001:info.Open(FileMode.Create)|};\nstream.Write(bytes);",
                "var info = new FileInfo(path);\nusing var stream = AtomicFile.Create(info.FullName);\nstream.Write(bytes);\nstream.Commit();"
            },
            {
                "new StreamWriter(path): the writer commits itself",
                "using var writer = {|AW0001:new StreamWriter(path)|};\nwriter.Write(json);",
                "using var writer = AtomicFile.CreateText(path);\nwriter.Write(json);\nwriter.Commit();"
            },
            {
                "new StreamWriter(path, false, encoding) keeps the encoding",
                "using var writer = {|AW0001:new StreamWriter(path, false, Encoding.UTF8)|};\nwriter.WriteLine(json);",
                "using var writer = AtomicFile.CreateText(path, Encoding.UTF8);\nwriter.WriteLine(json);\nwriter.Commit();"
            },
            {
                "File.CreateText, writes in a loop: commit after the loop",
                """
                using (var writer = {|AW0001:File.CreateText(path)|})
                {
                    foreach (var line in lines)
                    {
                        writer.WriteLine(line);
                    }
                }
                """,
                """
                using (var writer = AtomicFile.CreateText(path))
                {
                    foreach (var line in lines)
                    {
                        writer.WriteLine(line);
                    }

                    writer.Commit();
                }
                """
            },
            {
                "FileInfo.CreateText",
                "using var writer = {|AW0001:new FileInfo(path).CreateText()|};\nwriter.Write(json);",
                "using var writer = AtomicFile.CreateText(path);\nwriter.Write(json);\nwriter.Commit();"
            },
            {
                "a StreamWriter over the stream is flushed before the commit",
                """
                using (var stream = {|AW0001:new FileStream(path, FileMode.Create)|})
                using (var writer = new StreamWriter(stream))
                {
                    writer.Write(json);
                }
                """,
                """
                using (var stream = AtomicFile.Create(path))
                using (var writer = new StreamWriter(stream))
                {
                    writer.Write(json);
                    writer.Flush();
                    stream.Commit();
                }
                """
            },
            {
                "a BinaryWriter over the stream, using declarations",
                "using var stream = {|AW0001:File.Create(path)|};\nusing var writer = new BinaryWriter(stream);\nwriter.Write(bytes.Length);\nwriter.Write(bytes);",
                "using var stream = AtomicFile.Create(path);\nusing var writer = new BinaryWriter(stream);\nwriter.Write(bytes.Length);\nwriter.Write(bytes);\nwriter.Flush();\nstream.Commit();"
            },
            {
                "explicit FileStream type becomes AtomicFileStream",
                "using (FileStream stream = {|AW0001:new FileStream(path, FileMode.Create)|})\n{\n    stream.Write(bytes);\n}",
                "using (AtomicFileStream stream = AtomicFile.Create(path))\n{\n    stream.Write(bytes);\n    stream.Commit();\n}"
            },
            {
                "target-typed new",
                "using FileStream stream = {|AW0001:new(path, FileMode.Create)|};\nstream.Write(bytes);",
                "using AtomicFileStream stream = AtomicFile.Create(path);\nstream.Write(bytes);\nstream.Commit();"
            },
            {
                "declared as Stream",
                "using Stream stream = {|AW0001:File.Create(path)|};\nstream.Write(bytes);",
                "using AtomicFileStream stream = AtomicFile.Create(path);\nstream.Write(bytes);\nstream.Commit();"
            },
            {
                "declared as StreamWriter",
                "using StreamWriter writer = {|AW0001:new StreamWriter(path)|};\nwriter.Write(json);",
                "using AtomicStreamWriter writer = AtomicFile.CreateText(path);\nwriter.Write(json);\nwriter.Commit();"
            },
            {
                "statements after the last use run after the commit",
                "using (var stream = {|AW0001:File.Create(path)|})\n{\n    JsonSerializer.Serialize(stream, lines);\n    Console.WriteLine(\"saved\");\n}",
                "using (var stream = AtomicFile.Create(path))\n{\n    JsonSerializer.Serialize(stream, lines);\n    stream.Commit();\n    Console.WriteLine(\"saved\");\n}"
            },
            {
                "embedded using body becomes a block",
                "using (var stream = {|AW0001:File.Create(path)|})\n    JsonSerializer.Serialize(stream, lines);",
                "using (var stream = AtomicFile.Create(path))\n{\n    JsonSerializer.Serialize(stream, lines);\n    stream.Commit();\n}"
            },
            {
                "nothing written: the empty file is published, as the original truncated it",
                "using (var stream = {|AW0001:File.Create(path)|})\n{\n}",
                "using (var stream = AtomicFile.Create(path))\n{\n    stream.Commit();\n}"
            },
            {
                "early return commits first",
                """
                using (var writer = {|AW0001:new StreamWriter(path)|})
                {
                    writer.Write(json);
                    if (flag)
                    {
                        return;
                    }

                    writer.Write(source);
                }
                """,
                """
                using (var writer = AtomicFile.CreateText(path))
                {
                    writer.Write(json);
                    if (flag)
                    {
                        writer.Commit();
                        return;
                    }

                    writer.Write(source);
                    writer.Commit();
                }
                """
            },
            {
                "embedded early return becomes a block",
                "using var stream = {|AW0001:File.Create(path)|};\nif (flag) return;\nstream.Write(bytes);",
                "using var stream = AtomicFile.Create(path);\nif (flag)\n{\n    stream.Commit();\n    return;\n}\nstream.Write(bytes);\nstream.Commit();"
            },
            {
                "continue leaves the scope: commit before it",
                """
                foreach (var item in items)
                {
                    using var writer = {|AW0001:new StreamWriter(Path.Combine(directory, item + ".token"))|};
                    if (item.Length == 0)
                    {
                        continue;
                    }

                    writer.Write(item);
                }
                """,
                """
                foreach (var item in items)
                {
                    using var writer = AtomicFile.CreateText(Path.Combine(directory, item + ".token"));
                    if (item.Length == 0)
                    {
                        writer.Commit();
                        continue;
                    }

                    writer.Write(item);
                    writer.Commit();
                }
                """
            },
            {
                "break out of the enclosing loop commits; a break inside the scope does not",
                """
                while (flag)
                {
                    using var writer = {|AW0001:File.CreateText(path)|};
                    foreach (var line in lines)
                    {
                        if (line.Length == 0)
                        {
                            break;
                        }

                        writer.WriteLine(line);
                    }

                    if (lines.Length > 1)
                    {
                        break;
                    }

                    writer.Write(json);
                }
                """,
                """
                while (flag)
                {
                    using var writer = AtomicFile.CreateText(path);
                    foreach (var line in lines)
                    {
                        if (line.Length == 0)
                        {
                            break;
                        }

                        writer.WriteLine(line);
                    }

                    if (lines.Length > 1)
                    {
                        writer.Commit();
                        break;
                    }

                    writer.Write(json);
                    writer.Commit();
                }
                """
            },
            {
                "the stream passed to XDocument.Save",
                "var document = new XDocument(new XElement(\"tokens\"));\nusing (var stream = {|AW0001:File.Create(path)|})\n{\n    document.Save(stream);\n}",
                "var document = new XDocument(new XElement(\"tokens\"));\nusing (var stream = AtomicFile.Create(path))\n{\n    document.Save(stream);\n    stream.Commit();\n}"
            },
            {
                "another stream copied into it",
                "using var input = File.OpenRead(source);\nusing var stream = {|AW0001:File.Create(path)|};\ninput.CopyTo(stream);",
                "using var input = File.OpenRead(source);\nusing var stream = AtomicFile.Create(path);\ninput.CopyTo(stream);\nstream.Commit();"
            },
        };

        [Theory]
        [MemberData(nameof(SyncShapes))]
        public async Task Stream_is_rewritten_with_a_commit_where_the_original_completed(string name, string body, string fixedBody)
        {
            _ = name;
            string fixedSource = Snippet.FixedSyncBody(fixedBody);
            await Verify.VerifyAsync(Snippet.FixSyncBody(body), fixedSource, InPlaceOverwriteFixer.EquivalenceKey);
            await VerifyAW0004.VerifyAnalyzerAsync(fixedSource);
        }
    }
}
