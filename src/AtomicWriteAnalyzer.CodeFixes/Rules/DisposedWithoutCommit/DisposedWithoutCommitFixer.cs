using System.Composition;
using System.Linq;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using AtomicWriteAnalyzer.Rules.DisposedWithoutCommit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AtomicWriteAnalyzer.CodeFixes.Rules
{
    /// <summary>
    /// AW0004: adds <c>Commit()</c> (<c>await CommitAsync()</c> in async code) at the end of the using block, where
    /// the code has written everything. Offered only when that is the one place missing a commit: the local is
    /// never committed in the scope (a second commit would throw), and no jump leaves the scope before its end
    /// (an early <c>return</c> without a commit may be a deliberate discard) other than a final <c>return</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DisposedWithoutCommitFixer))]
    [Shared]
    public sealed class DisposedWithoutCommitFixer : AtomicWriteCodeFixProvider
    {
        /// <summary>The one equivalence key of the AW0004 fix.</summary>
        public const string EquivalenceKey = "AW0004.CommitAtEnd";

        public DisposedWithoutCommitFixer()
            : base(RuleIdentifiers.DisposedWithoutCommit, EquivalenceKey)
        {
        }

        private protected override FixPlan? Plan(FixContext context, Diagnostic diagnostic)
        {
            var model = context.SemanticModel;
            var span = diagnostic.Location.SourceSpan;
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != context.Root.SyntaxTree
                || !(context.Root.FindToken(span.Start).Parent is VariableDeclaratorSyntax declarator)
                || !(UsingScope.Of(declarator) is { } scope)
                || !(model.GetDeclaredSymbol(declarator, context.CancellationToken) is ILocalSymbol local)
                || !(ScopeExits.EnclosingFunction(scope.Owner) is { } function)
                || IsEverCommitted(scope, local, model, context))
            {
                return null;
            }

            var exits = ScopeExits.Find(scope, model, new ISymbol[] { local });
            var last = scope.Statements.LastOrDefault();
            if (exits == null || exits.Value.Any(exit => exit != last))
            {
                return null;
            }

            bool beforeFinalJump = last != null && exits.Value.Contains(last);
            if (last != null && !beforeFinalJump && model.AnalyzeControlFlow(last) is var flow && (flow == null || !flow.Succeeded || !flow.EndPointIsReachable))
            {
                return null;
            }

            var generator = SyntaxGenerator.GetGenerator(context.Document);
            var commit = CommitStatements.Create(generator, scope.Name, new (string, bool)[0], ScopeExits.IsAsync(function));
            string title = "Commit '" + scope.Name + "' at the end of the block";
            return new FixPlan(title, editor =>
            {
                if (last == null)
                {
                    if (scope.Owner is UsingStatementSyntax { Statement: BlockSyntax block })
                    {
                        StatementInsertion.Prepend(editor, block, commit);
                    }
                    else
                    {
                        StatementInsertion.InsertAfter(editor, scope.Owner, commit);
                    }
                }
                else if (beforeFinalJump)
                {
                    StatementInsertion.InsertBefore(editor, last, commit);
                }
                else
                {
                    StatementInsertion.InsertAfter(editor, last, commit);
                }
            });
        }

        private static bool IsEverCommitted(UsingScope scope, ILocalSymbol local, SemanticModel model, FixContext context) =>
            scope.Statements.Any(statement =>
                !(model.GetOperation(statement, context.CancellationToken) is { } operation)
                || AtomicLocalUses.Classify(operation, local).Any(use => use.Use != AtomicUse.Neutral));
    }
}
