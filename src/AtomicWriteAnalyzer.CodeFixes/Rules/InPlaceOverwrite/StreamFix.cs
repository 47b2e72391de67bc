using System.Collections.Generic;
using System.Linq;
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

            var uses = StreamUses.Collect(model, scope, local, isWriter: created.IsText, allowWrapper: true, cancellationToken);
            if (uses == null)
            {
                return null;
            }

            // The scope the commit goes into: the writer's, when a writer wraps the stream.
            var innermost = scope;
            var writers = new List<(string Name, bool HasFlushAsync)>();
            var resources = new List<ISymbol> { local };
            IReadOnlyList<SyntaxNode> lastUses = uses.Uses;
            if (uses.Wrapper != null)
            {
                var writerScope = UsingScope.Of(uses.Wrapper);
                if (writerScope == null || !(model.GetDeclaredSymbol(uses.Wrapper, cancellationToken) is ILocalSymbol writer))
                {
                    return null;
                }

                var writerUses = StreamUses.Collect(model, writerScope, writer, isWriter: true, allowWrapper: false, cancellationToken);
                if (writerUses == null)
                {
                    return null;
                }

                innermost = writerScope;
                lastUses = writerUses.Uses;
                resources.Add(writer);
                writers.Add((writer.Name, writer.Type.Name != "BinaryWriter"));
            }

            var exits = ScopeExits.Find(scope, model, resources);
            if (exits == null)
            {
                return null;
            }

            var anchor = innermost.Statements.LastOrDefault(s => lastUses.Any(u => s.Span.Contains(u.Span)));
            if (anchor != null && !StatementInsertion.CanInsertAround(anchor))
            {
                return null;
            }

            bool isAsync = ScopeExits.IsAsync(function);
            string name = scope.Name;
            var commitOnly = CommitStatements.Create(generator, name, new (string, bool)[0], isAsync);
            var flushAndCommit = CommitStatements.Create(generator, name, writers, isAsync);
            var flow = anchor == null ? null : model.AnalyzeControlFlow(anchor);
            if (anchor != null && (flow == null || !flow.Succeeded))
            {
                return null;
            }

            bool commitAfterAnchor = flow?.EndPointIsReachable == true;
            int commitPoint = anchor?.Span.End ?? -1;
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

                foreach (var exit in exits.Value.Where(e => e.SpanStart < commitPoint))
                {
                    StatementInsertion.InsertBefore(editor, exit, innermost != scope && innermost.Contains(exit) ? flushAndCommit : commitOnly);
                }

                if (anchor == null)
                {
                    InsertAtStart(editor, innermost, innermost == scope ? commitOnly : flushAndCommit);
                }
                else if (commitAfterAnchor)
                {
                    StatementInsertion.InsertAfter(editor, anchor, innermost == scope ? commitOnly : flushAndCommit);
                }
            });
        }

        private static void InsertAtStart(SyntaxEditor editor, UsingScope scope, IReadOnlyList<StatementSyntax> statements)
        {
            if (scope.Statements.Length > 0)
            {
                StatementInsertion.InsertBefore(editor, scope.Statements[0], statements);
            }
            else if (scope.Owner is UsingStatementSyntax { Statement: BlockSyntax block })
            {
                StatementInsertion.Prepend(editor, block, statements);
            }
            else
            {
                StatementInsertion.InsertAfter(editor, scope.Owner, statements);
            }
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
