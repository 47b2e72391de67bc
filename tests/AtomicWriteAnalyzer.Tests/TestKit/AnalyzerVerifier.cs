using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>
    /// Runs one analyzer over test code. <see cref="VerifyAnalyzerAsync(string, DiagnosticResult[])"/> reads
    /// <c>{|AW0001:...|}</c> markup; <see cref="DiagnosticsAsync"/> returns the diagnostics for what markup cannot
    /// express (properties, messages); <see cref="AssertNoExceptionWhileTypingAsync"/> runs it over code that does not
    /// compile. Code compiles against net8.0 and the AtomicWrite runtime (<see cref="TestReferences"/>).
    /// </summary>
    public static class AnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <summary>An expected diagnostic, placed with <c>.WithLocation(n)</c> on a <c>{|#n:...|}</c> marker.</summary>
        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) =>
            CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
            VerifyAnalyzerAsync(source, editorConfig: null, expected);

        /// <summary>With <paramref name="editorConfig"/> lines in a root <c>.editorconfig</c> section <c>[*]</c>.</summary>
        public static async Task VerifyAnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            if (editorConfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>The analyzer's diagnostics on code that must compile.</summary>
        public static Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string code) =>
            RunAsync(code, allowErrors: false, TestReferences.Net80, withRuntime: true);

        /// <summary>Against another framework's reference assemblies (netstandard2.0), without the runtime.</summary>
        public static Task<ImmutableArray<Diagnostic>> DiagnosticsOnAsync(ReferenceAssemblies framework, string code) =>
            RunAsync(code, allowErrors: false, framework, withRuntime: false);

        /// <summary>For broken code: compiler errors are allowed; an analyzer exception comes back as an AD0001 diagnostic.</summary>
        public static Task<ImmutableArray<Diagnostic>> DiagnosticsAllowingErrorsAsync(string code) =>
            RunAsync(code, allowErrors: true, TestReferences.Net80, withRuntime: true);

        /// <summary>
        /// Runs the analyzer over code that does not compile, the way the IDE does on every keystroke. Whether half-typed
        /// code is reported is not the question (a squiggle may come and go while typing); the analyzer must not throw.
        /// </summary>
        public static async Task AssertNoExceptionWhileTypingAsync(string code)
        {
            var compilation = await CompileAsync(code, TestReferences.Net80, withRuntime: true);
            Assert.NotEmpty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var exceptions = new ConcurrentQueue<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), options).GetAnalyzerDiagnosticsAsync();

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        private static async Task<ImmutableArray<Diagnostic>> RunAsync(string code, bool allowErrors, ReferenceAssemblies framework, bool withRuntime)
        {
            var compilation = await CompileAsync(code, framework, withRuntime);
            if (!allowErrors)
            {
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.Empty(errors);
            }

            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), options).GetAllDiagnosticsAsync();
            return diagnostics.Where(d => !d.Id.StartsWith("CS", StringComparison.Ordinal)).ToImmutableArray();
        }

        private static async Task<CSharpCompilation> CompileAsync(string code, ReferenceAssemblies framework, bool withRuntime)
        {
            var references = await framework.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            return CSharpCompilation.Create(
                "Test",
                new[] { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/0/Test0.cs") },
                withRuntime ? references.Add(TestReferences.AtomicWrite) : references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }

        /// <summary>The testing library's analyzer test, on net8.0 with the runtime, C# 12 unless set.</summary>
        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
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
