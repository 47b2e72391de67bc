using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Rules;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly, AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwriteFixer>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>AW0001's drop-in fixes: the same call on <c>AtomicFile</c>, compiled against the runtime.</summary>
    public sealed class InPlaceOverwriteDropInFixTests
    {
        public static TheoryData<string, string, string> DropIns => new()
        {
            // name, statement with the diagnostic, statement after the fix
            { "WriteAllText(path, string)", "{|AW0001:File.WriteAllText(path, json)|};", "AtomicFile.WriteAllText(path, json);" },
            { "WriteAllText(path, string, Encoding)", "{|AW0001:File.WriteAllText(path, json, Encoding.UTF8)|};", "AtomicFile.WriteAllText(path, json, Encoding.UTF8);" },
            { "WriteAllText with named arguments out of order", "{|AW0001:File.WriteAllText(contents: json, path: path)|};", "AtomicFile.WriteAllText(contents: json, path: path);" },
            { "WriteAllTextAsync(path, string)", "await {|AW0001:File.WriteAllTextAsync(path, json)|};", "await AtomicFile.WriteAllTextAsync(path, json);" },
            { "WriteAllTextAsync(path, string, token)", "await {|AW0001:File.WriteAllTextAsync(path, json, ct)|};", "await AtomicFile.WriteAllTextAsync(path, json, ct);" },
            { "WriteAllTextAsync(path, string, Encoding, token)", "await {|AW0001:File.WriteAllTextAsync(path, json, Encoding.UTF8, ct)|};", "await AtomicFile.WriteAllTextAsync(path, json, Encoding.UTF8, ct);" },
            { "WriteAllTextAsync with ConfigureAwait", "await {|AW0001:File.WriteAllTextAsync(path, json, ct)|}.ConfigureAwait(false);", "await AtomicFile.WriteAllTextAsync(path, json, ct).ConfigureAwait(false);" },
            { "WriteAllTextAsync not awaited", "_ = {|AW0001:File.WriteAllTextAsync(path, json)|};", "_ = AtomicFile.WriteAllTextAsync(path, json);" },
            { "WriteAllBytes(path, byte[])", "{|AW0001:File.WriteAllBytes(path, bytes)|};", "AtomicFile.WriteAllBytes(path, bytes);" },
            { "WriteAllBytesAsync(path, byte[], token)", "await {|AW0001:File.WriteAllBytesAsync(path, bytes, ct)|};", "await AtomicFile.WriteAllBytesAsync(path, bytes, ct);" },
            { "WriteAllLines(path, string[])", "{|AW0001:File.WriteAllLines(path, lines)|};", "AtomicFile.WriteAllLines(path, lines);" },
            { "WriteAllLines(path, IEnumerable<string>)", "{|AW0001:File.WriteAllLines(path, items)|};", "AtomicFile.WriteAllLines(path, items);" },
            { "WriteAllLines(path, string[], Encoding)", "{|AW0001:File.WriteAllLines(path, lines, Encoding.UTF8)|};", "AtomicFile.WriteAllLines(path, lines, Encoding.UTF8);" },
            { "WriteAllLines(path, IEnumerable<string>, Encoding)", "{|AW0001:File.WriteAllLines(path, items, Encoding.Latin1)|};", "AtomicFile.WriteAllLines(path, items, Encoding.Latin1);" },
            { "WriteAllLinesAsync(path, IEnumerable<string>, token)", "await {|AW0001:File.WriteAllLinesAsync(path, lines, ct)|};", "await AtomicFile.WriteAllLinesAsync(path, lines, ct);" },
            { "WriteAllLinesAsync(path, IEnumerable<string>, Encoding, token)", "await {|AW0001:File.WriteAllLinesAsync(path, items, Encoding.UTF8, ct)|};", "await AtomicFile.WriteAllLinesAsync(path, items, Encoding.UTF8, ct);" },
            { "fully qualified System.IO.File", "{|AW0001:System.IO.File.WriteAllText(path, json)|};", "AtomicFile.WriteAllText(path, json);" },
            { "global:: qualified", "{|AW0001:global::System.IO.File.WriteAllText(path, json)|};", "AtomicFile.WriteAllText(path, json);" },
            { "comments and trivia are kept", "{|AW0001:File.WriteAllText(path, /* the tokens */ json)|}; // save", "AtomicFile.WriteAllText(path, /* the tokens */ json); // save" },
            { "call split over lines", "{|AW0001:File.WriteAllText(\n    path,\n    json)|};", "AtomicFile.WriteAllText(\n    path,\n    json);" },
            { "inside a lambda", "Action save = () => {|AW0001:File.WriteAllText(path, json)|};\nsave();", "Action save = () => AtomicFile.WriteAllText(path, json);\nsave();" },
            { "inside a local function", "Task SaveAsync() => {|AW0001:File.WriteAllTextAsync(path, json, ct)|};\nawait SaveAsync();", "Task SaveAsync() => AtomicFile.WriteAllTextAsync(path, json, ct);\nawait SaveAsync();" },
            { "two writes, both fixed", "{|AW0001:File.WriteAllText(path, json)|};\n{|AW0001:File.WriteAllBytes(path + \".key\", bytes)|};", "AtomicFile.WriteAllText(path, json);\nAtomicFile.WriteAllBytes(path + \".key\", bytes);" },
            { "Copy(source, path, true)", "{|AW0001:File.Copy(source, path, true)|};", "AtomicFile.Copy(source, path);" },
            { "Copy(source, path, overwrite: true)", "{|AW0001:File.Copy(source, path, overwrite: true)|};", "AtomicFile.Copy(source, path);" },
            { "Copy with named arguments out of order", "{|AW0001:File.Copy(overwrite: true, destFileName: path, sourceFileName: source)|};", "AtomicFile.Copy(destFileName: path, sourceFileName: source);" },
        };

        [Theory]
        [MemberData(nameof(DropIns))]
        public Task Drop_in_call_is_rewritten_to_AtomicFile(string name, string statement, string fixedStatement)
        {
            _ = name;
            return Verify.VerifyAsync(Snippet.FixBody(statement), Snippet.FixedBody(fixedStatement), InPlaceOverwriteFixer.EquivalenceKey);
        }

        /// <summary>Span and memory overloads that <c>File</c> has since .NET 9.</summary>
        public static TheoryData<string, string, string> Net90DropIns => new()
        {
            { "WriteAllText(path, ReadOnlySpan<char>)", "{|AW0001:File.WriteAllText(path, json.AsSpan())|};", "AtomicFile.WriteAllText(path, json.AsSpan());" },
            { "WriteAllText(path, ReadOnlySpan<char>, Encoding)", "{|AW0001:File.WriteAllText(path, json.AsSpan(), Encoding.UTF8)|};", "AtomicFile.WriteAllText(path, json.AsSpan(), Encoding.UTF8);" },
            { "WriteAllBytes(path, ReadOnlySpan<byte>)", "{|AW0001:File.WriteAllBytes(path, new ReadOnlySpan<byte>(bytes))|};", "AtomicFile.WriteAllBytes(path, new ReadOnlySpan<byte>(bytes));" },
            { "WriteAllTextAsync(path, ReadOnlyMemory<char>, token)", "await {|AW0001:File.WriteAllTextAsync(path, json.AsMemory(), ct)|};", "await AtomicFile.WriteAllTextAsync(path, json.AsMemory(), ct);" },
            { "WriteAllTextAsync(path, ReadOnlyMemory<char>, Encoding, token)", "await {|AW0001:File.WriteAllTextAsync(path, json.AsMemory(), Encoding.UTF8, ct)|};", "await AtomicFile.WriteAllTextAsync(path, json.AsMemory(), Encoding.UTF8, ct);" },
            { "WriteAllBytesAsync(path, ReadOnlyMemory<byte>, token)", "await {|AW0001:File.WriteAllBytesAsync(path, new ReadOnlyMemory<byte>(bytes), ct)|};", "await AtomicFile.WriteAllBytesAsync(path, new ReadOnlyMemory<byte>(bytes), ct);" },
        };

        [Theory]
        [MemberData(nameof(Net90DropIns))]
        public Task Span_and_memory_overloads_of_newer_frameworks_are_rewritten(string name, string statement, string fixedStatement)
        {
            _ = name;
            return Verify.VerifyAsync(
                Snippet.FixBody(statement),
                Snippet.FixedBody(fixedStatement),
                InPlaceOverwriteFixer.EquivalenceKey,
                editorConfig: null,
                test => test.ReferenceAssemblies = TestReferences.Net90);
        }

        [Fact]
        public Task Using_static_File_is_rewritten_to_a_qualified_call()
        {
            const string Source = """
                using System.IO;
                using static System.IO.File;

                class C
                {
                    void Save(string tokenPath, string json) => {|AW0001:WriteAllText(tokenPath, json)|};
                }
                """;
            const string Fixed = """
                using System.IO;
                using AtomicWrite;
                using static System.IO.File;

                class C
                {
                    void Save(string tokenPath, string json) => AtomicFile.WriteAllText(tokenPath, json);
                }
                """;
            return Verify.VerifyAsync(Source, Fixed, InPlaceOverwriteFixer.EquivalenceKey);
        }
    }
}
