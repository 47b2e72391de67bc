using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>
    /// A workspace with plain documents, for what <see cref="FixVerifier{TAnalyzer, TFixer}"/>'s markup cannot show: the
    /// actions a diagnostic gets (titles, keys), and a Fix All driven the way <c>dotnet format analyzers</c> drives it.
    /// </summary>
    internal sealed class FixWorkspace
    {
        private FixWorkspace(Project project, DiagnosticAnalyzer analyzer, CodeFixProvider fixer)
        {
            Project = project;
            Analyzer = analyzer;
            Fixer = fixer;
        }

        public Project Project { get; private set; }

        public DiagnosticAnalyzer Analyzer { get; }

        public CodeFixProvider Fixer { get; }

        public static async Task<FixWorkspace> CreateAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, params string[] documents)
        {
            var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("Test", LanguageNames.CSharp)
                .WithMetadataReferences(references.Add(TestReferences.AtomicWrite))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.CSharp12))
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            for (int i = 0; i < documents.Length; i++)
            {
                project = project.AddDocument("Test" + i + ".cs", documents[i], filePath: "/src/Test" + i + ".cs").Project;
            }

            return new FixWorkspace(project, analyzer, fixer);
        }

        /// <summary>The rule's diagnostics in the project, in document then source order.</summary>
        public async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync())!;
            Xunit.Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(Analyzer)).GetAnalyzerDiagnosticsAsync();
            return diagnostics
                .Where(d => Fixer.FixableDiagnosticIds.Contains(d.Id))
                .OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToImmutableArray();
        }

        /// <summary>The actions registered for one diagnostic.</summary>
        public async Task<IReadOnlyList<CodeAction>> ActionsAsync(Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            var document = Project.GetDocument(diagnostic.Location.SourceTree)!;
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await Fixer.RegisterCodeFixesAsync(context);
            return actions;
        }

        /// <summary>
        /// What <c>dotnet format analyzers --diagnostics ID</c> does: register fixes for the first diagnostic only,
        /// take its first action's equivalence key (null when it had none) and run one Fix All at solution scope.
        /// Returns the text of every document afterwards.
        /// </summary>
        public async Task<IReadOnlyList<string>> FixAllLikeDotnetFormatAsync()
        {
            var diagnostics = await DiagnosticsAsync(Project);
            var first = diagnostics.First();
            string? equivalenceKey = (await ActionsAsync(first)).FirstOrDefault()?.EquivalenceKey;
            var fixAllContext = new FixAllContext(
                Project,
                Fixer,
                FixAllScope.Solution,
                equivalenceKey,
                Fixer.FixableDiagnosticIds,
                new FixedDiagnosticProvider(diagnostics),
                CancellationToken.None);
            var action = await Fixer.GetFixAllProvider()!.GetFixAsync(fixAllContext);
            var solution = Project.Solution;
            if (action != null)
            {
                foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                {
                    if (operation is ApplyChangesOperation apply)
                    {
                        solution = apply.ChangedSolution;
                    }
                }
            }

            Project = solution.GetProject(Project.Id)!;
            var texts = new List<string>();
            foreach (var document in Project.Documents.OrderBy(d => d.FilePath, System.StringComparer.Ordinal))
            {
                texts.Add((await document.GetTextAsync()).ToString());
            }

            return texts;
        }
    }
}
