using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Rules.UnsafeHandRolledReplace
{
    /// <summary>
    /// AW0003 pairs each temp with its own rename (two temps built the same way from a random name are two files) and
    /// advises only what the compilation has (no <c>File.Move(..., overwrite: true)</c> where that overload is missing).
    /// </summary>
    public sealed class UnsafeHandRolledReplaceTargetTests
    {
        private const string Targets = "var path = Path.Combine(directory, \"settings.json\");\nvar other = Path.Combine(directory, \"tokens.json\");\n";

        private const string Flushed = "using (var stream = new FileStream({0}, FileMode.CreateNew))\n{{\n    stream.Write(bytes);\n    stream.Flush(true);\n}}\n";

        public static TheoryData<string, string, string[]> Temps => new()
        {
            // name, body, each diagnostic as "reported statement -> target it names", in source order
            {
                "two random temps renamed in crossed order: each write names its own target",
                Targets + "var first = Path.Combine(directory, Path.GetRandomFileName());\nvar second = Path.Combine(directory, Path.GetRandomFileName());\n"
                    + "File.WriteAllText(first, json);\nFile.WriteAllText(second, json);\nFile.Move(second, other, true);\nFile.Move(first, path, true);",
                new[] { "File.WriteAllText(first, json) -> settings.json", "File.WriteAllText(second, json) -> tokens.json" }
            },
            {
                "the same, written in place without locals",
                Targets + "File.WriteAllText(Path.Combine(directory, Path.GetRandomFileName()), json);\nFile.Move(Path.Combine(directory, Path.GetRandomFileName()), path, true);",
                new string[0]
            },
            {
                "two GUID temps renamed in crossed order",
                Targets + "var first = Path.Combine(directory, $\"{Guid.NewGuid():N}.tmp\");\nvar second = Path.Combine(directory, $\"{Guid.NewGuid():N}.tmp\");\n"
                    + "File.WriteAllText(first, json);\nFile.WriteAllText(second, json);\nFile.Move(second, other, true);\nFile.Move(first, path, true);",
                new[] { "File.WriteAllText(first, json) -> settings.json", "File.WriteAllText(second, json) -> tokens.json" }
            },
            {
                "two random temps, both flushed to disk: neither reported",
                Targets + "var first = Path.Combine(directory, Path.GetRandomFileName());\nvar second = Path.Combine(directory, Path.GetRandomFileName());\n"
                    + string.Format(Flushed, "first") + string.Format(Flushed, "second") + "File.Move(second, other, true);\nFile.Move(first, path, true);",
                new string[0]
            },
            {
                "one random temp held in a local: its write and its rename still pair",
                Targets + "var tmp = Path.Combine(directory, Path.GetRandomFileName());\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);",
                new[] { "File.WriteAllText(tmp, json) -> settings.json" }
            },
            {
                "one random temp written twice: one diagnostic, on the first write",
                Targets + "var tmp = Path.Combine(directory, Path.GetRandomFileName());\nFile.WriteAllText(tmp, json);\nFile.AppendAllText(tmp, json);\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);",
                new[] { "File.WriteAllText(tmp, json) -> settings.json" }
            },
        };

        [Theory]
        [MemberData(nameof(Temps))]
        public async Task Each_temp_is_paired_with_its_own_rename(string name, string body, string[] expected)
        {
            Assert.NotNull(name);
            string code = Snippet.Body(body);

            var diagnostics = await AnalyzerVerifier<UnsafeHandRolledReplaceOnly>.DiagnosticsAsync(code);

            var actual = diagnostics
                .OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => code.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length) + " -> " + Regex.Match(d.GetMessage(), "'([^']*)'").Groups[1].Value)
                .ToArray();
            Assert.Equal(expected, actual);
        }

        private const string DeleteThenMove = """
            using System.IO;

            class C
            {
                void Save(string directory, byte[] bytes)
                {
                    var path = Path.Combine(directory, "settings.json");
                    var tmp = Path.Combine(directory, Path.GetRandomFileName());
                    using (var stream = new FileStream(tmp, FileMode.CreateNew))
                    {
                        stream.Write(bytes, 0, bytes.Length);
                        stream.Flush(true);
                    }

                    if (File.Exists(path))
                    {
                        File.Delete(path);
                    }

                    File.Move(tmp, path);
                }
            }
            """;

        /// <summary>Enough of the runtime's surface for the rule to see that AtomicFile is in the compilation.</summary>
        private const string AtomicFileInCompilation = "\nnamespace AtomicWrite { public static class AtomicFile { } }\n";

        private const string AdviceMove = "move over it with File.Move(temp, target, overwrite: true)";
        private const string AdviceReplace = "File.Move cannot overwrite in this framework, so replace an existing target with File.Replace(temp, target, null)";
        private const string AdviceAtomicFile = ", or save with AtomicFile, which replaces in one rename";

        public static TheoryData<string, string, string> Advice => new()
        {
            // framework, extra source, the end of the message
            { "net8.0", "", AdviceMove },
            { "net8.0", AtomicFileInCompilation, AdviceMove },
            { "netstandard2.0", "", AdviceReplace },
            { "netstandard2.0", AtomicFileInCompilation, AdviceReplace + AdviceAtomicFile },
        };

        [Theory]
        [MemberData(nameof(Advice))]
        public async Task Delete_then_move_advice_exists_in_the_compilation(string framework, string extraSource, string advice)
        {
            var references = framework == "net8.0" ? TestReferences.Net80 : ReferenceAssemblies.NetStandard.NetStandard20;

            var diagnostics = await AnalyzerVerifier<UnsafeHandRolledReplaceOnly>.DiagnosticsOnAsync(references, DeleteThenMove + extraSource);

            var message = Assert.Single(diagnostics).GetMessage();
            Assert.EndsWith("the target is deleted before the move, so a crash in between leaves no file at all; " + advice, message);
        }
    }
}
