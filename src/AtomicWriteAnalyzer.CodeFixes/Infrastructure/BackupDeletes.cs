using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.CodeFixes.Infrastructure
{
    /// <summary>
    /// Deletes of a file saved through <c>AtomicFile</c>, rewritten to <c>AtomicFile.Delete</c>, which removes the
    /// backups too: <c>File.Delete(path)</c> → <c>AtomicFile.Delete(path)</c>, <c>info.Delete()</c> →
    /// <c>AtomicFile.Delete(info.FullName)</c>. Used by the AW0005 fix, and after every AW0001 fix, so that a write
    /// turned into an AtomicFile save leaves no plain delete behind whose file the next load would bring back.
    /// </summary>
    internal static class BackupDeletes
    {
        public const string Title = "Delete with AtomicFile.Delete (removes the backups too)";

        /// <summary>The delete as an <c>AtomicFile.Delete</c> call, or null: a move or replace (no AtomicFile member does
        /// that), another overload, or a call that would not bind to the runtime's <c>Delete</c>.</summary>
        public static InvocationExpressionSyntax? Rewrite(FixContext context, InvocationExpressionSyntax invocation)
        {
            if (!(context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol method) || method.Name != "Delete")
            {
                return null;
            }

            InvocationExpressionSyntax rewritten;
            string type = method.ContainingType.ToDisplayString();
            if (method.IsStatic && type == "System.IO.File" && invocation.ArgumentList.Arguments.Count == 1)
            {
                if (!(AtomicFileCalls.Retarget(context, invocation.Expression) is { } callee))
                {
                    return null;
                }

                rewritten = invocation.WithExpression(callee);
            }
            else if (!method.IsStatic && type == "System.IO.FileInfo" && invocation.ArgumentList.Arguments.Count == 0
                && invocation.Expression is MemberAccessExpressionSyntax member)
            {
                var fullName = SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    member.Expression.WithoutTrivia(),
                    SyntaxFactory.IdentifierName("FullName"));
                rewritten = SyntaxFactory.InvocationExpression(
                        AtomicFileCalls.Member(context, "Delete"),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(fullName))))
                    .WithTriviaFrom(invocation);
            }
            else
            {
                return null;
            }

            return AtomicFileCalls.Binds(context, invocation, rewritten, "Delete", method.ReturnType) ? rewritten : null;
        }

        /// <summary>
        /// Every plain delete in the document of a path that the same type saves through <c>AtomicFile</c> (paired as
        /// AW0005 pairs them, <see cref="SavedPathKeys"/>), rewritten; the document itself when there is none. Moves
        /// stay as they are: they have no fix, and AW0005 keeps reporting them.
        /// </summary>
        public static async Task<Document> RewriteLeftoverDeletesAsync(Document document, CancellationToken cancellationToken)
        {
            var context = await FixContext.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            if (context == null)
            {
                return document;
            }

            var saved = new Dictionary<ISymbol, HashSet<string>>(SymbolEqualityComparer.Default);
            var deletes = new List<(ISymbol Type, string Key, InvocationExpressionSyntax Call)>();
            foreach (var call in context.Root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!MaySaveOrDelete(call)
                    || !(context.SemanticModel.GetOperation(call, cancellationToken) is IInvocationOperation invocation)
                    || !(OwnerType(context.SemanticModel, call, cancellationToken) is { } type))
                {
                    continue;
                }

                if (SavedPathKeys.SavedPath(invocation) is { } savedPath && SavedPathKeys.KeyOf(savedPath) is { } savedKey)
                {
                    if (!saved.TryGetValue(type, out var keys))
                    {
                        keys = new HashSet<string>();
                        saved.Add(type, keys);
                    }

                    keys.Add(savedKey);
                }
                else if (invocation.TargetMethod.Name == "Delete" && SavedPathKeys.RemovedPath(invocation, out _) is { } removed && SavedPathKeys.KeyOf(removed) is { } removedKey)
                {
                    deletes.Add((type, removedKey, call));
                }
            }

            var rewrites = new List<(InvocationExpressionSyntax Call, InvocationExpressionSyntax Rewritten)>();
            foreach (var (type, key, call) in deletes)
            {
                if (saved.TryGetValue(type, out var keys) && keys.Contains(key) && Rewrite(context, call) is { } rewritten)
                {
                    rewrites.Add((call, rewritten));
                }
            }

            if (rewrites.Count == 0)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var (call, rewritten) in rewrites)
            {
                editor.ReplaceNode(call, rewritten);
            }

            return editor.GetChangedDocument();
        }

        // Only calls whose name can be a save or a delete are bound: a document has many invocations.
        private static bool MaySaveOrDelete(InvocationExpressionSyntax call)
        {
            string? name = call.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            return name != null && SavedPathKeys.IsCandidateName(name);
        }

        private static ISymbol? OwnerType(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
            return (symbol as INamedTypeSymbol ?? symbol?.ContainingType)?.OriginalDefinition;
        }
    }
}
