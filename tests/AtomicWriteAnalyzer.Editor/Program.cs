using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;

namespace AtomicWriteAnalyzer.Editor
{
    /// <summary>
    /// The squiggles of samples/TokenStore as an editor shows them: csharp-ls over a consumer project that installs the
    /// packed nupkg. Exit code 0 when every check holds, 1 with the failing step, what arrived and the server's log
    /// otherwise, 2 on bad arguments.
    /// </summary>
    internal static class Program
    {
        private const string Usage =
            "usage: AtomicWriteAnalyzer.Editor --tool-folder DIR --consumer DIR --package DIR [--analyzers-enabled true|false] [--latency-samples N]\n" +
            "  --tool-folder        where `dotnet tool run csharp-ls` finds the tool manifest (the repository root)\n" +
            "  --consumer           the consumer project's folder (restored; the sample's .cs files at its top)\n" +
            "  --package            the installed package, <NUGET_PACKAGES>/atomicwriteanalyzer/<version>\n" +
            "  --analyzers-enabled  what the client answers for csharp.analyzersEnabled (default true)\n" +
            "  --latency-samples    edits measured from didChange to the updated squiggle, after 2 warm-up (default 0)";

        /// <summary>The squiggles the sample must show: the file, a text on the line, the rule and its severity.</summary>
        private static readonly Expectation[] Expected =
        {
            new Expectation("token write", "TokenStore.cs", "File.WriteAllText(_tokenPath, json);", "AW0001", LspDiagnostic.Warning),
            new Expectation("settings stream", "SettingsStore.cs", "new FileStream(_settingsPath, FileMode.Create", "AW0001", LspDiagnostic.Warning),
            new Expectation("hand-rolled replace", "ProfileStore.cs", "File.WriteAllText(tempPath,", "AW0003", LspDiagnostic.Warning),
            new Expectation("token read", "TokenStore.cs", "File.ReadAllText(_tokenPath)", "AW0002", LspDiagnostic.Information),
            new Expectation("settings read", "SettingsStore.cs", "File.OpenRead(_settingsPath)", "AW0002", LspDiagnostic.Information),
        };

        private static readonly TimeSpan FirstDiagnosticsTimeout = TimeSpan.FromSeconds(120);
        private static readonly TimeSpan EditTimeout = TimeSpan.FromSeconds(30);

        private static string _step = "arguments";

        private static async Task<int> Main(string[] args)
        {
            Options options;
            try
            {
                options = Options.Parse(args);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }

            var total = Stopwatch.StartNew();
            EditorSession? session = null;
            try
            {
                _step = "load the package's fixes";
                var fixes = PackageFixes.Load(options.Package);

                _step = "start the server";
                session = EditorSession.Start(options.ToolFolder, options.Consumer, options.AnalyzersEnabled);
                string server = await session.InitializeAsync().ConfigureAwait(false);
                Console.WriteLine($"server: {server} on {options.Consumer} (analyzersEnabled: {options.AnalyzersEnabled.ToString().ToLowerInvariant()})");

                _step = "answer workspace/configuration";
                bool asked = await session.WaitForConfigurationRequestAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                Console.WriteLine(asked ? $"workspace/configuration answered at {total.Elapsed.TotalSeconds:F1} s" : "the server did not ask for workspace/configuration within 30 s");

                _step = "open the sample's files";
                var files = Directory.GetFiles(options.Consumer, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToList();
                foreach (string file in files)
                {
                    session.Open(file, File.ReadAllText(file));
                }

                Console.WriteLine($"opened {files.Count} files: {string.Join(", ", files.Select(Path.GetFileName))}");
                string tokenStore = files.SingleOrDefault(f => Path.GetFileName(f) == "TokenStore.cs") ?? throw new CheckFailed("TokenStore.cs is not in the consumer");

                _step = "first diagnostics";
                var remaining = FirstDiagnosticsTimeout - total.Elapsed;
                var (_, loaded) = await session.PullUntilAsync(tokenStore, r => r.ResultId != null, remaining).ConfigureAwait(false);
                if (!loaded)
                {
                    throw new CheckFailed($"no diagnostics for TokenStore.cs from a loaded project within {FirstDiagnosticsTimeout.TotalSeconds:F0} s of the server's start");
                }

                Console.WriteLine($"first diagnostics {total.Elapsed.TotalSeconds:F1} s after the server started");

                _step = "expected squiggles";
                var before = new Dictionary<string, DiagnosticReport>(StringComparer.Ordinal);
                foreach (string file in files)
                {
                    before[file] = await session.PullAsync(file).ConfigureAwait(false);
                }

                var tokenWrite = CheckSquiggles(before, files, options.Consumer, session, fixes.HelpLinks, options.AnalyzersEnabled, asked);

                _step = "the package's fix";
                var texts = files.ToDictionary(f => f, session.Text, StringComparer.Ordinal);
                var (change, title) = await fixes.FixAsync(texts, tokenStore, "AW0001", tokenWrite.Line).ConfigureAwait(false);
                Console.WriteLine($"package fix '{title}', one change of {change.Span.Length} characters; lines it adds: {AddedLines(texts[tokenStore], change)}");

                _step = "code actions";
                await RecordCodeActionsAsync(session, tokenStore, tokenWrite, title).ConfigureAwait(false);

                _step = "apply the fix as one didChange";
                string original = session.Text(tokenStore);
                var watch = Stopwatch.StartNew();
                session.Change(tokenStore, change);
                await ExpectTokenWriteAsync(session, tokenStore, present: false).ConfigureAwait(false);
                Console.WriteLine($"squiggle gone {watch.Elapsed.TotalMilliseconds:F0} ms after the didChange");
                await ExpectNoNewCompilerErrorAsync(session, before).ConfigureAwait(false);
                Console.WriteLine("no new CS error after the fix");

                if (options.LatencySamples > 0)
                {
                    _step = "keystroke to squiggle";
                    await MeasureLatencyAsync(session, tokenStore, original, change, options.LatencySamples).ConfigureAwait(false);
                }

                _step = "shut down";
                await session.StopAsync().ConfigureAwait(false);
                Console.WriteLine($"editor check OK in {total.Elapsed.TotalSeconds:F1} s");
                return 0;
            }
            catch (Exception e) when (e is CheckFailed or TimeoutException or IOException or InvalidOperationException or LspException or System.ComponentModel.Win32Exception)
            {
                ReportFailure(e, session, total.Elapsed);
                return 1;
            }
            finally
            {
                session?.Dispose();
            }
        }

        /// <summary>Pulls every file again: a CS error that was not in its report before the fix fails the check.</summary>
        private static async Task ExpectNoNewCompilerErrorAsync(EditorSession session, Dictionary<string, DiagnosticReport> before)
        {
            var newErrors = new List<string>();
            foreach (var (file, report) in before)
            {
                var after = await session.PullAsync(file).ConfigureAwait(false);
                var old = report.CompilerErrors.Select(d => d.Code + " " + d.Message).ToHashSet(StringComparer.Ordinal);
                newErrors.AddRange(after.CompilerErrors.Where(d => !old.Contains(d.Code + " " + d.Message)).Select(d => $"{Path.GetFileName(file)}:{d}"));
            }

            if (newErrors.Count > 0)
            {
                throw new CheckFailed("the fixed text has new compiler errors:\n  " + string.Join("\n  ", newErrors));
            }
        }

        /// <summary>Asserts the sample's squiggles, exactly; returns the token write's.</summary>
        private static LspDiagnostic CheckSquiggles(Dictionary<string, DiagnosticReport> reports, List<string> files, string consumer, EditorSession session, IReadOnlyDictionary<string, string> helpLinks, bool analyzersEnabled, bool asked)
        {
            var ours = reports.SelectMany(r => r.Value.Ours.Select(d => (File: Path.GetFileName(r.Key), Diagnostic: d))).ToList();
            foreach (var (file, diagnostic) in ours)
            {
                Console.WriteLine($"  {file}:{diagnostic}{(diagnostic.Href == null ? "" : " <" + diagnostic.Href + ">")}");
            }

            if (ours.Count == 0)
            {
                throw new CheckFailed("no AW diagnostic in any file: " + WhyNoAnalyzers(consumer, analyzersEnabled, asked));
            }

            var problems = new List<string>();
            var expectedLines = new HashSet<(string File, int Line, string Rule)>();
            LspDiagnostic? tokenWrite = null;
            foreach (var expectation in Expected)
            {
                string path = files.Single(f => Path.GetFileName(f) == expectation.File);
                int line = LineOf(session.Text(path), expectation.LineText);
                if (line < 0)
                {
                    problems.Add($"{expectation.What}: no line with \"{expectation.LineText}\" in {expectation.File}");
                    continue;
                }

                expectedLines.Add((expectation.File, line, expectation.Rule));
                var found = ours.Where(o => o.File == expectation.File && o.Diagnostic.Line == line && o.Diagnostic.Code == expectation.Rule).Select(o => o.Diagnostic).ToList();
                if (found.Count == 0)
                {
                    problems.Add($"{expectation.What}: expected {expectation.Rule} ({LspDiagnostic.SeverityName(expectation.Severity)}) on {expectation.File}:{line + 1}, the server reported none there");
                }
                else if (found[0].Severity != expectation.Severity)
                {
                    problems.Add($"{expectation.What}: {expectation.Rule} on {expectation.File}:{line + 1} is {LspDiagnostic.SeverityName(found[0].Severity)}, expected {LspDiagnostic.SeverityName(expectation.Severity)}");
                }
                else if (expectation.What == "token write")
                {
                    tokenWrite = found[0];
                }
            }

            foreach (var (file, diagnostic) in ours.Where(o => !expectedLines.Contains((o.File, o.Diagnostic.Line, o.Diagnostic.Code))))
            {
                problems.Add($"unexpected: {file}:{diagnostic}");
            }

            int withHref = 0;
            foreach (var (file, diagnostic) in ours.Where(o => o.Diagnostic.Href != null))
            {
                withHref++;
                if (!helpLinks.TryGetValue(diagnostic.Code, out string? link) || link != diagnostic.Href)
                {
                    problems.Add($"{file}:{diagnostic.Line + 1} {diagnostic.Code}: codeDescription.href is {diagnostic.Href}, the rule's help link is {link ?? "(none)"}");
                }
            }

            if (problems.Count > 0)
            {
                throw new CheckFailed("the squiggles differ from the expectation:\n  " + string.Join("\n  ", problems));
            }

            Console.WriteLine($"expected squiggles present: {string.Join(", ", Expected.Select(e => $"{e.Rule} at the {e.What}"))}");
            Console.WriteLine(withHref == ours.Count
                ? "codeDescription.href sent for every AW diagnostic and equal to the rule's help link"
                : $"codeDescription.href sent for {withHref} of {ours.Count} AW diagnostics (each sent one equals the rule's help link)");
            return tokenWrite!;
        }

        /// <summary>The first of the reasons an editor shows none of the package's squiggles that holds here.</summary>
        private static string WhyNoAnalyzers(string consumer, bool analyzersEnabled, bool asked)
        {
            if (!asked)
            {
                return "the server never asked for workspace/configuration, so csharp.analyzersEnabled kept its default (off)";
            }

            if (!analyzersEnabled)
            {
                return "analyzers are disabled (the client answered csharp.analyzersEnabled: false)";
            }

            string assets = Path.Combine(consumer, "obj", "project.assets.json");
            if (!File.Exists(assets))
            {
                return $"the consumer is not restored ({assets} is missing)";
            }

            // The restore's package list: a consumer that installs the package has a library "AtomicWriteAnalyzer/<version>".
            if (!File.ReadAllText(assets).Contains("\"AtomicWriteAnalyzer/", StringComparison.OrdinalIgnoreCase))
            {
                return "the consumer does not install the AtomicWriteAnalyzer package (it is not in obj/project.assets.json)";
            }

            return "analyzers are enabled and the consumer installs the package, yet the server ran none of its analyzers";
        }

        /// <summary>Prints whether the server offers the package's fix; when it does, applying it must remove the squiggle.</summary>
        private static async Task RecordCodeActionsAsync(EditorSession session, string path, LspDiagnostic squiggle, string packageTitle)
        {
            var actions = await session.CodeActionsAsync(path, squiggle).ConfigureAwait(false);
            var titles = actions.Select(a => (string?)a["title"] ?? "").ToList();
            Console.WriteLine($"code actions at the squiggle ({titles.Count}): {(titles.Count == 0 ? "none" : string.Join("; ", titles))}");
            var offered = actions.FirstOrDefault(a => (string?)a["title"] == packageTitle);
            Console.WriteLine($"package fix offered: {(offered == null ? "no" : "yes")}");
            if (offered == null)
            {
                return;
            }

            string original = session.Text(path);
            var resolved = await session.ResolveAsync(offered).ConfigureAwait(false);
            string fixedText = WorkspaceEdits.Apply(original, EditorSession.Uri(path), resolved["edit"]);
            session.Change(path, WorkspaceEdits.Difference(original, fixedText));
            await ExpectTokenWriteAsync(session, path, present: false).ConfigureAwait(false);
            Console.WriteLine("the server's own action removes the squiggle");
            session.Change(path, WorkspaceEdits.Difference(fixedText, original));
            await ExpectTokenWriteAsync(session, path, present: true).ConfigureAwait(false);
        }

        /// <summary>Undo and redo the fix: the time from each didChange to the pull report that shows its effect.</summary>
        private static async Task MeasureLatencyAsync(EditorSession session, string path, string original, TextChange fix, int samples)
        {
            string fixedText = session.Text(path);
            var unfix = WorkspaceEdits.Difference(fixedText, original);
            var appear = new List<double>();
            var vanish = new List<double>();
            for (int i = 0; i < samples + 2; i++)
            {
                var watch = Stopwatch.StartNew();
                session.Change(path, unfix);
                await ExpectTokenWriteAsync(session, path, present: true).ConfigureAwait(false);
                double shown = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                session.Change(path, fix);
                await ExpectTokenWriteAsync(session, path, present: false).ConfigureAwait(false);
                if (i >= 2)
                {
                    appear.Add(shown);
                    vanish.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            Console.WriteLine($"keystroke to squiggle ({samples} edits after 2 warm-up, pull mode, {SourceText.From(original).Lines.Count} lines in the file):");
            Console.WriteLine($"  in-place write typed -> AW0001 shown: median {Median(appear):F0} ms, min {appear.Min():F0}, max {appear.Max():F0}");
            Console.WriteLine($"  fix applied -> AW0001 gone:          median {Median(vanish):F0} ms, min {vanish.Min():F0}, max {vanish.Max():F0}");
        }

        /// <summary>Pulls until the token write's AW0001 is (or is no longer) in the document.</summary>
        private static async Task ExpectTokenWriteAsync(EditorSession session, string path, bool present)
        {
            var (report, done) = await session.PullUntilAsync(path, r => r.Ours.Any(d => d.Code == "AW0001") == present, EditTimeout).ConfigureAwait(false);
            if (!done)
            {
                throw new CheckFailed(present
                    ? $"AW0001 did not come back within {EditTimeout.TotalSeconds:F0} s of the edit that restores the in-place write; last report: {string.Join("; ", report.Ours)}"
                    : $"the token write's AW0001 is still reported {EditTimeout.TotalSeconds:F0} s after the fix's didChange: {string.Join("; ", report.Ours)}");
            }
        }

        private static void ReportFailure(Exception e, EditorSession? session, TimeSpan elapsed)
        {
            Console.WriteLine($"editor check FAILED at step '{_step}' after {elapsed.TotalSeconds:F1} s: {e.Message}");
            if (session == null)
            {
                return;
            }

            Console.WriteLine("what arrived (last pull report per file):");
            if (session.LastReports.Count == 0)
            {
                Console.WriteLine("  nothing");
            }

            foreach (var (file, report) in session.LastReports.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {file} (resultId {report.ResultId ?? "none"}): {report.Items.Count} diagnostics");
                foreach (var diagnostic in report.Items.Take(20))
                {
                    Console.WriteLine($"    {diagnostic}");
                }
            }

            Console.WriteLine($"server requests answered: {string.Join(", ", session.ServerRequestMethods)}");
            var log = session.ServerLog.ToList();
            Console.WriteLine($"server log (window/logMessage, stderr; last {Math.Min(60, log.Count)} of {log.Count} lines):");
            foreach (string line in log.Skip(Math.Max(0, log.Count - 60)))
            {
                Console.WriteLine("  " + line);
            }
        }

        private static int LineOf(string text, string fragment)
        {
            var lines = SourceText.From(text).Lines;
            foreach (var line in lines)
            {
                if (line.ToString().Contains(fragment, StringComparison.Ordinal))
                {
                    return line.LineNumber;
                }
            }

            return -1;
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            int middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        private static string AddedLines(string before, TextChange change)
        {
            var old = SourceText.From(before).Lines.Select(l => l.ToString().Trim()).ToHashSet(StringComparer.Ordinal);
            var added = SourceText.From(before).WithChanges(change).Lines.Select(l => l.ToString().Trim()).Where(l => l.Length > 0 && !old.Contains(l));
            return string.Join(" | ", added);
        }

        private sealed record Expectation(string What, string File, string LineText, string Rule, int Severity);

        private sealed class CheckFailed : Exception
        {
            public CheckFailed(string message)
                : base(message)
            {
            }
        }

        private sealed record Options(string ToolFolder, string Consumer, string Package, bool AnalyzersEnabled, int LatencySamples)
        {
            public static Options Parse(string[] args)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int i = 0; i < args.Length; i += 2)
                {
                    if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new ArgumentException($"expected --name value, got '{args[i]}'");
                    }

                    values[args[i]] = args[i + 1];
                }

                string Required(string name) => values.TryGetValue(name, out string? value) ? Path.GetFullPath(value) : throw new ArgumentException($"{name} is required");
                bool analyzers = !values.TryGetValue("--analyzers-enabled", out string? enabled) || bool.Parse(enabled);
                int samples = values.TryGetValue("--latency-samples", out string? count) ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 0;
                var known = new[] { "--tool-folder", "--consumer", "--package", "--analyzers-enabled", "--latency-samples" };
                var unknown = values.Keys.Where(k => !known.Contains(k)).ToList();
                if (unknown.Count > 0)
                {
                    throw new ArgumentException("unknown option " + string.Join(", ", unknown));
                }

                return new Options(Required("--tool-folder"), Required("--consumer"), Required("--package"), analyzers, samples);
            }
        }
    }
}
