using System;
using AtomicWriteAnalyzer.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Rules
{
    /// <summary>A rule judged at a named type's end on the facts <see cref="SensitiveFileAnalyzer"/> gathered for it.</summary>
    internal sealed class TypeRule
    {
        public TypeRule(DiagnosticDescriptor descriptor, Action<SymbolAnalysisContext, TypeFacts> report)
        {
            Descriptor = descriptor;
            Report = report;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Action<SymbolAnalysisContext, TypeFacts> Report { get; }
    }
}
