using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Rules;
using AtomicWriteAnalyzer.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Shared
{
    /// <summary>
    /// Test code (a compilation that references a unit-test framework, whose <c>IsTestProject</c> is true, or whose
    /// assembly name says test or build tool) gets no
    /// AW0001–AW0003 unless <c>atomic_write.include_tests = true</c>; AW0004 is reported there as anywhere.
    /// </summary>
    public sealed class TestCodeTests
    {
        private const string TokenWrite = "{|AW0001:File.WriteAllText(Path.Combine(directory, \"tokens.json\"), json)|};";
        private const string TokenRead = "_ = {|AW0002:File.ReadAllText(Path.Combine(directory, \"tokens.json\"))|};";
        private const string TempReplace = "var path = Path.Combine(directory, \"settings.json\");\nvar tmp = path + \".tmp\";\n{|AW0003:File.WriteAllText(tmp, json)|};\nFile.Move(tmp, path, true);";
        private const string UncommittedStream = "using var {|AW0004:stream|} = AtomicFile.Create(Path.Combine(directory, \"settings.json\"));\nstream.Write(bytes);";

        private const string IsTestProject = "build_property.IsTestProject = true";
        private const string IncludeTests = "atomic_write.include_tests = true";

        public static TheoryData<string> Frameworks => new()
        {
            // The assembly names of the packages test code compiles against.
            "xunit.core",
            "xunit.assert",
            "xunit.v3.core",
            "xunit.v3.assert",
            "nunit.framework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework",
            "MSTest.TestFramework",
            "Microsoft.VisualStudio.QualityTools.UnitTestFramework",
            "TUnit.Core",
            "NUNIT.FRAMEWORK",
        };

        [Theory]
        [MemberData(nameof(Frameworks))]
        public async Task A_test_framework_reference_silences_AW0001(string assemblyName)
        {
            var framework = await AssemblyNamedAsync(assemblyName);
            await VerifyAsync(TokenWrite, reported: true);
            await VerifyAsync(TokenWrite, reported: false, framework);
            await VerifyAsync(TokenWrite, reported: true, framework, IncludeTests);
        }

        public static TheoryData<string> NotFrameworks => new()
        {
            // Runners, adapters, assertion and mocking libraries: not enough on their own to call a project test code.
            "xunit.abstractions",
            "xunit.runner.visualstudio.testadapter",
            "Microsoft.TestPlatform.CoreUtilities",
            "FluentAssertions",
            "Moq",
            "nunit.framework.extras",
            "MyCompany.Testing",
        };

        [Theory]
        [MemberData(nameof(NotFrameworks))]
        public async Task Other_references_keep_AW0001(string assemblyName)
        {
            await VerifyAsync(TokenWrite, reported: true, await AssemblyNamedAsync(assemblyName));
        }

        [Fact]
        public async Task The_real_xunit_with_a_test_method_silences_AW0001()
        {
            var xunit = MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);
            string method = "[Xunit.Fact]\npublic void Saves(string directory, string json) => " + TokenWrite;
            await VerifyAsync(method, reported: false, xunit, members: true);
            await VerifyAsync(method, reported: true, xunit, IncludeTests, members: true);
        }

        public static TheoryData<string, bool> GlobalConfigs => new()
        {
            // global config, reported
            { "", true },
            { IsTestProject, false },
            { "build_property.IsTestProject = True", false },
            { "build_property.IsTestProject = false", true },
            { "build_property.IsTestProject = ", true },
            { IsTestProject + "\n" + IncludeTests, true },
            { IsTestProject + "\natomic_write.include_tests = TRUE", true },
            { IsTestProject + "\natomic_write.include_tests = false", false },
            { IncludeTests, true },
        };

        public static IEnumerable<object[]> GlobalConfigsByRule =>
            from config in GlobalConfigs
            from code in new[] { TokenWrite, TokenRead, TempReplace }
            select new[] { config[0], config[1], code };

        [Theory]
        [MemberData(nameof(GlobalConfigsByRule))]
        public Task IsTestProject_silences_AW0001_to_AW0003_and_include_tests_opts_back_in(string globalConfig, bool reported, string code)
        {
            return VerifyAsync(code, reported, framework: null, globalConfig);
        }

        // the compilation's own assembly name → AW0001 reported (a test or build-tool project is quiet by its name too).
        [Theory]
        [InlineData("TokenStore", true)]
        [InlineData("TokenStore.Tests", false)]
        [InlineData("TokenStore.Test.Common", false)]
        [InlineData("TokenStore.IntegrationTests", false)]
        [InlineData("TokenStore.Packager", false)]
        [InlineData("_build", false)]
        [InlineData("TokenStore.Build", false)]
        [InlineData("TokenStore.Benchmarks", false)]
        [InlineData("TokenStore.SourceGenerators", false)]
        [InlineData("TokenStore.Contest", true)]
        [InlineData("TokenStore.BuildInfo", true)]
        [InlineData("TestRunnerApp", true)]
        [InlineData("Test", true)]
        [InlineData("Tests", true)]
        [InlineData("Build", true)]
        [InlineData("SiteBuilderApp", true)]
        public async Task A_test_or_build_tool_assembly_name_silences_AW0001(string assemblyName, bool reported)
        {
            string body = reported ? TokenWrite : Unmarked(TokenWrite);
            var test = new AnalyzerVerifier<SensitiveFileAnalyzer>.Test { TestCode = Snippet.Body(body) };
            test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, assemblyName));
            await test.RunAsync(CancellationToken.None);

            var included = new AnalyzerVerifier<SensitiveFileAnalyzer>.Test { TestCode = Snippet.Body(TokenWrite) };
            included.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, assemblyName));
            included.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + IncludeTests + "\n"));
            await included.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("xunit.core", "")]
        [InlineData("nunit.framework", IsTestProject)]
        [InlineData(null, IsTestProject)]
        public async Task AW0004_is_still_reported_in_test_code(string? assemblyName, string globalConfig)
        {
            var framework = assemblyName == null ? null : await AssemblyNamedAsync(assemblyName);
            await VerifyAsync<DisposedWithoutCommitAnalyzer>(UncommittedStream, reported: true, framework, globalConfig);
        }

        [Fact]
        public async Task Include_tests_in_an_editorconfig_section_does_not_opt_in()
        {
            // The switch is per compilation: only the global options (a .globalconfig) hold it.
            var test = new AnalyzerVerifier<SensitiveFileAnalyzer>.Test { TestCode = Snippet.Body(Unmarked(TokenWrite)) };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + IsTestProject + "\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + IncludeTests + "\n"));
            await test.RunAsync(CancellationToken.None);
        }

        private static Task VerifyAsync(string code, bool reported, MetadataReference? framework = null, string globalConfig = "", bool members = false) =>
            VerifyAsync<SensitiveFileAnalyzer>(code, reported, framework, globalConfig, members);

        /// <summary>Runs the analyzer on <paramref name="code"/>; its markup is expected when <paramref name="reported"/>, else removed.</summary>
        private static async Task VerifyAsync<TAnalyzer>(string code, bool reported, MetadataReference? framework, string globalConfig, bool members = false)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            string body = reported ? code : Unmarked(code);
            var test = new AnalyzerVerifier<TAnalyzer>.Test { TestCode = members ? Snippet.Members(body) : Snippet.Body(body) };
            if (framework != null)
            {
                test.TestState.AdditionalReferences.Add(framework);
            }

            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig + "\n"));
            await test.RunAsync(CancellationToken.None);
        }

        private static string Unmarked(string code) => Regex.Replace(code, @"\{\|AW\d{4}:|\|\}", "");

        /// <summary>A one-class assembly with that name: the analyzer looks at the referenced assembly's name only.</summary>
        private static async Task<MetadataReference> AssemblyNamedAsync(string name)
        {
            var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var compilation = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText("namespace Marker { public sealed class Framework { } }") },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(image.ToArray());
        }
    }
}
