using System.Linq;

namespace AtomicWriteAnalyzer.Tests.Fixes
{
    /// <summary>
    /// Wraps the statements of a fix test in a compilable file. The input has no <c>using AtomicWrite;</c>; the fixed
    /// code has it where the default style puts it (after the System directives).
    /// </summary>
    internal static class FixSnippet
    {
        private const string Usings = """
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

        /// <summary>
        /// Statements inside <c>async Task M(...)</c> of class <c>C</c>. In scope: <c>path</c> (<c>**/tokens.json</c>),
        /// <c>source</c>, <c>json</c>, <c>bytes</c>, <c>lines</c>, <c>flag</c>, <c>items</c>, <c>ct</c>.
        /// </summary>
        public static string Body(string body) => Wrap(body, atomicUsing: false);

        /// <summary>The same file after the fix: <c>using AtomicWrite;</c> added.</summary>
        public static string FixedBody(string body) => Wrap(body, atomicUsing: true);

        /// <summary>The same statements inside a synchronous <c>void M(...)</c>.</summary>
        public static string SyncBody(string body) => WrapSync(body, atomicUsing: false);

        public static string FixedSyncBody(string body) => WrapSync(body, atomicUsing: true);

        private static string WrapSync(string body, bool atomicUsing) => Usings + (atomicUsing ? "using AtomicWrite;\n" : "") + $$"""

            class C
            {
                void M(string directory, string source, string json, byte[] bytes, string[] lines, bool flag, List<string> items)
                {
                    var path = Path.Combine(directory, "tokens.json");
                    {{Indent(body, 8)}}
                }
            }
            """;

        private static string Wrap(string body, bool atomicUsing) => Usings + (atomicUsing ? "using AtomicWrite;\n" : "") + $$"""

            class C
            {
                async Task M(string directory, string source, string json, byte[] bytes, string[] lines, bool flag, List<string> items, CancellationToken ct)
                {
                    var path = Path.Combine(directory, "tokens.json");
                    {{Indent(body, 8)}}
                    await Task.CompletedTask;
                }
            }
            """;

        /// <summary>Members of class <c>C</c>.</summary>
        public static string Members(string members) => WrapMembers(members, atomicUsing: false);

        /// <summary>The same members after the fix: <c>using AtomicWrite;</c> added.</summary>
        public static string FixedMembers(string members) => WrapMembers(members, atomicUsing: true);

        private static string WrapMembers(string members, bool atomicUsing) => Usings + (atomicUsing ? "using AtomicWrite;\n" : "") + $$"""

            class C
            {
                {{Indent(members, 4)}}
            }
            """;

        /// <summary>Indents every line but the first (which sits after the placeholder's own indentation).</summary>
        public static string Indent(string text, int spaces)
        {
            string pad = new string(' ', spaces);
            var lines = text.Replace("\r\n", "\n").Split('\n');
            return string.Join("\n", lines.Select((line, i) => i == 0 || line.Length == 0 ? line : pad + line));
        }
    }
}
