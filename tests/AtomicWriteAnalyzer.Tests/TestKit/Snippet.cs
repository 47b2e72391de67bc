namespace AtomicWriteAnalyzer.Tests.Rules
{
    /// <summary>Wraps test statements and members in a compilable file, so that tables hold only what matters.</summary>
    internal static class Snippet
    {
        public const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using System.Xml;
            using System.Xml.Linq;
            using AtomicWrite;

            """;

        /// <summary>
        /// Statements inside <c>async Task M(...)</c> of class <c>C</c>. In scope: <c>directory</c>, <c>source</c>,
        /// <c>json</c>, <c>bytes</c>, <c>lines</c>, <c>flag</c>, <c>ct</c>.
        /// </summary>
        public static string Body(string body, string members = "") => Usings + $$"""
            class C
            {
                {{members}}

                async Task M(string directory, string source, string json, byte[] bytes, string[] lines, bool flag, CancellationToken ct)
                {
                    {{body}}
                    await Task.CompletedTask;
                }
            }
            """;

        /// <summary>Members of class <c>C</c>.</summary>
        public static string Members(string members) => Usings + $$"""
            class C
            {
                {{members}}
            }
            """;

        /// <summary>Minimal look-alikes of the System.IO.Abstractions package (matched by name, as users reference the package, not us).</summary>
        public const string FileSystemAbstractions = """

            namespace System.IO.Abstractions
            {
                using System.Threading;
                using System.Threading.Tasks;

                public interface IFileSystem
                {
                    IFile File { get; }
                    IFileInfoFactory FileInfo { get; }
                    IFileStreamFactory FileStream { get; }
                }

                public interface IFile
                {
                    void WriteAllText(string path, string? contents);
                    void WriteAllBytes(string path, byte[] bytes);
                    Task WriteAllTextAsync(string path, string? contents, CancellationToken cancellationToken = default);
                    Stream Create(string path);
                    Stream OpenWrite(string path);
                    Stream Open(string path, FileMode mode);
                    void AppendAllText(string path, string? contents);
                    string ReadAllText(string path);
                    void Move(string sourceFileName, string destFileName);
                    void Delete(string path);
                    void Copy(string sourceFileName, string destFileName, bool overwrite);
                }

                public interface IFileInfoFactory
                {
                    IFileInfo New(string fileName);
                }

                public interface IFileInfo
                {
                    string FullName { get; }
                    Stream Create();
                    StreamWriter CreateText();
                    Stream OpenWrite();
                    Stream Open(FileMode mode);
                    Stream OpenRead();
                }

                public interface IFileStreamFactory
                {
                    Stream New(string path, FileMode mode);
                    Stream New(string path, FileMode mode, FileAccess access);
                }
            }
            """;
    }
}
