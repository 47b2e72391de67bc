using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace AtomicWriteAnalyzer.CodeFixes.Infrastructure
{
    /// <summary>
    /// The base of every rule's fix: one diagnostic id, one constant equivalence key, and one way to fix a document
    /// shared by the light bulb and Fix All. A rule only says how to plan the fix of one diagnostic
    /// (<see cref="Plan"/>); a diagnostic it cannot plan gets no action and is skipped by Fix All.
    /// <para>
    /// Fix All fixes every plannable diagnostic in scope whatever equivalence key it is asked for: <c>dotnet format</c>
    /// registers fixes for the <em>first</em> diagnostic only, takes its first action's key (null when that
    /// diagnostic had no fix) and runs one solution-wide Fix All with it. Matching on the key would let one
    /// unfixable diagnostic, or a batch fixer's null-key rule, stop every other fix.
    /// </para>
    /// </summary>
    public abstract class AtomicWriteCodeFixProvider : CodeFixProvider
    {
        private readonly string _equivalenceKey;
        private readonly FixAllProvider _fixAll;

        private protected AtomicWriteCodeFixProvider(string diagnosticId, string equivalenceKey)
        {
            FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
            _equivalenceKey = equivalenceKey;
            _fixAll = FixAllProvider.Create(FixAllInDocumentAsync);
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        public sealed override FixAllProvider GetFixAllProvider() => _fixAll;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var fixContext = await FixContext.CreateAsync(context.Document, context.CancellationToken).ConfigureAwait(false);
            if (fixContext == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                var plan = Plan(fixContext, diagnostic);
                if (plan != null)
                {
                    var document = context.Document;
                    context.RegisterCodeFix(
                        CodeAction.Create(plan.Title, cancellationToken => ApplyAsync(document, new[] { plan }, cancellationToken), _equivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>
        /// The fix of one diagnostic, or null when it cannot be fixed without changing behaviour or breaking the
        /// build. Called on the unmodified document; must not throw for unexpected code.
        /// </summary>
        private protected abstract FixPlan? Plan(FixContext context, Diagnostic diagnostic);

        private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var fixContext = await FixContext.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
            if (fixContext == null)
            {
                return null;
            }

            var plans = new List<FixPlan>();
            foreach (var diagnostic in diagnostics.Where(d => FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var plan = Plan(fixContext, diagnostic);
                if (plan != null)
                {
                    plans.Add(plan);
                }
            }

            return plans.Count == 0 ? null : await ApplyAsync(document, plans, context.CancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// What a rule does to the document after its plans are applied, by the light bulb and by Fix All alike:
        /// nothing by default; AW0001 rewrites the deletes its new AtomicFile saves would leave their backups to.
        /// </summary>
        private protected virtual Task<Document> AfterFixAsync(Document fixedDocument, CancellationToken cancellationToken) =>
            Task.FromResult(fixedDocument);

        private async Task<Document> ApplyAsync(Document document, IEnumerable<FixPlan> plans, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var plan in plans)
            {
                plan.Apply(editor);
            }

            return await AfterFixAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
        }
    }
}
