using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Rules;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly, AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwriteFixer>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// Where <c>using AtomicWrite;</c> goes: the file's own style (inside or outside the namespace, System first or
    /// not, as .editorconfig says), file-scoped namespaces, top-level programs; never twice; and a name that would
    /// be ambiguous stays qualified.
    /// </summary>
    public sealed class InPlaceOverwriteImportStyleFixTests
    {
        public static TheoryData<string, string?, string, string> Styles => new()
        {
            // name, .editorconfig, source, fixed
            {
                "outside the namespace, after the System directives (default)",
                null,
                """
                using System.IO;
                using System.Text;

                namespace App
                {
                    class Store
                    {
                        void Save(string tokenPath, string json) => {|AW0001:File.WriteAllText(tokenPath, json, Encoding.UTF8)|};
                    }
                }
                """,
                """
                using System.IO;
                using System.Text;
                using AtomicWrite;

                namespace App
                {
                    class Store
                    {
                        void Save(string tokenPath, string json) => AtomicFile.WriteAllText(tokenPath, json, Encoding.UTF8);
                    }
                }
                """
            },
            {
                "sorted alphabetically when System does not come first",
                "dotnet_sort_system_directives_first = false",
                """
                using System.IO;
                using Zeta = System.Text;

                class Store
                {
                    void Save(string tokenPath, string json) => {|AW0001:File.WriteAllText(tokenPath, json)|};
                }
                """,
                """
                using AtomicWrite;
                using System.IO;
                using Zeta = System.Text;

                class Store
                {
                    void Save(string tokenPath, string json) => AtomicFile.WriteAllText(tokenPath, json);
                }
                """
            },
            {
                "inside the namespace, where the file keeps its directives",
                "csharp_using_directive_placement = inside_namespace:silent",
                """
                namespace App
                {
                    using System.IO;

                    class Store
                    {
                        void Save(string tokenPath, string json) => {|AW0001:File.WriteAllText(tokenPath, json)|};
                    }
                }
                """,
                """
                namespace App
                {
                    using System.IO;
                    using AtomicWrite;

                    class Store
                    {
                        void Save(string tokenPath, string json) => AtomicFile.WriteAllText(tokenPath, json);
                    }
                }
                """
            },
            {
                "inside the namespace when the file has no directive yet",
                "csharp_using_directive_placement = inside_namespace:silent",
                """
                namespace App
                {
                    class Store
                    {
                        void Save(string tokenPath, string json) => {|AW0001:System.IO.File.WriteAllText(tokenPath, json)|};
                    }
                }
                """,
                """
                namespace App
                {
                    using AtomicWrite;

                    class Store
                    {
                        void Save(string tokenPath, string json) => AtomicFile.WriteAllText(tokenPath, json);
                    }
                }
                """
            },
            {
                "file-scoped namespace, directives above it",
                null,
                """
                using System.IO;

                namespace App;

                class Store
                {
                    void Save(string tokenPath, string json) => {|AW0001:File.WriteAllText(tokenPath, json)|};
                }
                """,
                """
                using System.IO;
                using AtomicWrite;

                namespace App;

                class Store
                {
                    void Save(string tokenPath, string json) => AtomicFile.WriteAllText(tokenPath, json);
                }
                """
            },
            {
                "file-scoped namespace, directives inside it",
                "csharp_using_directive_placement = inside_namespace:silent",
                """
                namespace App;

                using System.IO;

                class Store
                {
                    void Save(string tokenPath, string json) => {|AW0001:File.WriteAllText(tokenPath, json)|};
                }
                """,
                """
                namespace App;

                using System.IO;
                using AtomicWrite;

                class Store
                {
                    void Save(string tokenPath, string json) => AtomicFile.WriteAllText(tokenPath, json);
                }
                """
            },
            {
                "the import already exists",
                null,
                """
                using System.IO;
                using AtomicWrite;

                class Store
                {
                    void Save(string tokenPath, string json) => {|AW0001:File.WriteAllText(tokenPath, json)|};
                }
                """,
                """
                using System.IO;
                using AtomicWrite;

                class Store
                {
                    void Save(string tokenPath, string json) => AtomicFile.WriteAllText(tokenPath, json);
                }
                """
            },
            {
                "a type of the same name in scope keeps the call qualified",
                null,
                """
                using System.IO;

                namespace App
                {
                    static class AtomicFile { }

                    class Store
                    {
                        void Save(string tokenPath, string json) => {|AW0001:File.WriteAllText(tokenPath, json)|};
                    }
                }
                """,
                """
                using System.IO;

                namespace App
                {
                    static class AtomicFile { }

                    class Store
                    {
                        void Save(string tokenPath, string json) => AtomicWrite.AtomicFile.WriteAllText(tokenPath, json);
                    }
                }
                """
            },
        };

        [Theory]
        [MemberData(nameof(Styles))]
        public Task Import_follows_the_file_style(string name, string? editorConfig, string source, string fixedSource)
        {
            _ = name;
            return Verify.VerifyAsync(source, fixedSource, InPlaceOverwriteFixer.EquivalenceKey, editorConfig);
        }

        [Fact]
        public Task Top_level_program_gets_the_import_at_the_top()
        {
            const string Source = """
                using System.IO;

                string tokenPath = Path.Combine(args[0], "tokens.json");
                {|AW0001:File.WriteAllText(tokenPath, "{}")|};
                """;
            const string Fixed = """
                using System.IO;
                using AtomicWrite;

                string tokenPath = Path.Combine(args[0], "tokens.json");
                AtomicFile.WriteAllText(tokenPath, "{}");
                """;
            return Verify.VerifyAsync(Source, Fixed, InPlaceOverwriteFixer.EquivalenceKey, editorConfig: null, Verify.TopLevel);
        }
    }
}
