using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Facts;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Rules.InPlaceOverwrite;
using AtomicWriteAnalyzer.Rules.ReadWithoutRecovery;
using AtomicWriteAnalyzer.Rules.UnsafeHandRolledReplace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Rules
{
    /// <summary>
    /// AW0001, AW0002 and AW0003: the rules judged on a named type's file calls. One analyzer gathers each type's
    /// <see cref="TypeFacts"/> once (every invocation, creation, assignment and return of the compilation is seen
    /// once, not once per rule: three analyzers each gathering their own facts cost three times the callbacks) and
    /// runs the rules on them once a call of the type touches a file; the path of a call is reconstructed once for all of them. Each rule
    /// keeps its own file: <see cref="InPlaceOverwriteRule"/>, <see cref="ReadWithoutRecoveryRule"/>,
    /// <see cref="UnsafeHandRolledReplaceRule"/>. A rule suppressed for the whole compilation
    /// (<c>dotnet_diagnostic.AW0002.severity = none</c> in a global config, <c>NoWarn</c>) is not judged at all, nor
    /// is test code (<see cref="TestCode"/>) unless <c>atomic_write.include_tests = true</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SensitiveFileAnalyzer : AtomicWriteAnalyzerBase
    {
        private static readonly ImmutableArray<TypeRule> AllRules = ImmutableArray.Create(
            InPlaceOverwriteRule.Rule,
            ReadWithoutRecoveryRule.Rule,
            UnsafeHandRolledReplaceRule.Rule);

        private readonly ImmutableArray<TypeRule> _rules;

        public SensitiveFileAnalyzer()
            : this(AllRules)
        {
        }

        private SensitiveFileAnalyzer(ImmutableArray<TypeRule> rules)
        {
            _rules = rules;
            SupportedDiagnostics = rules.Select(rule => rule.Descriptor).ToImmutableArray();
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        /// <summary>The same analyzer judging only the rules with these ids (tests of one rule).</summary>
        internal static SensitiveFileAnalyzer WithRules(params string[] ruleIds) =>
            new SensitiveFileAnalyzer(AllRules.Where(rule => ruleIds.Contains(rule.Descriptor.Id)).ToImmutableArray());

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalyzerCompilationContext compilationContext)
        {
            var rules = new List<TypeRule>(_rules.Length);
            foreach (var rule in _rules)
            {
                if (!RuleSuppression.IsSuppressedEverywhere(rule.Descriptor.Id, context.Compilation.Options, context.CancellationToken))
                {
                    rules.Add(rule);
                }
            }

            if (rules.Count == 0 || compilationContext.IsQuietTestCode)
            {
                return;
            }

            TypeFactsCollector.Register(
                context,
                compilationContext,
                KeepCall,
                (report, facts) =>
                {
                    if (facts.Calls.Count == 0 && facts.HelperCalls.Count == 0)
                    {
                        return;
                    }

                    foreach (var rule in rules)
                    {
                        rule.Report(report, facts);
                    }
                },
                recordHelperCalls: true);
        }

        /// <summary>The calls any of the rules judges; each rule picks the effects it needs.</summary>
        private static bool KeepCall(ApiCall call) =>
            call.Effect == FileEffect.Overwrite || call.Effect == FileEffect.Read
            || call.Effect == FileEffect.Rename || call.Effect == FileEffect.CreateNew;
    }
}
