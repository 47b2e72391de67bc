using System.Composition;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using AtomicWriteAnalyzer.CodeFixes.Rules.ReadWithoutRecovery;
using AtomicWriteAnalyzer.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AtomicWriteAnalyzer.CodeFixes.Rules
{
    /// <summary>
    /// AW0002: rewrites a read of a sensitive file to the recovering loader: <c>File.ReadAll*</c> → <c>AtomicFile.ReadAll*</c>,
    /// and a read parsed at once → <c>AtomicFile.Load</c>/<c>LoadAsync</c>, so that a parse failure falls back to the
    /// backup. The analyzer decides which (or none) in <c>DiagnosticPropertyNames.Fix</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadWithoutRecoveryFixer))]
    [Shared]
    public sealed class ReadWithoutRecoveryFixer : AtomicWriteCodeFixProvider
    {
        /// <summary>The one equivalence key of every AW0002 fix.</summary>
        public const string EquivalenceKey = "AW0002.ReadWithRecovery";

        public ReadWithoutRecoveryFixer()
            : base(RuleIdentifiers.ReadWithoutRecovery, EquivalenceKey)
        {
        }

        private protected override FixPlan? Plan(FixContext context, Diagnostic diagnostic)
        {
            var properties = DiagnosticProperties.Of(diagnostic);
            if (!properties.Fixable || !(properties.Shape is CallShape shape))
            {
                return null;
            }

            string file = properties.FileName;
            return properties.ReadFix switch
            {
                ReadFix.ReadAll => RecoveringReadFixes.ReadAll(context, diagnostic, file),
                ReadFix.LoadText => RecoveringReadFixes.Load(context, diagnostic, file, stream: false, isAsync: shape == CallShape.ReadAllTextAsync),
                ReadFix.LoadStream => RecoveringReadFixes.Load(context, diagnostic, file, stream: true, isAsync: false),
                _ => null,
            };
        }
    }
}
