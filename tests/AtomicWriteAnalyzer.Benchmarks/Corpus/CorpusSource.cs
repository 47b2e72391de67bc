using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AtomicWriteAnalyzer.Benchmarks.Corpus
{
    /// <summary>A corpus parsed once: its syntax trees and references. Each measured iteration builds a fresh compilation from them.</summary>
    internal sealed class CorpusSource
    {
        private CorpusSource(string name, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, bool generated, IReadOnlyList<string> memberKinds)
        {
            Name = name;
            Trees = trees;
            References = references;
            IsGenerated = generated;
            MemberKinds = memberKinds;
            Lines = trees.Sum(t => t.GetText().Lines.Count);
        }

        public string Name { get; }

        public ImmutableArray<SyntaxTree> Trees { get; }

        public ImmutableArray<MetadataReference> References { get; }

        public bool IsGenerated { get; }

        public IReadOnlyList<string> MemberKinds { get; }

        public int Files => Trees.Length;

        public int Lines { get; }

        /// <summary>For a real library: files with at least one call the analyzer's catalog matches, counted once (<see cref="LibraryCorpus"/>).</summary>
        public int? FilesCallingFileApis { get; set; }

        /// <summary>
        /// Roslyn 4.8 knows C# 12. Binding stays on one thread (<c>concurrentBuild: false</c>), like the analyzers
        /// (<c>concurrentAnalysis: false</c>), so that the ratio compares one core's work with one core's work.
        /// </summary>
        public CSharpCompilation CreateCompilation() =>
            CSharpCompilation.Create(
                "Corpus" + Guid.NewGuid().ToString("N"),
                Trees,
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

        public static CorpusSource Generated(CorpusGenerator generator, int files)
        {
            var generatedFiles = generator.Generate(files).ToList();
            var trees = generatedFiles
                .Select(f => CSharpSyntaxTree.ParseText(f.Text, Parse, path: "/corpus/" + f.Name, encoding: System.Text.Encoding.UTF8))
                .ToImmutableArray();
            var references = FrameworkReferences.Value.Add(MetadataReference.CreateFromFile(typeof(AtomicWrite.SensitiveFileAttribute).Assembly.Location));
            return new CorpusSource($"generated {files}", trees, references, generated: true, generatedFiles.SelectMany(f => f.MemberKinds).ToList());
        }

        /// <summary>
        /// This repository's production code (src/ and samples/) as one compilation, against the framework and Roslyn 4.8.
        /// A few names may not bind (the real projects span netstandard2.0 and net8.0); the analyzers run all the same.
        /// </summary>
        public static CorpusSource Repository(string root)
        {
            var files = new[] { "src", "samples" }
                .Select(d => Path.Combine(root, d))
                .Where(Directory.Exists)
                .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            var trees = files
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Parse, path: f, encoding: System.Text.Encoding.UTF8))
                .ToImmutableArray();
            var roslyn = new[] { typeof(Compilation), typeof(CSharpCompilation), typeof(ImmutableArray) }
                .Select(t => (MetadataReference)MetadataReference.CreateFromFile(t.Assembly.Location));
            return new CorpusSource("this repository", trees, FrameworkReferences.Value.AddRange(roslyn), generated: false, Array.Empty<string>());
        }

        /// <summary>
        /// A real library's sources (every .cs file under its project folder, bin/obj excluded), parsed with the
        /// preprocessor symbols its project file defines for the chosen target framework, against the
        /// framework's reference assemblies.
        /// </summary>
        public static CorpusSource Library(string name, string projectDirectory, IEnumerable<string> preprocessorSymbols)
        {
            var parse = Parse.WithPreprocessorSymbols(preprocessorSymbols);
            var files = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            var trees = files
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: f, encoding: System.Text.Encoding.UTF8))
                .ToImmutableArray();
            return new CorpusSource(name, trees, FrameworkReferences.Value, generated: false, Array.Empty<string>());
        }

        private static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.CSharp12);

        /// <summary>
        /// The reference assemblies of the running framework (packs/Microsoft.NETCore.App.Ref), as a real build uses;
        /// the runtime's own assemblies if the pack is not installed.
        /// </summary>
        private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new Lazy<ImmutableArray<MetadataReference>>(() =>
        {
            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
            var version = Path.GetFileName(runtimeDirectory);
            var tfm = "net" + Environment.Version.ToString(2);
            var pack = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref", version, "ref", tfm);
            var files = Directory.Exists(pack)
                ? Directory.GetFiles(pack, "*.dll")
                : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll").ToArray();
            return files.OrderBy(f => f, StringComparer.Ordinal).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }
}
