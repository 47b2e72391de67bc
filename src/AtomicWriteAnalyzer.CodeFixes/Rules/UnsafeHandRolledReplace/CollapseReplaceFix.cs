using System.Collections.Generic;
using System.Linq;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.CodeFixes.Rules.UnsafeHandRolledReplace
{
    /// <summary>
    /// <c>File.WriteAll*(temp, args); File.Move(temp, target, true);</c> → <c>AtomicFile.WriteAll*(target, args);</c>.
    /// The analyzer has checked that nothing else stands between the two (but deletes of the target, removed too) and
    /// sends, after the rename, the statements that go: those deletes, and the temp's declaration when nothing else
    /// uses it. The rewritten call is bound speculatively before the fix is offered.
    /// </summary>
    internal static class CollapseReplaceFix
    {
        /// <summary>Whole lines go, trivia included; no elastic marker (the formatter would add a blank line between top-level statements).</summary>
        private const SyntaxRemoveOptions RemoveOptions = SyntaxRemoveOptions.KeepUnbalancedDirectives;

        public static FixPlan? Plan(FixContext context, Diagnostic diagnostic, string file)
        {
            var write = context.FindNode<InvocationExpressionSyntax>(diagnostic);
            if (write == null || diagnostic.AdditionalLocations.Count == 0)
            {
                return null;
            }

            var rename = context.FindNode<InvocationExpressionSyntax>(diagnostic.AdditionalLocations[0]);
            var moveStatement = rename?.Parent as ExpressionStatementSyntax;
            var removed = RemovedStatements(context, diagnostic);
            if (removed == null)
            {
                return null;
            }

            if (rename == null || moveStatement == null
                || !(context.SemanticModel.GetOperation(write, context.CancellationToken) is IInvocationOperation writeOperation)
                || !(context.SemanticModel.GetOperation(rename, context.CancellationToken) is IInvocationOperation renameOperation)
                || writeOperation.TargetMethod.ContainingType?.ToDisplayString() != "System.IO.File"
                || renameOperation.TargetMethod.ContainingType?.ToDisplayString() != "System.IO.File")
            {
                return null;
            }

            var tempArgument = writeOperation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "path")?.Syntax as ArgumentSyntax;
            var targetArgument = renameOperation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "destFileName")?.Syntax as ArgumentSyntax;
            var callee = AtomicFileCalls.Retarget(context, write.Expression);
            if (tempArgument == null || targetArgument == null || callee == null || !write.ArgumentList.Arguments.Contains(tempArgument))
            {
                return null;
            }

            var target = targetArgument.Expression.WithoutTrivia().WithTriviaFrom(tempArgument.Expression);
            var rewritten = write
                .WithArgumentList(write.ArgumentList.ReplaceNode(tempArgument.Expression, target))
                .WithExpression(callee);
            string member = writeOperation.TargetMethod.Name;
            if (!AtomicFileCalls.Binds(context, write, rewritten, member, writeOperation.TargetMethod.ReturnType))
            {
                return null;
            }

            return new FixPlan(
                "Replace '" + file + "' atomically with AtomicFile." + member + AtomicFileCalls.NewFileModeNote,
                editor =>
                {
                    editor.ReplaceNode(write, (current, _) => current.IsEquivalentTo(write) ? rewritten : current);
                    editor.RemoveNode(Removable(moveStatement), RemoveOptions);
                    foreach (var statement in removed)
                    {
                        editor.RemoveNode(Removable(statement), RemoveOptions);
                    }
                });
        }

        /// <summary>The statements the analyzer marked for removal (the deletes, the temp's declaration): additional locations after the rename.</summary>
        private static List<StatementSyntax>? RemovedStatements(FixContext context, Diagnostic diagnostic)
        {
            var removed = new List<StatementSyntax>();
            foreach (var location in diagnostic.AdditionalLocations.Skip(1))
            {
                var statement = context.FindNode<StatementSyntax>(location);
                if (statement == null)
                {
                    return null;
                }

                removed.Add(statement);
            }

            return removed;
        }

        /// <summary>A top-level statement is removed with its <c>GlobalStatementSyntax</c>.</summary>
        private static SyntaxNode Removable(StatementSyntax statement) =>
            statement.Parent is GlobalStatementSyntax global ? global : statement;
    }
}
