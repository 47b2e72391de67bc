using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AtomicWrite.Benchmarking;
using AtomicWriteAnalyzer.Benchmarks.Analyzers;
using AtomicWriteAnalyzer.Benchmarks.Corpus;

namespace AtomicWriteAnalyzer.Benchmarks
{
    /// <summary>The printed results: markdown tables, then each target with its verdict (printed, never asserted).</summary>
    internal static class Report
    {
        public static void Corpora(IReadOnlyList<CorpusResult> results)
        {
            var table = new TextTable("corpus", "files>", "lines>", "methods>", "touching files>", "sensitive / storage / other / AtomicFile", "compile errors>", "our diagnostics");
            foreach (var r in results)
            {
                var kinds = r.Corpus.MemberKinds;
                int Count(string kind) => kinds.Count(k => k == kind);
                var touching = kinds.Count(k => k != MemberKinds.Ordinary);
                table.Add(
                    r.Corpus.Name,
                    r.Corpus.Files,
                    r.Corpus.Lines,
                    r.Corpus.IsGenerated ? kinds.Count : null,
                    r.Corpus.IsGenerated ? $"{touching} (1 in {Statistics.Ratio(kinds.Count, touching):F0})"
                        : r.Corpus.FilesCallingFileApis is int files ? $"{files} of {r.Corpus.Files} files call a catalogued file API" : null,
                    r.Corpus.IsGenerated ? $"{Count(MemberKinds.Sensitive)} / {Count(MemberKinds.StorageClass)} / {Count(MemberKinds.NotSensitive)} / {Count(MemberKinds.Atomic)}" : null,
                    r.CompileErrors,
                    r.OurDiagnostics.Count == 0 ? "none" : string.Join(", ", r.OurDiagnostics.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));
            }

            Console.WriteLine(table);
        }

        public static void Ratios(IReadOnlyList<CorpusResult> results)
        {
            var table = new TextTable("corpus", "binding ms>", "ours ms>", "ours ÷ binding>", "MA0035 ms>", "ours ÷ MA0035>", "MA median rule ms>", "ours ÷ median rule>", "binding µs/file>", "ours µs/file>", "analysis pass s>", "Meziantou all rules ms>", "iterations>", "ours ms min–max>", "ours ÷ MA0035 min–max>");
            foreach (var r in results)
            {
                table.Add(
                    r.Corpus.Name,
                    r.BindingMs,
                    r.OursMs,
                    Fmt.Percent(Statistics.Ratio(r.OursMs, r.BindingMs)),
                    r.PeerInvocationRuleMs,
                    Fmt.Ratio(Statistics.Ratio(r.OursMs, r.PeerInvocationRuleMs)),
                    r.PeerMedianActiveRuleMs,
                    Fmt.Ratio(Statistics.Ratio(r.OursMs, r.PeerMedianActiveRuleMs)),
                    r.BindingMs * 1000 / r.Corpus.Files,
                    r.OursMs * 1000 / r.Corpus.Files,
                    r.AnalysisPassMs / 1000,
                    r.AnalyzerMs.Where(p => !p.Key.IsOurs).Sum(p => p.Value),
                    r.Iterations,
                    Range(r.OursPerIteration, v => v.ToString("F2", CultureInfo.InvariantCulture)),
                    Range(r.OursToPeerRulePerIteration, Fmt.Ratio));
            }

            Console.WriteLine(table);
        }

        public static void PerRule(IReadOnlyList<CorpusResult> results, AnalyzerCatalog catalog)
        {
            if (catalog.Ours.IsEmpty)
            {
                Console.WriteLine("Our analyzers: none found in AtomicWriteAnalyzer.dll yet; nothing to measure per rule.");
                Console.WriteLine();
                return;
            }

            var headers = new List<string> { "analyzer (rules)" };
            headers.AddRange(results.Select(r => r.Corpus.Name + " ms>"));
            headers.AddRange(results.Where(r => r.Corpus.IsGenerated).Select(r => r.Corpus.Files + " µs/file>"));
            var table = new TextTable(headers.ToArray());
            foreach (var analyzer in catalog.Ours)
            {
                var cells = new List<object?> { analyzer.Label };
                cells.AddRange(results.Select(r => (object)r.AnalyzerMs[analyzer]));
                cells.AddRange(results.Where(r => r.Corpus.IsGenerated).Select(r => (object)(r.AnalyzerMs[analyzer] * 1000 / r.Corpus.Files)));
                table.Add(cells.ToArray());
            }

            Console.WriteLine(table);
        }

        public static void PeerContext(CorpusResult largest, AnalyzerCatalog catalog)
        {
            if (catalog.Peer.IsEmpty)
            {
                return;
            }

            var active = catalog.Peer.Count(a => a.IsActiveByDefault);
            Console.WriteLine($"Meziantou.Analyzer: {catalog.Peer.Length} analyzers, {active} active by default; the five costliest on {largest.Corpus.Name}:");
            var table = new TextTable("analyzer (rules)", "ms>", "µs/file>");
            foreach (var pair in largest.AnalyzerMs.Where(p => !p.Key.IsOurs).OrderByDescending(p => p.Value).Take(5))
            {
                table.Add(Shorten(pair.Key.Label), pair.Value, pair.Value * 1000 / largest.Corpus.Files);
            }

            Console.WriteLine(table);
        }

        public static void Targets(IReadOnlyList<CorpusResult> results, AnalyzerCatalog catalog, BuildResult? build)
        {
            Console.WriteLine("Targets, printed not asserted:");
            if (catalog.Ours.IsEmpty)
            {
                Console.WriteLine("- n/a: AtomicWriteAnalyzer.dll has no analyzer yet.");
                return;
            }

            var generated = results.Where(r => r.Corpus.IsGenerated).OrderBy(r => r.Corpus.Files).ToList();
            var largest = generated.LastOrDefault();
            if (largest is not null)
            {
                var ofBinding = Statistics.Ratio(largest.OursMs, largest.BindingMs);
                Console.WriteLine($"- ours ≤ 0.25% of binding on {largest.Corpus.Name}: {Fmt.Verdict(ofBinding <= 0.0025, Fmt.Percent(ofBinding))}");
            }

            foreach (var r in results.Where(r => r.Corpus.FilesCallingFileApis is not null))
            {
                var ofBinding = Statistics.Ratio(r.OursMs, r.BindingMs);
                Console.WriteLine($"- ours ≤ 0.15% of binding on {r.Corpus.Name} (a real library, few file calls): {Fmt.Verdict(ofBinding <= 0.0015, Fmt.Percent(ofBinding))}");
            }

            foreach (var r in results)
            {
                var vsRule = Statistics.Ratio(r.OursMs, r.PeerInvocationRuleMs);
                var vsMedian = Statistics.Ratio(r.OursMs, r.PeerMedianActiveRuleMs);
                Console.WriteLine($"- ours ≤ 1.0× MA0035 on {r.Corpus.Name}: {Fmt.Verdict(vsRule <= 1.0, Fmt.Ratio(vsRule))}; ours ≤ Meziantou's median active rule: {Fmt.Verdict(vsMedian <= 1.0, Fmt.Ratio(vsMedian))}");
            }

            if (generated.Count >= 2)
            {
                var growth = Statistics.Ratio(generated[^1].OursMs / generated[^1].Corpus.Files, generated[0].OursMs / generated[0].Corpus.Files);
                Console.WriteLine($"- time per file flat (within 1.3×) from {generated[0].Corpus.Files} to {generated[^1].Corpus.Files} files: {Fmt.Verdict(growth <= 1.3, Fmt.Ratio(growth))}");
            }

            if (build is not null)
            {
                Console.WriteLine($"- ours ≤ 0.3% of the Csc task: {Fmt.Verdict(build.OursShareOfCsc <= 0.003, Fmt.Percent(build.OursShareOfCsc))}");
            }
        }

        private static string Range(IReadOnlyList<double> values, Func<double, string> format) =>
            values.Count == 0 ? "n/a" : format(values.Min()) + "–" + format(values.Max());

        private static string Shorten(string label) => label.Length <= 90 ? label : label.Substring(0, 87) + "...";
    }
}
