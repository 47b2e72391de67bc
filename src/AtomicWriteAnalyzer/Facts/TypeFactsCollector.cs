using System;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Facts
{
    /// <summary>
    /// Fills a <see cref="TypeFacts"/> per named type — an operation action on calls, an operation-block action per
    /// member body — and hands it over at the type's end. Top-level statements belong to their synthesized
    /// <c>Program</c> type like any other member.
    /// </summary>
    internal static class TypeFactsCollector
    {
        private static readonly OperationKind[] CallKinds = { OperationKind.Invocation, OperationKind.ObjectCreation };

        /// <summary>
        /// Collects <see cref="TypeFacts"/> for every named type and calls <paramref name="onTypeEnd"/> with them.
        /// <paramref name="keepCall"/> decides which catalogued calls to keep (name-filtered before any symbol work);
        /// <paramref name="recordHelperCalls"/> also keeps calls to helper methods of the compilation that take a path
        /// (<see cref="HelperSummaries.IsHelperCall"/>).
        /// </summary>
        public static void Register(
            CompilationStartAnalysisContext context,
            AnalyzerCompilationContext compilationContext,
            Func<ApiCall, bool> keepCall,
            Action<SymbolAnalysisContext, TypeFacts> onTypeEnd,
            bool recordHelperCalls = false)
        {
            context.RegisterSymbolStartAction(start =>
            {
                if (!(start.Symbol is INamedTypeSymbol type) || type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.Delegate)
                {
                    return;
                }

                var facts = new TypeFacts(type, compilationContext);
                start.RegisterOperationAction(
                    operationContext =>
                    {
                        var operation = operationContext.Operation;
                        var call = ApiCallMatcher.IsCandidateName(operation) ? ApiCallMatcher.Match(operation, compilationContext) : null;
                        if (call != null)
                        {
                            if (keepCall(call) && facts.Owns(operationContext.ContainingSymbol))
                            {
                                facts.RecordCall(call, operationContext.ContainingSymbol);
                            }

                            return;
                        }

                        if (recordHelperCalls && operation is IInvocationOperation invocation
                            && HelperSummaries.IsHelperCall(invocation, type, compilationContext, out var summary)
                            && facts.Owns(operationContext.ContainingSymbol))
                        {
                            facts.RecordHelperCall(invocation, operationContext.ContainingSymbol, summary);
                        }
                    },
                    CallKinds);
                start.RegisterOperationBlockAction(block => facts.RecordBody(block.OwningSymbol, block.OperationBlocks));
                start.RegisterSymbolEndAction(end => onTypeEnd(end, facts));
            }, SymbolKind.NamedType);
        }
    }
}
