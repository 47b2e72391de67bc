using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using AtomicWriteAnalyzer.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules
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
        private const int FileAccessRead = 1;

        public static readonly TypeRule Rule = new TypeRule(DiagnosticDescriptors.AW0002_ReadWithoutRecovery, ReportReads);

        private static void ReportReads(SymbolAnalysisContext context, TypeFacts facts)
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
                var sensitivity = SensitivitySignals.Evaluate(path, options, fileCall.WriterName, () => Evidence(fileCall, path, facts));
                if (!sensitivity.IsSensitive)
                {
                    continue;
                }

                var location = call.Operation.Syntax.GetLocation();
                if (!reported.Add(location))
                {
                    continue;
                }

                var fix = RecoveringReadPlan.Plan(call, out var parse, out var declaration);
                string file = InPlaceOverwriteRule.ShownFileName(path, call.Path);
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(DiagnosticPropertyNames.Shape, call.Entry.Shape);
                properties.Add(DiagnosticPropertyNames.Api, call.Display);
                properties.Add(DiagnosticPropertyNames.Fixable, fix != RecoveringReadFix.None ? DiagnosticPropertyNames.True : DiagnosticPropertyNames.False);
                properties.Add(DiagnosticPropertyNames.Fix, fix.ToString());
                properties.Add(DiagnosticPropertyNames.FileName, file);
                properties.Add(DiagnosticPropertyNames.Reason, sensitivity.Reason);
                properties.Add(DiagnosticPropertyNames.Signal, sensitivity.Kind.ToString());
                properties.Add(DiagnosticPropertyNames.Family, call.Family.ToString());

                var additional = parse == null ? Array.Empty<Location>()
                    : declaration == null ? new[] { parse.Syntax.GetLocation() }
                    : new[] { parse.Syntax.GetLocation(), declaration.Syntax.GetLocation() };
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.AW0002_ReadWithoutRecovery,
                    location,
                    additional,
                    properties.ToImmutable(),
                    file,
                    call.Display,
                    sensitivity.Reason));
            }
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
        private static bool IsReadOnly(ApiCall call)
        {
            if (call.Entry.Role != ApiRole.OpenByMode)
            {
                return true;
            }

            var options = OperationHelpers.ArgumentOfType(call.Operation, "System.IO", "FileStreamOptions");
            if (options != null)
            {
                return OptionsAccess(options.Value) == FileAccessRead;
            }

            var access = OperationHelpers.ArgumentOfType(call.Operation, "System.IO", "FileAccess");
            return OperationHelpers.IsExplicit(access) && OperationHelpers.ConstantInt(access!.Value) == FileAccessRead;
        }

        /// <summary>The <c>Access</c> of <c>new FileStreamOptions { ... }</c> (Read when not set), or null when unknown.</summary>
        private static int? OptionsAccess(IOperation? value)
        {
            if (!(OperationHelpers.Unwrap(value) is IObjectCreationOperation creation))
            {
                return null;
            }

            if (creation.Initializer != null)
            {
                foreach (var initializer in creation.Initializer.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property
                        && property.Property?.Name == "Access")
                    {
                        return OperationHelpers.ConstantInt(assignment.Value);
                    }
                }
            }

            return FileAccessRead;
        }

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
