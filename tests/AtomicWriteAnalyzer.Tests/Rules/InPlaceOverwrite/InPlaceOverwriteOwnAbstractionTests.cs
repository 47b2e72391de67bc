using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// A project's own file-system abstraction (an <c>OpenFileStream(path, FileMode, ...)</c> member of an interface)
    /// and a path held by an object whose name says what it is (<c>credential.FullPath</c>). Each reported row has a
    /// quiet twin that differs in one thing: the mode, the member's shape, or the holder's name.
    /// </summary>
    public sealed class InPlaceOverwriteOwnAbstractionTests
    {
        private const string Declarations = """
            public interface IFileSystem
            {
                Stream OpenFileStream(string path, FileMode fileMode, FileAccess fileAccess, FileShare fileShare);
                Stream OpenStream(string path);
            }

            public sealed class FileCredential
            {
                public string FullPath { get; set; } = "";
                public string Password { get; set; } = "";
                public string ExportFile { get; set; } = "";
            }

            """;

        public static TheoryData<string, string> Cases => new()
        {
            { "OpenFileStream with FileMode.Create", "using var stream = {|AW0001:_fs.OpenFileStream(credential.FullPath, FileMode.Create, FileAccess.Write, FileShare.None)|};" },
            { "OpenFileStream with FileMode.Truncate", "using var stream = {|AW0001:_fs.OpenFileStream(credential.FullPath, FileMode.Truncate, FileAccess.Write, FileShare.None)|};" },
            { "OpenFileStream with FileMode.Append: quiet", "using var stream = _fs.OpenFileStream(credential.FullPath, FileMode.Append, FileAccess.Write, FileShare.None);" },
            { "OpenFileStream with FileMode.CreateNew: quiet", "using var stream = _fs.OpenFileStream(credential.FullPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);" },
            { "OpenFileStream to read: quiet", "using var stream = _fs.OpenFileStream(credential.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read);" },
            { "an open with no FileMode says nothing: quiet", "using var stream = _fs.OpenStream(credential.FullPath);" },
            { "File.WriteAllText of credential.FullPath", "{|AW0001:File.WriteAllText(credential.FullPath, credential.Password)|};" },
            { "File.WriteAllText of entry.FullPath: quiet", "File.WriteAllText(entry.FullPath, entry.Password);" },
            { "another file the object points to says nothing: quiet", "File.WriteAllText(credential.ExportFile, credential.Password);" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public Task Own_abstractions_and_path_holders(string name, string statement)
        {
            Assert.NotNull(name);
            string members = "private readonly IFileSystem _fs;\n\npublic C(IFileSystem fs) => _fs = fs;\n\npublic void Save(FileCredential credential, FileCredential entry)\n{\n    " + statement + "\n}";
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Members(members) + Declarations);
        }
    }
}
