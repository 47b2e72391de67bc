using System.Collections.Generic;
using System.Linq;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Facts;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Operations;
using AtomicWriteAnalyzer.Paths;
using AtomicWriteAnalyzer.Sensitivity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules.InPlaceOverwrite
{
    /// <summary>
    /// AW0001: a sensitive file overwritten in place, judged on the calls <see cref="SensitiveFileAnalyzer"/> collects per named type (so that fields set in a
    /// constructor, paths read back by the same type and calls to the type's own helpers are known) and judged at the
    /// type's end. A helper that overwrites its path parameter is reported at its write when a sensitive caller is in
    /// the same type, and at the call site (naming the helper) when the caller is in another type.
    /// </summary>
    internal static class InPlaceOverwriteRule
    {
        public static readonly TypeRule Rule = new TypeRule(
            DiagnosticDescriptors.AW0001_InPlaceOverwrite,
            (end, facts) => new TypeJudgement(end, facts).Run());

        /// <summary>The judgement of one type's writes, once its facts are gathered.</summary>
        private sealed class TypeJudgement
        {
            private readonly TypeReport _context;
            private readonly TypeFacts _facts;
            private readonly HashSet<Location> _reported = new HashSet<Location>();

            public TypeJudgement(TypeReport context, TypeFacts facts)
            {
                _context = context;
                _facts = facts;
            }

            public void Run()
            {
                var helperWrites = new List<(ApiCall Write, IParameterSymbol Parameter)>();
                foreach (var fileCall in _facts.Calls)
                {
                    _context.CancellationToken.ThrowIfCancellationRequested();
                    var write = fileCall.Call;
                    if (write.Effect != FileEffect.Overwrite || write.Path == null
                        || _facts.RenameOf(write) != null || CreateIfMissing.IsGuarded(write, _facts))
                    {
                        continue;
                    }

                    var path = PathOf(write.Path);
                    var sensitivity = SensitivitySignals.Evaluate(path, OptionsFor(write.Operation), fileCall.WriterName, _facts.Type.Name, () => Evidence(write, path, fileCall.WriterName));
                    if (sensitivity.IsSensitive)
                    {
                        Report(write.Operation, PathDisplay.ShownFileName(path, write.Path), sensitivity, DiagnosticProperties.For(write.Entry.Shape, write.Display, write.Family).Fixable(write.IsFixable));
                    }
                    else if (sensitivity.Kind == SignalKind.None && path.RootParameter is { } parameter)
                    {
                        helperWrites.Add((write, parameter));
                    }
                }

                foreach (var (write, parameter) in helperWrites)
                {
                    ReportSameTypeHelper(write, parameter);
                }

                // One bug, one diagnostic: a helper of another type is reported at the first call of this type (in
                // source order) that passes it a sensitive path, not at every one.
                var reportedHelpers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var call in _facts.HelperCalls.OrderBy(c => c.Invocation.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(c => c.Invocation.Syntax.SpanStart))
                {
                    if (call.Summary != null && !reportedHelpers.Contains(call.Helper) && ReportCallSite(call, call.Summary))
                    {
                        reportedHelpers.Add(call.Helper);
                    }
                }
            }

            /// <summary>A helper of this type writes its parameter in place: report at the write if a caller of this type passes a sensitive path.</summary>
            private void ReportSameTypeHelper(ApiCall write, IParameterSymbol parameter)
            {
                if (!(parameter.ContainingSymbol is IMethodSymbol helper))
                {
                    return;
                }

                foreach (var call in _facts.HelperCalls)
                {
                    if (call.Summary != null || !SymbolEqualityComparer.Default.Equals(call.Helper, helper.OriginalDefinition))
                    {
                        continue;
                    }

                    var argument = ArgumentFor(call.Invocation, parameter.Ordinal);
                    if (argument == null)
                    {
                        continue;
                    }

                    var path = PathOf(argument);
                    var data = WrittenData.Of(write, _facts);
                    var sensitivity = SensitivitySignals.Evaluate(path, OptionsFor(call.Invocation), call.CallerName, _facts.Type.Name,
                        () => new WriteEvidence(_facts.Type.Name, call.CallerName, data, ReadBackBy(path.RootMember)));
                    if (sensitivity.IsSensitive)
                    {
                        var reason = new SensitivityVerdict(true, sensitivity.Kind, sensitivity.Reason + ", passed by " + _facts.Type.Name + "." + call.CallerName);
                        Report(write.Operation, PathDisplay.ShownFileName(path, argument), reason, DiagnosticProperties.For(write.Entry.Shape, write.Display, write.Family).Fixable(write.IsFixable));
                        return;
                    }
                }
            }

            /// <summary>A helper of another type overwrites its parameter in place: report at this call if the path passed is sensitive.</summary>
            private bool ReportCallSite(HelperCall call, HelperSummary summary)
            {
                var helper = call.Helper;
                if (summary.ParameterOrdinal >= helper.Parameters.Length)
                {
                    return false;
                }

                var parameter = helper.Parameters[summary.ParameterOrdinal];
                if (SensitiveWords.SensitiveWord(parameter.Name) != null && SensitiveWords.CounterWord(parameter.Name) == null)
                {
                    // The helper's own write is reported where it is (its parameter's name is sensitive).
                    return false;
                }

                var argument = ArgumentFor(call.Invocation, summary.ParameterOrdinal);
                if (argument == null)
                {
                    return false;
                }

                var path = PathOf(argument);
                var data = summary.Serializes ? WrittenData.SerializedValue(ValueArgumentType(call.Invocation, summary.ParameterOrdinal)) : WrittenData.NotSerialized;
                var sensitivity = SensitivitySignals.Evaluate(path, OptionsFor(call.Invocation), call.CallerName, _facts.Type.Name,
                    () => new WriteEvidence(_facts.Type.Name, call.CallerName, data, ReadBackBy(path.RootMember)));
                if (sensitivity.IsSensitive)
                {
                    string api = helper.ContainingType.Name + "." + helper.Name + " (" + summary.Api + ")";
                    Report(call.Invocation, PathDisplay.ShownFileName(path, argument), sensitivity, DiagnosticProperties.For(CallShape.HelperCall, api, CallFamily.Helper).Fixable(false));
                    return true;
                }

                return false;
            }

            private WriteEvidence Evidence(ApiCall write, PathModel path, string? writerName) =>
                new WriteEvidence(_facts.Type.Name, writerName, WrittenData.Of(write, _facts), ReadBackBy(path.RootMember) ?? ReadBackBySamePath(write));

            /// <summary>"<c>Type.Member</c>" when a member of this type reads the path member back, else null.</summary>
            private string? ReadBackBy(ISymbol? rootMember)
            {
                if (rootMember == null)
                {
                    return null;
                }

                foreach (var read in _facts.Calls)
                {
                    if (read.Call.Effect == FileEffect.Read && read.Call.Path != null
                        && SymbolEqualityComparer.Default.Equals(PathOf(read.Call.Path).RootMember?.OriginalDefinition, rootMember.OriginalDefinition))
                    {
                        return _facts.Type.Name + "." + (read.WriterName ?? _facts.Type.Name);
                    }
                }

                return null;
            }

            /// <summary>
            /// "<c>Type.Member</c>" when a member of this type reads the same path computed the same way
            /// (<c>Path.Combine(_dir, "data.json")</c> in both <c>Load</c> and <c>Save</c>), else null. Locals and parameters
            /// name different files in different bodies and do not pair.
            /// </summary>
            private string? ReadBackBySamePath(ApiCall write)
            {
                if (write.Path == null)
                {
                    return null;
                }

                string key = PathKeys.KeyOf(write.Path, _facts);
                if (PathKeys.IsBodyBound(key))
                {
                    return null;
                }

                foreach (var read in _facts.Calls)
                {
                    if (read.Call.Effect == FileEffect.Read && read.Call.Path != null && PathKeys.KeyOf(read.Call.Path, _facts) == key)
                    {
                        return _facts.Type.Name + "." + (read.WriterName ?? _facts.Type.Name);
                    }
                }

                return null;
            }

            private PathModel PathOf(IOperation operation) => _facts.PathOf(operation);

            private EditorConfigOptions OptionsFor(IOperation operation) => _facts.Context.Options.For(operation.Syntax.SyntaxTree);

            private static IOperation? ArgumentFor(IInvocationOperation invocation, int ordinal)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument?.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        return OperationHelpers.Unwrap(argument.Value);
                    }
                }

                return null;
            }

            /// <summary>The type of the first argument other than the path: the value a serializing helper writes.</summary>
            private static ITypeSymbol? ValueArgumentType(IInvocationOperation invocation, int pathOrdinal)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument?.Parameter != null && argument.Parameter.Ordinal != pathOrdinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        return OperationHelpers.Unwrap(argument.Value)?.Type;
                    }
                }

                return null;
            }

            private void Report(IOperation operation, string file, SensitivityVerdict sensitivity, DiagnosticProperties.Builder properties)
            {
                var location = operation.Syntax.GetLocation();
                if (!_reported.Add(location))
                {
                    return;
                }

                var built = properties.FileName(file).Sensitivity(sensitivity.Reason, sensitivity.Kind).Build();
                _context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.AW0001_InPlaceOverwrite,
                    location,
                    built,
                    file,
                    built[DiagnosticPropertyNames.Api],
                    sensitivity.Reason));
            }
        }
    }
}
