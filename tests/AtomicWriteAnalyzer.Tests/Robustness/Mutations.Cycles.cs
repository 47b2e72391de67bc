using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>Mutations that make a path's definitions refer to each other: what path tracing must stop at.</summary>
    internal static partial class Mutations
    {
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
    }
}
