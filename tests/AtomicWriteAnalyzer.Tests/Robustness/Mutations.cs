using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>
    /// Deterministic mutations of C# text. Each takes the text and a <see cref="Random"/> and returns new text and a
    /// description of what it did (for a failure message). Positions come from the Roslyn tokens of the current text,
    /// so every mutation lands on a token boundary or inside a member.
    /// </summary>
    internal static partial class Mutations
    {
        /// <summary>Cuts fall on multiples of this many characters.</summary>
        public const int CutStep = 7;

        private static readonly string[] Typed =
        {
            "null", "default", "await", "=>", "?.", "!", "ref", "out var x", ",", ";", ".", "\"tokens.json\"", "$\"{", "\"\"\"", "@\"",
            "/*", "#if X", "#region", "checked(", "stackalloc", "..", "new()", "File.WriteAllText(", "File.Move(", "AtomicFile.Create(",
            "using var s = AtomicFile.Create(\"settings.json\");", "FileMode.Create", ".Commit()", "Path.Combine(", "+", "+ \".tmp\"", "static",
            "const", "var", "get;", "return", "yield return", "throw", "goto x;", "x:", "async", "unsafe", "fixed", "lock (this)", "foreach (var x in",
            "[SensitiveFile]", "this", "base.", "nameof(", "typeof(", "sizeof(", "is", "as", "switch {", "with {", "?", ":", "::", "global::", "<", ">",
            "=", "==", "??=", "@", "`", "\\", "'", "\u2028", "\0",
        };

        public static (string Text, string Description) Apply(MutationKind kind, string text, Random random)
        {
            var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp12)).GetRoot();
            var tokens = root.DescendantTokens().Where(t => t.Span.Length > 0).ToList();
            switch (kind)
            {
                case MutationKind.DeleteToken when tokens.Count > 0:
                {
                    var token = tokens[random.Next(tokens.Count)];
                    return (Replace(text, token.SpanStart, token.Span.Length, ""), $"deleted '{token.Text}' at {token.SpanStart}");
                }

                case MutationKind.Cut when text.Length > CutStep:
                {
                    int at = CutStep * random.Next(1, text.Length / CutStep + 1);
                    return (text.Substring(0, Math.Min(at, text.Length)), $"cut at {at}");
                }

                case MutationKind.DuplicateLine:
                {
                    var lines = text.Split('\n').ToList();
                    int line = random.Next(lines.Count);
                    lines.Insert(line, lines[line]);
                    return (string.Join("\n", lines), $"duplicated line {line + 1}");
                }

                case MutationKind.SwapIdentifiers:
                {
                    var identifiers = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
                    if (identifiers.Count < 2)
                    {
                        break;
                    }

                    var a = identifiers[random.Next(identifiers.Count)];
                    var b = identifiers[random.Next(identifiers.Count)];
                    if (a.SpanStart > b.SpanStart)
                    {
                        (a, b) = (b, a);
                    }

                    if (a.SpanStart == b.SpanStart)
                    {
                        break;
                    }

                    // b first: a's position does not move.
                    string swapped = Replace(Replace(text, b.SpanStart, b.Span.Length, a.Text), a.SpanStart, a.Span.Length, b.Text);
                    return (swapped, $"swapped '{a.Text}'@{a.SpanStart} and '{b.Text}'@{b.SpanStart}");
                }

                case MutationKind.UnbalanceBrackets:
                {
                    var brackets = tokens.Where(t => t.Text.Length == 1 && "{}()[]".IndexOf(t.Text[0]) >= 0).ToList();
                    if (brackets.Count > 0 && random.Next(2) == 0)
                    {
                        var token = brackets[random.Next(brackets.Count)];
                        return (Replace(text, token.SpanStart, 1, ""), $"removed '{token.Text}' at {token.SpanStart}");
                    }

                    char bracket = "{}()[]"[random.Next(6)];
                    int at = tokens.Count == 0 ? 0 : tokens[random.Next(tokens.Count)].SpanStart;
                    return (Replace(text, at, 0, bracket.ToString()), $"inserted '{bracket}' at {at}");
                }

                case MutationKind.InsertToken:
                {
                    string typed = Typed[random.Next(Typed.Length)];
                    int at = tokens.Count == 0 ? 0 : (random.Next(2) == 0 ? tokens[random.Next(tokens.Count)].SpanStart : tokens[random.Next(tokens.Count)].Span.End);
                    return (Replace(text, at, 0, " " + typed + " "), $"inserted '{typed}' at {at}");
                }

                case MutationKind.MemberCycles:
                    return MemberCycles(text, root, random);

                case MutationKind.LocalCycles:
                    return LocalCycles(text, root, random);

                case MutationKind.BreakFileCall:
                    return BreakFileCall(text, root, random);

                case MutationKind.WrapStatement:
                    return WrapStatement(text, root, random);

                case MutationKind.CutInFileCall:
                    return CutInFileCall(text, root, random);
            }

            return (text, "unchanged (" + kind + " does not apply)");
        }

        private static string Shorten(SyntaxNode node)
        {
            string shown = node.ToString().Replace('\n', ' ');
            return shown.Length <= 60 ? shown : shown.Substring(0, 59) + "…";
        }

        /// <summary>Applies edits given in positions of the original text.</summary>
        private static string Edit(string text, List<(int Start, int Length, string Text)> edits)
        {
            foreach (var edit in edits.OrderByDescending(e => e.Start))
            {
                text = Replace(text, edit.Start, edit.Length, edit.Text);
            }

            return text;
        }

        private static string Replace(string text, int start, int length, string replacement)
        {
            var builder = new StringBuilder(text.Length + replacement.Length);
            builder.Append(text, 0, start).Append(replacement).Append(text, start + length, text.Length - start - length);
            return builder.ToString();
        }
    }
}
