using System.Collections.Immutable;
using AtomicWriteAnalyzer.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>
    /// The shipped <see cref="SensitiveFileAnalyzer"/> judging one of its rules, so that a rule's tests see only that
    /// rule's diagnostics. The facts gathered are the same as with every rule on (the analyzer always keeps every call
    /// any rule needs); the tests that run it whole are ValidCode, the fuzz tests and the consumer script.
    /// Not marked <c>[DiagnosticAnalyzer]</c>: never loaded by a compiler, only handed to tests.
    /// </summary>
#pragma warning disable RS1001 // See the summary.
    public abstract class OneRuleAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer _analyzer;

        protected OneRuleAnalyzer(string ruleId)
        {
            _analyzer = SensitiveFileAnalyzer.WithRules(ruleId);
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _analyzer.SupportedDiagnostics;

#pragma warning disable RS1025, RS1026 // The wrapped analyzer configures generated code and concurrency in its own Initialize.
        public override void Initialize(AnalysisContext context) => _analyzer.Initialize(context);
#pragma warning restore RS1025, RS1026
    }

    /// <summary>AW0001 only.</summary>
    public sealed class InPlaceOverwriteOnly : OneRuleAnalyzer
    {
        public InPlaceOverwriteOnly()
            : base(RuleIdentifiers.InPlaceOverwrite)
        {
        }
    }

    /// <summary>AW0002 only.</summary>
    public sealed class ReadWithoutRecoveryOnly : OneRuleAnalyzer
    {
        public ReadWithoutRecoveryOnly()
            : base(RuleIdentifiers.ReadWithoutRecovery)
        {
        }
    }

    /// <summary>AW0003 only.</summary>
    public sealed class UnsafeHandRolledReplaceOnly : OneRuleAnalyzer
    {
        public UnsafeHandRolledReplaceOnly()
            : base(RuleIdentifiers.UnsafeHandRolledReplace)
        {
        }
    }
#pragma warning restore RS1001
}
