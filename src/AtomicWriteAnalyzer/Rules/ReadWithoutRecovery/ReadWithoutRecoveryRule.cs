using System;
using System.Collections.Generic;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Facts;
using AtomicWriteAnalyzer.Paths;
using AtomicWriteAnalyzer.Sensitivity;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Rules.ReadWithoutRecovery
{
    /// <summary>
    /// AW0002: a file that is sensitive by AW0001's model (same signals, reasons and options) read without recovery.
    /// Judged on the calls <see cref="SensitiveFileAnalyzer"/> collects per named type, like AW0001, so the path's fields and properties are known. The analyzer
    /// decides which fix keeps the code's meaning (<see cref="RecoveringReadPlan"/>) and hands it over in
    /// <see cref="DiagnosticPropertyNames.Fix"/>; for a <c>Load</c> rewrite the parser call is the first additional
    /// location, and the declaration of the local the read went through (when it did) the second.
    /// </summary>
    internal static class ReadWithoutRecoveryRule
    {
        public static readonly TypeRule Rule = new TypeRule(DiagnosticDescriptors.AW0002_ReadWithoutRecovery, ReportReads);

        private static void ReportReads(TypeReport context, TypeFacts facts)
        {
            var reported = new HashSet<Location>();
            foreach (var fileCall in facts.Calls)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var call = fileCall.Call;
                if (call.Effect != FileEffect.Read || call.Path == null || !IsReadOnly(call))
                {
                    continue;
                }

                var path = facts.PathOf(call.Path);
                if (IsUri(path))
                {
                    continue;
                }

                var options = facts.Context.Options.For(call.Operation.Syntax.SyntaxTree);
                var sensitivity = SensitivitySignals.Evaluate(path, options, fileCall.WriterName, facts.Type.Name, () => Evidence(fileCall, path, facts));
                if (!sensitivity.IsSensitive)
                {
                    continue;
                }

                var location = call.Operation.Syntax.GetLocation();
                if (!reported.Add(location))
                {
                    continue;
                }

                Report(context, call, path, sensitivity);
            }
        }

        private static void Report(TypeReport context, ApiCall call, PathModel path, SensitivityVerdict sensitivity)
        {
            var fix = RecoveringReadPlan.Plan(call, out var parse, out var declaration);
            string file = PathDisplay.ShownFileName(path, call.Path!);
            var properties = DiagnosticProperties.For(call.Entry.Shape, call.Display, call.Family)
                .Fixable(fix != ReadFix.None)
                .Fix(fix)
                .FileName(file)
                .Sensitivity(sensitivity.Reason, sensitivity.Kind);

            var additional = parse == null ? Array.Empty<Location>()
                : declaration == null ? new[] { parse.Syntax.GetLocation() }
                : new[] { parse.Syntax.GetLocation(), declaration.Syntax.GetLocation() };
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AW0002_ReadWithoutRecovery,
                call.Operation.Syntax.GetLocation(),
                additional,
                properties.Build(),
                file,
                call.Display,
                sensitivity.Reason));
        }

        /// <summary>
        /// What AW0001 knows about the file from its writes, for a read whose path says nothing: when the same type
        /// overwrites the same path member, the evidence of that write (the data written, and this read as the read-back),
        /// so that app state and serialized sensitive types flag the read as they flag the write, with the same reason.
        /// </summary>
        private static WriteEvidence Evidence(FileCall read, PathModel path, TypeFacts facts)
        {
            var root = path.RootMember;
            string readBackBy = facts.Type.Name + "." + (read.WriterName ?? facts.Type.Name);
            if (root != null)
            {
                foreach (var other in facts.Calls)
                {
                    var write = other.Call;
                    if (write.Effect != FileEffect.Overwrite || write.Path == null)
                    {
                        continue;
                    }

                    var written = facts.PathOf(write.Path);
                    if (SymbolEqualityComparer.Default.Equals(written.RootMember?.OriginalDefinition, root.OriginalDefinition))
                    {
                        return new WriteEvidence(facts.Type.Name, other.WriterName, WrittenData.Of(write, facts), readBackBy);
                    }
                }
            }

            return new WriteEvidence(facts.Type.Name, null, WrittenData.NotSerialized, readBackBy: null);
        }

        /// <summary>
        /// Opens by <c>FileMode</c> count only with read-only access: <c>FileAccess.ReadWrite</c> is an update in place,
        /// not a load.
        /// </summary>
        private static bool IsReadOnly(ApiCall call) =>
            call.Entry.Role != ApiRole.OpenByMode || call.Arguments.EffectiveAccess(FileOpenArguments.AccessReadWrite) == FileOpenArguments.AccessRead;

        /// <summary><c>XDocument.Load("https://...")</c> reads a URL, not a file.</summary>
        private static bool IsUri(PathModel path)
        {
            foreach (string text in path.Texts)
            {
                if (text.IndexOf("://", StringComparison.Ordinal) >= 0 || text.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
