using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.CodeFixes.Infrastructure
{
    /// <summary>
    /// The jump statements that leave a using scope normally: <c>return</c>, and <c>break</c>, <c>continue</c> or
    /// <c>goto</c> whose target is outside it. Code inside lambdas and local functions is not part of the flow.
    /// A fix that places a commit needs the scope to be simple enough to be sure; <see cref="Find"/> returns null
    /// for the shapes where it is not: an iterator, a label inside the scope (a jump back could commit twice), a
    /// jump out of a catch or finally clause (an error path), a <c>return</c> whose value is computed after the
    /// commit would run (it could throw, or read the stream).
    /// </summary>
    internal static class ScopeExits
    {
        public static ImmutableArray<StatementSyntax>? Find(UsingScope scope, SemanticModel model, IEnumerable<ISymbol> resources)
        {
            var function = EnclosingFunction(scope.Owner);
            if (function == null || FlowNodes(function).Any(n => n is YieldStatementSyntax))
            {
                return null;
            }

            var exits = ImmutableArray.CreateBuilder<StatementSyntax>();
            foreach (var statement in scope.Statements)
            {
                foreach (var node in FlowNodes(statement))
                {
                    switch (node)
                    {
                        case LabeledStatementSyntax _:
                            return null;
                        case ReturnStatementSyntax returnStatement:
                            if (!IsValueKnownBeforeCommit(returnStatement.Expression, model, resources))
                            {
                                return null;
                            }

                            exits.Add(returnStatement);
                            break;
                        case BreakStatementSyntax _:
                        case ContinueStatementSyntax _:
                            var target = JumpTarget(node);
                            if (target == null || !scope.Contains(target))
                            {
                                exits.Add((StatementSyntax)node);
                            }

                            break;
                        case GotoStatementSyntax gotoStatement:
                            if (!IsInsideScope(gotoStatement, scope, model))
                            {
                                exits.Add(gotoStatement);
                            }

                            break;
                    }
                }
            }

            foreach (var exit in exits)
            {
                if (scope.AncestorsWithin(exit).Any(a => a is CatchClauseSyntax || a is FinallyClauseSyntax) || !StatementInsertion.CanInsertAround(exit))
                {
                    return null;
                }
            }

            return exits.ToImmutable();
        }

        /// <summary>The method, accessor, local function, lambda or top-level program whose body holds the node.</summary>
        public static SyntaxNode? EnclosingFunction(SyntaxNode node) =>
            node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is AccessorDeclarationSyntax
                || a is LocalFunctionStatementSyntax || a is AnonymousFunctionExpressionSyntax || a is CompilationUnitSyntax);

        /// <summary>Whether the function is async (its commit is <c>await CommitAsync()</c>).</summary>
        public static bool IsAsync(SyntaxNode function) => function switch
        {
            BaseMethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
            LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
            AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
            CompilationUnitSyntax unit => unit.DescendantNodes(n => !(n is MemberDeclarationSyntax && !(n is GlobalStatementSyntax)) && !IsNestedFunction(n))
                .Any(n => n is AwaitExpressionSyntax || (n is UsingStatementSyntax u && u.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword))
                    || (n is LocalDeclarationStatementSyntax d && d.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword))
                    || (n is ForEachStatementSyntax f && f.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword))),
            _ => false,
        };

        /// <summary>The node and its descendants that run in the same function (not inside nested lambdas or local functions).</summary>
        public static IEnumerable<SyntaxNode> FlowNodes(SyntaxNode root) =>
            root.DescendantNodesAndSelf(n => n == root || !IsNestedFunction(n)).Where(n => n == root || !IsNestedFunction(n));

        public static bool IsNestedFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax;

        /// <summary>A literal, constant, default, <c>this</c>, or a local/parameter other than the resources: nothing left to run or to throw.</summary>
        private static bool IsValueKnownBeforeCommit(ExpressionSyntax? expression, SemanticModel model, IEnumerable<ISymbol> resources)
        {
            if (expression == null || model.GetConstantValue(expression).HasValue)
            {
                return true;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax _:
                case DefaultExpressionSyntax _:
                case ThisExpressionSyntax _:
                    return true;
                case IdentifierNameSyntax name:
                    var symbol = model.GetSymbolInfo(name).Symbol;
                    return (symbol is ILocalSymbol || symbol is IParameterSymbol) && !resources.Contains(symbol, SymbolEqualityComparer.Default);
                default:
                    return false;
            }
        }

        /// <summary>The loop (or switch, for <c>break</c>) a break or continue jumps out of.</summary>
        private static SyntaxNode? JumpTarget(SyntaxNode jump)
        {
            foreach (var ancestor in jump.Ancestors())
            {
                if (IsNestedFunction(ancestor))
                {
                    return null;
                }

                switch (ancestor)
                {
                    case WhileStatementSyntax _:
                    case DoStatementSyntax _:
                    case ForStatementSyntax _:
                    case CommonForEachStatementSyntax _:
                        return ancestor;
                    case SwitchStatementSyntax _ when jump is BreakStatementSyntax:
                        return ancestor;
                }
            }

            return null;
        }

        private static bool IsInsideScope(GotoStatementSyntax gotoStatement, UsingScope scope, SemanticModel model)
        {
            if (gotoStatement.IsKind(SyntaxKind.GotoStatement))
            {
                var label = model.GetSymbolInfo(gotoStatement.Expression!).Symbol as ILabelSymbol;
                var declaration = label?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
                return declaration != null && scope.Contains(declaration);
            }

            // goto case / goto default: the switch it jumps within.
            var switchStatement = gotoStatement.Ancestors().OfType<SwitchStatementSyntax>().FirstOrDefault();
            return switchStatement != null && scope.Contains(switchStatement);
        }
    }
}
