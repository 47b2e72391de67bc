using System.Composition;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using AtomicWriteAnalyzer.CodeFixes.Rules.UnsafeHandRolledReplace;
using AtomicWriteAnalyzer.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AtomicWriteAnalyzer.CodeFixes.Rules
{
    /// <summary>
    /// AW0003: collapses a hand-rolled replace written by one <c>File.WriteAll*</c> call and published by <c>File.Move</c>
    /// into one <c>AtomicFile.WriteAll*(target, ...)</c>. Every other shape (streams, <c>File.Replace</c>, several writes,
    /// code between the two) keeps its warning and gets no fix; the analyzer decides (<c>DiagnosticPropertyNames.Fix</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsafeHandRolledReplaceFixer))]
    [Shared]
    public sealed class UnsafeHandRolledReplaceFixer : AtomicWriteCodeFixProvider
    {
        /// <summary>The one equivalence key of every AW0003 fix.</summary>
        public const string EquivalenceKey = "AW0003.UseAtomicFile";

        public UnsafeHandRolledReplaceFixer()
            : base(RuleIdentifiers.UnsafeHandRolledReplace, EquivalenceKey)
        {
        }

        private protected override FixPlan? Plan(FixContext context, Diagnostic diagnostic)
        {
            var properties = DiagnosticProperties.Of(diagnostic);
            return properties.Fixable && properties.ReplaceFix == ReplaceFix.Collapse
                ? CollapseReplaceFix.Plan(context, diagnostic, properties.FileName)
                : null;
        }
    }
}
