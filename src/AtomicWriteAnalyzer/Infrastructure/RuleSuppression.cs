using System.Threading;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Infrastructure
{
    /// <summary>Whether a rule is off for the whole compilation, so that nothing is spent judging it.</summary>
    internal static class RuleSuppression
    {
        /// <summary>
        /// <c>dotnet_diagnostic.ID.severity = none</c> in a global config, or <c>NoWarn</c>: the rule reports nothing in
        /// this compilation.
        /// </summary>
        public static bool IsSuppressedEverywhere(string id, CompilationOptions options, CancellationToken cancellationToken)
        {
            if (options.SpecificDiagnosticOptions.TryGetValue(id, out var severity) && severity == ReportDiagnostic.Suppress)
            {
                return true;
            }

            return options.SyntaxTreeOptionsProvider != null
                && options.SyntaxTreeOptionsProvider.TryGetGlobalDiagnosticValue(id, cancellationToken, out severity)
                && severity == ReportDiagnostic.Suppress;
        }
    }
}
