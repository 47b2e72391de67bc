using System.Collections.Immutable;
using System.Linq;
using AtomicWriteAnalyzer.Facts;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>
    /// A test analyzer built on the rules' own base: for every catalogued file call, reports the path as
    /// <see cref="PathReconstruction"/> rebuilds it with the type's facts (the same facts the rules use), so tests can
    /// see what tracing gives up on (<c>**</c>) when it meets a cycle or its bounds.
    /// </summary>
    /// <remarks>Not marked <c>[DiagnosticAnalyzer]</c>: it is never loaded by a compiler, only handed to tests.</remarks>
#pragma warning disable RS1001 // See remarks.
    public sealed class PathProbeAnalyzer : AtomicWriteAnalyzerBase
#pragma warning restore RS1001
    {
        public const string Id = "PROBE";

#pragma warning disable RS2008 // Release tracking is for shipped rules; this one lives in the tests.
        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
            Id, "Path", "{0} ← {1}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalyzerCompilationContext compilationContext)
        {
            TypeFactsCollector.Register(context, compilationContext, call => call.Path != null, (end, facts) =>
            {
                foreach (var call in facts.Calls.OrderBy(c => c.Call.Operation.Syntax.SpanStart))
                {
                    var path = PathReconstruction.Reconstruct(call.Call.Path, facts.Context, facts);
                    string holders = string.Join(", ", path.Holders.Select(h => h.KindText + " " + h.Name + (h.IsWhole ? "" : " (part)")));
                    end.ReportDiagnostic(Diagnostic.Create(Descriptor, call.Call.Operation.Syntax.GetLocation(), path.ToString(), holders));
                }
            });
        }
    }
}
