using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>The ways code breaks while it is typed, or is written to trip a tracer.</summary>
    internal enum MutationKind
    {
        /// <summary>One token removed.</summary>
        DeleteToken,

        /// <summary>The file cut at a multiple of <see cref="Mutations.CutStep"/> characters, as if the rest was not typed yet.</summary>
        Cut,

        /// <summary>One line pasted twice.</summary>
        DuplicateLine,

        /// <summary>Two identifiers exchanged (a local for a field, a type for a method...).</summary>
        SwapIdentifiers,

        /// <summary>A brace, parenthesis or bracket added or removed.</summary>
        UnbalanceBrackets,

        /// <summary>A token typed where it does not belong (<c>null</c>, <c>=&gt;</c>, <c>?.</c>, a half call...).</summary>
        InsertToken,

        /// <summary>Consts, fields, properties and methods that refer to each other in cycles, used as a file call's path.</summary>
        MemberCycles,

        /// <summary>Locals assigned from each other (<c>a = b; b = a;</c>), used as a file call's path.</summary>
        LocalCycles,
    }

    /// <summary>
    /// Deterministic mutations of C# text. Each takes the text and a <see cref="Random"/> and returns new text and a
    /// description of what it did (for a failure message). Positions come from the Roslyn tokens of the current text,
    /// so every mutation lands on a token boundary or inside a member.
    /// </summary>
    internal static class Mutations
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

        /// <summary>Members that refer to each other in cycles, and the expression a file call's path becomes.</summary>
        private static readonly (string Members, string Path)[] Cycles =
        {
            ("const string CycleA = CycleB + \"/tokens.json\"; const string CycleB = CycleA;", "CycleA"),
            ("const string TokenFile = TokenFile;", "TokenFile"),
            ("static string s_tokenPath = s_configPath; static string s_configPath = s_tokenPath + \".json\";", "s_tokenPath"),
            ("readonly string _settingsPath; string SettingsPath { get => StatePath; } string StatePath => SettingsPath + \"/state.json\";", "SettingsPath"),
            ("string TokenPath => TokenPath;", "TokenPath"),
            ("string CredentialsFile { get { return CredentialsFile + \".json\"; } }", "CredentialsFile"),
            ("string ConfigPath() => ConfigPath();", "ConfigPath()"),
            ("string SecretPath(int n) => n == 0 ? \"secret.json\" : SecretPath(n - 1) + SecretPath(n - 2);", "SecretPath(3)"),
            ("static string A => B; static string B => C; static string C => A + \"tokens.json\";", "A"),
            ("string SessionPath { get; set; } void Swap() { SessionPath = SessionPath + SessionPath; }", "SessionPath"),
            ("static string _p1 = _p2 + _p2; static string _p2 = _p3 + _p3; static string _p3 = _p4 + _p4; static string _p4 = _p1 + \"auth.json\";", "_p1"),
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
            }

            return (text, "unchanged (" + kind + " does not apply)");
        }

        /// <summary>Cyclic members added to a type; the path of one of its file calls replaced by one of them.</summary>
        private static (string, string) MemberCycles(string text, SyntaxNode root, Random random)
        {
            var type = root.DescendantNodes().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => !t.OpenBraceToken.IsMissing);
            if (type == null)
            {
                return (text, "unchanged (no type for cycles)");
            }

            int cycle = random.Next(Cycles.Length);
            int second = random.Next(Cycles.Length);
            string members = cycle == second ? Cycles[cycle].Members : Cycles[cycle].Members + " " + Cycles[second].Members;
            var edits = new List<(int Start, int Length, string Text)> { (type.OpenBraceToken.Span.End, 0, "\n" + members + "\n") };
            string where = "none";
            var calls = root.DescendantNodes()
                .Select(n => n switch
                {
                    InvocationExpressionSyntax invocation => (Callee: invocation.Expression.ToString(), Argument: invocation.ArgumentList.Arguments.FirstOrDefault()),
                    BaseObjectCreationExpressionSyntax creation => (Callee: "new", Argument: creation.ArgumentList?.Arguments.FirstOrDefault()),
                    _ => (Callee: "", Argument: null),
                })
                .Where(c => c.Argument != null)
                .ToList();
            if (calls.Count > 0)
            {
                var (callee, argument) = calls[random.Next(calls.Count)];
                edits.Add((argument!.Expression.SpanStart, argument.Expression.Span.Length, Cycles[cycle].Path));
                where = "of " + callee;
            }

            return (Edit(text, edits), $"cycle #{cycle}/#{second} in {type.Identifier.Text}, path {where}");
        }

        /// <summary>Locals defined from each other at the start of a block; the path of one of its file calls replaced by one of them.</summary>
        private static (string, string) LocalCycles(string text, SyntaxNode root, Random random)
        {
            var blocks = root.DescendantNodes().OfType<BlockSyntax>().Where(b => !b.OpenBraceToken.IsMissing).ToList();
            if (blocks.Count == 0)
            {
                return (text, "unchanged (no block for cycles)");
            }

            var block = blocks[random.Next(blocks.Count)];
            string locals = random.Next(3) switch
            {
                0 => "string tokenPath = \"a\", configPath = tokenPath; tokenPath = configPath; configPath = tokenPath + \"/tokens.json\";",
                1 => "var settingsFile = \"\"; for (int i = 0; i < 3; i++) { settingsFile = settingsFile + settingsFile; settingsFile += settingsFile; }",
                _ => "string statePath = null, p2 = null, p3 = null; statePath = p2 ?? p3; p2 = p3 + statePath; p3 = flag ? statePath : p2;",
            };
            string name = locals.Substring(locals.IndexOf(' ') + 1, locals.IndexOf(' ', locals.IndexOf(' ') + 1) - locals.IndexOf(' ') - 1);

            // The call must come after the declaration: only calls inside this block are candidates.
            var calls = block.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(c => c.ArgumentList.Arguments.Count > 0).ToList();
            string withPath = text;
            string where = "none";
            if (calls.Count > 0)
            {
                var call = calls[random.Next(calls.Count)];
                var argument = call.ArgumentList.Arguments[0].Expression;
                withPath = Replace(text, argument.SpanStart, argument.Span.Length, name);
                where = call.Expression.ToString();
            }

            int at = block.OpenBraceToken.Span.End;
            return (Replace(withPath, at, 0, "\n" + locals + "\n"), $"local cycle '{name}' in block at {at}, path of {where}");
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
