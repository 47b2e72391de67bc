using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using AtomicWriteAnalyzer.Contract;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwrite
{
    /// <summary>One AW0001 diagnostic to fix: where it is, the shape the analyzer recognized, and the file it names.</summary>
    internal sealed class FixTarget
    {
        public FixTarget(FixContext context, Diagnostic diagnostic, CallShape shape, string fileName)
        {
            Context = context;
            Diagnostic = diagnostic;
            Shape = shape;
            FileName = fileName;
        }

        public FixContext Context { get; }

        public Diagnostic Diagnostic { get; }

        /// <summary>The <see cref="DiagnosticPropertyNames.Shape"/> the analyzer sent.</summary>
        public CallShape Shape { get; }

        /// <summary>The file as the message shows it (<c>tokens.json</c>), for the title.</summary>
        public string FileName { get; }

        public string WriteTitle => "Write '" + FileName + "' atomically with AtomicFile" + AtomicFileCalls.NewFileModeNote;
    }
}
