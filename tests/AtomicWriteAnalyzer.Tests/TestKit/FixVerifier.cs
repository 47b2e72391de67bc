using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>
    /// Runs a rule's analyzer and fix on code with <c>{|AWxxxx:...|}</c> markup: the fixed code must match and
    /// compile against the AtomicWrite runtime. Fix All runs at document, project and solution scope (never skipped),
    /// with the rule's public equivalence key. For what markup cannot show (the actions a diagnostic gets, a Fix All
    /// driven as <c>dotnet format</c> drives it), <see cref="WorkspaceAsync"/> gives a <see cref="FixWorkspace"/>.
    /// </summary>
    internal static class FixVerifier<TAnalyzer, TFixer>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFixer : CodeFixProvider, new()
    {
        public static Task VerifyAsync(string source, string fixedSource, string equivalenceKey, string? editorConfig = null) =>
            VerifyAsync(source, fixedSource, equivalenceKey, editorConfig, test => { });

        public static async Task VerifyAsync(string source, string fixedSource, string equivalenceKey, string? editorConfig, Action<Test> configure)
        {
            var test = new Test
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
        public static Task VerifyNoFixAsync(string source, Action<Test>? configure = null) =>
            VerifyAsync(source, source, equivalenceKey: null!, editorConfig: null, configure ?? (test => { }));

        /// <summary>The sample's model types beside a store of <c>samples/TokenStore</c>, before and after the fix.</summary>
        public static void WithSampleModels(Test test)
        {
            test.TestState.Sources.Add(TokenStoreSample.Models);
            test.FixedState.Sources.Add(TokenStoreSample.Models);
        }

        /// <summary>A top-level program (console application).</summary>
        public static void TopLevel(Test test)
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
        }

        /// <summary>A workspace of plain documents (no markup) with this rule's analyzer and fix.</summary>
        public static Task<FixWorkspace> WorkspaceAsync(params string[] documents) =>
            FixWorkspace.CreateAsync(new TAnalyzer(), new TFixer(), documents);

        /// <summary>The testing library's code fix test, on net8.0 with the runtime, C# 12 unless set.</summary>
        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferences.Net80;
                TestState.AdditionalReferences.AddRange(TestReferences.Runtime);
            }

            public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.CSharp12;

            protected override ParseOptions CreateParseOptions() =>
                ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);
        }
    }
}
