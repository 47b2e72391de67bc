using System.Composition;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwrite;
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
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Fixable, out string? fixable) || fixable != DiagnosticPropertyNames.True
                || !diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Shape, out string? shape) || shape == null)
            {
                return null;
            }

            diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.FileName, out string? fileName);
            var target = new FixTarget(context, diagnostic, shape, fileName ?? "the file");
            return shape switch
            {
                "WriteAllText" or "WriteAllTextAsync" or "WriteAllBytes" or "WriteAllBytesAsync" or "WriteAllLines" or "WriteAllLinesAsync" =>
                    DropInCallFix.Plan(target, removeOverwriteArgument: false),
                "Copy" => DropInCallFix.Plan(target, removeOverwriteArgument: true),
                "FileStream" or "FileCreate" or "FileOpen" or "FileOpenWrite" or "FileInfoCreate" or "FileInfoOpenWrite" or "FileInfoOpen"
                    or "FileCreateText" or "FileInfoCreateText" or "StreamWriter" => StreamFix.Plan(target),
                "XmlSave" => XmlSaveFix.Plan(target),
                _ => null,
            };
        }
    }
}
