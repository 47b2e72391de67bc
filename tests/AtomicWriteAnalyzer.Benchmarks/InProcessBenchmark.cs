using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Benchmarking;
using AtomicWriteAnalyzer.Benchmarks.Analyzers;
using AtomicWriteAnalyzer.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Benchmarks
{
    /// <summary>Medians of one corpus's measured iterations.</summary>
    internal sealed class CorpusResult
    {
        public CorpusResult(CorpusSource corpus, double bindingMs, double analysisPassMs, IReadOnlyDictionary<MeasuredAnalyzer, double> analyzerMs, int compileErrors, IReadOnlyDictionary<string, int> ourDiagnostics, IReadOnlyList<double> oursPerIteration, IReadOnlyList<double> oursToPeerRulePerIteration)
        {
            OursPerIteration = oursPerIteration;
            OursToPeerRulePerIteration = oursToPeerRulePerIteration;
            Corpus = corpus;
            BindingMs = bindingMs;
            AnalysisPassMs = analysisPassMs;
            AnalyzerMs = analyzerMs;
            CompileErrors = compileErrors;
            OurDiagnostics = ourDiagnostics;
        }

        public CorpusSource Corpus { get; }

        /// <summary>Median wall time of <c>Compilation.GetDiagnostics()</c> on a fresh compilation.</summary>
        public double BindingMs { get; }

        /// <summary>Median wall time of the whole analysis pass (binding again, the driver, every analyzer of both sets).</summary>
        public double AnalysisPassMs { get; }

        /// <summary>Median execution time per analyzer, as the driver logs it (<c>logAnalyzerExecutionTime</c>).</summary>
        public IReadOnlyDictionary<MeasuredAnalyzer, double> AnalyzerMs { get; }

        public int CompileErrors { get; }

        /// <summary>Our analyzers' summed time in each measured iteration (the spread around <see cref="OursMs"/>).</summary>
        public IReadOnlyList<double> OursPerIteration { get; }

        /// <summary>ours ÷ MA0035 within each measured iteration (empty without the peer).</summary>
        public IReadOnlyList<double> OursToPeerRulePerIteration { get; }

        public int Iterations => OursPerIteration.Count;

        public IReadOnlyDictionary<string, int> OurDiagnostics { get; }

        /// <summary>Sum over our analyzers of each one's median (per-iteration sums give the same within noise).</summary>
        public double OursMs => AnalyzerMs.Where(p => p.Key.IsOurs).Sum(p => p.Value);

        public double PeerInvocationRuleMs => AnalyzerMs.Where(p => p.Key.Name == AnalyzerCatalog.PeerInvocationRule).Select(p => p.Value).DefaultIfEmpty(double.NaN).Single();

        public double PeerMedianActiveRuleMs => Statistics.Median(AnalyzerMs.Where(p => !p.Key.IsOurs && p.Key.IsActiveByDefault).Select(p => p.Value));
    }

    /// <summary>
    /// <c>CompilationWithAnalyzers</c> on fresh compilations: sequential analysis, execution time logged per analyzer,
    /// warm-up iterations discarded (the first runs JIT the compiler and the analyzers and are 5–15× slower).
    /// </summary>
    internal sealed class InProcessBenchmark
    {
        private readonly AnalyzerCatalog _catalog;
        private readonly int _iterations;

        public InProcessBenchmark(AnalyzerCatalog catalog, int iterations)
        {
            _catalog = catalog;
            _iterations = iterations;
        }

        public async Task<CorpusResult> RunAsync(CorpusSource corpus, int warmup)
        {
            var binding = new List<double>();
            var pass = new List<double>();
            var perAnalyzer = _catalog.All.ToDictionary(a => a, _ => new List<double>());
            // Ours last: the driver runs analyzers in this order, and the first analyzer to touch lazily built shared
            // state (an operation's TargetMethod, a tree's generated-code facts) pays for building it. Last, ours are
            // charged only their own work: their marginal cost in a project that already runs other analyzers (every
            // SDK project runs the CA analyzers).
            var analyzers = _catalog.Peer.Concat(_catalog.Ours).Select(a => a.Analyzer).ToImmutableArray();
            var errors = 0;
            var ourDiagnostics = new Dictionary<string, int>(StringComparer.Ordinal);
            var analyzerFailures = new List<string>();
            var oursPerIteration = new List<double>();
            var oursToPeerRule = new List<double>();

            for (var i = 0; i < warmup + _iterations; i++)
            {
                var measured = i >= warmup;
                Collect();
                var stopwatch = Stopwatch.StartNew();
                var diagnostics = corpus.CreateCompilation().GetDiagnostics();
                stopwatch.Stop();
                errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                if (measured)
                {
                    binding.Add(stopwatch.Elapsed.TotalMilliseconds);
                }

                Collect();
                var options = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    onAnalyzerException: (exception, analyzer, _) => { lock (analyzerFailures) { analyzerFailures.Add(analyzer.GetType().Name + ": " + exception); } },
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: true,
                    reportSuppressedDiagnostics: false);
                var withAnalyzers = corpus.CreateCompilation().WithAnalyzers(analyzers, options);
                stopwatch.Restart();
                var found = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
                stopwatch.Stop();
                if (!measured)
                {
                    continue;
                }

                pass.Add(stopwatch.Elapsed.TotalMilliseconds);

                double ours = 0, peerRule = double.NaN;
                foreach (var analyzer in _catalog.All)
                {
                    var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer.Analyzer, CancellationToken.None).ConfigureAwait(false);
                    var ms = telemetry.ExecutionTime.TotalMilliseconds;
                    perAnalyzer[analyzer].Add(ms);
                    ours += analyzer.IsOurs ? ms : 0;
                    peerRule = analyzer.Name == AnalyzerCatalog.PeerInvocationRule ? ms : peerRule;
                }

                oursPerIteration.Add(ours);
                if (!double.IsNaN(peerRule))
                {
                    oursToPeerRule.Add(Statistics.Ratio(ours, peerRule));
                }

                ourDiagnostics = found
                    .Where(d => _catalog.Ours.Any(a => a.RuleIds.Contains(d.Id)))
                    .GroupBy(d => d.Id)
                    .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            }

            var ourFailures = analyzerFailures.Where(f => _catalog.Ours.Any(a => f.StartsWith(a.Name + ":", StringComparison.Ordinal))).ToList();
            if (ourFailures.Count > 0)
            {
                throw new InvalidOperationException($"Our analyzers threw on {corpus.Name} (users would see AD0001):{Environment.NewLine}{ourFailures[0]}");
            }

            if (analyzerFailures.Count > 0)
            {
                Console.WriteLine($"note: Meziantou.Analyzer threw {analyzerFailures.Count} time(s) on {corpus.Name}; first: {analyzerFailures[0].Split('\n')[0]}");
            }

            return new CorpusResult(corpus, Statistics.Median(binding), Statistics.Median(pass), perAnalyzer.ToDictionary(p => p.Key, p => Statistics.Median(p.Value)), errors, ourDiagnostics, oursPerIteration, oursToPeerRule);
        }

        private static void Collect()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }
}
