using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AtomicWriteAnalyzer.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Rules
{
    /// <summary>
    /// AW0003: a hand-rolled replace that is not crash-safe, judged on the calls <see cref="SensitiveFileAnalyzer"/> collects per named type. A replace is a file written and then renamed over its
    /// target later in the same body (<see cref="HandRolledReplace.FindRename(ApiCall, IEnumerable{ApiCall}, IPathFacts)"/>
    /// over the type's recorded renames: the pairing AW0001 uses to skip such writes). It is flagged whatever the
    /// target's sensitivity (it is an explicit attempt at atomicity, so getting it wrong is a bug), except where
    /// <c>atomic_write.ignored_paths</c> matches the target. The diagnostic sits on the temp write (the first one, when
    /// several write the same temp) and names every missing step; the rename is its first additional location, then
    /// the statements the fix removes (<see cref="ReplaceCollapsePlan"/>).
    /// </summary>
    internal static class UnsafeHandRolledReplaceRule
    {
        /// <summary><see cref="DiagnosticPropertyNames.Fix"/>: the write and the move collapse into one <c>AtomicFile.WriteAll*</c>.</summary>
        internal const string FixCollapse = "Collapse";

        internal const string FixNone = "None";

        public static readonly TypeRule Rule = new TypeRule(DiagnosticDescriptors.AW0003_UnsafeHandRolledReplace, ReportReplaces);

        private static void ReportReplaces(SymbolAnalysisContext context, TypeFacts facts)
        {
            // Every write of a temp, grouped by the rename that publishes it.
            var replaces = new Dictionary<IOperation, (ApiCall Rename, List<ApiCall> Writes)>();
            foreach (var fileCall in facts.Calls)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var write = fileCall.Call;
                if ((write.Effect != FileEffect.Overwrite && write.Effect != FileEffect.CreateNew) || write.Path == null)
                {
                    continue;
                }

                var rename = facts.RenameOf(write);
                if (rename == null || rename.Target == null)
                {
                    continue;
                }

                if (!replaces.TryGetValue(rename.Operation, out var replace))
                {
                    replace = (rename, new List<ApiCall>());
                    replaces.Add(rename.Operation, replace);
                }

                replace.Writes.Add(write);
            }

            foreach (var replace in replaces.Values)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var writes = replace.Writes.OrderBy(w => w.Operation.Syntax.SpanStart).ToList();
                Report(context, facts, replace.Rename, writes);
            }
        }

        private static void Report(SymbolAnalysisContext context, TypeFacts facts, ApiCall rename, List<ApiCall> writes)
        {
            var target = rename.Target!;
            var temp = rename.Path!;
            if (HandRolledReplace.SamePath(temp, target, facts) || ReplaceSteps.IsMoveAway(temp, target, facts))
            {
                return;
            }

            var targetPath = facts.PathOf(target);
            var options = facts.Context.Options.For(rename.Operation.Syntax.SyntaxTree);
            if (SensitivitySignals.Evaluate(targetPath, options, writerName: null).Kind == SignalKind.IgnoredPathsOption)
            {
                return;
            }

            var tempPath = facts.PathOf(temp);
            var problems = new List<string>();
            var descriptions = new List<string>();
            void Add(string problem, string detail)
            {
                problems.Add(problem);
                descriptions.Add(ReplaceSteps.Describe(problem, detail));
            }

            string? missingFlush = ReplaceSteps.MissingFlush(writes[writes.Count - 1], rename);
            if (missingFlush != null)
            {
                Add(ReplaceProblems.NotFlushed, missingFlush);
            }

            if (ReplaceSteps.IsPredictable(temp, target, facts))
            {
                Add(ReplaceProblems.PredictableName, InPlaceOverwriteRule.ShownFileName(tempPath, temp));
            }

            var deletes = ReplaceSteps.DeletesOfTarget(rename, facts.Context, facts);
            if (deletes.Count > 0)
            {
                Add(ReplaceProblems.DeleteThenMove, "");
            }

            const PathOrigin elsewhere = PathOrigin.TempFileName | PathOrigin.TempDirectory;
            if ((tempPath.Origins & elsewhere) != 0 && (targetPath.Origins & elsewhere) == 0)
            {
                Add(ReplaceProblems.CrossFileSystem, tempPath.OriginDetail ?? "the temp folder");
            }

            if (problems.Count == 0)
            {
                return;
            }

            var additional = new List<Location> { rename.Operation.Syntax.GetLocation() };
            bool collapse = writes.Count == 1 && ReplaceCollapsePlan.CanCollapse(writes[0], rename, deletes, facts, additional);

            string file = InPlaceOverwriteRule.ShownFileName(targetPath, target);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(DiagnosticPropertyNames.Shape, writes[0].Entry.Shape);
            properties.Add(DiagnosticPropertyNames.Api, writes[0].Display);
            properties.Add(DiagnosticPropertyNames.Fixable, collapse ? DiagnosticPropertyNames.True : DiagnosticPropertyNames.False);
            properties.Add(DiagnosticPropertyNames.Fix, collapse ? FixCollapse : FixNone);
            properties.Add(DiagnosticPropertyNames.FileName, file);
            properties.Add(DiagnosticPropertyNames.Problems, string.Join(",", problems));
            properties.Add(DiagnosticPropertyNames.Family, writes[0].Family.ToString());

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AW0003_UnsafeHandRolledReplace,
                writes[0].Operation.Syntax.GetLocation(),
                collapse ? additional : additional.Take(1),
                properties.ToImmutable(),
                file,
                string.Join("; ", descriptions)));
        }
    }
}
