using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AtomicWriteAnalyzer.CodeFixes.Infrastructure
{
    /// <summary>
    /// Building calls to <c>AtomicFile</c> members and checking, before any fix is offered, that they bind to the
    /// runtime's member with the expected result type (an overload the runtime lacks, or a name that means something
    /// else at that spot, gets no fix).
    /// </summary>
    internal static class AtomicFileCalls
    {
        /// <summary>
        /// Said in the title of every fix that saves through AtomicFile with the default options: a file that did not
        /// exist is created owner-only, not by the umask as File creates it (an existing file keeps its mode).
        /// </summary>
        public const string NewFileModeNote = " (a new file is created 0600)";

        /// <summary><c>AtomicFile.<paramref name="member"/></c>, annotated so the cleanup simplifies it and adds the import.</summary>
        public static MemberAccessExpressionSyntax Member(FixContext context, string member)
        {
            var generator = SyntaxGenerator.GetGenerator(context.Document);
            return SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                RuntimeTypes.StaticReceiver(generator, context.Runtime.AtomicFile),
                SyntaxFactory.IdentifierName(member));
        }

        /// <summary><c>File.X</c>, <c>System.IO.File.X</c> or (under <c>using static</c>) <c>X</c> → <c>AtomicFile.X</c>, trivia kept.</summary>
        public static ExpressionSyntax? Retarget(FixContext context, ExpressionSyntax callee)
        {
            var generator = SyntaxGenerator.GetGenerator(context.Document);
            var atomicFile = RuntimeTypes.StaticReceiver(generator, context.Runtime.AtomicFile);
            return callee switch
            {
                MemberAccessExpressionSyntax memberAccess when memberAccess.IsKind(SyntaxKind.SimpleMemberAccessExpression) =>
                    memberAccess.WithExpression(atomicFile.WithTriviaFrom(memberAccess.Expression)),
                SimpleNameSyntax name =>
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, atomicFile, name.WithoutTrivia()).WithTriviaFrom(name),
                _ => null,
            };
        }

        /// <summary>
        /// Whether <paramref name="rewritten"/>, placed where <paramref name="original"/> is, calls the <c>AtomicFile</c>
        /// member <paramref name="member"/> and returns <paramref name="returnType"/>.
        /// </summary>
        public static bool Binds(FixContext context, SyntaxNode original, InvocationExpressionSyntax rewritten, string member, ITypeSymbol? returnType)
        {
            var symbol = context.SemanticModel.GetSpeculativeSymbolInfo(original.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression).Symbol;
            return symbol is IMethodSymbol method
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, context.Runtime.AtomicFile)
                && method.Name == member
                && returnType != null
                && SymbolEqualityComparer.Default.Equals(method.ReturnType, returnType);
        }

        /// <summary>The first of <c>name</c>, <c>name2</c>, ... that names nothing in scope at <paramref name="position"/>.</summary>
        public static string FreeName(FixContext context, int position, string name)
        {
            string candidate = name;
            for (int i = 2; i < 100 && !context.SemanticModel.LookupSymbols(position, name: candidate).IsEmpty; i++)
            {
                candidate = name + i;
            }

            return candidate;
        }
    }
}
