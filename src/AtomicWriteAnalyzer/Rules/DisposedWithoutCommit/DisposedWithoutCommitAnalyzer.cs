using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Operations;
using AtomicWriteAnalyzer.Rules.DisposedWithoutCommit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules
{
    /// <summary>
    /// AW0004: an <c>AtomicFileStream</c>/<c>AtomicStreamWriter</c> declared by a <c>using</c> whose scope can be left
    /// normally (end of block, return, break, continue, goto) without Commit, which silently discards the write.
    /// Precise rather than eager: no report when the local escapes (returned, stored, captured, passed to the user's
    /// own code, which might commit it) or is disposed explicitly. Only usings of those two types are looked at,
    /// by type name, before any flow graph is built.
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class DisposedWithoutCommitAnalyzer : AtomicWriteAnalyzerBase
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.AW0004_DisposedWithoutCommit);

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalyzerCompilationContext compilationContext)
        {
            context.RegisterOperationAction(AnalyzeUsing, OperationKind.Using, OperationKind.UsingDeclaration);
        }

        private static void AnalyzeUsing(OperationAnalysisContext context)
        {
            var declarators = context.Operation switch
            {
                IUsingOperation { Resources: IVariableDeclarationGroupOperation group } => group.Declarations.SelectMany(d => d.Declarators),
                IUsingDeclarationOperation declaration => declaration.DeclarationGroup.Declarations.SelectMany(d => d.Declarators),
                _ => Enumerable.Empty<IVariableDeclaratorOperation>(),
            };
            ControlFlowGraph? graph = null;
            foreach (var declarator in declarators)
            {
                var local = declarator.Symbol;
                if (!AtomicLocalUses.IsAtomicType(local.Type))
                {
                    continue;
                }

                var function = EnclosingFunction(context.Operation);
                if (AtomicLocalUses.Classify(function, local).Any(use => use.Use == AtomicUse.Escape))
                {
                    continue;
                }

                graph ??= GraphOf(context, function);
                if (graph != null && CommitFlow.HasUncommittedExit(graph, local) == true)
                {
                    var location = declarator.Syntax is VariableDeclaratorSyntax syntax ? syntax.Identifier.GetLocation() : declarator.Syntax.GetLocation();
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AW0004_DisposedWithoutCommit, location, local.Name, local.Type.Name));
                }
            }
        }

        /// <summary>The innermost lambda or local function around the operation, else the member body.</summary>
        internal static IOperation EnclosingFunction(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return OperationHelpers.Root(operation);
        }

        /// <summary>The flow graph of that function: the member's, or a nested one reached through its parents' graphs.</summary>
        private static ControlFlowGraph? GraphOf(OperationAnalysisContext context, IOperation function)
        {
            var chain = new Stack<IOperation>();
            for (var current = function; current.Parent != null; current = EnclosingFunction(current))
            {
                chain.Push(current);
            }

            var graph = context.GetControlFlowGraph();
            while (graph != null && chain.Count > 0)
            {
                graph = chain.Pop() switch
                {
                    ILocalFunctionOperation localFunction => graph.GetLocalFunctionControlFlowGraphInScope(localFunction.Symbol, context.CancellationToken),
                    IAnonymousFunctionOperation lambda => FindLambda(graph, lambda.Symbol) is { } flow ? graph.GetAnonymousFunctionControlFlowGraphInScope(flow, context.CancellationToken) : null,
                    _ => null,
                };
            }

            return graph;
        }

        private static IFlowAnonymousFunctionOperation? FindLambda(ControlFlowGraph graph, IMethodSymbol symbol)
        {
            foreach (var block in graph.Blocks)
            {
                var operations = block.BranchValue == null ? block.Operations : block.Operations.Add(block.BranchValue);
                foreach (var operation in operations)
                {
                    foreach (var lambda in operation.DescendantsAndSelf().OfType<IFlowAnonymousFunctionOperation>())
                    {
                        if (SymbolEqualityComparer.Default.Equals(lambda.Symbol, symbol))
                        {
                            return lambda;
                        }
                    }
                }
            }

            return null;
        }
    }
}
