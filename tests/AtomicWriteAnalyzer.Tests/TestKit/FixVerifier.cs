using System.Threading;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AtomicWriteAnalyzer.Tests.Fixes
{
    /// <summary>
    /// Runs a rule's analyzer and fix on code with <c>{|AWxxxx:...|}</c> markup: the fixed code must match and
    /// compile against the AtomicWrite runtime. Fix All runs at document, project and solution scope, with the
    /// rule's public equivalence key.
    /// </summary>
    internal static class FixVerifier<TAnalyzer, TFixer>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFixer : CodeFixProvider, new()
    {
        public static Task VerifyAsync(string source, string fixedSource, string equivalenceKey, string? editorConfig = null) =>
            VerifyAsync(source, fixedSource, equivalenceKey, editorConfig, test => { });

        public static async Task VerifyAsync(string source, string fixedSource, string equivalenceKey, string? editorConfig, System.Action<CSharpCodeFixVerifier<TAnalyzer, TFixer>.Test> configure)
        {
            var test = new CSharpCodeFixVerifier<TAnalyzer, TFixer>.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = equivalenceKey,
            };

            // Markup in the fixed code states the diagnostics that must remain (the unfixable ones).
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            if (editorConfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
            }

            configure(test);
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>The fix is not offered: the code stays as it is, diagnostics included.</summary>
        public static Task VerifyNoFixAsync(string source, System.Action<CSharpCodeFixVerifier<TAnalyzer, TFixer>.Test>? configure = null) =>
            VerifyAsync(source, source, equivalenceKey: null!, editorConfig: null, configure ?? (test => { }));

        /// <summary>The sample's model types beside a store of <c>samples/TokenStore</c>, before and after the fix.</summary>
        public static void WithSampleModels(CSharpCodeFixVerifier<TAnalyzer, TFixer>.Test test)
        {
            test.TestState.Sources.Add(Infrastructure.TokenStoreSample.Models);
            test.FixedState.Sources.Add(Infrastructure.TokenStoreSample.Models);
        }

        /// <summary>A top-level program (console application).</summary>
        public static void TopLevel(CSharpCodeFixVerifier<TAnalyzer, TFixer>.Test test)
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
        }
    }
}
