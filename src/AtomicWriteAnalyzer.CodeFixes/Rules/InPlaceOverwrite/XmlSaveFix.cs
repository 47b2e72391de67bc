using System.Collections.Generic;
using System.Linq;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwrite
{
    /// <summary>
    /// <c>document.Save(path[, options])</c> (XDocument, XElement, XmlDocument) as a statement becomes a save into an
    /// <c>AtomicFile.Create(path)</c> stream followed by the commit. The <c>Stream</c> overloads write the same bytes
    /// (same settings, same encoding from the declaration) and leave the stream open for the commit. The receiver
    /// must be a plain variable, so that moving its evaluation after the path's changes nothing.
    /// </summary>
    internal static class XmlSaveFix
    {
        public static FixPlan? Plan(FixTarget target)
        {
            var context = target.Context;
            var model = context.SemanticModel;
            var invocation = context.FindNode<InvocationExpressionSyntax>(target.Diagnostic);
            if (invocation == null
                || !(invocation.Parent is ExpressionStatementSyntax statement)
                || !(invocation.Expression is MemberAccessExpressionSyntax)
                || !(model.GetOperation(invocation, context.CancellationToken) is IInvocationOperation { Instance: { } receiver } operation)
                || !IsPlainVariable(receiver)
                || operation.Arguments.Length == 0
                || !(operation.Arguments[0].Syntax is ArgumentSyntax pathArgument)
                || pathArgument.NameColon != null
                || operation.Arguments.Skip(1).Any(a => a.ArgumentKind == ArgumentKind.DefaultValue || !(a.Syntax is ArgumentSyntax))
                || !HasStreamOverload(operation.TargetMethod, model.Compilation)
                || !StatementInsertion.CanInsertAround(statement))
            {
                return null;
            }

            var function = ScopeExits.EnclosingFunction(statement);
            if (function == null)
            {
                return null;
            }

            string name = LocalNames.Unique("stream", function, model, statement.SpanStart);
            bool isAsync = ScopeExits.IsAsync(function);
            var generator = SyntaxGenerator.GetGenerator(context.Document);
            var atomicFile = RuntimeTypes.StaticReceiver(generator, context.Runtime.AtomicFile);
            var path = pathArgument.Expression;

            return new FixPlan(target.WriteTitle, editor => editor.ReplaceNode(statement, (current, _) =>
            {
                var currentStatement = (ExpressionStatementSyntax)current;
                if (!(currentStatement.Expression is InvocationExpressionSyntax currentInvocation) || currentInvocation.ArgumentList.Arguments.Count == 0)
                {
                    return current;
                }

                var currentPath = currentInvocation.ArgumentList.Arguments[0];
                var save = currentInvocation.ReplaceNode(currentPath, currentPath.WithExpression(SyntaxFactory.IdentifierName(name).WithTriviaFrom(currentPath.Expression)));
                var create = (ExpressionSyntax)generator.InvocationExpression(generator.MemberAccessExpression(atomicFile, "Create"), currentPath.Expression.WithoutTrivia());
                var declaration = SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.IdentifierName("var"),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(name).WithInitializer(SyntaxFactory.EqualsValueClause(create))));
                var body = new List<StatementSyntax> { SyntaxFactory.ExpressionStatement(save.WithoutTrivia()) };
                body.AddRange(CommitStatements.Create(generator, name, new (string, bool)[0], isAsync));
                return SyntaxFactory.UsingStatement(declaration, null, SyntaxFactory.Block(body))
                    .WithTriviaFrom(currentStatement)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }));
        }

        private static bool IsPlainVariable(IOperation receiver) => receiver switch
        {
            ILocalReferenceOperation _ => true,
            IParameterReferenceOperation _ => true,
            IFieldReferenceOperation field => field.Instance == null || field.Instance is IInstanceReferenceOperation,
            _ => false,
        };

        /// <summary>The same method with a <c>Stream</c> in place of the path (<c>Save(Stream[, SaveOptions])</c>).</summary>
        private static bool HasStreamOverload(IMethodSymbol method, Compilation compilation)
        {
            var stream = compilation.GetTypeByMetadataName("System.IO.Stream");
            if (stream == null || method.Parameters.Length == 0 || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            return method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Any(candidate =>
                !candidate.IsStatic
                && candidate.Parameters.Length == method.Parameters.Length
                && SymbolEqualityComparer.Default.Equals(candidate.Parameters[0].Type, stream)
                && candidate.Parameters.Skip(1).Zip(method.Parameters.Skip(1), (a, b) => SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(same => same));
        }
    }
}
