using System.Linq;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace AtomicWriteAnalyzer.CodeFixes.Rules.ReadWithoutRecovery
{
    /// <summary>
    /// The two rewrites of AW0002, as the analyzer chose them (<c>DiagnosticPropertyNames.Fix</c>):
    /// <list type="bullet">
    /// <item><c>File.ReadAll*(args)</c> → <c>AtomicFile.ReadAll*(args)</c>;</item>
    /// <item><c>Parse(File.ReadAllText(p), rest)</c> → <c>AtomicFile.Load(p, (string text) =&gt; Parse(text, rest))</c>, and the
    /// <c>Stream</c> and async forms. The lambda's parameter is typed: <c>Deserialize</c> has both a string and a Stream
    /// overload, so an untyped lambda is ambiguous between the two <c>Load</c> overloads.</item>
    /// </list>
    /// Each rewrite is bound speculatively and offered only when it calls the intended <c>AtomicFile</c> member and
    /// yields the type the original expression had.
    /// </summary>
    internal static class RecoveringReadFixes
    {
        public static FixPlan? ReadAll(FixContext context, Diagnostic diagnostic, string file)
        {
            var invocation = context.FindNode<InvocationExpressionSyntax>(diagnostic);
            if (invocation == null
                || !(context.SemanticModel.GetOperation(invocation, context.CancellationToken) is IInvocationOperation operation)
                || operation.TargetMethod.ContainingType?.ToDisplayString() != "System.IO.File")
            {
                return null;
            }

            string member = operation.TargetMethod.Name;
            var rewritten = Rewrite(context, invocation);
            if (rewritten == null || !AtomicFileCalls.Binds(context, invocation, rewritten, member, operation.TargetMethod.ReturnType))
            {
                return null;
            }

            return new FixPlan(
                "Read '" + file + "' with recovery (AtomicFile." + member + ")",
                editor => editor.ReplaceNode(invocation, (current, _) => current is InvocationExpressionSyntax currentInvocation ? Rewrite(context, currentInvocation) ?? current : current));
        }

        private static InvocationExpressionSyntax? Rewrite(FixContext context, InvocationExpressionSyntax invocation)
        {
            var callee = AtomicFileCalls.Retarget(context, invocation.Expression);
            return callee == null ? null : invocation.WithExpression(callee);
        }

        /// <summary>The read (at the diagnostic) and its parser (the additional location) become one <c>AtomicFile.Load</c>.</summary>
        public static FixPlan? Load(FixContext context, Diagnostic diagnostic, string file, bool stream, bool isAsync)
        {
            var read = context.FindNode<InvocationExpressionSyntax>(diagnostic);
            var parse = diagnostic.AdditionalLocations.Count >= 1 ? context.FindNode<InvocationExpressionSyntax>(diagnostic.AdditionalLocations[0]) : null;
            var declaration = diagnostic.AdditionalLocations.Count == 2 ? context.FindNode<LocalDeclarationStatementSyntax>(diagnostic.AdditionalLocations[1]) : null;
            if (read == null || parse == null
                || (declaration == null ? !parse.Span.Contains(read.Span) : !declaration.Span.Contains(read.Span) || declaration.Declaration.Variables.Count != 1)
                || !(context.SemanticModel.GetOperation(read, context.CancellationToken) is IInvocationOperation readOperation)
                || !(context.SemanticModel.GetOperation(parse, context.CancellationToken) is IInvocationOperation parseOperation)
                || parseOperation.Type == null)
            {
                return null;
            }

            var pathArgument = readOperation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "path" || a.Parameter?.Name == "uri")?.Syntax as ArgumentSyntax;
            if (pathArgument == null)
            {
                return null;
            }

            var parameterType = stream ? StreamType(context) : SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword));
            if (parameterType == null)
            {
                return null;
            }

            // The local the read went through (var json = File.ReadAllText(p)) names the lambda's parameter: the parser
            // call stays as written. It is still in scope here, so binding is checked with a fresh name.
            string? local = declaration?.Declaration.Variables[0].Identifier.ValueText;
            string parameter = local ?? AtomicFileCalls.FreeName(context, parse.SpanStart, stream ? "stream" : "text");
            string checkedParameter = local == null ? parameter : AtomicFileCalls.FreeName(context, parse.SpanStart, local);
            var body = local == null ? LambdaBody(read, parse, pathArgument, parameter) : parse.WithoutLeadingTrivia().WithoutTrailingTrivia();
            var checkedBody = local == null ? body : RenameUse(parse, local, checkedParameter);
            if (body == null || checkedBody == null)
            {
                return null;
            }

            var token = readOperation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "cancellationToken" && a.ArgumentKind != ArgumentKind.DefaultValue);
            if (token != null && (!isAsync || !(token.Syntax is ArgumentSyntax)))
            {
                return null;
            }

            string member = isAsync ? "LoadAsync" : "Load";
            var call = LoadCall(context, member, pathArgument, Lambda(parameterType, parameter, body), (token?.Syntax as ArgumentSyntax)?.Expression);
            var checkedCall = LoadCall(context, member, pathArgument, Lambda(parameterType, checkedParameter, checkedBody), (token?.Syntax as ArgumentSyntax)?.Expression);
            var expected = isAsync ? TaskOf(context, parseOperation.Type) : parseOperation.Type;
            if (!AtomicFileCalls.Binds(context, parse, checkedCall, member, expected))
            {
                return null;
            }

            var replacement = (isAsync ? Awaited(call, read) : call).WithTriviaFrom(parse);
            var statement = parse.FirstAncestorOrSelf<StatementSyntax>();
            return new FixPlan(
                "Load '" + file + "' with recovery (AtomicFile." + member + ")",
                editor => ReplaceParse(editor, parse, replacement, declaration, statement));
        }

        /// <summary><c>(await AtomicFile.LoadAsync(...))</c>, keeping the read's <c>ConfigureAwait</c> argument.</summary>
        private static ExpressionSyntax Awaited(InvocationExpressionSyntax call, InvocationExpressionSyntax read)
        {
            var configureAwait = ConfigureAwaitArgument(read);
            ExpressionSyntax awaited = configureAwait == null
                ? call
                : SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call, SyntaxFactory.IdentifierName("ConfigureAwait")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(configureAwait.WithoutTrivia()))));
            return SyntaxFactory.ParenthesizedExpression(
                    SyntaxFactory.AwaitExpression(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space), awaited))
                .WithAdditionalAnnotations(Simplifier.Annotation);
        }

        /// <summary>The parser call becomes the load; the local the read went through, if any, goes.</summary>
        private static void ReplaceParse(SyntaxEditor editor, InvocationExpressionSyntax parse, ExpressionSyntax replacement, LocalDeclarationStatementSyntax? declaration, StatementSyntax? statement)
        {
            editor.ReplaceNode(parse, (current, _) => current.IsEquivalentTo(parse) ? replacement : current);
            if (declaration != null && statement != null)
            {
                // The declaration goes; comments above it stay, above the statement that now loads.
                if (declaration.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
                {
                    editor.ReplaceNode(statement, (current, _) => current.WithLeadingTrivia(declaration.GetLeadingTrivia()));
                }

                editor.RemoveNode(declaration.Parent is GlobalStatementSyntax global ? global : declaration, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            }
        }

        private static ParenthesizedLambdaExpressionSyntax Lambda(TypeSyntax parameterType, string parameter, ExpressionSyntax body) =>
            SyntaxFactory.ParenthesizedLambdaExpression(
                    SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Parameter(SyntaxFactory.Identifier(parameter)).WithType(parameterType.WithTrailingTrivia(SyntaxFactory.Space)))),
                    body)
                .WithArrowToken(SyntaxFactory.Token(SyntaxKind.EqualsGreaterThanToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space));

        private static InvocationExpressionSyntax LoadCall(FixContext context, string member, ArgumentSyntax path, ExpressionSyntax lambda, ExpressionSyntax? token)
        {
            var arguments = new System.Collections.Generic.List<ArgumentSyntax>
            {
                SyntaxFactory.Argument(path.Expression.WithoutTrivia()),
                SyntaxFactory.Argument(lambda),
            };
            if (token != null)
            {
                arguments.Add(SyntaxFactory.Argument(token.WithoutTrivia()));
            }

            return SyntaxFactory.InvocationExpression(
                AtomicFileCalls.Member(context, member),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments, arguments.Skip(1).Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space)))));
        }

        /// <summary>The parser call with its argument naming <paramref name="local"/> renamed (for the binding check).</summary>
        private static ExpressionSyntax? RenameUse(InvocationExpressionSyntax parse, string local, string name)
        {
            var use = parse.ArgumentList.Arguments.Select(a => a.Expression).OfType<IdentifierNameSyntax>().FirstOrDefault(i => i.Identifier.ValueText == local);
            return use == null ? null : parse.ReplaceNode(use, SyntaxFactory.IdentifierName(name).WithTriviaFrom(use)).WithoutLeadingTrivia().WithoutTrailingTrivia();
        }

        /// <summary>The parser call with the read replaced by the lambda's parameter (for <c>XDocument.Load(path)</c>: its path).</summary>
        private static ExpressionSyntax? LambdaBody(InvocationExpressionSyntax read, InvocationExpressionSyntax parse, ArgumentSyntax pathArgument, string parameter)
        {
            var name = SyntaxFactory.IdentifierName(parameter);
            ExpressionSyntax body;
            if (parse == read)
            {
                // XDocument.Load(path[, options]) → XDocument.Load(stream[, options]); a "uri:" name would not fit Load(Stream).
                body = read.ReplaceNode(pathArgument, SyntaxFactory.Argument(name).WithTriviaFrom(pathArgument));
            }
            else
            {
                var argument = parse.ArgumentList.Arguments.FirstOrDefault(a => a.Span.Contains(read.Span));
                if (argument == null)
                {
                    return null;
                }

                body = parse.ReplaceNode(argument.Expression, name.WithTriviaFrom(argument.Expression));
            }

            return body.WithoutLeadingTrivia().WithoutTrailingTrivia();
        }

        /// <summary>The <c>x</c> of <c>File.ReadAllTextAsync(...).ConfigureAwait(x)</c>, or null.</summary>
        private static ExpressionSyntax? ConfigureAwaitArgument(InvocationExpressionSyntax read) =>
            read.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access
            && access.Parent is InvocationExpressionSyntax configureAwait && configureAwait.ArgumentList.Arguments.Count == 1
                ? configureAwait.ArgumentList.Arguments[0].Expression
                : null;

        private static TypeSyntax? StreamType(FixContext context)
        {
            var stream = context.SemanticModel.Compilation.GetTypeByMetadataName("System.IO.Stream");
            return stream == null ? null : RuntimeTypes.TypeSyntax(SyntaxGenerator.GetGenerator(context.Document), stream);
        }

        private static ITypeSymbol? TaskOf(FixContext context, ITypeSymbol type)
        {
            var task = context.SemanticModel.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            return task?.Construct(type);
        }
    }
}
