using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>Mutations aimed at the calls the rules look at: half-edited arguments, cuts inside them, unusual enclosing statements.</summary>
    internal static partial class Mutations
    {
        private static readonly string[] Wrappers =
        {
            "if (Environment.TickCount > 0) {0}",
            "if (Environment.TickCount > 0) { } else {0}",
            "for (int wrap = 0; wrap < 1; wrap++) {0}",
            "while (Environment.TickCount > 0) { {0} break; }",
            "do {0} while (false);",
            "lock (new object()) {0}",
            "checked { {0} }",
            "{ { {0} } }",
            "try { {0} } catch (IOException) { throw; } finally { }",
            "try { } finally { {0} }",
            "switch (Environment.TickCount) { case 1: {0} break; default: {0} return; }",
            "Action wrapped = () => { {0} }; wrapped();",
            "Func<System.Threading.Tasks.Task> wrapped = async () => { {0} }; _ = wrapped();",
            "void Wrapped() { {0} } Wrapped();",
            "async System.Threading.Tasks.Task WrappedAsync() { {0} } _ = WrappedAsync();",
            "wrapLabel: {0} if (Environment.TickCount == 0) goto wrapLabel;",
            "foreach (var wrap in new[] { 1, 2 }) {0}",
            "using (var wrap = new MemoryStream()) {0}",
            "\n#if DEBUG\n{0}\n#endif\n",
            "\n#if !DEBUG\n{0}\n#else\n{0}\n#endif\n",
            "unsafe { {0} }",
        };

        private static readonly string[] Arguments =
        {
            "null", "default", "\"\"", "ref path", "out var p", "x => x", "path: ", "overwrite: ", "FileMode.", "(", ")", "new()", "stream", "this", "..",
        };

        /// <summary>Invocations and creations that look like the catalog's (by name only: the code may not bind).</summary>
        private static IEnumerable<ExpressionSyntax> FileCalls(SyntaxNode root) =>
            root.DescendantNodes().OfType<ExpressionSyntax>().Where(e =>
                (e is InvocationExpressionSyntax || e is BaseObjectCreationExpressionSyntax)
                && FileCallWords.Any(word => e.ToString().Contains(word, StringComparison.Ordinal)));

        private static readonly string[] FileCallWords =
        {
            "File.", "FileInfo", "FileStream", "StreamWriter", "StreamReader", "AtomicFile", "Move", "Replace", "Commit", "Flush", "Serialize", ".Save(", ".Load(",
        };

        /// <summary>One argument of a file call dropped, replaced, named or moved; or its closing parenthesis removed.</summary>
        private static (string, string) BreakFileCall(string text, SyntaxNode root, Random random)
        {
            var call = FileCalls(root).OrderBy(_ => random.Next()).FirstOrDefault();
            var arguments = call switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                _ => null,
            };
            if (call == null || arguments == null)
            {
                return (text, "unchanged (no file call)");
            }

            var list = arguments.Arguments;
            int choice = random.Next(5);
            if (list.Count == 0 || choice == 0)
            {
                var close = arguments.CloseParenToken;
                return close.IsMissing ? (text, "unchanged (no parenthesis)") : (Replace(text, close.SpanStart, 1, ""), $"removed ')' of {Shorten(call)}");
            }

            var argument = list[random.Next(list.Count)];
            switch (choice)
            {
                case 1:
                    // The argument and the comma before or after it.
                    var separators = list.GetSeparators().ToList();
                    int index = list.IndexOf(argument);
                    int start = index > 0 ? separators[index - 1].SpanStart : argument.SpanStart;
                    int end = index == 0 && separators.Count > 0 ? separators[0].Span.End : argument.Span.End;
                    return (Replace(text, start, end - start, ""), $"dropped argument {index} of {Shorten(call)}");
                case 2:
                    string replacement = Arguments[random.Next(Arguments.Length)];
                    return (Replace(text, argument.SpanStart, argument.Span.Length, replacement), $"argument '{argument}' of {Shorten(call)} replaced by '{replacement}'");
                case 3:
                    var other = list[random.Next(list.Count)];
                    var edits = new List<(int Start, int Length, string Text)>();
                    if (other != argument)
                    {
                        edits.Add((argument.SpanStart, argument.Span.Length, other.ToString()));
                        edits.Add((other.SpanStart, other.Span.Length, argument.ToString()));
                    }

                    return (Edit(text, edits), $"swapped arguments '{argument}' and '{other}' of {Shorten(call)}");
                default:
                    string name = random.Next(2) == 0 ? "path" : "overwrite";
                    return (Replace(text, argument.SpanStart, 0, name + ": "), $"argument '{argument}' of {Shorten(call)} named '{name}'");
            }
        }

        /// <summary>A statement that calls a file API moved into another construct (<see cref="Wrappers"/>).</summary>
        private static (string, string) WrapStatement(string text, SyntaxNode root, Random random)
        {
            var statements = root.DescendantNodes().OfType<StatementSyntax>()
                .Where(st => !(st is BlockSyntax) && st.Parent is BlockSyntax && FileCallWords.Any(word => st.ToString().Contains(word, StringComparison.Ordinal)))
                .ToList();
            if (statements.Count == 0)
            {
                return (text, "unchanged (no statement with a file call)");
            }

            var statement = statements[random.Next(statements.Count)];
            string template = Wrappers[random.Next(Wrappers.Length)];
            string wrapped = template.Replace("{0}", statement.ToString(), StringComparison.Ordinal);
            return (Replace(text, statement.SpanStart, statement.Span.Length, wrapped), $"wrapped {Shorten(statement)} as '{template.Replace('\n', ' ')}'");
        }

        /// <summary>The text up to a token boundary inside a file call.</summary>
        private static (string, string) CutInFileCall(string text, SyntaxNode root, Random random)
        {
            var call = FileCalls(root).OrderBy(_ => random.Next()).FirstOrDefault();
            if (call == null)
            {
                return (text, "unchanged (no file call)");
            }

            var inside = call.DescendantTokens().ToList();
            var token = inside[random.Next(inside.Count)];
            int at = random.Next(2) == 0 ? token.SpanStart : token.Span.End;
            return (text.Substring(0, at), $"cut at {at}, inside {Shorten(call)}");
        }
    }
}
