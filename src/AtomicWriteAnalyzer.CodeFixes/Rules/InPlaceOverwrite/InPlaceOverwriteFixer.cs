using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwrite;
using AtomicWriteAnalyzer.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AtomicWriteAnalyzer.CodeFixes.Rules
{
    /// <summary>
    /// AW0001: rewrites an in-place overwrite to <c>AtomicWrite.AtomicFile</c>. Drop-in calls (<c>WriteAll*</c>,
    /// <c>Copy</c>) become the same call on <c>AtomicFile</c>; using streams and writers become
    /// <c>AtomicFile.Create</c>/<c>CreateText</c> with a commit where the original block completed normally; an XML
    /// <c>Save(path)</c> saves into an <c>AtomicFile.Create</c> stream and commits. Writes through <c>System.IO.Abstractions</c> or a
    /// wrapper (<c>Fixable = false</c>) are never rewritten: the fix would bypass the user's mocks.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InPlaceOverwriteFixer))]
    [Shared]
    public sealed class InPlaceOverwriteFixer : AtomicWriteCodeFixProvider
    {
        /// <summary>The one equivalence key of every AW0001 fix.</summary>
        public const string EquivalenceKey = "AW0001.UseAtomicFile";

        public InPlaceOverwriteFixer()
            : base(RuleIdentifiers.InPlaceOverwrite, EquivalenceKey)
        {
        }

        private protected override FixPlan? Plan(FixContext context, Diagnostic diagnostic)
        {
            var properties = DiagnosticProperties.Of(diagnostic);
            if (!properties.Fixable || !(properties.Shape is CallShape shape))
            {
                return null;
            }

            var target = new FixTarget(context, diagnostic, shape, properties.FileName);
            if (CallShapeGroups.IsWholeFileWrite(shape))
            {
                return DropInCallFix.Plan(target, removeOverwriteArgument: false);
            }

            if (CallShapeGroups.IsStreamOpen(shape))
            {
                return StreamFix.Plan(target);
            }

            return shape switch
            {
                CallShape.Copy => DropInCallFix.Plan(target, removeOverwriteArgument: true),
                CallShape.XmlSave => XmlSaveFix.Plan(target),
                _ => null,
            };
        }

        /// <summary>
        /// A delete of a file the fixed code now saves through AtomicFile would leave the backup the save keeps, and
        /// the next AtomicFile load would restore it (AW0005): such deletes become <c>AtomicFile.Delete</c> too.
        /// </summary>
        private protected override Task<Document> AfterFixAsync(Document fixedDocument, CancellationToken cancellationToken) =>
            BackupDeletes.RewriteLeftoverDeletesAsync(fixedDocument, cancellationToken);
    }
}
