using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AtomicWriteAnalyzer.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules
{
    /// <summary>
    /// AW0003: a hand-rolled replace that is not crash-safe. A replace is a file written and then renamed over its
    /// target later in the same body (<see cref="HandRolledReplace.FindRename(ApiCall, IEnumerable{ApiCall}, IPathFacts)"/>
    /// over the type's recorded renames: the pairing AW0001 uses to skip such writes). It is flagged whatever the target's sensitivity (it is an explicit attempt at atomicity, so getting it
    /// wrong is a bug), except where <c>atomic_write.ignored_paths</c> matches the target. The diagnostic sits on the
    /// temp write (the first one, when several write the same temp) and names every missing step; the rename is its
    /// first additional location.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnsafeHandRolledReplaceAnalyzer : AtomicWriteAnalyzerBase
    {
        /// <summary><see cref="DiagnosticPropertyNames.Fix"/>: the write and the move collapse into one <c>AtomicFile.WriteAll*</c>.</summary>
        internal const string FixCollapse = "Collapse";

        internal const string FixNone = "None";

        private static readonly ImmutableHashSet<string> WholeFileWrites = ImmutableHashSet.Create(
            "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.AW0003_UnsafeHandRolledReplace);

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalyzerCompilationContext compilationContext)
        {
            RegisterTypeFacts(
                context,
                compilationContext,
                call => call.Effect == FileEffect.Overwrite || call.Effect == FileEffect.CreateNew || call.Effect == FileEffect.Rename,
                (end, facts) => ReportReplaces(end, facts));
        }

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

                var rename = HandRolledReplace.FindRename(write, facts.RenamesInBodyOf(write), facts);
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

            var targetPath = PathReconstruction.Reconstruct(target, facts.Context, facts);
            var options = facts.Context.Options.For(rename.Operation.Syntax.SyntaxTree);
            if (SensitivitySignals.Evaluate(targetPath, options, writerName: null).Kind == SignalKind.IgnoredPathsOption)
            {
                return;
            }

            var tempPath = PathReconstruction.Reconstruct(temp, facts.Context, facts);
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
                Add(ReplaceProblems.PredictableName, InPlaceOverwriteAnalyzer.ShownFileName(tempPath, temp));
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
            bool collapse = writes.Count == 1 && CanCollapse(writes[0], rename, deletes, facts, additional);

            string file = InPlaceOverwriteAnalyzer.ShownFileName(targetPath, target);
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

        /// <summary>
        /// Whether <c>File.WriteAll*(temp, ...)</c> followed by <c>File.Move(temp, target, ...)</c> can become
        /// <c>AtomicFile.WriteAll*(target, ...)</c> without changing what the code does: both are statements of one
        /// block, nothing but <c>File.Delete(target)</c> (which goes too) stands between them, the move overwrites (or
        /// the target was just deleted), and the target's value can be computed before the write. Adds to
        /// <paramref name="additional"/> the statements the fix removes (the deletes, and the temp's declaration when
        /// nothing else uses it).
        /// </summary>
        private static bool CanCollapse(ApiCall write, ApiCall rename, List<IInvocationOperation> deletes, TypeFacts facts, List<Location> additional)
        {
            if (write.Family != ApiFamily.SystemIO || rename.Family != ApiFamily.SystemIO || rename.Entry.Shape != "FileMove"
                || !WholeFileWrites.Contains(write.Entry.Shape) || !ReplaceSteps.IsPlainValue(rename.Target))
            {
                return false;
            }

            var writeStatement = StatementOf(write.Operation, allowAwait: true);
            var moveStatement = StatementOf(rename.Operation, allowAwait: false);
            if (writeStatement == null || moveStatement == null || !(writeStatement.Parent is IBlockOperation block) || moveStatement.Parent != block)
            {
                return false;
            }

            int writeIndex = block.Operations.IndexOf(writeStatement);
            int moveIndex = block.Operations.IndexOf(moveStatement);
            if (writeIndex < 0 || moveIndex <= writeIndex)
            {
                return false;
            }

            var removed = new List<IOperation>();
            for (int i = writeIndex + 1; i < moveIndex; i++)
            {
                var between = block.Operations[i];
                if (!IsDeleteStatement(between, deletes))
                {
                    return false;
                }

                removed.Add(between);
            }

            int deletesBetween = deletes.Count(d => removed.Any(r => r.Syntax.Span.Contains(d.Syntax.Span)));
            if (deletesBetween != deletes.Count)
            {
                // A delete elsewhere (before the write) would stay, and so would its window with no file.
                return false;
            }

            bool? overwrite = OperationHelpers.ConstantBool(OperationHelpers.ArgumentValue(rename.Operation, "overwrite"));
            if (overwrite != true && deletes.Count == 0)
            {
                // File.Move(temp, target) throws when the target exists; AtomicFile would replace it.
                return false;
            }

            var declaration = RemovableTempDeclaration(write, rename, block, facts);
            foreach (var statement in removed)
            {
                additional.Add(statement.Syntax.GetLocation());
            }

            if (declaration != null)
            {
                additional.Add(declaration.GetLocation());
            }

            return true;
        }

        /// <summary>The expression statement the call is (possibly awaited, possibly with <c>ConfigureAwait</c>).</summary>
        private static IExpressionStatementOperation? StatementOf(IOperation call, bool allowAwait)
        {
            var current = call;
            if (allowAwait)
            {
                if (current.Parent is IInvocationOperation configureAwait && configureAwait.TargetMethod?.Name == "ConfigureAwait" && configureAwait.Instance == current)
                {
                    current = configureAwait;
                }

                if (current.Parent is IAwaitOperation awaited)
                {
                    current = awaited;
                }
                else if (current != call)
                {
                    return null;
                }
            }

            return current.Parent as IExpressionStatementOperation;
        }

        /// <summary><c>File.Delete(target);</c> or <c>if (File.Exists(target)) File.Delete(target);</c>.</summary>
        private static bool IsDeleteStatement(IOperation statement, List<IInvocationOperation> deletes)
        {
            switch (statement)
            {
                case IExpressionStatementOperation expression:
                    return expression.Operation is IInvocationOperation invocation && deletes.Contains(invocation);
                case IConditionalOperation conditional when conditional.WhenFalse == null && conditional.Condition is IInvocationOperation condition
                    && condition.TargetMethod?.Name == "Exists":
                    var whenTrue = conditional.WhenTrue is IBlockOperation block && block.Operations.Length == 1 ? block.Operations[0] : conditional.WhenTrue;
                    return whenTrue is IExpressionStatementOperation inner && inner.Operation is IInvocationOperation deleted && deletes.Contains(deleted);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The declaration of the temp's local (<c>string tempPath = path + ".tmp";</c>) when the fix leaves it unused:
        /// declared alone in the same block, used only by the write and the move, and computed without calling user code.
        /// </summary>
        private static SyntaxNode? RemovableTempDeclaration(ApiCall write, ApiCall rename, IBlockOperation block, TypeFacts facts)
        {
            if (!(write.Path is ILocalReferenceOperation temp) || temp.Local == null)
            {
                return null;
            }

            var local = temp.Local;
            var definitions = facts.DefinitionsOf(local, temp);
            if (definitions.Length != 1 || ReplaceSteps.MayHaveEffects(definitions[0]))
            {
                return null;
            }

            IVariableDeclarationGroupOperation? declaration = null;
            foreach (var statement in block.Operations)
            {
                if (statement is IVariableDeclarationGroupOperation group && group.Declarations.Length == 1
                    && group.Declarations[0].Declarators.Length == 1
                    && SymbolEqualityComparer.Default.Equals(group.Declarations[0].Declarators[0].Symbol, local))
                {
                    declaration = group;
                }
            }

            if (declaration == null)
            {
                return null;
            }

            foreach (var operation in OperationHelpers.Root(write.Operation).Descendants())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !write.Operation.Syntax.Span.Contains(reference.Syntax.Span) && !rename.Operation.Syntax.Span.Contains(reference.Syntax.Span))
                {
                    return null;
                }
            }

            return declaration.Syntax;
        }
    }
}
