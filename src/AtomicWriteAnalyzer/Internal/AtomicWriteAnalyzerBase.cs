using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Internal
{
    /// <summary>
    /// The shared set-up of every rule: generated code skipped, concurrent execution, one
    /// <see cref="AnalyzerCompilationContext"/> per compilation, and (for rules that need facts beyond one method)
    /// a <see cref="TypeFacts"/> per named type, filled by operation actions and handed over at the type's end.
    /// Top-level statements belong to their synthesized <c>Program</c> type like any other member.
    /// </summary>
    public abstract class AtomicWriteAnalyzerBase : DiagnosticAnalyzer
    {
        private static readonly OperationKind[] CallKinds = { OperationKind.Invocation, OperationKind.ObjectCreation };

        private static readonly OperationKind[] ValueKinds =
        {
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer,
            OperationKind.SimpleAssignment,
            OperationKind.Return,
        };

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
        /// <paramref name="onCall"/> decides which catalogued calls to keep (name-filtered before any symbol work).
        /// </summary>
        internal static void RegisterTypeFacts(
            CompilationStartAnalysisContext context,
            AnalyzerCompilationContext compilationContext,
            Func<ApiCall, bool> keepCall,
            Action<SymbolAnalysisContext, TypeFacts> onTypeEnd)
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
                        if (!ApiCallMatcher.IsCandidateName(operationContext.Operation) || !facts.Owns(operationContext.ContainingSymbol))
                        {
                            return;
                        }

                        var call = ApiCallMatcher.Match(operationContext.Operation, compilationContext);
                        if (call != null && keepCall(call))
                        {
                            facts.RecordCall(call, operationContext.ContainingSymbol);
                        }
                    },
                    CallKinds);
                start.RegisterOperationAction(
                    operationContext => facts.RecordValueOperation(operationContext),
                    ValueKinds);
                start.RegisterSymbolEndAction(end => onTypeEnd(end, facts));
            }, SymbolKind.NamedType);
        }
    }
}
