using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AtomicWriteAnalyzer.Tests.Rules
{
    /// <summary>Runs an analyzer on code and returns its diagnostics, for assertions the markup cannot express (properties).</summary>
    internal static class AnalyzerRunner
    {
        public static Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string code) => RunAsync(analyzer, code, allowErrors: false);

        /// <summary>Against another framework's reference assemblies (netstandard2.0), without the runtime.</summary>
        public static Task<ImmutableArray<Diagnostic>> RunOnAsync(ReferenceAssemblies framework, DiagnosticAnalyzer analyzer, string code) =>
            RunAsync(analyzer, code, allowErrors: false, framework, withRuntime: false);

        /// <summary>For broken code: compiler errors are allowed; an analyzer exception comes back as an AD0001 diagnostic.</summary>
        public static Task<ImmutableArray<Diagnostic>> RunAllowingErrorsAsync(DiagnosticAnalyzer analyzer, string code) => RunAsync(analyzer, code, allowErrors: true);

        private static Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string code, bool allowErrors) =>
            RunAsync(analyzer, code, allowErrors, TestReferences.Net80, withRuntime: true);

        private static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string code, bool allowErrors, ReferenceAssemblies framework, bool withRuntime)
        {
            var references = await framework.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var compilation = CSharpCompilation.Create(
                "Test",
                new[] { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/0/Test0.cs") },
                withRuntime ? references.Add(TestReferences.AtomicWrite) : references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            if (!allowErrors)
            {
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Xunit.Assert.Empty(errors);
            }

            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAllDiagnosticsAsync();
            return diagnostics.Where(d => !d.Id.StartsWith("CS")).ToImmutableArray();
        }
    }
}
