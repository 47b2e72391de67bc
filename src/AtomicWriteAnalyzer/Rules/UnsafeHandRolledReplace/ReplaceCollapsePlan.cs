using System.Collections.Generic;
using System.Linq;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Facts;
using AtomicWriteAnalyzer.Operations;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules.UnsafeHandRolledReplace
{
    /// <summary>
    /// AW0003's fix precondition, decided on operations: whether a temp written by one <c>File.WriteAll*</c> call and
    /// moved over its target can become one <c>AtomicFile.WriteAll*(target, ...)</c> without changing what the code does,
    /// and which statements the fix removes.
    /// </summary>
    internal static class ReplaceCollapsePlan
    {
        /// <summary>
        /// Whether <c>File.WriteAll*(temp, ...)</c> followed by <c>File.Move(temp, target, ...)</c> can become
        /// <c>AtomicFile.WriteAll*(target, ...)</c> without changing what the code does: both are statements of one
        /// block, nothing but <c>File.Delete(target)</c> (which goes too) stands between them, the move overwrites (or
        /// the target was just deleted), and the target's value can be computed before the write. Adds to
        /// <paramref name="additional"/> the statements the fix removes (the deletes, and the temp's declaration when
        /// nothing else uses it).
        /// </summary>
        public static bool CanCollapse(ApiCall write, ApiCall rename, List<IInvocationOperation> deletes, TypeFacts facts, List<Location> additional)
        {
            if (write.Family != CallFamily.SystemIO || rename.Family != CallFamily.SystemIO || rename.Entry.Shape != CallShape.FileMove
                || !CallShapeGroups.IsWholeFileWrite(write.Entry.Shape) || !PathParts.IsPlainValue(rename.Target))
            {
                return false;
            }

            var writeStatement = StatementOf(write.Operation, allowAwait: true);
            var moveStatement = StatementOf(rename.Operation, allowAwait: false);
            if (writeStatement == null || moveStatement == null || !(writeStatement.Parent is IBlockOperation block) || moveStatement.Parent != block)
            {
                return false;
            }

            int writeIndex = BodyIndex.Of(block).StatementIndex(writeStatement);
            int moveIndex = BodyIndex.Of(block).StatementIndex(moveStatement);
            if (writeIndex < 0 || moveIndex <= writeIndex)
            {
                return false;
            }

            var removed = DeletesBetween(block, writeIndex, moveIndex, deletes);
            if (removed == null)
            {
                return false;
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

        /// <summary>The statements strictly between the write and the move, when every one of them is one of the deletes.</summary>
        private static List<IOperation>? DeletesBetween(IBlockOperation block, int writeIndex, int moveIndex, List<IInvocationOperation> deletes)
        {
            var removed = new List<IOperation>();
            for (int i = writeIndex + 1; i < moveIndex; i++)
            {
                var between = block.Operations[i];
                if (!IsDeleteStatement(between, deletes))
                {
                    return null;
                }

                removed.Add(between);
            }

            return removed;
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
            if (definitions.Length != 1 || PathParts.MayHaveEffects(definitions[0]))
            {
                return null;
            }

            var declaration = BodyIndex.Of(block).DeclaratorOf(local)?.Parent?.Parent as IVariableDeclarationGroupOperation;
            if (declaration == null || declaration.Parent != block || declaration.Declarations.Length != 1 || declaration.Declarations[0].Declarators.Length != 1)
            {
                return null;
            }

            foreach (var reference in BodyIndex.Of(write.Operation).ReferencesTo(local))
            {
                if (!write.Operation.Syntax.Span.Contains(reference.Syntax.Span) && !rename.Operation.Syntax.Span.Contains(reference.Syntax.Span))
                {
                    return null;
                }
            }

            return declaration.Syntax;
        }
    }
}
