using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Benchmarks.Corpus
{
    /// <summary>
    /// A real, widely used library that writes almost no files: Newtonsoft.Json's own sources at a fixed commit, as
    /// its project builds them for net8.0 (that target's preprocessor symbols, read from the project file; no package
    /// reference beyond SourceLink, so the framework's reference assemblies are all it needs). The sources are
    /// extracted outside this repository, never committed; docs/benchmarks.md gives the commands.
    /// </summary>
    internal static class LibraryCorpus
    {
        public const string Repository = "JamesNK/Newtonsoft.Json";

        public const string Commit = "09bb545d72969ad7fb4ea07db0d5c34f4fc07877";

        private const string Project = "Src/Newtonsoft.Json/Newtonsoft.Json.csproj";

        private const string TargetFramework = "net8.0";

        /// <summary>Where docs/benchmarks.md extracts it: outside the repository, in the temp folder.</summary>
        public static string DefaultDirectory => Path.Combine(Path.GetTempPath(), "atomicwrite-bench", "Newtonsoft.Json");

        /// <summary>The corpus, or null with the reason when its sources are not at <paramref name="directory"/>.</summary>
        public static CorpusSource? TryLoad(string directory, out string reason)
        {
            var project = Path.Combine(directory, Project);
            if (!File.Exists(project))
            {
                reason = $"{Repository} sources not found at {directory} (see docs/benchmarks.md to extract commit {Commit.Substring(0, 8)} there)";
                return null;
            }

            reason = "";
            var corpus = CorpusSource.Library($"{Repository.Split('/')[1]} {Commit.Substring(0, 8)}", Path.GetDirectoryName(project)!, PreprocessorSymbols(project));
            corpus.FilesCallingFileApis = CountFilesCallingFileApis(corpus);
            return corpus;
        }

        /// <summary>The <c>DefineConstants</c> of the project's <see cref="TargetFramework"/> property group.</summary>
        private static IEnumerable<string> PreprocessorSymbols(string project)
        {
            var condition = $"'$(TargetFramework)'=='{TargetFramework}'";
            var defines = XDocument.Load(project).Descendants("PropertyGroup")
                .Where(g => (string?)g.Attribute("Condition") == condition)
                .Select(g => (string?)g.Element("DefineConstants"))
                .SingleOrDefault(d => d != null)
                ?? throw new InvalidOperationException($"no DefineConstants for {TargetFramework} in {project}");
            var symbols = defines.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(s => !s.StartsWith("$(", StringComparison.Ordinal))
                .ToList();
            // What the SDK defines for the target framework itself.
            symbols.AddRange(new[] { "NET", "NET8_0", "NETCOREAPP", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER", "NET6_0_OR_GREATER", "NET5_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP1_0_OR_GREATER", "RELEASE" });
            return symbols.Distinct(StringComparer.Ordinal);
        }

        /// <summary>
        /// Files with at least one invocation or creation the analyzer's own matcher recognizes as a catalogued file
        /// API (the rules' entry point), counted once on a bound compilation, outside any timing.
        /// </summary>
        private static int CountFilesCallingFileApis(CorpusSource corpus)
        {
            var compilation = corpus.CreateCompilation();
            var context = new AnalyzerCompilationContext(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            var count = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                var calls = tree.GetRoot().DescendantNodes().Where(n => n is InvocationExpressionSyntax || n is BaseObjectCreationExpressionSyntax);
                if (calls.Any(call => ApiCallMatcher.Match(model.GetOperation(call), context) != null))
                {
                    count++;
                }
            }

            return count;
        }
    }
}
