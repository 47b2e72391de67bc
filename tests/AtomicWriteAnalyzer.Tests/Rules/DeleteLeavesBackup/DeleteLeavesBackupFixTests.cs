using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Rules;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Rules.DeleteLeavesBackupAnalyzer, AtomicWriteAnalyzer.CodeFixes.Rules.DeleteLeavesBackupFixer>;

namespace AtomicWriteAnalyzer.Tests.Rules.DeleteLeavesBackup
{
    /// <summary>AW0005's fix: the delete goes through AtomicFile.Delete, which removes the backups too; a move or replace is left alone.</summary>
    public sealed class DeleteLeavesBackupFixTests
    {
        private const string Save = "private const string TokenPath = \"tokens.json\";\nvoid Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\n";

        public static TheoryData<string, string, string> Fixed => new()
        {
            // name, member with the diagnostic, member after the fix
            { "File.Delete", "void SignOut() => {|AW0005:File.Delete(TokenPath)|};", "void SignOut() => AtomicFile.Delete(TokenPath);" },
            { "System.IO.File.Delete", "void SignOut() => {|AW0005:System.IO.File.Delete(TokenPath)|};", "void SignOut() => AtomicFile.Delete(TokenPath);" },
            { "FileInfo.Delete", "void SignOut() => {|AW0005:new FileInfo(TokenPath).Delete()|};", "void SignOut() => AtomicFile.Delete(new FileInfo(TokenPath).FullName);" },
            { "the comment after it stays", "void SignOut() => {|AW0005:File.Delete(TokenPath)|}; // sign-out", "void SignOut() => AtomicFile.Delete(TokenPath); // sign-out" },
        };

        [Theory]
        [MemberData(nameof(Fixed))]
        public Task The_delete_goes_through_AtomicFile(string name, string member, string fixedMember)
        {
            _ = name;
            return Verify.VerifyAsync(Snippet.Members(Save + member), Snippet.Members(Save + fixedMember), DeleteLeavesBackupFixer.EquivalenceKey);
        }

        public static TheoryData<string, string> NotFixed => new()
        {
            { "File.Move", "void Archive() => {|AW0005:File.Move(TokenPath, \"old.json\")|};" },
            { "FileInfo.MoveTo", "void Archive() => {|AW0005:new FileInfo(TokenPath).MoveTo(\"old.json\")|};" },
            { "File.Replace", "void Publish() => {|AW0005:File.Replace(TokenPath, \"old.json\", null)|};" },
        };

        [Theory]
        [MemberData(nameof(NotFixed))]
        public Task A_move_or_replace_is_reported_but_not_fixed(string name, string member)
        {
            _ = name;
            return Verify.VerifyNoFixAsync(Snippet.Members(Save + member));
        }
    }
}
