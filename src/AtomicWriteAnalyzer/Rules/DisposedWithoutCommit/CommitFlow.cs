using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules.DisposedWithoutCommit
{
    /// <summary>
    /// Whether a using scope can be left normally without Commit, on the control flow graph. The scope is the try
    /// region the compiler builds around a using local (its finally disposes the local). "Committed" is a must-fact:
    /// a block is committed when every path into it committed. Normal exits are branches out of the scope that are
    /// not throws: falling off the end, return, break, continue, goto. Blocks entered by exception handling (catch,
    /// filter, finally) start as committed, so that an error path never counts as a forgotten commit.
    /// </summary>
    internal static class CommitFlow
    {
        /// <summary>True when some normal exit of the local's scope is reachable without a commit; null when the scope is not recognized.</summary>
        public static bool? HasUncommittedExit(ControlFlowGraph graph, ILocalSymbol local)
        {
            var scope = FindScope(graph.Root, local, graph);
            if (scope == null)
            {
                return null;
            }

            int first = scope.FirstBlockOrdinal;
            int last = scope.LastBlockOrdinal;
            var captures = CapturesOf(graph, local);
            var commitCaptures = CommitCaptures(graph, captures);
            var commits = new bool[last + 1];
            for (int i = first; i <= last; i++)
            {
                commits[i] = Commits(graph.Blocks[i], local, captures, commitCaptures);
            }

            var committedOut = new bool[last + 1];
            for (int i = first; i <= last; i++)
            {
                committedOut[i] = true;
            }

            for (bool changed = true; changed;)
            {
                changed = false;
                for (int i = first; i <= last; i++)
                {
                    var block = graph.Blocks[i];
                    bool committedIn = i != first && block.Predecessors
                        .Where(p => p.Source.IsReachable && p.Source.Ordinal >= first && p.Source.Ordinal <= last)
                        .All(p => committedOut[p.Source.Ordinal]);
                    bool value = committedIn || commits[i];
                    if (value != committedOut[i])
                    {
                        committedOut[i] = value;
                        changed = true;
                    }
                }
            }

            for (int i = first; i <= last; i++)
            {
                var block = graph.Blocks[i];
                if (block.IsReachable && !committedOut[i] && (LeavesScope(block.FallThroughSuccessor, first, last) || LeavesScope(block.ConditionalSuccessor, first, last)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool LeavesScope(ControlFlowBranch? branch, int first, int last) =>
            branch?.Destination != null
            && (branch.Semantics == ControlFlowBranchSemantics.Regular || branch.Semantics == ControlFlowBranchSemantics.Return)
            && (branch.Destination.Ordinal < first || branch.Destination.Ordinal > last);

        /// <summary>
        /// The try region of the using that declares the local: the outermost try-and-finally inside the local's
        /// lifetime whose finally refers to the local (a user's own try/finally sits deeper).
        /// </summary>
        private static ControlFlowRegion? FindScope(ControlFlowRegion region, ILocalSymbol local, ControlFlowGraph graph)
        {
            if (region.Kind == ControlFlowRegionKind.TryAndFinally && region.NestedRegions.Length == 2
                && Blocks(graph, region.NestedRegions[1]).Any(block => Operations(block).Any(operation => IsReference(operation, local))))
            {
                return region.NestedRegions[0];
            }

            foreach (var nested in region.NestedRegions)
            {
                var found = FindScope(nested, local, graph);
                if (found != null)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether the block commits the local. <c>stream?.Commit()</c> captures the local in one block and calls Commit
        /// in the next, behind a null check the local never fails (a using local from AtomicFile is never null): the
        /// capture itself counts as the commit.
        /// </summary>
        private static bool Commits(BasicBlock block, ILocalSymbol local, HashSet<CaptureId> captures, HashSet<CaptureId> commitCaptures) =>
            Operations(block).Any(operation => operation switch
            {
                IInvocationOperation invocation => IsCommit(invocation) && IsLocalOrCapture(invocation.Instance, local, captures),
                IFlowCaptureOperation capture => commitCaptures.Contains(capture.Id),
                _ => false,
            });

        private static bool IsCommit(IInvocationOperation invocation) =>
            (invocation.TargetMethod.Name == "Commit" || invocation.TargetMethod.Name == "CommitAsync")
            && AtomicLocalUses.IsAtomicType(invocation.TargetMethod.ContainingType);

        /// <summary>The captures of the local that are the receiver of a Commit call.</summary>
        private static HashSet<CaptureId> CommitCaptures(ControlFlowGraph graph, HashSet<CaptureId> captures)
        {
            var commitCaptures = new HashSet<CaptureId>();
            foreach (var block in graph.Blocks)
            {
                foreach (var invocation in Operations(block).OfType<IInvocationOperation>())
                {
                    if (IsCommit(invocation) && Unwrap(invocation.Instance) is IFlowCaptureReferenceOperation reference && captures.Contains(reference.Id))
                    {
                        commitCaptures.Add(reference.Id);
                    }
                }
            }

            return commitCaptures;
        }

        private static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static bool IsLocalOrCapture(IOperation? instance, ILocalSymbol local, HashSet<CaptureId> captures)
        {
            instance = Unwrap(instance);
            return IsReference(instance, local) || (instance is IFlowCaptureReferenceOperation capture && captures.Contains(capture.Id));
        }

        /// <summary>Flow captures of the local (the compiler captures the receiver of <c>stream?.Commit()</c>).</summary>
        private static HashSet<CaptureId> CapturesOf(ControlFlowGraph graph, ILocalSymbol local)
        {
            var captures = new HashSet<CaptureId>();
            foreach (var block in graph.Blocks)
            {
                foreach (var capture in Operations(block).OfType<IFlowCaptureOperation>())
                {
                    if (IsReference(capture.Value, local))
                    {
                        captures.Add(capture.Id);
                    }
                }
            }

            return captures;
        }

        private static bool IsReference(IOperation? operation, ILocalSymbol local) =>
            operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

        private static IEnumerable<BasicBlock> Blocks(ControlFlowGraph graph, ControlFlowRegion region)
        {
            for (int i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal; i++)
            {
                yield return graph.Blocks[i];
            }
        }

        private static IEnumerable<IOperation> Operations(BasicBlock block)
        {
            foreach (var operation in block.Operations)
            {
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    yield return descendant;
                }
            }

            if (block.BranchValue != null)
            {
                foreach (var descendant in block.BranchValue.DescendantsAndSelf())
                {
                    yield return descendant;
                }
            }
        }
    }
}
