using System.Composition;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.CodeFixes.Rules
{
    /// <summary>
    /// AW0005: <c>File.Delete(path)</c> → <c>AtomicFile.Delete(path)</c>, and <c>info.Delete()</c> →
    /// <c>AtomicFile.Delete(info.FullName)</c> (<see cref="BackupDeletes"/>): the file and its backups go, and a missing
    /// file is still no error. A move or replace gets no fix: AtomicFile has neither, and what a moved file's backups
    /// should become is the caller's call.
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
                || !(BackupDeletes.Rewrite(context, invocation) is { } rewritten))
            {
                return null;
            }

            return new FixPlan(BackupDeletes.Title, editor => editor.ReplaceNode(invocation, rewritten));
        }
    }
}
