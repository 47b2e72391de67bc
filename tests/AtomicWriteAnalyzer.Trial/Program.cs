using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AtomicWriteAnalyzer.Trial.Scoring;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Trial
{
    /// <summary>
    /// <c>run</c>: analyze every repository of the manifest whose snapshot is here, writing per repository its diagnostics
    /// (default options and <c>scope = all</c>), how well each project bound, and the lines that call write APIs (what a
    /// reader checks for misses). <c>score</c>: precision and recall per rule from the committed verdicts and a run.
    /// </summary>
    internal static class Program
    {
        private const string RunFolder = "artifacts/trial/run";
        private const string WorkFolder = "artifacts/trial";
        private const string DiagnosticsSuffix = ".diagnostics.tsv";
        private const string ProjectsSuffix = ".projects.tsv";

        // Test projects and test folders: out of the recall denominator, which counts the overwrites in shipped code.
        private static readonly Regex TestPath = new(@"(^|/)[^/]*(Tests?|Specs?|UnitTest\w*|IntegrationTest\w*|Benchmarks?)(/|\.[^/]*/)", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        // Above this share of unbound write-API calls a repository's figures would miss what the rules cannot see.
        private const double MaxUnboundShare = 0.02;

        // Rules whose misses are looked for (the scope = all run and the write search); the others have no denominator.
        private static readonly string[] RecallRules = { "AW0001", "AW0003" };

        private static readonly string[] JudgedRules = { "AW0001", "AW0002", "AW0003", "AW0004" };

        // The write APIs and wrappers a reader checks for in-place overwrites the analyzer did not report.
        private static readonly Regex WriteCall = new(
            @"\bFile\.(WriteAll\w*|Create\w*|OpenWrite|Move|Replace|Copy)\s*\(|FileMode\.(Create|Truncate|OpenOrCreate)|new\s+StreamWriter\s*\(|\.Save\s*\(|SetLength\s*\(\s*0|\.OpenWrite\s*\(|\.CopyTo\s*\(|\.MoveTo\s*\(|XmlWriter\.Create\s*\(",
            RegexOptions.Compiled);

        private static int Main(string[] args)
        {
            var options = Options(args.Skip(1));
            var command = args.Length > 0 ? args[0] : string.Empty;
            switch (command)
            {
                case "run":
                    return RunTrial(options);
                case "score":
                    return ScoreTrial(options);
                case "sample":
                    return Sample(options);
                default:
                    Console.Error.WriteLine("usage: run [--only owner/name,...] [--snapshots DIR] [--work DIR] [--out DIR] | score [--run DIR] [--verdicts DIR] | sample [--rule AW0002] [--count 40] [--seed N] [--run DIR]");
                    return 2;
            }
        }

        private static int RunTrial(Dictionary<string, string> options)
        {
            var output = Path.GetFullPath(options.GetValueOrDefault("out", RunFolder));
            Directory.CreateDirectory(output);
            var analyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
                .Where(t => t.IsClass && !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            var references = References.Load();
            var analysis = new RepoAnalysis(references, analyzers);
            foreach (var (repo, root) in Extracted(options))
            {
                PackageRestore.Run(root, Path.Combine(Path.GetFullPath(options.GetValueOrDefault("work", WorkFolder)), "restore", repo.SnapshotFolder), references);
                var outcomes = analysis.Analyze(root);
                var diagnostics = new List<string> { TrialFiles.DiagnosticsHeader };
                var scopeAll = new List<string> { TrialFiles.DiagnosticsHeader };
                var unbound = new List<string> { "repo\tcommit\tpath\tline\tcall" };
                var projects = new List<string> { TrialFiles.ProjectsHeader };
                foreach (var outcome in outcomes)
                {
                    projects.Add(string.Join('\t', repo.Name, repo.Commit, outcome.Project, outcome.Files, outcome.CompileErrors, outcome.WriteApiCalls, outcome.UnboundWriteApiCalls.Count, string.Join(',', outcome.MissingPackages)));
                    unbound.AddRange(outcome.UnboundWriteApiCalls.Select(l => Row(repo, root, l, l.SourceTree!.GetText().GetSubText(l.SourceSpan).ToString().Split('(')[0].Trim())));
                    diagnostics.AddRange(Rows(repo, root, outcome.Diagnostics));
                    scopeAll.AddRange(Rows(repo, root, outcome.ScopeAllDiagnostics));
                }

                File.WriteAllLines(Path.Combine(output, repo.SnapshotFolder + DiagnosticsSuffix), diagnostics);
                File.WriteAllLines(Path.Combine(output, repo.SnapshotFolder + ".scope-all.tsv"), scopeAll);
                File.WriteAllLines(Path.Combine(output, repo.SnapshotFolder + ".unbound.tsv"), unbound);
                File.WriteAllLines(Path.Combine(output, repo.SnapshotFolder + ProjectsSuffix), projects);
                File.WriteAllLines(Path.Combine(output, repo.SnapshotFolder + ".writes.tsv"), WriteCalls(repo, root));
                var calls = outcomes.Sum(o => o.WriteApiCalls);
                var unboundCount = outcomes.Sum(o => o.UnboundWriteApiCalls.Count);
                Console.WriteLine($"{repo.Name}: {outcomes.Count} projects, {outcomes.Sum(o => o.Files)} files, {outcomes.Sum(o => o.CompileErrors)} compile errors, {unboundCount}/{calls} write-API calls unbound ({Percent(unboundCount, calls)}), {diagnostics.Count - 1} diagnostics ({scopeAll.Count - 1} with scope = all)");
            }

            Console.WriteLine($"wrote to {output}");
            return 0;
        }

        private static IEnumerable<string> Rows(TrialRepo repo, string root, IEnumerable<Diagnostic> diagnostics) =>
            diagnostics
                .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .Select(d => Row(repo, root, d.Location, d.Id + "\t" + d.GetMessage(CultureInfo.InvariantCulture).Replace('\t', ' ').Replace('\n', ' ')));

        private static string Row(TrialRepo repo, string root, Location location, string rest)
        {
            var span = location.GetLineSpan();
            return string.Join('\t', repo.Name, repo.Commit, Relative(root, span.Path), span.StartLinePosition.Line + 1, rest);
        }

        /// <summary>Every line that calls a write API or a common write wrapper, outside test code: what a reader checks for misses.</summary>
        private static IEnumerable<string> WriteCalls(TrialRepo repo, string root)
        {
            yield return "repo\tcommit\tpath\tline\tcall";
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var relative = Relative(root, file);
                if (TestPath.IsMatch(relative))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var match = WriteCall.Match(lines[i]);
                    if (match.Success)
                    {
                        yield return string.Join('\t', repo.Name, repo.Commit, relative, i + 1, match.Value.Trim());
                    }
                }
            }
        }

        private static int ScoreTrial(Dictionary<string, string> options)
        {
            var run = options.GetValueOrDefault("run", RunFolder);
            var verdictFolder = options.GetValueOrDefault("verdicts", "docs/trial");
            var manifest = TrialRepo.Read(options.GetValueOrDefault("manifest", Path.Combine(verdictFolder, "repos.tsv")));
            var projects = Directory.GetFiles(run, "*" + ProjectsSuffix).SelectMany(f => TrialFiles.ReadProjects(File.ReadAllLines(f))).ToList();
            var binding = TrialScorer.Binding(projects, MaxUnboundShare);
            Console.WriteLine("| repo | set | commit | C# files | write-API calls | unbound | scored |");
            Console.WriteLine("|---|---|---|---:|---:|---:|---|");
            foreach (var repo in manifest)
            {
                var bound = binding.FirstOrDefault(b => b.Repo == repo.Name);
                Console.WriteLine(bound is null
                    ? $"| {repo.Name} | {Set(repo)} | {repo.Commit[..7]} | | | | not run |"
                    : $"| {repo.Name} | {Set(repo)} | {repo.Commit[..7]} | {bound.Files:N0} | {bound.Calls} | {Percent(bound.Unbound, bound.Calls)} | {(bound.Scored ? "yes" : "left out: unbound share")} |");
            }

            var scored = new HashSet<string>(binding.Where(b => b.Scored).Select(b => b.Repo), StringComparer.Ordinal);
            var verdicts = Directory.GetFiles(verdictFolder, "verdicts-*.tsv").OrderBy(f => f, StringComparer.Ordinal)
                .SelectMany(f => TrialFiles.ReadVerdicts(f))
                .Where(v => scored.Contains(v.Where.Repo))
                .ToList();
            var diagnostics = Directory.GetFiles(run, "*" + DiagnosticsSuffix)
                .SelectMany(f => TrialFiles.ReadDiagnostics(File.ReadAllLines(f)))
                .Where(d => scored.Contains(d.Repo))
                .ToList();
            var heldOut = new HashSet<string>(manifest.Where(r => r.HeldOut).Select(r => r.Name), StringComparer.Ordinal);
            PrintScores("all scored repositories", verdicts, diagnostics);
            PrintScores("held-out repositories", verdicts.Where(v => heldOut.Contains(v.Where.Repo)).ToList(), diagnostics.Where(d => heldOut.Contains(d.Repo)).ToList());
            Console.WriteLine();
            Console.WriteLine("| kind | rule | category | count |");
            Console.WriteLine("|---|---|---|---:|");
            foreach (var (kind, rule, category, count) in TrialScorer.Categories(verdicts))
            {
                Console.WriteLine($"| {kind.ToString().ToLowerInvariant()} | {rule} | {category} | {count} |");
            }

            // A diagnostic on a line no verdict names: new since judging, or moved. Judge it before trusting the figures.
            var unjudged = TrialScorer.Unjudged(verdicts, diagnostics).Where(d => d.Rule is "AW0001" or "AW0003").ToList();
            Console.WriteLine();
            Console.WriteLine($"unjudged AW0001/AW0003 diagnostics: {unjudged.Count}");
            foreach (var line in unjudged)
            {
                Console.WriteLine($"  {line.Repo}\t{line.Commit}\t{line.Path}\t{line.Line}\t{line.Rule}");
            }

            return 0;
        }

        /// <summary>
        /// A reproducible random sample of one rule's diagnostics in the scored repositories (the same run, count and
        /// seed give the same lines), for a rule too frequent to judge whole.
        /// </summary>
        private static int Sample(Dictionary<string, string> options)
        {
            var run = options.GetValueOrDefault("run", RunFolder);
            var rule = options.GetValueOrDefault("rule", "AW0002");
            var count = int.Parse(options.GetValueOrDefault("count", "40"), CultureInfo.InvariantCulture);
            var seed = int.Parse(options.GetValueOrDefault("seed", "20261205"), CultureInfo.InvariantCulture);
            var projects = Directory.GetFiles(run, "*" + ProjectsSuffix).SelectMany(f => TrialFiles.ReadProjects(File.ReadAllLines(f)));
            var scored = new HashSet<string>(TrialScorer.Binding(projects, MaxUnboundShare).Where(b => b.Scored).Select(b => b.Repo), StringComparer.Ordinal);
            var candidates = Directory.GetFiles(run, "*" + DiagnosticsSuffix)
                .SelectMany(f => TrialFiles.ReadDiagnostics(File.ReadAllLines(f)))
                .Where(d => d.Rule == rule && scored.Contains(d.Repo))
                .Distinct()
                .OrderBy(d => d.Repo, StringComparer.Ordinal).ThenBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line)
                .ToList();
            foreach (var line in TrialScorer.Sample(candidates, count, seed))
            {
                Console.WriteLine($"{line.Repo}\t{line.Commit}\t{line.Path}\t{line.Line}\t{line.Rule}");
            }

            Console.Error.WriteLine($"{Math.Min(count, candidates.Count)} of {candidates.Count} {rule} diagnostics (seed {seed})");
            return 0;
        }

        private static string Set(TrialRepo repo) => repo.HeldOut ? "held-out" : "trial";

        private static void PrintScores(string title, IReadOnlyList<Verdict> verdicts, IReadOnlyList<SourceLine> diagnostics)
        {
            Console.WriteLine();
            Console.WriteLine($"{title}:");
            Console.WriteLine("| rule | diagnostics | right | wrong | unjudged | missed | quiet on wrong | precision | recall |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var score in TrialScorer.Score(verdicts, diagnostics, JudgedRules))
            {
                Console.WriteLine($"| {score.Rule} | {diagnostics.Count(d => d.Rule == score.Rule)} | {score.TruePositives} | {score.FalsePositives} | {score.Unjudged} | {score.FalseNegatives} | {score.QuietOnWrong} | {Format(score.Precision)} | {(RecallRules.Contains(score.Rule) ? Format(score.Recall) : "not measured")} |");
            }
        }

        /// <summary>Each manifest repository extracted at its commit; a one-line skip for a snapshot not brought here.</summary>
        private static IEnumerable<(TrialRepo Repo, string Root)> Extracted(Dictionary<string, string> options)
        {
            var snapshots = options.GetValueOrDefault("snapshots", Environment.GetEnvironmentVariable("TRIAL_SNAPSHOTS") ?? "/work/.mirror");
            var work = Path.Combine(Path.GetFullPath(options.GetValueOrDefault("work", WorkFolder)), "src");
            var only = options.GetValueOrDefault("only");
            foreach (var repo in TrialRepo.Read(options.GetValueOrDefault("manifest", "docs/trial/repos.tsv")))
            {
                if (only is not null && !only.Split(',').Contains(repo.Name, StringComparer.Ordinal))
                {
                    continue;
                }

                var gitDirectory = Snapshot.FindGitDirectory(snapshots, repo);
                if (gitDirectory is null)
                {
                    Console.WriteLine($"skip {repo.Name}: no snapshot under {Path.Combine(snapshots, repo.SnapshotFolder)}");
                    continue;
                }

                var root = Path.Combine(work, repo.SnapshotFolder);
                try
                {
                    Snapshot.Extract(gitDirectory, repo.Commit, root);
                }
                catch (InvalidOperationException exception)
                {
                    // A snapshot can lack objects; such a repository is left out rather than analyzed in part.
                    Console.WriteLine($"skip {repo.Name}: snapshot cannot be extracted at {repo.Commit}: {exception.Message.Split('\n')[0]}");
                    continue;
                }

                yield return (repo, root);
            }
        }

        private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

        private static string Percent(int part, int whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

        private static string Format(double? ratio) => ratio is null ? "n/a" : (100 * ratio.Value).ToString("0", CultureInfo.InvariantCulture) + "%";

        private static Dictionary<string, string> Options(IEnumerable<string> args)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            string? key = null;
            foreach (var arg in args)
            {
                if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    key = arg.Substring(2);
                }
                else if (key is not null)
                {
                    result[key] = arg;
                    key = null;
                }
            }

            return result;
        }
    }
}
