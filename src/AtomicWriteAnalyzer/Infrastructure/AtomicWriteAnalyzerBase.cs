using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Infrastructure
{
    /// <summary>
    /// The shared set-up of every analyzer: generated code skipped, concurrent execution, one
    /// <see cref="AnalyzerCompilationContext"/> per compilation handed to <see cref="OnCompilationStart"/>.
    /// </summary>
    public abstract class AtomicWriteAnalyzerBase : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var compilationContext = new AnalyzerCompilationContext(start.Compilation, start.Options);
                OnCompilationStart(start, compilationContext);
            });
        }

        internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, AnalyzerCompilationContext compilationContext);
    }
}
