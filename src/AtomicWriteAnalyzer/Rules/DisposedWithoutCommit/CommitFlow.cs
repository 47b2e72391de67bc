using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
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
            var facts = GraphFacts.Of(graph);
            var scope = facts.ScopeOf(local);
            if (scope == null)
            {
                return null;
            }

            int first = scope.FirstBlockOrdinal;
            int last = scope.LastBlockOrdinal;
            var captures = facts.CapturesOf(local);
            var commitCaptures = new HashSet<CaptureId>(captures.Where(facts.CommitReceivers.Contains));
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

        private static bool IsReference(IOperation? operation, ILocalSymbol local) =>
            operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

        /// <summary>
        /// What the rule needs from a flow graph beyond one scope, gathered in one walk of the graph and kept with it
        /// (a member's usings all share its graph; a walk per using made a method with thousands of them quadratic):
        /// <list type="bullet">
        /// <item>the scope of each using local: the try region of the outermost try-and-finally whose finally refers
        /// to it (a user's own try/finally sits deeper);</item>
        /// <item>the flow captures of each local (the compiler captures the receiver of <c>stream?.Commit()</c>);</item>
        /// <item>the captures that are the receiver of a Commit call.</item>
        /// </list>
        /// </summary>
        private sealed class GraphFacts
        {
            private static readonly ConditionalWeakTable<ControlFlowGraph, GraphFacts> ByGraph = new ConditionalWeakTable<ControlFlowGraph, GraphFacts>();

            private static readonly HashSet<CaptureId> NoCaptures = new HashSet<CaptureId>();

            private readonly Dictionary<ILocalSymbol, ControlFlowRegion> _scopes = new Dictionary<ILocalSymbol, ControlFlowRegion>(SymbolEqualityComparer.Default);
            private readonly Dictionary<ILocalSymbol, HashSet<CaptureId>> _captures = new Dictionary<ILocalSymbol, HashSet<CaptureId>>(SymbolEqualityComparer.Default);

            private GraphFacts(ControlFlowGraph graph)
            {
                AddScopes(graph, graph.Root);
                foreach (var block in graph.Blocks)
                {
                    foreach (var operation in Operations(block))
                    {
                        if (operation is IFlowCaptureOperation capture && capture.Value is ILocalReferenceOperation reference && reference.Local != null)
                        {
                            if (!_captures.TryGetValue(reference.Local, out var captures))
                            {
                                captures = new HashSet<CaptureId>();
                                _captures.Add(reference.Local, captures);
                            }

                            captures.Add(capture.Id);
                        }
                        else if (operation is IInvocationOperation invocation && IsCommit(invocation) && Unwrap(invocation.Instance) is IFlowCaptureReferenceOperation receiver)
                        {
                            CommitReceivers.Add(receiver.Id);
                        }
                    }
                }
            }

            public HashSet<CaptureId> CommitReceivers { get; } = new HashSet<CaptureId>();

            public static GraphFacts Of(ControlFlowGraph graph) => ByGraph.GetValue(graph, g => new GraphFacts(g));

            public ControlFlowRegion? ScopeOf(ILocalSymbol local) => _scopes.TryGetValue(local, out var scope) ? scope : null;

            public HashSet<CaptureId> CapturesOf(ILocalSymbol local) => _captures.TryGetValue(local, out var captures) ? captures : NoCaptures;

            /// <summary>Outer regions first, so the first try-and-finally met for a local is its using's.</summary>
            private void AddScopes(ControlFlowGraph graph, ControlFlowRegion region)
            {
                if (region.Kind == ControlFlowRegionKind.TryAndFinally && region.NestedRegions.Length == 2)
                {
                    var @finally = region.NestedRegions[1];
                    for (int i = @finally.FirstBlockOrdinal; i <= @finally.LastBlockOrdinal; i++)
                    {
                        foreach (var operation in Operations(graph.Blocks[i]))
                        {
                            if (operation is ILocalReferenceOperation reference && reference.Local != null && !_scopes.ContainsKey(reference.Local))
                            {
                                _scopes.Add(reference.Local, region.NestedRegions[0]);
                            }
                        }
                    }
                }

                foreach (var nested in region.NestedRegions)
                {
                    AddScopes(graph, nested);
                }
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
