using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AtomicWriteAnalyzer.CodeFixes.Infrastructure
{
    /// <summary>The statements that publish an atomic save: flush the writers over the stream, then commit it.</summary>
    internal static class CommitStatements
    {
        /// <summary>
        /// <c>writer.Flush(); stream.Commit();</c>, or in async code <c>await writer.FlushAsync(); await stream.CommitAsync();</c>.
        /// Writers without <c>FlushAsync</c> (<c>BinaryWriter</c>) are flushed synchronously.
        /// </summary>
        public static IReadOnlyList<StatementSyntax> Create(SyntaxGenerator generator, string resource, IReadOnlyList<(string Name, bool HasFlushAsync)> writers, bool isAsync)
        {
            var statements = new List<StatementSyntax>();
            foreach (var (name, hasFlushAsync) in writers)
            {
                statements.Add(Call(generator, name, "Flush", isAsync && hasFlushAsync));
            }

            statements.Add(Call(generator, resource, "Commit", isAsync));
            return statements;
        }

        private static StatementSyntax Call(SyntaxGenerator generator, string receiver, string method, bool isAsync)
        {
            var invocation = generator.InvocationExpression(generator.MemberAccessExpression(generator.IdentifierName(receiver), isAsync ? method + "Async" : method));
            return (StatementSyntax)generator.ExpressionStatement(isAsync ? generator.AwaitExpression(invocation) : invocation);
        }
    }
}
