using System.Composition;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.CodeFixes.Rules
{
    /// <summary>
    /// AW0005: <c>File.Delete(path)</c> → <c>AtomicFile.Delete(path)</c>, and <c>info.Delete()</c> →
    /// <c>AtomicFile.Delete(info.FullName)</c>: the file and its backups go, and a missing file is still no error.
    /// A move gets no fix: AtomicFile has no move, and what a moved file's backups should become is the caller's call.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeleteLeavesBackupFixer))]
    [Shared]
    public sealed class DeleteLeavesBackupFixer : AtomicWriteCodeFixProvider
    {
        /// <summary>The one equivalence key of the AW0005 fix.</summary>
        public const string EquivalenceKey = "AW0005.AtomicFileDelete";

        public DeleteLeavesBackupFixer()
            : base(RuleIdentifiers.DeleteLeavesBackup, EquivalenceKey)
        {
        }

        private protected override FixPlan? Plan(FixContext context, Diagnostic diagnostic)
        {
            if (!(context.FindNode<InvocationExpressionSyntax>(diagnostic) is { } invocation)
                || !(context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol method)
                || method.Name != "Delete")
            {
                return null;
            }

            InvocationExpressionSyntax rewritten;
            if (method.IsStatic && method.ContainingType.ToDisplayString() == "System.IO.File" && invocation.ArgumentList.Arguments.Count == 1)
            {
                if (!(AtomicFileCalls.Retarget(context, invocation.Expression) is { } callee))
                {
                    return null;
                }

                rewritten = invocation.WithExpression(callee);
            }
            else if (!method.IsStatic && method.ContainingType.ToDisplayString() == "System.IO.FileInfo" && invocation.ArgumentList.Arguments.Count == 0
                && invocation.Expression is MemberAccessExpressionSyntax member)
            {
                var fullName = SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    member.Expression.WithoutTrivia(),
                    SyntaxFactory.IdentifierName("FullName"));
                rewritten = SyntaxFactory.InvocationExpression(
                        AtomicFileCalls.Member(context, "Delete"),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(fullName))))
                    .WithTriviaFrom(invocation);
            }
            else
            {
                return null;
            }

            if (!AtomicFileCalls.Binds(context, invocation, rewritten, "Delete", method.ReturnType))
            {
                return null;
            }

            return new FixPlan("Delete with AtomicFile.Delete (removes the backups too)", editor => editor.ReplaceNode(invocation, rewritten));
        }
    }
}
