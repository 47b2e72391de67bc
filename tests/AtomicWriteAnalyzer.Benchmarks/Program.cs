using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Benchmarks.Analyzers;
using AtomicWriteAnalyzer.Benchmarks.Corpus;

namespace AtomicWriteAnalyzer.Benchmarks
{
    /// <summary>Our analyzers' cost beside Meziantou.Analyzer on the same code, in one process, as ratios.</summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            BenchmarkOptions options;
            try
            {
                options = BenchmarkOptions.Parse(args);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(BenchmarkOptions.Usage);
                return 2;
            }

            var total = Stopwatch.StartNew();
            var root = RepositoryRoot();
            var catalog = AnalyzerCatalog.Load(options.Analyzers, includePeer: !options.OnlyOurs, perRule: options.PerRule);
            var generator = new CorpusGenerator(atomicFileAvailable: typeof(AtomicWrite.SensitiveFileAttribute).Assembly.GetType("AtomicWrite.AtomicFile") is not null);
            PrintHeader(options, catalog, generator);

            var benchmark = new InProcessBenchmark(catalog, options.Iterations);
            var corpora = options.Sizes.Select(size => (Func<CorpusSource>)(() => CorpusSource.Generated(generator, size))).ToList();
            if (options.Library is null)
            {
                Console.WriteLine($"real-library corpus ({LibraryCorpus.Repository}) skipped{(options.Quick ? " in quick mode" : "")}.");
            }
            else if (LibraryCorpus.TryLoad(options.Library, out var reason) is { } library)
            {
                corpora.Add(() => library);
            }
            else
            {
                Console.WriteLine($"real-library corpus skipped: {reason}.");
            }

            if (options.Repository)
            {
                corpora.Add(() => CorpusSource.Repository(root));
            }

            var results = new List<CorpusResult>();
            foreach (var create in corpora)
            {
                var corpus = create();
                var watch = Stopwatch.StartNew();
                results.Add(await benchmark.RunAsync(corpus, results.Count == 0 ? options.Warmup : options.WarmupLater).ConfigureAwait(false));
                Console.WriteLine($"measured {corpus.Name} ({corpus.Files} files) in {watch.Elapsed.TotalSeconds:F0} s:");
                Report.Ratios(results.Skip(results.Count - 1).ToList());
            }

            Console.WriteLine();
            Console.WriteLine("## Corpora");
            Console.WriteLine();
            Report.Corpora(results);
            Console.WriteLine($"## In process: medians of {options.Iterations} iterations after {options.Warmup} warm-up on the first corpus, {options.WarmupLater} on the others (ms per compilation)");
            Console.WriteLine();
            Report.Ratios(results);
            Report.PerRule(results, catalog);
            Report.PeerContext(results.Where(r => r.Corpus.IsGenerated).OrderBy(r => r.Corpus.Files).LastOrDefault() ?? results[^1], catalog);

            BuildResult? build = null;
            if (options.BuildFiles > 0)
            {
                Console.WriteLine("## dotnet build");
                Console.WriteLine();
                build = BuildBenchmark.Run(generator, catalog, root, options.BuildFiles, options.BuildWarmup, options.BuildRuns);
                BuildBenchmark.Print(build);
            }

            Report.Targets(results, catalog, build);
            Console.WriteLine();
            Console.WriteLine($"done in {total.Elapsed.TotalSeconds:F0} s");
            return 0;
        }

        private static void PrintHeader(BenchmarkOptions options, AnalyzerCatalog catalog, CorpusGenerator generator)
        {
            Console.WriteLine($"# Analyzer benchmark{(options.Quick ? " (quick: figures are smoke, not results)" : "")}");
            Console.WriteLine();
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            Console.WriteLine($"Roslyn {MeziantouPackage.RoslynVersion} in process (our analyzers' lowest supported); C# 12; sequential binding and analysis");
            Console.WriteLine($"peer: Meziantou.Analyzer {MeziantouPackage.Version} from {ShortPath(catalog.PeerPath)}");
            Console.WriteLine($"ours: {catalog.Ours.Length} analyzer(s) in {(options.Analyzers is null ? Path.GetFileName(catalog.OurPath) : catalog.OurPath)}: {(catalog.Ours.IsEmpty ? "none yet" : string.Join("; ", catalog.Ours.Select(a => a.Label)))}");
            Console.WriteLine($"corpus: generated (about one method in 20 touches a file, see the table; AtomicFile in corpus: {(generator.AtomicFileAvailable ? "yes" : "no, not in the runtime yet")}){(options.Repository ? " + this repository's src/ and samples/" : "")}");
            Console.WriteLine();
        }

        private static string ShortPath(string path)
        {
            var marker = Path.Combine("meziantou.analyzer", "");
            var at = path.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            return at < 0 ? path : path.Substring(at);
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AtomicWriteAnalyzer.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("AtomicWriteAnalyzer.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
