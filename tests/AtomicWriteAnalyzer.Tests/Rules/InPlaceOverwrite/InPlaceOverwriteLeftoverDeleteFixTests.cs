using System.Linq;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Rules;
using AtomicWriteAnalyzer.Rules;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly, AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwriteFixer>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// The AW0001 fix (light bulb and Fix All) turns writes into AtomicFile saves, which keep a backup: a plain delete
    /// of the same file in the same type would let the next AtomicFile load bring the content back (AW0005), so the
    /// fix turns those deletes into AtomicFile.Delete too. Each rewritten case has a twin that stays as it is.
    /// </summary>
    public sealed class InPlaceOverwriteLeftoverDeleteFixTests
    {
        private const string Paths = "private const string TokenPath = \"tokens.json\";\nprivate const string OtherPath = \"other.json\";\n";

        public static TheoryData<string, string, string, int> Cases => new()
        {
            // name, members, members after the fix, AW0005 left in the fixed code
            {
                "File.Delete of the saved file becomes AtomicFile.Delete",
                Paths + "void Save(string json) => {|AW0001:File.WriteAllText(TokenPath, json)|};\nvoid SignOut() => File.Delete(TokenPath);",
                Paths + "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid SignOut() => AtomicFile.Delete(TokenPath);",
                0
            },
            {
                "FileInfo.Delete of the saved file becomes AtomicFile.Delete of its full name",
                Paths + "void Save(byte[] bytes) => {|AW0001:File.WriteAllBytes(TokenPath, bytes)|};\nvoid SignOut() => new FileInfo(TokenPath).Delete();",
                Paths + "void Save(byte[] bytes) => AtomicFile.WriteAllBytes(TokenPath, bytes);\nvoid SignOut() => AtomicFile.Delete(new FileInfo(TokenPath).FullName);",
                0
            },
            {
                "a delete of another file stays",
                Paths + "void Save(string json) => {|AW0001:File.WriteAllText(TokenPath, json)|};\nvoid SignOut() => File.Delete(OtherPath);",
                Paths + "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid SignOut() => File.Delete(OtherPath);",
                0
            },
            {
                "a delete of a file written only by an unfixed call stays",
                Paths + "void Save(string json) => File.AppendAllText(TokenPath, json);\nvoid Write(string json) => {|AW0001:File.WriteAllText(OtherPath + \".key\", json)|};\nvoid SignOut() => File.Delete(TokenPath);",
                Paths + "void Save(string json) => File.AppendAllText(TokenPath, json);\nvoid Write(string json) => AtomicFile.WriteAllText(OtherPath + \".key\", json);\nvoid SignOut() => File.Delete(TokenPath);",
                0
            },
            {
                "a move of the saved file stays, and AW0005 keeps reporting it (no fix for moves)",
                Paths + "void Save(string json) => {|AW0001:File.WriteAllText(TokenPath, json)|};\nvoid Archive() => File.Move(TokenPath, OtherPath);",
                Paths + "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid Archive() => File.Move(TokenPath, OtherPath);",
                1
            },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task The_fix_leaves_no_plain_delete_of_a_saved_file(string name, string members, string fixedMembers, int backupFindingsLeft)
        {
            Assert.NotNull(name);
            string fixedSource = Snippet.FixedMembers(fixedMembers);

            await Verify.VerifyAsync(Snippet.FixMembers(members), fixedSource, InPlaceOverwriteFixer.EquivalenceKey);

            var left = await AnalyzerVerifier<DeleteLeavesBackupAnalyzer>.DiagnosticsAsync(fixedSource);
            Assert.Equal(backupFindingsLeft, left.Count(d => d.Id == RuleIdentifiers.DeleteLeavesBackup));
        }
    }
}
