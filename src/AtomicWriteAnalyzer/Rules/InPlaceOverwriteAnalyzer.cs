using System.Collections.Generic;
using System.Collections.Immutable;
using AtomicWriteAnalyzer.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Rules
{
    /// <summary>
    /// AW0001: a sensitive file overwritten in place. Calls are collected per named type (so that fields set in a
    /// constructor and paths read back by the same type are known) and judged at the type's end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InPlaceOverwriteAnalyzer : AtomicWriteAnalyzerBase
    {
        private const int MaxShownPathLength = 60;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.AW0001_InPlaceOverwrite);

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalyzerCompilationContext compilationContext)
        {
            RegisterTypeFacts(
                context,
                compilationContext,
                call => call.Effect == FileEffect.Overwrite || call.Effect == FileEffect.Rename,
                (end, facts) => ReportOverwrites(end, facts));
        }

        private static void ReportOverwrites(SymbolAnalysisContext context, TypeFacts facts)
        {
            var reported = new HashSet<Location>();
            foreach (var fileCall in facts.Calls)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var call = fileCall.Call;
                if (call.Effect != FileEffect.Overwrite || call.Path == null)
                {
                    continue;
                }

                if (HandRolledReplace.FindRename(call, facts.RenamesInBodyOf(call), facts) != null)
                {
                    continue;
                }

                var path = PathReconstruction.Reconstruct(call.Path, facts.Context, facts);
                var options = facts.Context.Options.For(call.Operation.Syntax.SyntaxTree);
                var sensitivity = SensitivitySignals.Evaluate(path, options, fileCall.WriterName);
                if (!sensitivity.IsSensitive)
                {
                    continue;
                }

                var location = call.Operation.Syntax.GetLocation();
                if (!reported.Add(location))
                {
                    continue;
                }

                string file = ShownFileName(path, call.Path);
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(DiagnosticPropertyNames.Shape, call.Entry.Shape);
                properties.Add(DiagnosticPropertyNames.Api, call.Display);
                properties.Add(DiagnosticPropertyNames.Fixable, call.IsFixable ? DiagnosticPropertyNames.True : DiagnosticPropertyNames.False);
                properties.Add(DiagnosticPropertyNames.FileName, file);
                properties.Add(DiagnosticPropertyNames.Reason, sensitivity.Reason);
                properties.Add(DiagnosticPropertyNames.Signal, sensitivity.Kind.ToString());
                properties.Add(DiagnosticPropertyNames.Family, call.Family.ToString());

                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.AW0001_InPlaceOverwrite,
                    location,
                    properties.ToImmutable(),
                    file,
                    call.Display,
                    sensitivity.Reason));
            }
        }

        /// <summary>The reconstructed file name when it is fully known, else the path expression as written.</summary>
        internal static string ShownFileName(PathModel path, IOperation pathOperation)
        {
            string? known = path.KnownFileName;
            if (known != null)
            {
                return known;
            }

            string written = pathOperation.Syntax.ToString().Trim();
            return written.Length <= MaxShownPathLength ? written : written.Substring(0, MaxShownPathLength - 1) + "…";
        }
    }
}
