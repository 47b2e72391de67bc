using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Facts
{
    /// <summary>
    /// Where a rule judged on a type's facts reports: the judged type's diagnostics are collected here and reported later by
    /// the callbacks of the calls they sit on (<see cref="TypeDiagnostics"/>).
    /// </summary>
    internal readonly struct TypeReport
    {
        private readonly Action<Diagnostic> _report;

        public TypeReport(Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            _report = report;
            CancellationToken = cancellationToken;
        }

        public CancellationToken CancellationToken { get; }

        public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
    }
}
