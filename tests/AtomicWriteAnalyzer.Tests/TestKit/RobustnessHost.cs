using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>
    /// Runs every shipped analyzer over one document the way the IDE does (concurrently, on code that may not compile),
    /// then every shipped code fix on each diagnostic it can fix, and its Fix All at document scope. Exceptions are
    /// collected, never swallowed: an analyzer exception is what users see as AD0001, a fix exception as a light bulb
    /// that fails. The workspace and its references are built once and shared by every input.
    /// </summary>
    internal sealed class RobustnessHost
    {
        private static readonly Lazy<Task<RobustnessHost>> Shared = new Lazy<Task<RobustnessHost>>(CreateAsync);

        private readonly Project _project;

        private RobustnessHost(Project project)
        {
            _project = project;
            Analyzers = ShippedComponents.Analyzers();
            Fixers = ShippedComponents.CodeFixes();
        }

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        public ImmutableArray<CodeFixProvider> Fixers { get; }

        public static Task<RobustnessHost> GetAsync() => Shared.Value;

        private static async Task<RobustnessHost> CreateAsync()
        {
            var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("Robustness", LanguageNames.CSharp)
                .WithMetadataReferences(references.Add(TestReferences.AtomicWrite))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.CSharp12))
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            // Binds the references once; every input's compilation is this one plus its tree.
            await project.GetCompilationAsync();
            return new RobustnessHost(project);
        }

        public Document CreateDocument(string source) =>
            _project.AddDocument("Input.cs", SourceText.From(source), filePath: "/src/Input.cs");

        /// <summary>
        /// Runs every shipped analyzer (or those given) on the document. <paramref name="scopeAll"/> sets
        /// <c>atomic_write.scope = all</c>; <paramref name="measure"/> runs the analyzers one after the other and records
        /// each one's time.
        /// </summary>
        public async Task<AnalysisRun> AnalyzeAsync(Document document, bool scopeAll, bool measure, CancellationToken cancellationToken, ImmutableArray<DiagnosticAnalyzer> analyzers = default)
        {
            analyzers = analyzers.IsDefault ? Analyzers : analyzers;
            var compilation = (await document.Project.GetCompilationAsync(cancellationToken))!;
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, scopeAll ? OptionsProvider.ScopeAll : OptionsProvider.Empty),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: !measure,
                logAnalyzerExecutionTime: measure,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
            stopwatch.Stop();

            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            {
                exceptions.Enqueue("AD0001: " + diagnostic.GetMessage());
            }

            var executionTimes = new List<(string, TimeSpan)>();
            if (measure)
            {
                foreach (var analyzer in analyzers)
                {
                    executionTimes.Add((analyzer.GetType().Name, (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken)).ExecutionTime));
                }
            }

            return new AnalysisRun(document, diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions.ToList(), stopwatch.Elapsed, executionTimes);
        }

        /// <summary>
        /// Every fix of every fixer for each diagnostic it can fix (each action's operations applied), then each fixer's
        /// Fix All at document scope keyed by its first action, as <c>dotnet format</c> keys it, and the analyzers again
        /// on what Fix All wrote.
        /// </summary>
        public async Task<FixRun> FixAsync(AnalysisRun analysis, CancellationToken cancellationToken)
        {
            var run = new FixRun();
            var document = analysis.Document;
            foreach (var fixer in Fixers)
            {
                var fixable = analysis.Diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource).ToImmutableArray();
                if (fixable.IsEmpty)
                {
                    continue;
                }

                string? firstKey = null;
                foreach (var diagnostic in fixable)
                {
                    var actions = new List<CodeAction>();
                    await Guard(run, fixer, "register " + diagnostic.Id, async () =>
                    {
                        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                        await fixer.RegisterCodeFixesAsync(context);
                    });

                    firstKey ??= actions.FirstOrDefault()?.EquivalenceKey;
                    foreach (var action in actions)
                    {
                        await Guard(run, fixer, "apply '" + action.Title + "'", () => ApplyAsync(document, action, cancellationToken));
                        run.Fixes++;
                    }
                }

                var fixAll = fixer.GetFixAllProvider();
                if (fixAll == null || !fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
                {
                    continue;
                }

                await Guard(run, fixer, "Fix All", async () =>
                {
                    var context = new FixAllContext(document, fixer, FixAllScope.Document, firstKey, fixer.FixableDiagnosticIds, new FixedDiagnosticProvider(fixable), cancellationToken);
                    var action = await fixAll.GetFixAsync(context);
                    if (action != null)
                    {
                        // The fixed file is code users get: the analyzers must survive it too.
                        foreach (var changed in await ApplyAsync(document, action, cancellationToken))
                        {
                            var again = await AnalyzeAsync(changed, scopeAll: false, measure: false, cancellationToken);
                            run.Exceptions.AddRange(again.Exceptions.Select(e => "after " + fixer.GetType().Name + " Fix All: " + e));
                        }

                        run.FixAlls++;
                    }
                });
            }

            return run;
        }

        private static async Task Guard(FixRun run, CodeFixProvider fixer, string what, Func<Task> body)
        {
            try
            {
                await body();
            }
            catch (Exception exception) when (!(exception is OperationCanceledException))
            {
                run.Exceptions.Add(fixer.GetType().Name + " (" + what + "): " + exception);
            }
        }

        /// <summary>Applies the action's operations and realizes every changed document (text and tree), as the IDE's preview does.</summary>
        private static async Task<List<Document>> ApplyAsync(Document document, CodeAction action, CancellationToken cancellationToken)
        {
            var documents = new List<Document>();
            foreach (var operation in await action.GetOperationsAsync(cancellationToken))
            {
                if (!(operation is ApplyChangesOperation apply))
                {
                    continue;
                }

                var changes = apply.ChangedSolution.GetChanges(document.Project.Solution);
                foreach (var changedDocument in changes.GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
                {
                    var changed = apply.ChangedSolution.GetDocument(changedDocument)!;
                    await changed.GetTextAsync(cancellationToken);
                    await changed.GetSyntaxRootAsync(cancellationToken);
                    documents.Add(changed);
                }
            }

            return documents;
        }

        /// <summary><c>.editorconfig</c> options for every tree: none, or <c>atomic_write.scope = all</c>.</summary>
        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            public static readonly OptionsProvider Empty = new OptionsProvider(ImmutableDictionary<string, string>.Empty);

            public static readonly OptionsProvider ScopeAll = new OptionsProvider(ImmutableDictionary<string, string>.Empty.Add("atomic_write.scope", "all"));

            private readonly Options _options;

            private OptionsProvider(ImmutableDictionary<string, string> values) => _options = new Options(values);

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly ImmutableDictionary<string, string> _values;

                public Options(ImmutableDictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                    _values.TryGetValue(key, out value);
            }
        }
    }

    /// <summary>One document's analysis: its diagnostics (AD0001 removed), the analyzer exceptions, how long it took.</summary>
    internal sealed class AnalysisRun
    {
        public AnalysisRun(Document document, ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<string> exceptions, TimeSpan elapsed, IReadOnlyList<(string Analyzer, TimeSpan Time)> analyzerTimes)
        {
            Document = document;
            Diagnostics = diagnostics;
            Exceptions = exceptions;
            Elapsed = elapsed;
            AnalyzerTimes = analyzerTimes;
        }

        public Document Document { get; }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        public IReadOnlyList<string> Exceptions { get; }

        /// <summary>Wall-clock time of the analysis (the compilation's own binding included).</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>The time spent in each analyzer's callbacks, when measured (Roslyn's telemetry).</summary>
        public IReadOnlyList<(string Analyzer, TimeSpan Time)> AnalyzerTimes { get; }

        /// <summary>The time spent in our analyzers' callbacks, when measured.</summary>
        public TimeSpan AnalyzerTime => new TimeSpan(AnalyzerTimes.Sum(t => t.Time.Ticks));

        public string AnalyzerTimesText => string.Join(", ", AnalyzerTimes.Select(t => t.Analyzer.Replace("Analyzer", "") + " " + t.Time.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms"));
    }

    /// <summary>What the fixes of one document did.</summary>
    internal sealed class FixRun
    {
        public int Fixes { get; set; }

        public int FixAlls { get; set; }

        public List<string> Exceptions { get; } = new List<string>();
    }
}
