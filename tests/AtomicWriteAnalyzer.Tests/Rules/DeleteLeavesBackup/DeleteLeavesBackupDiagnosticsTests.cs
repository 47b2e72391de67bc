using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Rules.DeleteLeavesBackupAnalyzer>;

namespace AtomicWriteAnalyzer.Tests.Rules.DeleteLeavesBackup
{
    /// <summary>
    /// AW0005: a path the type saves through AtomicFile, removed with File/FileInfo (its backup survives and the next
    /// AtomicFile load restores it). Each reported row has a negative twin below.
    /// </summary>
    public sealed class DeleteLeavesBackupDiagnosticsTests
    {
        private const string Fields = """
            private static readonly string Directory = Path.GetTempPath();
            private static readonly string TokenPath = Path.Combine(Directory, "tokens.json");
            private static readonly string OtherPath = Path.Combine(Directory, "other.json");
            private string CachePath { get; } = "cache.bin";
            """;

        public static TheoryData<string, string> Reported => new()
        {
            { "a field: saved in one method, deleted in another", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid SignOut() => {|AW0005:File.Delete(TokenPath)|};" },
            { "a property", "void Save(byte[] bytes) => AtomicFile.WriteAllBytes(CachePath, bytes);\nvoid Clear() { {|AW0005:File.Delete(CachePath)|}; }" },
            { "the same constant", "void Save(string json) => AtomicFile.WriteAllText(\"session.json\", json);\nvoid Clear() => {|AW0005:File.Delete(\"session.json\")|};" },
            { "the same Path.Combine", "void Save(string json) => AtomicFile.WriteAllText(Path.Combine(Directory, \"t.json\"), json);\nvoid Clear() => {|AW0005:File.Delete(Path.Combine(Directory, \"t.json\"))|};" },
            { "a parameter of one method", "void Replace(string path, string json)\n{\n    AtomicFile.WriteAllText(path, json);\n    {|AW0005:File.Delete(path)|};\n}" },
            { "a local with one definition and the computation it holds", "void Save(string json)\n{\n    var path = Path.Combine(Directory, \"t.json\");\n    AtomicFile.WriteAllText(path, json);\n}\nvoid Clear() => {|AW0005:File.Delete(Path.Combine(Directory, \"t.json\"))|};" },
            { "a local holding a random name: its save and its delete are one file", "void Save(string json)\n{\n    var path = Path.Combine(Directory, Path.GetRandomFileName());\n    AtomicFile.WriteAllText(path, json);\n    {|AW0005:File.Delete(path)|};\n}" },
            { "a local chosen by a condition", "void Save(string[] args, string json)\n{\n    var path = args.Length > 0 ? args[0] : TokenPath;\n    AtomicFile.WriteAllText(path, json);\n    {|AW0005:File.Delete(path)|};\n}" },
            { "FileInfo.Delete on a new FileInfo", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid SignOut() => {|AW0005:new FileInfo(TokenPath).Delete()|};" },
            { "FileInfo.Delete through a local", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid SignOut()\n{\n    var info = new FileInfo(TokenPath);\n    {|AW0005:info.Delete()|};\n}" },
            { "File.Move of the saved file", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid Archive() => {|AW0005:File.Move(TokenPath, OtherPath)|};" },
            { "FileInfo.MoveTo of the saved file", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid Archive() => {|AW0005:new FileInfo(TokenPath).MoveTo(OtherPath)|};" },
            { "saved by a streaming AtomicFile.Create", "void Save(byte[] bytes)\n{\n    using var stream = AtomicFile.Create(TokenPath);\n    stream.Write(bytes, 0, bytes.Length);\n    stream.Commit();\n}\nvoid SignOut() => {|AW0005:File.Delete(TokenPath)|};" },
            { "saved by AtomicFile.Copy", "void Import(string source) => AtomicFile.Copy(source, TokenPath, overwrite: true);\nvoid SignOut() => {|AW0005:File.Delete(TokenPath)|};" },
            { "saved asynchronously", "Task Save(string json) => AtomicFile.WriteAllTextAsync(TokenPath, json);\nvoid SignOut() => {|AW0005:File.Delete(TokenPath)|};" },
            { "File.Replace with the saved file as the source", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid Publish() => {|AW0005:File.Replace(TokenPath, OtherPath, null)|};" },
            { "FileInfo.Replace of the saved file", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid Publish() => {|AW0005:new FileInfo(TokenPath).Replace(OtherPath, null)|};" },
            { "a deleted secret in a nested type's own save and delete", "class Inner\n{\n    void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\n    void SignOut() => {|AW0005:File.Delete(TokenPath)|};\n}" },
        };

        [Theory]
        [MemberData(nameof(Reported))]
        public Task A_saved_path_removed_without_its_backups_is_reported(string name, string members)
        {
            _ = name;
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Members(Fields + members));
        }

        public static TheoryData<string, string> NotReported => new()
        {
            { "a field never saved through AtomicFile", "void Save(string json) => File.WriteAllText(TokenPath, json);\nvoid SignOut() => File.Delete(TokenPath);" },
            { "AtomicFile.Delete", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid SignOut() => AtomicFile.Delete(TokenPath);" },
            { "another field deleted", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid Clear() => File.Delete(OtherPath);" },
            { "another constant", "void Save(string json) => AtomicFile.WriteAllText(\"session.json\", json);\nvoid Clear() => File.Delete(\"session.old\");" },
            { "two random names built the same way are two files", "void Save(string json) => AtomicFile.WriteAllText(Path.Combine(Directory, Path.GetRandomFileName()), json);\nvoid Clear() => File.Delete(Path.Combine(Directory, Path.GetRandomFileName()));" },
            { "two locals each holding a random name", "void Save(string json)\n{\n    var path = Path.Combine(Directory, Path.GetRandomFileName());\n    var other = Path.Combine(Directory, Path.GetRandomFileName());\n    AtomicFile.WriteAllText(path, json);\n    File.Delete(other);\n}" },
            { "locals of one name in two methods", "void Save(string[] args, string json)\n{\n    var path = args.Length > 0 ? args[0] : TokenPath;\n    AtomicFile.WriteAllText(path, json);\n}\nvoid Clear(string[] args)\n{\n    var path = args.Length > 0 ? args[0] : TokenPath;\n    File.Delete(path);\n}" },
            { "parameters of two methods", "void Save(string path, string json) => AtomicFile.WriteAllText(path, json);\nvoid Remove(string path) => File.Delete(path);" },
            { "a local assigned again", "void Replace(string json)\n{\n    var path = TokenPath;\n    AtomicFile.WriteAllText(path, json);\n    path = OtherPath;\n    File.Delete(path);\n}" },
            { "FileInfo of another file", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid Clear() => new FileInfo(OtherPath).Delete();" },
            { "the saved file as a move's destination", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid Restore() => File.Move(OtherPath, TokenPath);" },
            { "read through AtomicFile only", "string Load() => AtomicFile.ReadAllText(TokenPath);\nvoid SignOut() => File.Delete(TokenPath);" },
            { "the saved file as File.Replace's destination", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid Publish() => File.Replace(OtherPath, TokenPath, null);" },
            { "FileInfo.Replace onto the saved file", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid Publish() => new FileInfo(OtherPath).Replace(TokenPath, null);" },
            { "FileInfo.MoveTo of another file", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nvoid Archive() => new FileInfo(OtherPath).MoveTo(TokenPath);" },
            { "two GUID names built the same way are two files", "void Save(string json) => AtomicFile.WriteAllText(Path.Combine(Directory, Guid.NewGuid().ToString()), json);\nvoid Clear() => File.Delete(Path.Combine(Directory, Guid.NewGuid().ToString()));" },
            { "a nested type's delete of a file only the outer type saves", "void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);\nclass Inner\n{\n    void SignOut() => File.Delete(TokenPath);\n}" },
        };

        [Theory]
        [MemberData(nameof(NotReported))]
        public Task Other_removals_are_not_reported(string name, string members)
        {
            _ = name;
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Members(Fields + members));
        }

        /// <summary>
        /// A known limit: saves and removals are paired within one type (what the IDE can analyze as you type), so a
        /// delete in another type, even of the same member, is not reported.
        /// </summary>
        [Fact]
        public Task A_save_in_another_type_does_not_pair_even_through_the_same_member()
        {
            var source = Snippet.Usings + """
                class Store
                {
                    public static readonly string TokenPath = "tokens.json";
                    public void Save(string json) => AtomicFile.WriteAllText(TokenPath, json);
                }

                class Cleaner
                {
                    public void Clear() => File.Delete(Store.TokenPath);
                }
                """;
            return VerifyCS.VerifyAnalyzerAsync(source);
        }

        public static TheoryData<string, string, string> Messages => new()
        {
            // removal, the path as the message shows it, the API
            { "File.Delete(TokenPath)", "TokenPath", "File.Delete" },
            { "new FileInfo(TokenPath).Delete()", "TokenPath", "FileInfo.Delete" },
            { "File.Move(Path.Combine(Directory, \"tokens.json\"), OtherPath)", "Path.Combine(Directory, \"tokens.json\")", "File.Move" },
        };

        [Theory]
        [MemberData(nameof(Messages))]
        public Task Message_names_the_path_as_written_and_the_call(string removal, string path, string api)
        {
            string members = Fields + "void Save(string json)\n{\n    AtomicFile.WriteAllText(TokenPath, json);\n    AtomicFile.WriteAllText(Path.Combine(Directory, \"tokens.json\"), json);\n}\nvoid Remove() => {|#0:" + removal + "|};";
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Members(members),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0005_DeleteLeavesBackup).WithLocation(0).WithArguments(path, api));
        }
    }
}
