using System.Linq;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>
    /// Wraps test statements and members in a compilable file, so that tables hold only what matters. Every file is
    /// one class <c>C</c>; what differs is what is in scope:
    /// <list type="bullet">
    /// <item>analyzer tests (<see cref="Body"/>, <see cref="Members"/>): <c>using AtomicWrite;</c>, and each row writes
    /// its own path;</item>
    /// <item>fix tests (<c>Fix*</c> in, <c>Fixed*</c> out): the input has no <c>using AtomicWrite;</c> (the fix adds it
    /// after the System directives), <c>path</c> (<c>**/tokens.json</c>) and <c>items</c> are in scope, and the rows are
    /// indented where they sit, as the fixer formats them.</item>
    /// </list>
    /// </summary>
    internal static class Snippet
    {
        private const string SystemUsings = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using System.Xml;
            using System.Xml.Linq;

            """;

        private const string AtomicWriteUsing = "using AtomicWrite;\n";

        /// <summary>The directives every analyzer test file starts with.</summary>
        public const string Usings = SystemUsings + AtomicWriteUsing;

        private const string Parameters = "string directory, string source, string json, byte[] bytes, string[] lines, bool flag";

        private const string FixParameters = Parameters + ", List<string> items";

        private const string PathLocal = "var path = Path.Combine(directory, \"tokens.json\");";

        private const string AwaitSomething = "await Task.CompletedTask;";

        /// <summary>
        /// Statements inside <c>async Task M(...)</c> of class <c>C</c>, after <paramref name="members"/>. In scope:
        /// <c>directory</c>, <c>source</c>, <c>json</c>, <c>bytes</c>, <c>lines</c>, <c>flag</c>, <c>ct</c>.
        /// </summary>
        public static string Body(string body, string members = "") =>
            Usings + Class(members + "\n\n    " + Method("async Task", Parameters + ", CancellationToken ct", body, AwaitSomething));

        /// <summary>Members of class <c>C</c>.</summary>
        public static string Members(string members) => Usings + Class(members);

        /// <summary>
        /// A fix's input: statements inside <c>async Task M(...)</c>, after <paramref name="members"/>. In scope:
        /// <c>path</c> (<c>**/tokens.json</c>), <c>source</c>, <c>json</c>, <c>bytes</c>, <c>lines</c>, <c>flag</c>,
        /// <c>items</c>, <c>ct</c>.
        /// </summary>
        public static string FixBody(string body, string members = "") => FixFile(atomicUsing: false, WithMembers(members, AsyncFixMethod(body)));

        /// <summary>The same file after the fix: <c>using AtomicWrite;</c> added.</summary>
        public static string FixedBody(string body, string members = "") => FixFile(atomicUsing: true, WithMembers(members, AsyncFixMethod(body)));

        /// <summary>A fix's input: the same statements inside a synchronous <c>void M(...)</c>, after <paramref name="members"/>.</summary>
        public static string FixSyncBody(string body, string members = "") => FixFile(atomicUsing: false, WithMembers(members, SyncFixMethod(body)));

        public static string FixedSyncBody(string body, string members = "") => FixFile(atomicUsing: true, WithMembers(members, SyncFixMethod(body)));

        /// <summary>A fix's input: members of class <c>C</c>.</summary>
        public static string FixMembers(string members) => FixFile(atomicUsing: false, Indent(members, 4));

        /// <summary>The same members after the fix: <c>using AtomicWrite;</c> added.</summary>
        public static string FixedMembers(string members) => FixFile(atomicUsing: true, Indent(members, 4));

        /// <summary>Indents every line but the first (which sits after the placeholder's own indentation).</summary>
        private static string Indent(string text, int spaces)
        {
            string pad = new string(' ', spaces);
            var lines = text.Replace("\r\n", "\n").Split('\n');
            return string.Join("\n", lines.Select((line, i) => i == 0 || line.Length == 0 ? line : pad + line));
        }

        private static string Class(string members) => "class C\n{\n    " + members + "\n}";

        /// <summary>A method of <c>C</c>: its statements, then <paramref name="last"/> (when not empty), at method-body indentation.</summary>
        private static string Method(string returnType, string parameters, string statements, string last) =>
            returnType + " M(" + parameters + ")\n    {\n        " + statements + (last.Length == 0 ? "" : "\n        " + last) + "\n    }";

        private static string AsyncFixMethod(string body) =>
            Method("async Task", FixParameters + ", CancellationToken ct", PathLocal + "\n        " + Indent(body, 8), AwaitSomething);

        private static string SyncFixMethod(string body) =>
            Method("void", FixParameters, PathLocal + "\n        " + Indent(body, 8), "");

        private static string WithMembers(string members, string method) =>
            members.Length == 0 ? method : Indent(members, 4) + "\n\n    " + method;

        private static string FixFile(bool atomicUsing, string members) =>
            SystemUsings + (atomicUsing ? AtomicWriteUsing : "") + "\n" + Class(members);

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
