using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.UnsafeHandRolledReplaceOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.UnsafeHandRolledReplace
{
    /// <summary>
    /// AW0003 on a replace split across members of one type: the temp written in one member, renamed by a member it
    /// calls (directly, through another member, or passed as an argument). Each reported case has a twin that is not a
    /// replace: the rename runs before the write, the temp is a local that means something else in the other body, or
    /// the renaming member belongs to another type.
    /// </summary>
    public sealed class UnsafeHandRolledReplaceSplitTests
    {
        private const string Store = """
            public sealed class Store
            {
                private readonly string _directory;

                public Store(string directory) => _directory = directory;

                private string FilePath => Path.Combine(_directory, "settings.json");

                private string TempFilePath => FilePath + ".tmp";

                private string OldFilePath => FilePath + ".old";

            """;

        public static TheoryData<string, string> Reported => new()
        {
            {
                "write, then a member that replaces",
                "public void Save(string json)\n{\n    {|AW0003:File.WriteAllText(TempFilePath, json)|};\n    Publish();\n}\n\nprivate void Publish()\n{\n    if (!File.Exists(FilePath))\n    {\n        File.Move(TempFilePath, FilePath);\n    }\n    else\n    {\n        File.Replace(TempFilePath, FilePath, FilePath + \".bak\");\n    }\n}"
            },
            {
                "a stream opened on the temp, then the member",
                "public async Task SaveAsync(string json)\n{\n    await using (var output = {|AW0003:File.OpenWrite(TempFilePath)|})\n    {\n        await output.WriteAsync(System.Text.Encoding.UTF8.GetBytes(json));\n    }\n\n    Publish();\n}\n\nprivate void Publish() => File.Move(TempFilePath, FilePath, true);"
            },
            {
                "through a member that passes the temp to a move helper",
                "public void Save(string json)\n{\n    {|AW0003:File.WriteAllText(TempFilePath, json)|};\n    MoveTempToOriginal();\n}\n\nprivate void MoveTempToOriginal() => MoveToOriginal(TempFilePath);\n\nprivate void MoveToOriginal(string source)\n{\n    if (File.Exists(FilePath))\n    {\n        File.Move(FilePath, OldFilePath);\n    }\n\n    File.Move(source, FilePath);\n}"
            },
        };

        public static TheoryData<string, string> NotReplaces => new()
        {
            {
                "the member renames before the write",
                "public void Save(string json)\n{\n    Publish();\n    File.WriteAllText(TempFilePath, json);\n}\n\nprivate void Publish() => File.Move(TempFilePath, FilePath, true);"
            },
            {
                "a local temp: the other member's local is another file",
                "public void Save(string json)\n{\n    var temp = FilePath + \".tmp\";\n    File.WriteAllText(temp, json);\n    Publish();\n}\n\nprivate void Publish()\n{\n    var temp = FilePath + \".part\";\n    File.Move(temp, FilePath, true);\n}"
            },
            {
                "the renaming member is another type's",
                "public void Save(string json, Mover mover)\n{\n    File.WriteAllText(TempFilePath, json);\n    mover.Publish();\n}"
            },
            {
                "a move away that only creates its target",
                "public void Save(string json)\n{\n    File.WriteAllText(TempFilePath, json);\n    Publish();\n}\n\nprivate void Publish() => File.Move(TempFilePath, FilePath);"
            },
        };

        private const string Mover = "\npublic sealed class Mover\n{\n    public void Publish() => File.Move(\"settings.json.tmp\", \"settings.json\", true);\n}\n";

        [Theory]
        [MemberData(nameof(Reported))]
        public Task A_replace_split_across_members_is_reported(string name, string members)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Usings + Store + members + "\n}\n");
        }

        [Theory]
        [MemberData(nameof(NotReplaces))]
        public Task Writes_that_no_member_renames_afterwards_are_not(string name, string members)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Usings + Store + members + "\n}\n" + Mover);
        }
    }
}
