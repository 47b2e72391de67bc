using System.Collections.Generic;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwrite
{
    /// <summary>
    /// A <c>using</c> stream or writer that overwrites in place becomes <c>AtomicFile.Create(path)</c> /
    /// <c>AtomicFile.CreateText(path)</c>, committed exactly where the original had written everything: after the
    /// last statement that uses it, and before every jump that leaves the scope earlier. Writers over the stream
    /// are flushed first. An exception anywhere before the commit now leaves the file as it was.
    /// </summary>
    internal static class StreamFix
    {
        public static FixPlan? Plan(FixTarget target)
        {
            var context = target.Context;
            var model = context.SemanticModel;
            var cancellationToken = context.CancellationToken;
            var creation = context.FindNode<ExpressionSyntax>(target.Diagnostic);
            if (!(creation is InvocationExpressionSyntax || creation is BaseObjectCreationExpressionSyntax)
                || !(creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
                || !(model.GetOperation(creation, cancellationToken) is { } operation))
            {
                return null;
            }

            var generator = SyntaxGenerator.GetGenerator(context.Document);
            var created = StreamCreation.Analyze(target.Shape, operation, generator);
            var scope = UsingScope.Of(declarator);
            var function = scope == null ? null : ScopeExits.EnclosingFunction(scope.Owner);
            if (created == null || scope == null || function == null || !(model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local))
            {
                return null;
            }

            var resultType = created.IsText ? context.Runtime.AtomicStreamWriter : context.Runtime.AtomicFileStream;
            var replacement = Replacement(context, created, generator);
            if (resultType == null || !Binds(model, creation, replacement, resultType))
            {
                return null;
            }

            var commitScope = CommitScope.Of(model, scope, local, created.IsText, cancellationToken);
            if (commitScope == null)
            {
                return null;
            }

            bool isAsync = ScopeExits.IsAsync(function);
            string name = scope.Name;
            var commitOnly = CommitStatements.Create(generator, name, new (string, bool)[0], isAsync);
            var flushAndCommit = CommitStatements.Create(generator, name, commitScope.Writers, isAsync);
            var declaredType = scope.Declaration.Type;
            var atomicFile = RuntimeTypes.StaticReceiver(generator, context.Runtime.AtomicFile);
            var atomicType = RuntimeTypes.TypeSyntax(generator, resultType);

            return new FixPlan(target.WriteTitle, editor =>
            {
                editor.ReplaceNode(creation, (current, _) => Replacement(atomicFile, created, generator).WithTriviaFrom(current));
                if (!declaredType.IsVar)
                {
                    editor.ReplaceNode(declaredType, (current, _) => atomicType.WithTriviaFrom(current));
                }

                commitScope.InsertCommits(editor, scope, commitOnly, flushAndCommit);
            });
        }

        private static ExpressionSyntax Replacement(FixContext context, StreamCreation created, SyntaxGenerator generator) =>
            Replacement(RuntimeTypes.StaticReceiver(generator, context.Runtime.AtomicFile), created, generator);

        private static ExpressionSyntax Replacement(ExpressionSyntax atomicFile, StreamCreation created, SyntaxGenerator generator)
        {
            var arguments = new List<SyntaxNode> { created.Path.WithoutTrivia() };
            if (created.Extra != null)
            {
                arguments.Add(created.Extra.WithoutTrivia());
            }

            return (ExpressionSyntax)generator.InvocationExpression(generator.MemberAccessExpression(atomicFile, created.MethodName), arguments);
        }

        private static bool Binds(SemanticModel model, ExpressionSyntax original, ExpressionSyntax replacement, INamedTypeSymbol resultType)
        {
            var symbol = model.GetSpeculativeSymbolInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression).Symbol;
            return symbol is IMethodSymbol method && SymbolEqualityComparer.Default.Equals(method.ReturnType, resultType);
        }
    }
}
