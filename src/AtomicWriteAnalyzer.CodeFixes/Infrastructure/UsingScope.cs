using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.CodeFixes.Infrastructure
{
    /// <summary>
    /// The statements in which a <c>using</c> local lives: the body of a using statement, or the rest of the block
    /// (or of the top-level program) after a using declaration. Only a using with exactly one local is handled.
    /// </summary>
    internal sealed class UsingScope
    {
        private UsingScope(VariableDeclaratorSyntax declarator, VariableDeclarationSyntax declaration, StatementSyntax owner, ImmutableArray<StatementSyntax> statements, bool isAwait)
        {
            Declarator = declarator;
            Declaration = declaration;
            Owner = owner;
            Statements = statements;
            IsAwait = isAwait;
        }

        public VariableDeclaratorSyntax Declarator { get; }

        /// <summary>The declaration: its <c>Type</c> is <c>var</c> or the declared type.</summary>
        public VariableDeclarationSyntax Declaration { get; }

        /// <summary>The <see cref="UsingStatementSyntax"/>, or the <see cref="LocalDeclarationStatementSyntax"/> with <c>using</c>.</summary>
        public StatementSyntax Owner { get; }

        /// <summary>The statements of the scope, in order (may be empty).</summary>
        public ImmutableArray<StatementSyntax> Statements { get; }

        public bool IsAwait { get; }

        public string Name => Declarator.Identifier.ValueText;

        /// <summary>The scope of the using local declared by <paramref name="declarator"/>, or null when it is not one.</summary>
        public static UsingScope? Of(VariableDeclaratorSyntax declarator)
        {
            if (!(declarator.Parent is VariableDeclarationSyntax declaration) || declaration.Variables.Count != 1)
            {
                return null;
            }

            switch (declaration.Parent)
            {
                case UsingStatementSyntax usingStatement:
                    var body = usingStatement.Statement is BlockSyntax block
                        ? block.Statements.ToImmutableArray()
                        : ImmutableArray.Create(usingStatement.Statement);
                    return new UsingScope(declarator, declaration, usingStatement, body, usingStatement.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword));
                case LocalDeclarationStatementSyntax local when local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword):
                    var following = Following(local);
                    return following == null
                        ? null
                        : new UsingScope(declarator, declaration, local, following.Value, local.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword));
                default:
                    return null;
            }
        }

        /// <summary>Whether the node is one of the scope's statements or inside one.</summary>
        public bool Contains(SyntaxNode node) => Statements.Any(statement => statement.Span.Contains(node.Span) && statement.SyntaxTree == node.SyntaxTree);

        /// <summary>The node's ancestors (not the node) up to and including the scope statement that contains it.</summary>
        public IEnumerable<SyntaxNode> AncestorsWithin(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                yield return ancestor;
                if (ancestor is StatementSyntax statement && Statements.Contains(statement))
                {
                    yield break;
                }
            }
        }

        /// <summary>The statement of the scope that contains the node, or null.</summary>
        public StatementSyntax? TopLevelStatementOf(SyntaxNode node) =>
            Statements.FirstOrDefault(statement => statement.Span.Contains(node.Span));

        private static ImmutableArray<StatementSyntax>? Following(LocalDeclarationStatementSyntax statement)
        {
            switch (statement.Parent)
            {
                case BlockSyntax block:
                    return block.Statements.SkipWhile(s => s != statement).Skip(1).ToImmutableArray();
                case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                    return unit.Members
                        .SkipWhile(m => m != global)
                        .Skip(1)
                        .TakeWhile(m => m is GlobalStatementSyntax)
                        .Select(m => ((GlobalStatementSyntax)m).Statement)
                        .ToImmutableArray();
                default:
                    return null;
            }
        }
    }
}
