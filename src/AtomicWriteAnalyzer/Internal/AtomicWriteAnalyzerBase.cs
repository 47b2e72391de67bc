using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Internal
{
    /// <summary>
    /// The shared set-up of every rule: generated code skipped, concurrent execution, one
    /// <see cref="AnalyzerCompilationContext"/> per compilation, and (for rules that need facts beyond one method)
    /// a <see cref="TypeFacts"/> per named type, filled by an operation action on calls and an operation-block action
    /// per member body, and handed over at the type's end.
    /// Top-level statements belong to their synthesized <c>Program</c> type like any other member.
    /// </summary>
    public abstract class AtomicWriteAnalyzerBase : DiagnosticAnalyzer
    {
        private static readonly OperationKind[] CallKinds = { OperationKind.Invocation, OperationKind.ObjectCreation };

        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var compilationContext = new AnalyzerCompilationContext(start.Compilation, start.Options);
                OnCompilationStart(start, compilationContext);
            });
        }

        internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, AnalyzerCompilationContext compilationContext);

        /// <summary>
        /// Collects <see cref="TypeFacts"/> for every named type and calls <paramref name="onTypeEnd"/> with them.
        /// <paramref name="keepCall"/> decides which catalogued calls to keep (name-filtered before any symbol work);
        /// <paramref name="recordHelperCalls"/> also keeps calls to helper methods of the compilation that take a path
        /// (<see cref="HelperSummaries.IsHelperCall"/>).
        /// </summary>
        internal static void RegisterTypeFacts(
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
