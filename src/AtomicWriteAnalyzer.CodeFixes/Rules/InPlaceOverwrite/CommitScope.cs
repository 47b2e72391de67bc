using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwrite
{
    /// <summary>
    /// Where the commit goes: the stream's own <c>using</c> scope, or the scope of the writer that wraps it (which is
    /// then flushed before the commit), with the resources whose disposal ends the scope.
    /// </summary>
    internal sealed class CommitScope
    {
        private CommitScope(UsingScope innermost, IReadOnlyList<SyntaxNode> lastUses)
        {
            Innermost = innermost;
            LastUses = lastUses;
        }

        public UsingScope Innermost { get; }

        public IReadOnlyList<SyntaxNode> LastUses { get; }

        public List<(string Name, bool HasFlushAsync)> Writers { get; } = new List<(string Name, bool HasFlushAsync)>();

        public List<ISymbol> Resources { get; } = new List<ISymbol>();

        /// <summary>The jumps that leave the stream's scope: each gets a commit before it, if it comes before the anchor.</summary>
        public ImmutableArray<StatementSyntax> Exits { get; private set; }

        /// <summary>The last statement that uses the stream (null: none does); the commit follows it.</summary>
        public StatementSyntax? Anchor { get; private set; }

        public bool CommitAfterAnchor { get; private set; }

        public static CommitScope? Of(SemanticModel model, UsingScope scope, ILocalSymbol local, bool isText, CancellationToken cancellationToken)
        {
            var uses = StreamUses.Collect(model, scope, local, isWriter: isText, allowWrapper: true, cancellationToken);
            var commitScope = uses == null ? null : ForUses(model, scope, local, uses, cancellationToken);
            if (commitScope == null)
            {
                return null;
            }

            var exits = ScopeExits.Find(scope, model, commitScope.Resources);
            if (exits == null || !TryFindAnchor(model, commitScope.Innermost, commitScope.LastUses, out var anchor, out bool commitAfterAnchor))
            {
                return null;
            }

            commitScope.Exits = exits.Value;
            commitScope.Anchor = anchor;
            commitScope.CommitAfterAnchor = commitAfterAnchor;
            return commitScope;
        }

        /// <summary>
        /// Inserts the commits: before each early exit, and after the anchor (or at the start when nothing uses the
        /// stream). Inside a writer's scope the writer is flushed first.
        /// </summary>
        public void InsertCommits(SyntaxEditor editor, UsingScope scope, IReadOnlyList<StatementSyntax> commitOnly, IReadOnlyList<StatementSyntax> flushAndCommit)
        {
            var innermost = Innermost;
            int commitPoint = Anchor?.Span.End ?? -1;
            foreach (var exit in Exits.Where(e => e.SpanStart < commitPoint))
            {
                StatementInsertion.InsertBefore(editor, exit, innermost != scope && innermost.Contains(exit) ? flushAndCommit : commitOnly);
            }

            if (Anchor == null)
            {
                InsertAtStart(editor, innermost, innermost == scope ? commitOnly : flushAndCommit);
            }
            else if (CommitAfterAnchor)
            {
                StatementInsertion.InsertAfter(editor, Anchor, innermost == scope ? commitOnly : flushAndCommit);
            }
        }

        private static CommitScope? ForUses(SemanticModel model, UsingScope scope, ILocalSymbol local, StreamUses uses, CancellationToken cancellationToken)
        {
            if (uses.Wrapper == null)
            {
                var own = new CommitScope(scope, uses.Uses);
                own.Resources.Add(local);
                return own;
            }

            var writerScope = UsingScope.Of(uses.Wrapper);
            if (writerScope == null || !(model.GetDeclaredSymbol(uses.Wrapper, cancellationToken) is ILocalSymbol writer))
            {
                return null;
            }

            var writerUses = StreamUses.Collect(model, writerScope, writer, isWriter: true, allowWrapper: false, cancellationToken);
            if (writerUses == null)
            {
                return null;
            }

            var wrapped = new CommitScope(writerScope, writerUses.Uses);
            wrapped.Resources.Add(local);
            wrapped.Resources.Add(writer);
            wrapped.Writers.Add((writer.Name, writer.Type.Name != nameof(System.IO.BinaryWriter)));
            return wrapped;
        }

        /// <summary>
        /// The statement after which everything is written: the last statement of the commit scope that uses the
        /// stream (null: none does), and whether its end is reachable (a commit after a <c>return</c> would be dead).
        /// </summary>
        private static bool TryFindAnchor(SemanticModel model, UsingScope innermost, IReadOnlyList<SyntaxNode> lastUses, out StatementSyntax? anchor, out bool commitAfterAnchor)
        {
            anchor = innermost.Statements.LastOrDefault(s => lastUses.Any(u => s.Span.Contains(u.Span)));
            commitAfterAnchor = false;
            if (anchor == null)
            {
                return true;
            }

            if (!StatementInsertion.CanInsertAround(anchor))
            {
                return false;
            }

            var flow = model.AnalyzeControlFlow(anchor);
            if (flow == null || !flow.Succeeded)
            {
                return false;
            }

            commitAfterAnchor = flow.EndPointIsReachable;
            return true;
        }

        private static void InsertAtStart(SyntaxEditor editor, UsingScope scope, IReadOnlyList<StatementSyntax> statements)
        {
            if (scope.Statements.Length > 0)
            {
                StatementInsertion.InsertBefore(editor, scope.Statements[0], statements);
            }
            else if (scope.Owner is UsingStatementSyntax { Statement: BlockSyntax block })
            {
                StatementInsertion.Prepend(editor, block, statements);
            }
            else
            {
                StatementInsertion.InsertAfter(editor, scope.Owner, statements);
            }
        }
    }
}
