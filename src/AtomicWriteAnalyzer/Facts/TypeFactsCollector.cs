using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Facts
{
    /// <summary>
    /// Candidate first: one compilation-wide operation action on calls, filtered by name like any invocation rule, and
    /// nothing else. Only when a call is one the rules keep (a catalogued file call, or a call to a helper of the
    /// compilation that takes a path) is its named type read whole — every member body through the semantic model the
    /// driver already bound it with — into a <see cref="TypeFacts"/>, judged once and cached for the compilation. Each
    /// diagnostic is reported by the callback of the call it sits on, so results need no compilation end, hold in the
    /// IDE's per-document and per-span analysis, and are reported exactly once per request. A type whose calls touch no
    /// file costs one name test per call (docs/architecture.md, "Candidate-first analysis").
    /// </summary>
    internal static class TypeFactsCollector
    {
        private static readonly OperationKind[] CallKinds = { OperationKind.Invocation, OperationKind.ObjectCreation };

        /// <summary>
        /// Judges every named type that makes a kept call with <paramref name="judge"/>, which reports through the
        /// <see cref="TypeReport"/> it is given. <paramref name="keepCall"/> decides which catalogued calls to
        /// keep (name-filtered before any symbol work); <paramref name="recordHelperCalls"/> also keeps calls to helper
        /// methods of the compilation that take a path (<see cref="HelperSummaries.IsHelperCall"/>).
        /// </summary>
        public static void Register(
            CompilationStartAnalysisContext context,
            AnalyzerCompilationContext compilationContext,
            Func<ApiCall, bool> keepCall,
            Action<TypeReport, TypeFacts> judge,
            bool recordHelperCalls = false)
        {
            var judged = new ConcurrentDictionary<INamedTypeSymbol, TypeDiagnostics>(SymbolEqualityComparer.Default);
            context.RegisterOperationAction(
                operationContext =>
                {
                    var operation = operationContext.Operation;
                    var type = OwnerType(operationContext.ContainingSymbol);
                    if (type == null || !IsKept(operation, type, compilationContext, keepCall, recordHelperCalls, out _, out _))
                    {
                        return;
                    }

                    var diagnostics = judged.GetOrAdd(
                        type.OriginalDefinition,
                        key => Judge(key, operation, compilationContext, keepCall, judge, recordHelperCalls, operationContext.CancellationToken));
                    diagnostics.ReportAt(operation, operationContext.ReportDiagnostic);
                },
                CallKinds);
        }

        /// <summary>
        /// Whether the rules keep this call: a catalogued file call <paramref name="keepCall"/> accepts, or (when asked) a
        /// call to a helper of the compilation that takes a path. The same test decides in the driver's callback and in
        /// the walk of the type's bodies, so every recorded call is also a callback that can report.
        /// </summary>
        private static bool IsKept(
            IOperation operation,
            INamedTypeSymbol type,
            AnalyzerCompilationContext compilationContext,
            Func<ApiCall, bool> keepCall,
            bool recordHelperCalls,
            out ApiCall? call,
            out HelperSummary? summary)
        {
            summary = null;
            call = ApiCallMatcher.IsCandidateName(operation) ? ApiCallMatcher.Match(operation, compilationContext) : null;
            if (call != null)
            {
                return keepCall(call);
            }

            return recordHelperCalls && operation is IInvocationOperation invocation
                && HelperSummaries.IsHelperCall(invocation, type, compilationContext, out summary);
        }

        /// <summary>The named type whose facts a call belongs to; enums and delegates have no bodies to judge.</summary>
        private static INamedTypeSymbol? OwnerType(ISymbol? containingSymbol)
        {
            var type = containingSymbol is INamedTypeSymbol named ? named : containingSymbol?.ContainingType;
            return type == null || type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.Delegate ? null : type;
        }

        /// <summary>Reads every body of <paramref name="type"/>, records its kept calls and runs the rules on them.</summary>
        private static TypeDiagnostics Judge(
            INamedTypeSymbol type,
            IOperation trigger,
            AnalyzerCompilationContext compilationContext,
            Func<ApiCall, bool> keepCall,
            Action<TypeReport, TypeFacts> judge,
            bool recordHelperCalls,
            CancellationToken cancellationToken)
        {
            var facts = new TypeFacts(type, compilationContext);
            var anchors = new List<IOperation>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var model = ModelFor(reference.SyntaxTree, trigger, compilationContext.Compilation, cancellationToken);
                if (model == null)
                {
                    continue;
                }

                foreach (var body in MemberBodies.Of(reference.GetSyntax(cancellationToken), model, cancellationToken))
                {
                    facts.RecordBody(body.Key, ImmutableArray.Create(body.Value));
                    foreach (var operation in body.Value.DescendantsAndSelf())
                    {
                        var kind = operation.Kind;
                        if ((kind == OperationKind.Invocation || kind == OperationKind.ObjectCreation)
                            && IsKept(operation, type, compilationContext, keepCall, recordHelperCalls, out var call, out var summary))
                        {
                            anchors.Add(operation);
                            Record(facts, operation, body.Key, call, summary);
                        }
                    }
                }
            }

            var diagnostics = new List<Diagnostic>();
            if (anchors.Count > 0)
            {
                judge(new TypeReport(diagnostics.Add, cancellationToken), facts);
            }

            return new TypeDiagnostics(diagnostics, anchors);
        }

        private static void Record(TypeFacts facts, IOperation operation, ISymbol owner, ApiCall? call, HelperSummary? summary)
        {
            if (call != null)
            {
                facts.RecordCall(call, owner);
            }
            else
            {
                facts.RecordHelperCall((IInvocationOperation)operation, owner, summary);
            }
        }

        /// <summary>
        /// The semantic model to read a part of the type in: the trigger's own for its tree; for another part of a
        /// partial type, the compilation's, unless that part is generated code (which the driver skips, and so do its
        /// facts).
        /// </summary>
        private static SemanticModel? ModelFor(SyntaxTree tree, IOperation trigger, Compilation compilation, CancellationToken cancellationToken)
        {
            if (trigger.SemanticModel != null && trigger.SemanticModel.SyntaxTree == tree)
            {
                return trigger.SemanticModel;
            }

            if (GeneratedCode.IsGenerated(tree, compilation, cancellationToken))
            {
                return null;
            }

#pragma warning disable RS1030 // Under the analyzer driver the compilation hands out the semantic model the driver binds with (a caching provider), so this binds nothing twice.
            return compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }
    }
}
