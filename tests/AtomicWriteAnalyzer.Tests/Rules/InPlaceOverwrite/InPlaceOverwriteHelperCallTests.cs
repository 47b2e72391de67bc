using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// Helpers in another type, reported at the call that passes a sensitive path: when the helper first normalizes its
    /// parameter, and once per helper per calling type. Each row has its twin: a helper that writes another file than
    /// its parameter, a second helper, a second calling type.
    /// </summary>
    public sealed class InPlaceOverwriteHelperCallTests
    {
        private const string Helpers = """
            public static class FileHelpers
            {
                public static void SaveNormalized(string path, string text)
                {
                    path = Path.GetFullPath(path);
                    File.WriteAllText(path, text);
                }

                public static void SaveElsewhere(string path, string text)
                {
                    path = Path.Combine(Path.GetTempPath(), "out.txt");
                    File.WriteAllText(path, text);
                }

                public static void Save(string path, string text) => File.WriteAllText(path, text);

                public static void SaveAgain(string path, string text) => File.WriteAllText(path, text);
            }

            """;

        public static TheoryData<string, string> Cases => new()
        {
            {
                "a helper that normalizes its parameter first",
                "public sealed class Store\n{\n    public void Save(string directory, string json) => {|AW0001:FileHelpers.SaveNormalized(Path.Combine(directory, \"tokens.json\"), json)|};\n}"
            },
            {
                "a helper that replaces its parameter with another file: quiet",
                "public sealed class Store\n{\n    public void Save(string directory, string json) => FileHelpers.SaveElsewhere(Path.Combine(directory, \"tokens.json\"), json);\n}"
            },
            {
                "three calls of one helper in one type: the first is reported",
                "public sealed class Store\n{\n    public void Save(string directory, string json)\n    {\n        {|AW0001:FileHelpers.Save(Path.Combine(directory, \"tokens.json\"), json)|};\n        FileHelpers.Save(Path.Combine(directory, \"settings.json\"), json);\n    }\n\n    public void SaveKey(string directory, string json) => FileHelpers.Save(Path.Combine(directory, \"private.key\"), json);\n}"
            },
            {
                "two helpers in one type: each is reported",
                "public sealed class Store\n{\n    public void Save(string directory, string json)\n    {\n        {|AW0001:FileHelpers.Save(Path.Combine(directory, \"tokens.json\"), json)|};\n        {|AW0001:FileHelpers.SaveAgain(Path.Combine(directory, \"settings.json\"), json)|};\n    }\n}"
            },
            {
                "one helper called from two types: once in each",
                "public sealed class Store\n{\n    public void Save(string directory, string json) => {|AW0001:FileHelpers.Save(Path.Combine(directory, \"tokens.json\"), json)|};\n}\n\npublic sealed class OtherStore\n{\n    public void Save(string directory, string json) => {|AW0001:FileHelpers.Save(Path.Combine(directory, \"settings.json\"), json)|};\n}"
            },
            {
                "a quiet call first does not use up the report",
                "public sealed class Store\n{\n    public void Save(string directory, string json)\n    {\n        FileHelpers.Save(Path.Combine(directory, \"export.csv\"), json);\n        {|AW0001:FileHelpers.Save(Path.Combine(directory, \"tokens.json\"), json)|};\n    }\n}"
            },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public Task Helpers_in_other_types(string name, string types)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Usings + Helpers + types);
        }
    }
}
