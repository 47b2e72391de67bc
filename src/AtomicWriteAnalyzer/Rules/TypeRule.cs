using System;
using AtomicWriteAnalyzer.Facts;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Rules
{
    /// <summary>A rule judged on the facts <see cref="SensitiveFileAnalyzer"/> gathered for it.</summary>
    internal sealed class TypeRule
    {
        public TypeRule(DiagnosticDescriptor descriptor, Action<TypeReport, TypeFacts> report)
        {
            Descriptor = descriptor;
            Report = report;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Action<TypeReport, TypeFacts> Report { get; }
    }
}
