using System.Collections.Generic;
using System.Linq;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Facts;
using AtomicWriteAnalyzer.Paths;
using AtomicWriteAnalyzer.Sensitivity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules.UnsafeHandRolledReplace
{
    /// <summary>
    /// AW0003: a hand-rolled replace that is not crash-safe, judged on the calls <see cref="SensitiveFileAnalyzer"/> collects per named type. A replace is a file written and then renamed over its
    /// target later in the same body (<see cref="PathKeys.FindRename(ApiCall, IEnumerable{ApiCall}, IPathFacts)"/>
    /// over the type's recorded renames: the pairing AW0001 uses to skip such writes). It is flagged whatever the
    /// target's sensitivity (it is an explicit attempt at atomicity, so getting it wrong is a bug), except where nothing
    /// worth keeping is replaced: <c>atomic_write.ignored_paths</c> or a counter-signal matches the target, the temp is
    /// named as a partial download (<c>.part</c>), or the move can only create it. The diagnostic sits on the temp write (the first one, when
    /// several write the same temp) and names every missing step; the rename is its first additional location, then
    /// the statements the fix removes (<see cref="ReplaceCollapsePlan"/>).
    /// </summary>
    internal static class UnsafeHandRolledReplaceRule
    {
        public static readonly TypeRule Rule = new TypeRule(DiagnosticDescriptors.AW0003_UnsafeHandRolledReplace, ReportReplaces);

        private static void ReportReplaces(TypeReport context, TypeFacts facts)
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

        private static void Report(TypeReport context, TypeFacts facts, ApiCall rename, List<ApiCall> writes)
        {
            var target = rename.Target!;
            var temp = rename.Path!;
            if (PathKeys.SamePath(temp, target, facts) || ReplaceSteps.IsMoveAway(temp, target, facts))
            {
                return;
            }

            var targetPath = facts.PathOf(target);
            if (NothingWorthKeeping(facts, rename, targetPath, temp))
            {
                return;
            }

            var deletes = ReplaceSteps.DeletesOfTarget(rename, facts.Context, facts);
            if (ReplaceSteps.OnlyCreatesTarget(rename, ReplaceSteps.DeletesOfTarget(rename, facts.Context, facts, inCatchToo: true))
                && !ReplaceSteps.MovesTargetAwayFirst(rename, facts))
            {
                return;
            }

            // A replace split across members (the temp written here, renamed by a member this body calls): the steps
            // between are looked for up to that call; the fix, which rewrites one body, does not apply.
            var callSite = facts.RenameCallSiteOf(writes[writes.Count - 1]);
            var problems = Problems(facts, rename, writes, targetPath, deletes, callSite);
            if (problems.Count == 0 || (problems.All(p => p.Problem == ReplaceProblem.PredictableName) && writes.All(w => w.Effect != FileEffect.CreateNew)))
            {
                // Flushed, never deleted, on one file system, the temp truncated when reopened: the replace survives a
                // crash. A predictable name alone risks a collision with a second writer, not a torn file; it is named
                // only beside a crash-safety gap, or when CreateNew makes a temp left by a crash block every later save.
                return;
            }

            var additional = new List<Location> { rename.Operation.Syntax.GetLocation() };
            bool collapse = callSite == null && writes.Count == 1 && ReplaceCollapsePlan.CanCollapse(writes[0], rename, deletes, facts, additional);

            string file = PathDisplay.ShownFileName(targetPath, target);
            var properties = DiagnosticProperties.For(writes[0].Entry.Shape, writes[0].Display, writes[0].Family)
                .Fixable(collapse)
                .Fix(collapse ? ReplaceFix.Collapse : ReplaceFix.None)
                .FileName(file)
                .Problems(problems.Select(p => p.Problem));

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AW0003_UnsafeHandRolledReplace,
                writes[0].Operation.Syntax.GetLocation(),
                collapse ? additional : additional.Take(1),
                properties.Build(),
                file,
                string.Join("; ", problems.Select(p => ReplaceMessages.Describe(p.Problem, p.Detail)))));
        }

        /// <summary>
        /// Nothing worth keeping is replaced: an ignored path, a log, cache, download, export or temp target, a new
        /// name, or a temp named as a download in progress (<c>path + ".part"</c>). Files with no signal either way
        /// are still judged: the replace says the file matters.
        /// </summary>
        private static bool NothingWorthKeeping(TypeFacts facts, ApiCall rename, PathModel targetPath, IOperation temp)
        {
            var options = facts.Context.Options.For(rename.Operation.Syntax.SyntaxTree);
            var kind = SensitivitySignals.Evaluate(targetPath, options, writerName: null, facts.Type.Name).Kind;
            return kind == SignalKind.IgnoredPathsOption || kind == SignalKind.CounterSignal
                || CounterSignals.PartialDownload(facts.PathOf(temp)) != null;
        }

        /// <summary>The steps the replace misses, in the order the message lists them, each with what the message names.</summary>
        private static List<(ReplaceProblem Problem, string Detail)> Problems(TypeFacts facts, ApiCall rename, List<ApiCall> writes, PathModel targetPath, List<IInvocationOperation> deletes, IInvocationOperation? callSite)
        {
            var target = rename.Target!;
            var temp = rename.Path!;
            var tempPath = facts.PathOf(temp);
            var problems = new List<(ReplaceProblem, string)>();
            string? missingFlush = ReplaceSteps.MissingFlush(writes[writes.Count - 1], callSite ?? rename.Operation);
            if (missingFlush != null)
            {
                problems.Add((ReplaceProblem.NotFlushed, missingFlush));
            }

            if (ReplaceSteps.IsPredictable(temp, target, facts))
            {
                problems.Add((ReplaceProblem.PredictableName, PathDisplay.ShownFileName(tempPath, temp)));
            }

            if (deletes.Count > 0)
            {
                problems.Add((ReplaceProblem.DeleteThenMove, ReplaceMessages.OverwritingMove(rename.Method, facts.Context.Compilation)));
            }

            const PathOrigin elsewhere = PathOrigin.TempFileName | PathOrigin.TempDirectory;
            if ((tempPath.Origins & elsewhere) != 0 && (targetPath.Origins & elsewhere) == 0)
            {
                problems.Add((ReplaceProblem.CrossFileSystem, tempPath.OriginDetail ?? "the temp folder"));
            }

            return problems;
        }
    }
}
