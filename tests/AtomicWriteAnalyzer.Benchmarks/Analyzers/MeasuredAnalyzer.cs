using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Benchmarks.Analyzers
{
    /// <summary>One analyzer instance under measurement: whose it is, its name and rule ids.</summary>
    internal sealed class MeasuredAnalyzer
    {
        public MeasuredAnalyzer(DiagnosticAnalyzer analyzer, bool isOurs, string? name = null)
        {
            Analyzer = analyzer;
            IsOurs = isOurs;
            Name = name ?? analyzer.GetType().Name;
            RuleIds = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id).ToImmutableArray();

            // What the driver runs without configuration: an analyzer whose every rule is off by default is skipped.
            IsActiveByDefault = analyzer.SupportedDiagnostics.Any(d => d.IsEnabledByDefault && d.DefaultSeverity != DiagnosticSeverity.Hidden);
        }

        public DiagnosticAnalyzer Analyzer { get; }

        public bool IsOurs { get; }

        public string Name { get; }

        public ImmutableArray<string> RuleIds { get; }

        public bool IsActiveByDefault { get; }

        public string Label => Name + " (" + string.Join(", ", RuleIds) + ")";
    }
}
