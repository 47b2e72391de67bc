using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace AtomicWriteAnalyzer.CodeFixes.Infrastructure
{
    /// <summary>
    /// Inserts statements before or after a statement wherever it sits: in a block or switch section, as a
    /// top-level statement, or embedded (<c>if (x) return;</c>), which becomes a block. Several insertions around the
    /// same statement (by several fixes of one Fix All) compose in the order they were made.
    /// </summary>
    internal static class StatementInsertion
    {
        // Insertions around one embedded statement are collected and applied by a single replacement, so that the
        // fixes of a Fix All share one block instead of nesting blocks.
        private static readonly ConditionalWeakTable<SyntaxEditor, Dictionary<SyntaxNode, Pending>> PendingByEditor =
            new ConditionalWeakTable<SyntaxEditor, Dictionary<SyntaxNode, Pending>>();

        public static void InsertBefore(SyntaxEditor editor, StatementSyntax anchor, IReadOnlyList<StatementSyntax> statements) =>
            Insert(editor, anchor, statements, before: true);

        public static void InsertAfter(SyntaxEditor editor, StatementSyntax anchor, IReadOnlyList<StatementSyntax> statements) =>
            Insert(editor, anchor, statements, before: false);

        /// <summary>Adds statements at the start of a block (for a scope that has no statement yet).</summary>
        public static void Prepend(SyntaxEditor editor, BlockSyntax block, IReadOnlyList<StatementSyntax> statements) =>
            editor.ReplaceNode(block, (current, _) => ((BlockSyntax)current).WithStatements(((BlockSyntax)current).Statements.InsertRange(0, Formatted(statements))));

        /// <summary>Whether statements can be inserted next to this one (not under a label, which would move the label's target).</summary>
        public static bool CanInsertAround(StatementSyntax anchor) => !(anchor.Parent is LabeledStatementSyntax);

        private static void Insert(SyntaxEditor editor, StatementSyntax anchor, IReadOnlyList<StatementSyntax> statements, bool before)
        {
            switch (anchor.Parent)
            {
                case BlockSyntax _:
                case SwitchSectionSyntax _:
                    var formatted = Formatted(statements);
                    if (before)
                    {
                        editor.InsertBefore(anchor, formatted);
                    }
                    else
                    {
                        editor.InsertAfter(anchor, formatted);
                    }

                    break;
                case GlobalStatementSyntax global:
                    var globals = statements.Select(s => TopLevel(s, EndOfLine(anchor))).ToList();
                    if (before)
                    {
                        editor.InsertBefore(global, globals);
                    }
                    else
                    {
                        editor.InsertAfter(global, globals);
                    }

                    break;
                default:
                    var pendingByAnchor = PendingByEditor.GetOrCreateValue(editor);
                    if (!pendingByAnchor.TryGetValue(anchor, out var pending))
                    {
                        pending = new Pending();
                        pendingByAnchor.Add(anchor, pending);
                        editor.ReplaceNode(anchor, (current, _) => Wrap((StatementSyntax)current, pending));
                    }

                    (before ? pending.Before : pending.After).AddRange(Formatted(statements));
                    break;
            }
        }

        /// <summary>An embedded statement becomes <c>{ before...; statement; after... }</c>.</summary>
        private static BlockSyntax Wrap(StatementSyntax current, Pending pending) =>
            SyntaxFactory.Block(pending.Before.Concat(new[] { current.WithoutTrivia().WithAdditionalAnnotations(Formatter.Annotation) }).Concat(pending.After))
                .WithLeadingTrivia(current.GetLeadingTrivia())
                .WithTrailingTrivia(current.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary>
        /// A top-level statement with plain trivia: the formatter treats elastic trivia between top-level statements
        /// like trivia between members and would surround the statement with blank lines.
        /// </summary>
        private static GlobalStatementSyntax TopLevel(StatementSyntax statement, SyntaxTrivia endOfLine) =>
            SyntaxFactory.GlobalStatement(statement.WithoutTrivia().WithTrailingTrivia(endOfLine))
                .WithoutLeadingTrivia()
                .WithTrailingTrivia(endOfLine);

        private static SyntaxTrivia EndOfLine(SyntaxNode anchor) =>
            anchor.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is var trivia && trivia.IsKind(SyntaxKind.EndOfLineTrivia)
                ? trivia
                : SyntaxFactory.EndOfLine("\n");

        private static IReadOnlyList<StatementSyntax> Formatted(IReadOnlyList<StatementSyntax> statements) =>
            statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();

        private sealed class Pending
        {
            public List<StatementSyntax> Before { get; } = new List<StatementSyntax>();

            public List<StatementSyntax> After { get; } = new List<StatementSyntax>();
        }
    }
}
