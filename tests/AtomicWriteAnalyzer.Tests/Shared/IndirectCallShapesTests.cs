using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyAll = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Rules.SensitiveFileAnalyzer>;

namespace AtomicWriteAnalyzer.Tests.Shared
{
    /// <summary>
    /// Calls the rules record whose catalogued name is not written in the calling type: a helper of another type, a
    /// partial type's other file, top-level statements, aliases, <c>using static</c>, a target-typed <c>new</c>. Any
    /// filter that skips types before their calls are seen (by name, by syntax) must keep these reported. Each case
    /// is one or more files; the markup says where the diagnostics must be.
    /// </summary>
    public sealed class IndirectCallShapesTests
    {
        public static TheoryData<string, string[]> StillReported() => new TheoryData<string, string[]>
        {
            {
                "a type with no catalogued name calls a helper of another type that writes a sensitive file",
                new[]
                {
                    """
                    using System.IO;
                    public static class Disk
                    {
                        public static void Put(string filePath, string text) => File.WriteAllText(filePath, text);
                    }
                    """,
                    """
                    public sealed class TokenCache
                    {
                        public void Keep(string json) => {|AW0001:Disk.Put("tokens.json", json)|};
                    }
                    """,
                }
            },
            {
                "a partial type: the write in one file, its sensitive path field in the other",
                new[]
                {
                    """
                    using System.IO;
                    public partial class TokenStore
                    {
                        public void Save(string json) => {|AW0001:File.WriteAllText(_path, json)|};
                    }
                    """,
                    """
                    public partial class TokenStore
                    {
                        private readonly string _path = "/var/app/tokens.json";
                    }
                    """,
                }
            },
            {
                "top-level statements",
                new[]
                {
                    """
                    using System.IO;
                    {|AW0001:File.WriteAllText("tokens.json", args[0])|};
                    """,
                }
            },
            {
                "a type alias: using F = System.IO.File",
                new[]
                {
                    """
                    using F = System.IO.File;
                    public sealed class TokenStore
                    {
                        public void Save(string json) => {|AW0001:F.WriteAllText("tokens.json", json)|};
                    }
                    """,
                }
            },
            {
                "using static System.IO.File",
                new[]
                {
                    """
                    using static System.IO.File;
                    public sealed class TokenStore
                    {
                        public void Save(string json) => {|AW0001:WriteAllText("tokens.json", json)|};
                    }
                    """,
                }
            },
            {
                "a global alias of FileStream declared in another file, constructed under the alias",
                new[]
                {
                    """
                    global using Stream2 = System.IO.FileStream;
                    """,
                    """
                    using System.IO;
                    public sealed class TokenStore
                    {
                        public void Save(byte[] data)
                        {
                            using var stream = {|AW0001:new Stream2("tokens.json", FileMode.Create)|};
                            stream.Write(data, 0, data.Length);
                        }
                    }
                    """,
                }
            },
            {
                "a target-typed new whose type is named only in another type's signature",
                new[]
                {
                    """
                    using System.IO;
                    public static class Sink
                    {
                        public static void Drain(FileStream stream, byte[] data) { using (stream) { stream.Write(data, 0, data.Length); } }
                    }
                    """,
                    """
                    using System.IO;
                    public sealed class TokenStore
                    {
                        public void Save(byte[] data) => Sink.Drain({|AW0001:new("tokens.json", FileMode.Create)|}, data);
                    }
                    """,
                }
            },
        };

        [Theory]
        [MemberData(nameof(StillReported))]
        public async Task Shapes_without_the_api_name_in_the_type_still_report(string shape, string[] files)
        {
            var test = new VerifyAll.Test();
            for (int i = 0; i < files.Length; i++)
            {
                test.TestState.Sources.Add(($"/0/Test{i}.cs", files[i]));
            }

            if (shape == "top-level statements")
            {
                test.TestState.OutputKind = OutputKind.ConsoleApplication;
            }

            await test.RunAsync(CancellationToken.None);
        }
    }
}
