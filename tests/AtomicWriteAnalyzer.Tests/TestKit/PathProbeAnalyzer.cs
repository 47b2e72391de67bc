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
    /// <see cref="PathReconstruction"/> rebuilds it with the type's facts (the same facts the rules use): the message is
    /// <c>texts ← holders</c>; the properties carry the holders and the origin apart (<see cref="HoldersProperty"/>,
    /// <see cref="OriginProperty"/>), so tests can read each of the model's answers.
    /// </summary>
    /// <remarks>Not marked <c>[DiagnosticAnalyzer]</c>: it is never loaded by a compiler, only handed to tests.</remarks>
#pragma warning disable RS1001 // See remarks.
    public sealed class PathProbeAnalyzer : AtomicWriteAnalyzerBase
#pragma warning restore RS1001
    {
        public const string Id = "PROBE";

        /// <summary>Each holder as <c>kind name</c>, <c>(part)</c> when it holds whole segments only; comma-separated, outermost first.</summary>
        public const string HoldersProperty = "Holders";

        /// <summary>The origin flags (<c>None</c> when nothing is known), then how it was recognized in parentheses.</summary>
        public const string OriginProperty = "Origin";

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
                    string origin = path.Origins + (path.OriginDetail == null ? "" : " (" + path.OriginDetail + ")");
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(HoldersProperty, holders).Add(OriginProperty, origin);
                    end.ReportDiagnostic(Diagnostic.Create(Descriptor, call.Call.Operation.Syntax.GetLocation(), properties, path.ToString(), holders));
                }
            });
        }
    }
}
