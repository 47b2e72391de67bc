using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AtomicWriteAnalyzer.Editor
{
    /// <summary>
    /// The analyzers and code fixes of the installed package (its analyzers/dotnet/cs folder), run through the
    /// Workspaces API as the fix tests run them: on the text the server holds, they give the edit an editor that
    /// offers the package's fix would apply.
    /// </summary>
    internal sealed class PackageFixes
    {
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
        private readonly ImmutableArray<CodeFixProvider> _fixers;
        private readonly ImmutableArray<MetadataReference> _references;

        private PackageFixes(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers, ImmutableArray<MetadataReference> references)
        {
            _analyzers = analyzers;
            _fixers = fixers;
            _references = references;
        }

        /// <summary>Rule id to help link, as the package's descriptors declare them.</summary>
        public IReadOnlyDictionary<string, string> HelpLinks =>
            _analyzers.SelectMany(a => a.SupportedDiagnostics)
                .GroupBy(d => d.Id)
                .ToDictionary(g => g.Key, g => g.First().HelpLinkUri, StringComparer.Ordinal);

        /// <param name="packageFolder">The installed package: &lt;packages&gt;/atomicwriteanalyzer/&lt;version&gt;.</param>
        public static PackageFixes Load(string packageFolder)
        {
            string analyzerFolder = Path.Combine(packageFolder, "analyzers", "dotnet", "cs");
            string runtime = Path.Combine(packageFolder, "lib", "net8.0", "AtomicWrite.dll");
            if (!Directory.Exists(analyzerFolder) || !File.Exists(runtime))
            {
                throw new FileNotFoundException($"no installed package at {packageFolder} (expected analyzers/dotnet/cs and lib/net8.0/AtomicWrite.dll)");
            }

            var assemblies = Directory.GetFiles(analyzerFolder, "*.dll").OrderBy(p => p, StringComparer.Ordinal).Select(Assembly.LoadFrom).ToList();
            var analyzers = Instances<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(assemblies);
            var fixers = Instances<CodeFixProvider, ExportCodeFixProviderAttribute>(assemblies);
            if (analyzers.IsEmpty || fixers.IsEmpty)
            {
                throw new InvalidOperationException($"the package at {packageFolder} has {analyzers.Length} analyzers and {fixers.Length} code fixes");
            }

            // The runtime's own assemblies stand in for the consumer's reference assemblies: the same types and members.
            string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            var references = trusted.Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(runtime))
                .ToImmutableArray();
            return new PackageFixes(analyzers, fixers, references);
        }

        /// <summary>
        /// The edit of the first action the package registers for the diagnostic <paramref name="ruleId"/> that starts on
        /// <paramref name="line"/> (0-based) of <paramref name="path"/>, on these texts: one change covering every
        /// changed character, and the action's title.
        /// </summary>
        public async Task<(TextChange Change, string Title)> FixAsync(IReadOnlyDictionary<string, string> texts, string path, string ruleId, int line)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("Consumer", LanguageNames.CSharp)
                .WithMetadataReferences(_references)
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            foreach (var (file, text) in texts.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                project = project.AddDocument(Path.GetFileName(file), SourceText.From(text), filePath: file).Project;
            }

            var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
            var diagnostics = await compilation.WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            var diagnostic = diagnostics.FirstOrDefault(d => d.Id == ruleId
                && d.Location.SourceTree?.FilePath == path
                && d.Location.GetLineSpan().StartLinePosition.Line == line)
                ?? throw new InvalidOperationException($"the package's analyzers, run on the server's text, report no {ruleId} on line {line + 1} of {Path.GetFileName(path)}");

            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            foreach (var fixer in _fixers.Where(f => f.FixableDiagnosticIds.Contains(ruleId)))
            {
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None)).ConfigureAwait(false);
            }

            var first = actions.FirstOrDefault() ?? throw new InvalidOperationException($"the package registers no fix for {ruleId} on line {line + 1}");
            var solution = project.Solution;
            foreach (var operation in await first.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    solution = apply.ChangedSolution;
                }
            }

            var before = await document.GetTextAsync().ConfigureAwait(false);
            var after = await solution.GetDocument(document.Id)!.GetTextAsync().ConfigureAwait(false);
            if (before.ContentEquals(after))
            {
                throw new InvalidOperationException($"the package's fix '{first.Title}' changes nothing");
            }

            // One change from the first changed character to the last: a single didChange, as an editor sends for one fix.
            return (WorkspaceEdits.Difference(before.ToString(), after.ToString()), first.Title);
        }

        private static ImmutableArray<T> Instances<T, TAttribute>(IEnumerable<Assembly> assemblies)
            where TAttribute : Attribute
        {
            return assemblies.SelectMany(a => a.GetTypes())
                .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<TAttribute>() != null)
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .Select(type => (T)Activator.CreateInstance(type)!)
                .ToImmutableArray();
        }
    }
}
