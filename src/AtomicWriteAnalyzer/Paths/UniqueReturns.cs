using System.Collections.Generic;
using System.Linq;
using AtomicWriteAnalyzer.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>
    /// A project's own method that returns a new value on every call (<c>Utils.GetGuid()</c> returning
    /// <c>Guid.NewGuid().ToString("D")</c>): a path built with its result names a new file, like one built with
    /// <c>Guid.NewGuid()</c> itself. Read from the method's own declaration syntax only (no semantic model of another
    /// tree), one level deep: every value it returns is a fresh value (<see cref="PathCalls.IsFreshName"/>) or what is
    /// formatted from one, an empty fallback (<c>""</c>, <c>null</c>, <c>string.Empty</c>) aside. Cached per method
    /// for the compilation.
    /// </summary>
    internal static class UniqueReturns
    {
        private const int MaxDepth = 8;
        private const int MaxReturns = 8;

        /// <summary>How the method is shown in a reason (<c>"Utils.GetGuid()"</c>) when it returns a new value every call, else null.</summary>
        public static string? Describe(IMethodSymbol method, AnalyzerCompilationContext context)
        {
            if (method.MethodKind != MethodKind.Ordinary || !IsNameLike(method.ReturnType)
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly))
            {
                return null;
            }

            return context.UniqueReturns.GetOrAdd(method.OriginalDefinition, Summarize);
        }

        private static bool IsNameLike(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_String || (type.Name == "Guid" && type.ContainingNamespace?.Name == "System");

        private static string? Summarize(IMethodSymbol method)
        {
            if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.Length != 1
                || !(method.DeclaringSyntaxReferences[0].GetSyntax() is MethodDeclarationSyntax declaration))
            {
                return null;
            }

            var returned = declaration.ExpressionBody != null
                ? new List<ExpressionSyntax> { declaration.ExpressionBody.Expression }
                : ReturnedValues(declaration.Body);
            if (returned == null || returned.Count == 0 || returned.Count > MaxReturns)
            {
                return null;
            }

            bool unique = false;
            foreach (var value in returned)
            {
                if (IsEmptyFallback(value))
                {
                    continue;
                }

                if (!IsUnique(value, 0))
                {
                    return null;
                }

                unique = true;
            }

            return unique ? method.ContainingType?.Name + "." + method.Name + "()" : null;
        }

        /// <summary>The values of the body's own return statements (not those of lambdas or local functions in it); null if one returns nothing.</summary>
        private static List<ExpressionSyntax>? ReturnedValues(BlockSyntax? body)
        {
            if (body == null)
            {
                return null;
            }

            var values = new List<ExpressionSyntax>();
            foreach (var statement in body.DescendantNodes(node => !(node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax)).OfType<ReturnStatementSyntax>())
            {
                if (statement.Expression == null)
                {
                    return null;
                }

                values.Add(statement.Expression);
            }

            return values;
        }

        /// <summary><c>""</c>, <c>null</c>, <c>default</c>, <c>string.Empty</c>: what a wrapper returns when it fails, not a name.</summary>
        private static bool IsEmptyFallback(ExpressionSyntax value) => value switch
        {
            LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression)
                || (literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Length == 0),
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == "Empty" && LastName(access.Expression) is "string" or "String",
            _ => false,
        };

        /// <summary>Whether the expression is a fresh value, or is computed from one (formatted, converted, concatenated).</summary>
        private static bool IsUnique(ExpressionSyntax? expression, int depth)
        {
            if (expression == null || depth > MaxDepth)
            {
                return false;
            }

            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return IsUnique(parenthesized.Expression, depth + 1);
                case CastExpressionSyntax cast:
                    return IsUnique(cast.Expression, depth + 1);
                case InvocationExpressionSyntax invocation:
                    if (invocation.Expression is MemberAccessExpressionSyntax called
                        && (PathCalls.IsFreshName(LastName(called.Expression), called.Name.Identifier.ValueText, isCall: true) || IsUnique(called.Expression, depth + 1)))
                    {
                        return true;
                    }

                    // BitConverter.ToInt64(Guid.NewGuid().ToByteArray(), 0), string.Format("{0:N}", Guid.NewGuid())
                    return invocation.ArgumentList.Arguments.Any(argument => IsUnique(argument.Expression, depth + 1));
                case MemberAccessExpressionSyntax access:
                    return PathCalls.IsFreshName(LastName(access.Expression), access.Name.Identifier.ValueText, isCall: false) || IsUnique(access.Expression, depth + 1);
                case InterpolatedStringExpressionSyntax interpolated:
                    return interpolated.Contents.OfType<InterpolationSyntax>().Any(hole => IsUnique(hole.Expression, depth + 1));
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return IsUnique(binary.Left, depth + 1) || IsUnique(binary.Right, depth + 1);
                case ConditionalExpressionSyntax conditional:
                    return IsUnique(conditional.WhenTrue, depth + 1) && IsUnique(conditional.WhenFalse, depth + 1);
                default:
                    return false;
            }
        }

        /// <summary>The last name of a receiver as written: <c>Guid</c> in <c>System.Guid</c>, <c>Random</c> in <c>new Random()</c>.</summary>
        private static string LastName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
            ObjectCreationExpressionSyntax creation => LastName(creation.Type),
            _ => "",
        };

        private static string LastName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => "",
        };
    }
}
