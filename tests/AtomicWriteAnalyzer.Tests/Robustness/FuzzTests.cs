using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>
    /// In the IDE the analyzers run on half-written code on every keystroke. Broken inputs derived from the
    /// project's own test code and sample (<see cref="SeedCorpus"/>, <see cref="Mutations"/>) go through every shipped
    /// analyzer and every shipped fix; the test fails on any analyzer exception (AD0001), any fix exception, and any
    /// input that takes longer than <see cref="FuzzSettings.PerDocumentBound"/> (a hang detector, not a timing test).
    /// </summary>
    public sealed class FuzzTests
    {
        private const int MaxReportedFailures = 5;

        private readonly ITestOutputHelper _output;

        public FuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Corpus_has_test_snippets_valid_code_and_every_sample_file()
        {
            var origins = SeedCorpus.All.Select(s => s.Origin).ToList();
            Assert.True(origins.Count(o => o.StartsWith("tests/AtomicWriteAnalyzer.Tests/Rules/", StringComparison.Ordinal)) >= 100, "snippets from the rule tests");
            Assert.True(origins.Count(o => o.StartsWith("tests/AtomicWriteAnalyzer.Tests/Rules/", StringComparison.Ordinal) && o.Contains("FixTests.cs:", StringComparison.Ordinal)) >= 20, "snippets from the fix tests");
            Assert.Contains(origins, o => o.StartsWith("tests/AtomicWriteAnalyzer.Tests/ValidCode/", StringComparison.Ordinal));
            foreach (string sample in Directory.GetFiles(RepositoryPaths.Combine("samples", "TokenStore"), "*.cs"))
            {
                Assert.Contains("samples/TokenStore/" + Path.GetFileName(sample), origins);
            }
        }

        [Fact]
        public void Inputs_are_deterministic()
        {
            var corpus = SeedCorpus.All;
            for (int i = 0; i < 40; i++)
            {
                Assert.Equal(FuzzInput.Create(i, 14, corpus).Source, FuzzInput.Create(i, 14, corpus).Source);
            }

            Assert.True(Enumerable.Range(0, 40).Count(i => FuzzInput.Create(i, 14, corpus).Source != FuzzInput.Create(i, 15, corpus).Source) > 30);
        }

        [Fact]
        public async Task Analyzers_and_fixes_never_throw_or_hang_on_broken_code()
        {
            var settings = FuzzSettings.FromEnvironment();
            var host = await RobustnessHost.GetAsync();
            var corpus = SeedCorpus.All;
            Assert.NotEmpty(host.Analyzers);
            Assert.NotEmpty(host.Fixers);

            // The first analysis pays for JIT and lazy shared state: not counted against the bound.
            await RunAsync(host, FuzzInput.Create(0, settings.Seed, corpus), CancellationToken.None);

            var failures = new List<string>();
            var diagnosticsById = new SortedDictionary<string, int>(StringComparer.Ordinal);
            int inputs = 0;
            int fixes = 0;
            int fixAlls = 0;
            var slowest = TimeSpan.Zero;
            var clock = Stopwatch.StartNew();
            var indices = settings.Only != null ? new[] { settings.Only.Value } : Enumerable.Range(0, settings.Inputs);
            foreach (int index in indices)
            {
                if (clock.Elapsed > settings.Budget)
                {
                    break;
                }

                var input = FuzzInput.Create(index, settings.Seed, corpus);
                inputs++;
                using var cancellation = new CancellationTokenSource();
                var run = RunAsync(host, input, cancellation.Token);
                var finished = await Task.WhenAny(run, Task.Delay(FuzzSettings.PerDocumentBound * 3));
                if (finished != run)
                {
                    cancellation.Cancel();
                    failures.Add(Describe(input, $"did not finish analysis and fixes within {FuzzSettings.PerDocumentBound.TotalSeconds * 3:0} s (hang)"));
                    break;
                }

                var result = await run;
                foreach (var diagnostic in result.Analysis.Diagnostics)
                {
                    diagnosticsById[diagnostic.Id] = diagnosticsById.TryGetValue(diagnostic.Id, out int n) ? n + 1 : 1;
                }

                fixes += result.Fix.Fixes;
                fixAlls += result.Fix.FixAlls;
                slowest = result.Analysis.Elapsed > slowest ? result.Analysis.Elapsed : slowest;
                var problems = result.Analysis.Exceptions.Concat(result.Fix.Exceptions).ToList();
                if (result.Analysis.Elapsed > FuzzSettings.PerDocumentBound)
                {
                    problems.Add($"analysis took {result.Analysis.Elapsed.TotalSeconds:0.0} s (bound {FuzzSettings.PerDocumentBound.TotalSeconds:0} s)");
                }

                if (result.FixElapsed > FuzzSettings.PerDocumentBound)
                {
                    problems.Add($"fixes took {result.FixElapsed.TotalSeconds:0.0} s (bound {FuzzSettings.PerDocumentBound.TotalSeconds:0} s)");
                }

                if (problems.Count > 0)
                {
                    failures.Add(Describe(input, string.Join("\n", problems)));
                }
            }

            string summary = $"fuzz: {inputs} of {settings.Inputs} inputs in {clock.Elapsed.TotalSeconds:0} s"
                + (inputs < settings.Inputs && settings.Only == null ? $" (stopped at the {settings.Budget.TotalSeconds:0} s budget)" : "")
                + $"; {corpus.Count} seeds; {host.Analyzers.Length} analyzers, {host.Fixers.Length} fixers; diagnostics {diagnosticsById.Values.Sum()} ({string.Join(", ", diagnosticsById.Select(p => p.Key + " " + p.Value))});"
                + $" fixes applied {fixes}, Fix All (document) {fixAlls}; slowest analysis {slowest.TotalMilliseconds:0} ms; {failures.Count} failing; {settings}";
            _output.WriteLine(summary);
            if (settings.Report != null)
            {
                File.AppendAllText(settings.Report, summary + Environment.NewLine);
            }

            Assert.True(failures.Count == 0, summary + "\n\n" + string.Join("\n\n", failures.Take(MaxReportedFailures)));
        }

        private static async Task<InputResult> RunAsync(RobustnessHost host, FuzzInput input, CancellationToken cancellationToken)
        {
            // Off the test's thread, so that a hang is noticed by the caller's timer.
            return await Task.Run(async () =>
            {
                var document = host.CreateDocument(input.Source);
                var analysis = await host.AnalyzeAsync(document, input.ScopeAll, measure: false, cancellationToken);
                var clock = Stopwatch.StartNew();
                var fix = await host.FixAsync(analysis, cancellationToken);
                return new InputResult(analysis, fix, clock.Elapsed);
            });
        }

        /// <summary>The failure, and where the input was saved to reproduce it.</summary>
        private static string Describe(FuzzInput input, string problem)
        {
            string folder = Path.Combine(Path.GetTempPath(), "atomicwrite-fuzz");
            Directory.CreateDirectory(folder);
            string file = Path.Combine(folder, $"input-{input.Index}.cs");
            File.WriteAllText(file, input.Source);
            return $"{input}\n  saved to {file}; rerun with {FuzzSettings.OnlyVariable}={input.Index}\n  {problem.Replace("\n", "\n  ")}";
        }

        private sealed class InputResult
        {
            public InputResult(AnalysisRun analysis, FixRun fix, TimeSpan fixElapsed)
            {
                Analysis = analysis;
                Fix = fix;
                FixElapsed = fixElapsed;
            }

            public AnalysisRun Analysis { get; }

            public FixRun Fix { get; }

            public TimeSpan FixElapsed { get; }
        }
    }
}
