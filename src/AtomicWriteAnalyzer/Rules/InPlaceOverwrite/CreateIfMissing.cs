using System.Collections.Generic;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Facts;
using AtomicWriteAnalyzer.Operations;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules.InPlaceOverwrite
{
    /// <summary>
    /// A write that runs only when its file does not exist creates a default; it never overwrites anything:
    /// <c>if (!File.Exists(path)) File.WriteAllText(path, defaults);</c>, the <c>else</c> of <c>if (File.Exists(path))</c>,
    /// or after <c>if (File.Exists(path)) return;</c>. The read of that file is still AW0002's: a torn default bites there.
    /// </summary>
    internal static class CreateIfMissing
    {
        public static bool IsGuarded(ApiCall write, TypeFacts facts)
        {
            // Most bodies test no file's existence: then nothing below is asked.
            var index = BodyIndex.Of(write.Operation);
            if (write.Path == null || index.ExistenceConditionals.Count == 0)
            {
                return false;
            }

            var child = write.Operation;
            for (var parent = child.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                {
                    return false;
                }

                if (parent is IConditionalOperation conditional && child != conditional.Condition)
                {
                    // In the then-branch every conjunct held; in the else-branch every disjunct failed.
                    bool inThen = child == conditional.WhenTrue;
                    if (AnyChecks(conditional.Condition, inThen ? BinaryOperatorKind.ConditionalAnd : BinaryOperatorKind.ConditionalOr, termValue: inThen, write.Path, facts))
                    {
                        return true;
                    }
                }

                if (parent is IBlockOperation block && ExitsEarlyIfExists(index, block, child, write.Path, facts))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An earlier statement of the block leaves it when the file exists: <c>if (File.Exists(path)) return;</c>.</summary>
        private static bool ExitsEarlyIfExists(BodyIndex index, IBlockOperation block, IOperation statement, IOperation path, TypeFacts facts)
        {
            foreach (var conditional in index.ExistenceConditionals)
            {
                if (conditional.Parent == block && conditional.WhenFalse == null && index.StatementIndex(conditional) < index.StatementIndex(statement)
                    && Exits(conditional.WhenTrue) && AnyChecks(conditional.Condition, BinaryOperatorKind.ConditionalOr, termValue: false, path, facts))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Exits(IOperation? operation)
        {
            while (operation is IBlockOperation block && block.Operations.Length == 1)
            {
                operation = block.Operations[0];
            }

            return operation is IReturnOperation || operation is IBranchOperation
                || (operation is IExpressionStatementOperation statement && statement.Operation is IThrowOperation)
                || operation is IThrowOperation;
        }

        /// <summary>
        /// Whether one of the condition's terms (split on <paramref name="junction"/>) tests the write's path for
        /// existence so that the write runs only when the file does not exist. Every term had
        /// <paramref name="termValue"/> on the way to the write (true in a then-branch, false after an early exit).
        /// </summary>
        private static bool AnyChecks(IOperation condition, BinaryOperatorKind junction, bool termValue, IOperation path, TypeFacts facts)
        {
            var terms = new List<IOperation>();
            Split(condition, junction, terms, 0);
            foreach (var term in terms)
            {
                // The file is missing when the term's value is the opposite of what it has when the file exists.
                var check = ExistenceChecks.Of(term, facts.Context);
                if (check != null && check.Value.WhenExists != termValue && PathKeys.SamePath(check.Value.Path, path, facts))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Split(IOperation operation, BinaryOperatorKind junction, List<IOperation> terms, int depth)
        {
            if (operation is IBinaryOperation binary && binary.OperatorKind == junction && depth < 8)
            {
                Split(binary.LeftOperand, junction, terms, depth + 1);
                Split(binary.RightOperand, junction, terms, depth + 1);
                return;
            }

            terms.Add(operation);
        }
    }
}
