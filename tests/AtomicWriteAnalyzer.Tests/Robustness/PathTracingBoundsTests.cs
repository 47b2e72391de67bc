using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>
    /// Path tracing (<c>PathReconstruction</c>) is bounded in depth, steps and alternatives and stops at cycles: through
    /// locals (<c>a = b; b = a;</c>), fields, consts, properties and methods that refer to themselves or each other, it
    /// gives up on the repeated part (<c>**</c>) and keeps the rest. Each row shows the path as the rules see it
    /// (<see cref="PathProbeAnalyzer"/>: texts ← holders), and must come back within the hang bound with no exception.
    /// The tracers that pair a temp write with its rename are bounded the same way (<see cref="Pairing"/>).
    /// </summary>
    public sealed class PathTracingBoundsTests
    {
        /// <summary>For the generated files below (thousands of lines; the table rows use <see cref="Snippet"/>).</summary>
        private const string Usings = "using System;\nusing System.IO;\n\n";

        private const string NotFlushed = "The replace of 'settings.json' is not crash-safe: the temporary file is not flushed to disk with Flush(true) before the rename, so a power cut can leave the target empty";

        public static TheoryData<string, string, string> Cycles => new()
        {
            {
                "locals a = b; b = a;",
                "void M(string json)\n{\n    string a = \"x\", b = a;\n    a = b;\n    b = a;\n    File.WriteAllText(b, json);\n}",
                "x | ** ← local b, local a, local b, local a, local b"
            },
            {
                "local doubled in a loop",
                "void M(string json)\n{\n    var tokenPath = \"t\";\n    for (int i = 0; i < 10; i++)\n    {\n        tokenPath = tokenPath + tokenPath;\n        tokenPath += tokenPath;\n    }\n    File.WriteAllText(tokenPath, json);\n}",
                "t | ** ← local tokenPath"
            },
            {
                "local used in its own initializer",
                "void M(string json)\n{\n    string p = p + \"/tokens.json\";\n    File.WriteAllText(p, json);\n}",
                "**/tokens.json ← local p, local p (part)"
            },
            {
                "fields A = B; B = A;",
                "static string A = B;\nstatic string B = A;\nvoid M(string json) => File.WriteAllText(A, json);",
                "** ← field A, field B, field A"
            },
            {
                "consts in a cycle (CS0110)",
                "const string A = B + \"/tokens.json\";\nconst string B = A;\nvoid M(string json) => File.WriteAllText(A, json);",
                "**/tokens.json ← field A, field B (part), field A (part)"
            },
            {
                "const referring to itself",
                "const string TokenFile = TokenFile;\nvoid M(string json) => File.WriteAllText(TokenFile, json);",
                "** ← field TokenFile, field TokenFile"
            },
            {
                "recursive property",
                "string TokenPath => TokenPath;\nvoid M(string json) => File.WriteAllText(TokenPath, json);",
                "** ← property TokenPath, property TokenPath"
            },
            {
                "recursive property with a suffix",
                "string CredentialsFile { get { return CredentialsFile + \".json\"; } }\nvoid M(string json) => File.WriteAllText(CredentialsFile, json);",
                "**.json ← property CredentialsFile"
            },
            {
                "mutually recursive properties",
                "string SettingsPath => StatePath;\nstring StatePath => SettingsPath + \"/state.json\";\nvoid M(string json) => File.WriteAllText(SettingsPath, json);",
                "**/state.json ← property SettingsPath, property StatePath, property SettingsPath (part)"
            },
            {
                "three static properties in a ring",
                "static string A => B;\nstatic string B => C;\nstatic string C => A + \"/tokens.json\";\nvoid M(string json) => File.WriteAllText(A, json);",
                "**/tokens.json ← property A, property B, property C, property A (part)"
            },
            {
                "recursive method (Fibonacci-shaped)",
                "string SecretPath(int n) => n == 0 ? \"secret.json\" : SecretPath(n - 1) + SecretPath(n - 2);\nvoid M(string json) => File.WriteAllText(SecretPath(30), json);",
                "secret.json | ** ← method SecretPath"
            },
            {
                "property assigned from itself",
                "string SessionPath { get; set; }\nvoid Swap() { SessionPath = SessionPath + SessionPath; }\nvoid M(string json) => File.WriteAllText(SessionPath, json);",
                "** ← property SessionPath"
            },
            {
                "field initialized by a method that reads the field",
                "static string F = G();\nstatic string G() => F + \"/tokens.json\";\nvoid M(string json) => File.WriteAllText(F, json);",
                "**/tokens.json ← field F, method G, field F (part)"
            },
            {
                "fields in a ring, each used twice",
                "static string _p1 = _p2 + _p2;\nstatic string _p2 = _p3 + _p3;\nstatic string _p3 = _p4 + _p4;\nstatic string _p4 = _p1 + \"/auth.json\";\nvoid M(string json) => File.WriteAllText(_p1, json);",
                "**/auth.json**/auth.json**/auth.json**/auth.json**/auth.json**/auth.json**/auth.json**/auth.json ← field _p1"
            },
            {
                "coalesce ring",
                "string _a, _b;\nvoid Set() { _a = _b ?? _a; _b = _a ?? \"tokens.json\"; }\nvoid M(string json) => File.WriteAllText(_a, json);",
                "** | tokens.json ← field _a, field _b, field _a, field _a"
            },
        };

        public static TheoryData<string, string, string> Bounds => new()
        {
            { "a chain of 200 locals (depth bound)", Chain(200, i => $"var p{i + 1} = p{i} + \"/d{i}\";", "var p0 = \"root\";", "p200"), "**/d195/d196/d197/d198/d199 ← local p200, local p199 (part), local p198 (part), local p197 (part), local p196 (part), local p195 (part)" },
            { "a chain of 200 fields (depth bound)", Members(200, i => $"static string F{i + 1} = F{i} + \"/d{i}\";", "static string F0 = \"root\";", "F200"), "**/d195/d196/d197/d198/d199 ← field F200, field F199 (part), field F198 (part), field F197 (part), field F196 (part), field F195 (part)" },
            { "a chain of 200 properties (depth bound)", Members(200, i => $"static string P{i + 1} => P{i} + \"/d{i}\";", "static string P0 => \"root\";", "P200"), "**/d195/d196/d197/d198/d199 ← property P200, property P199 (part), property P198 (part), property P197 (part), property P196 (part), property P195 (part)" },
            { "locals doubling 60 times (2^60 leaves: step bound)", Chain(60, i => $"var p{i + 1} = p{i} + p{i};", "var p0 = \"/tokens.json\";", "p60"), "** ← local p60" },
            { "fields doubling 60 times (step bound)", Members(60, i => $"static string F{i + 1} = F{i} + F{i};", "static string F0 = \"/tokens.json\";", "F60"), "** ← field F60" },
            { "64 nested conditionals (alternatives bound)", Chain(1, _ => "var p = " + string.Concat(Enumerable.Range(0, 64).Select(i => $"flag{i % 2} ? \"a{i}.json\" : ")) + "\"tokens.json\";", "bool flag0 = true, flag1 = false;", "p"), "a0.json | a1.json | a2.json | a3.json ← local p" },
            { "a local with 1,000 assignments (alternatives bound)", Chain(1000, i => $"p = \"f{i}/tokens.json\";", "var p = \"\";", "p"), " | f0/tokens.json | f1/tokens.json | f2/tokens.json ← local p" },
        };

        /// <summary>
        /// The other tracers: pairing a temp write with its rename compares path keys (locals with one definition
        /// expanded), and the temp-name check collects the parts a path is made of. Locals reused many times make both
        /// fan out; a node budget bounds each, and the verdict stays what the rest of the path says.
        /// </summary>
        public static TheoryData<string, string, string> Pairing => new()
        {
            {
                "temp suffix from an interpolation of 300 holes, three levels deep",
                Replace(3, i => "$\"" + string.Concat(Enumerable.Repeat($"{{p{i}}}", 300)) + "\"", ""),
                "AW0003 " + NotFlushed
            },
            {
                "temp suffix from a method of 300 arguments, three levels deep",
                Replace(3, i => "Join(" + string.Join(", ", Enumerable.Repeat($"p{i}", 300)) + ")", "static string Join(" + string.Join(", ", Enumerable.Range(0, 300).Select(i => $"string a{i}")) + ") => a0;"),
                "AW0003 " + NotFlushed
            },
            {
                "temp suffix from Path.Combine of 300 parts, three levels deep",
                Replace(3, i => "Path.Combine(" + string.Join(", ", Enumerable.Repeat($"p{i}", 300)) + ")", ""),
                "AW0003 " + NotFlushed
            },
            {
                "an AtomicFile save and a delete of a path from Path.Combine of 300 parts, three levels deep",
                SaveThenDelete(3, i => "Path.Combine(" + string.Join(", ", Enumerable.Repeat($"p{i}", 300)) + ")"),
                "AW0005 'target' is saved through AtomicFile, but File.Delete leaves its backup behind, and the next AtomicFile load restores the old content from it; use AtomicFile.Delete"
            },
        };

        [Theory]
        [MemberData(nameof(Cycles))]
        public async Task Cycles_are_cut(string name, string members, string expected)
        {
            Assert.Equal(expected, await ProbeAsync(name, Snippet.Members(members)));
        }

        [Theory]
        [MemberData(nameof(Bounds))]
        public async Task Tracing_is_bounded(string name, string code, string expected)
        {
            Assert.Equal(expected, await ProbeAsync(name, code));
        }

        [Theory]
        [MemberData(nameof(Pairing))]
        public async Task Pairing_is_bounded(string name, string code, string expected)
        {
            var host = await RobustnessHost.GetAsync();
            using var cancellation = new CancellationTokenSource(FuzzSettings.PerDocumentBound);
            var analysis = await host.AnalyzeAsync(host.CreateDocument(code), scopeAll: false, measure: false, cancellation.Token);
            Assert.True(analysis.Exceptions.Count == 0, name + ": " + string.Join("\n", analysis.Exceptions));
            Assert.Equal(expected, string.Join("\n", analysis.Diagnostics.Select(d => d.Id + " " + d.GetMessage())));
        }

        private static async Task<string> ProbeAsync(string name, string code)
        {
            var host = await RobustnessHost.GetAsync();
            using var cancellation = new CancellationTokenSource(FuzzSettings.PerDocumentBound);
            var analyzers = host.Analyzers.Add(new PathProbeAnalyzer());
            var analysis = await host.AnalyzeAsync(host.CreateDocument(code), scopeAll: false, measure: false, cancellation.Token, analyzers);
            Assert.True(analysis.Exceptions.Count == 0, name + ": " + string.Join("\n", analysis.Exceptions));
            return string.Join("\n", analysis.Diagnostics.Where(d => d.Id == PathProbeAnalyzer.Id).Select(d => d.GetMessage()));
        }

        /// <summary>A method whose body is <paramref name="first"/>, then <paramref name="count"/> generated statements, then a write of <paramref name="path"/>.</summary>
        private static string Chain(int count, Func<int, string> statement, string first, string path)
        {
            var builder = new StringBuilder(Usings).Append("class C\n{\n    void M(string json)\n    {\n        ").Append(first).Append('\n');
            for (int i = 0; i < count; i++)
            {
                builder.Append("        ").Append(statement(i)).Append('\n');
            }

            return builder.Append("        File.WriteAllText(").Append(path).Append(", json);\n    }\n}\n").ToString();
        }

        /// <summary>An AtomicFile save of <c>target</c>, built from <c>p{levels}</c> as in <see cref="Replace"/>, then a plain delete of it.</summary>
        private static string SaveThenDelete(int levels, Func<int, string> level)
        {
            var builder = new StringBuilder(Usings).Append("class C\n{\n    void M(string json)\n    {\n        var p0 = \"x\";\n");
            for (int i = 0; i < levels; i++)
            {
                builder.Append("        var p").Append(i + 1).Append(" = ").Append(level(i)).Append(";\n");
            }

            return builder.Append("        var target = Path.Combine(json, \"settings.json\") + p").Append(levels)
                .Append(";\n        AtomicWrite.AtomicFile.WriteAllText(target, json);\n        File.Delete(target);\n    }\n}\n").ToString();
        }

        /// <summary>
        /// A write of <c>target + p{levels}</c> renamed over <c>target</c>, where <c>p0 = "x"</c> and each <c>p{i+1}</c> is
        /// <paramref name="level"/>(i), an expression that uses <c>p{i}</c> many times.
        /// </summary>
        private static string Replace(int levels, Func<int, string> level, string members)
        {
            var builder = new StringBuilder(Usings).Append("class C\n{\n    ").Append(members).Append("\n\n    void M(string json)\n    {\n        var p0 = \"x\";\n");
            for (int i = 0; i < levels; i++)
            {
                builder.Append("        var p").Append(i + 1).Append(" = ").Append(level(i)).Append(";\n");
            }

            return builder.Append("        var target = Path.Combine(json, \"settings.json\");\n        var tmp = target + p").Append(levels)
                .Append(";\n        File.WriteAllText(tmp, json);\n        File.Move(tmp, target, true);\n    }\n}\n").ToString();
        }

        /// <summary>A class with <paramref name="first"/>, then <paramref name="count"/> generated members, then a method writing <paramref name="path"/>.</summary>
        private static string Members(int count, Func<int, string> member, string first, string path)
        {
            var builder = new StringBuilder(Usings).Append("class C\n{\n    ").Append(first).Append('\n');
            for (int i = 0; i < count; i++)
            {
                builder.Append("    ").Append(member(i)).Append('\n');
            }

            return builder.Append("    void M(string json) => File.WriteAllText(").Append(path).Append(", json);\n}\n").ToString();
        }
    }
}
