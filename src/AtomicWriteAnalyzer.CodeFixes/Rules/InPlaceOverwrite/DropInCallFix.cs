using System.Linq;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwrite
{
    /// <summary>
    /// <c>File.WriteAll*(args)</c> → <c>AtomicFile.WriteAll*(args)</c>, and <c>File.Copy(source, destination, true)</c>
    /// → <c>AtomicFile.Copy(source, destination)</c> (which always replaces). <c>AtomicFile</c> mirrors <c>File</c>'s
    /// overloads, so the arguments stay as written; the rewritten call is bound speculatively first, and no fix is
    /// offered unless it binds to an <c>AtomicFile</c> method with the original's return type (an overload the
    /// runtime lacks, a name that means something else here).
    /// </summary>
    internal static class DropInCallFix
    {
        public static FixPlan? Plan(FixTarget target, bool removeOverwriteArgument)
        {
            var context = target.Context;
            var invocation = context.FindNode<InvocationExpressionSyntax>(target.Diagnostic);
            if (invocation == null
                || !(context.SemanticModel.GetOperation(invocation, context.CancellationToken) is IInvocationOperation operation)
                || operation.TargetMethod.ContainingType?.ToDisplayString() != "System.IO.File")
            {
                return null;
            }

            int removed = -1;
            if (removeOverwriteArgument)
            {
                var overwrite = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "overwrite");
                if (overwrite == null || !(overwrite.Syntax is ArgumentSyntax overwriteSyntax) || !Equals(overwrite.Value.ConstantValue.Value, true))
                {
                    return null;
                }

                removed = invocation.ArgumentList.Arguments.IndexOf(overwriteSyntax);
            }

            var generator = Microsoft.CodeAnalysis.Editing.SyntaxGenerator.GetGenerator(context.Document);
            var atomicFile = RuntimeTypes.StaticReceiver(generator, context.Runtime.AtomicFile);
            var rewritten = Rewrite(invocation, atomicFile, removed);
            if (rewritten == null)
            {
                return null;
            }

            if (!BindsToAtomicFile(context, invocation, rewritten, operation.TargetMethod))
            {
                return null;
            }

            string title = removeOverwriteArgument
                ? "Copy to '" + target.FileName + "' atomically with AtomicFile" + AtomicFileCalls.NewFileModeNote
                : target.WriteTitle;
            return new FixPlan(title, editor => editor.ReplaceNode(
                invocation,
                (current, _) => current is InvocationExpressionSyntax currentInvocation ? Rewrite(currentInvocation, atomicFile, removed) ?? current : current));
        }

        private static InvocationExpressionSyntax? Rewrite(InvocationExpressionSyntax invocation, ExpressionSyntax atomicFile, int removedArgument)
        {
            var callee = Retarget(invocation.Expression, atomicFile);
            if (callee == null)
            {
                return null;
            }

            var arguments = invocation.ArgumentList;
            if (removedArgument >= 0)
            {
                if (removedArgument >= arguments.Arguments.Count)
                {
                    return null;
                }

                arguments = arguments.WithArguments(arguments.Arguments.RemoveAt(removedArgument));
            }

            return invocation.WithExpression(callee).WithArgumentList(arguments);
        }

        /// <summary><c>File.X</c>, <c>System.IO.File.X</c> or (under <c>using static</c>) <c>X</c> → <c>AtomicFile.X</c>.</summary>
        private static ExpressionSyntax? Retarget(ExpressionSyntax callee, ExpressionSyntax atomicFile) => callee switch
        {
            MemberAccessExpressionSyntax memberAccess when memberAccess.IsKind(SyntaxKind.SimpleMemberAccessExpression) =>
                memberAccess.WithExpression(atomicFile.WithTriviaFrom(memberAccess.Expression)),
            SimpleNameSyntax name =>
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, atomicFile, name.WithoutTrivia()).WithTriviaFrom(name),
            _ => null,
        };

        private static bool BindsToAtomicFile(FixContext context, InvocationExpressionSyntax original, InvocationExpressionSyntax rewritten, IMethodSymbol originalMethod)
        {
            var symbol = context.SemanticModel.GetSpeculativeSymbolInfo(original.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression).Symbol;
            return symbol is IMethodSymbol method
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, context.Runtime.AtomicFile)
                && method.Name == originalMethod.Name
                && SymbolEqualityComparer.Default.Equals(method.ReturnType, originalMethod.ReturnType);
        }
    }
}
