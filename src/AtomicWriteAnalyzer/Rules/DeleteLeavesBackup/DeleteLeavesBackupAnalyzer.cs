using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules
{
    /// <summary>
    /// AW0005: a file that the type saves through <c>AtomicFile</c> is deleted, moved or replaced away with
    /// <c>System.IO.File</c>/<c>FileInfo</c>. Every AtomicFile save keeps the previous version as a backup beside the
    /// file; a plain delete leaves that backup, and the next AtomicFile load finds the file missing and restores it —
    /// a token deleted at sign-out comes back. Matched within one named type, by the same path expression
    /// (<see cref="SavedPathKeys"/>): the same field or property, parameter, constant or computation.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeleteLeavesBackupAnalyzer : AtomicWriteAnalyzerBase
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.AW0005_DeleteLeavesBackup);

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, AnalyzerCompilationContext compilationContext)
        {
            context.RegisterSymbolStartAction(
                start =>
                {
                    var type = (INamedTypeSymbol)start.Symbol;
                    var saved = new ConcurrentBag<string>();
                    var removals = new ConcurrentBag<(IInvocationOperation Call, IOperation Path, string Api)>();
                    start.RegisterOperationAction(
                        operation =>
                        {
                            var invocation = (IInvocationOperation)operation.Operation;
                            if (!IsOwnedBy(operation.ContainingSymbol, type))
                            {
                                return; // a nested type has its own start
                            }

                            if (SavedPathKeys.SavedPath(invocation) is { } savedPath && SavedPathKeys.KeyOf(savedPath) is { } savedKey)
                            {
                                saved.Add(savedKey);
                            }
                            else if (SavedPathKeys.RemovedPath(invocation, out var api) is { } removedPath)
                            {
                                removals.Add((invocation, removedPath, api)); // keyed at the end, only if the type saves anything
                            }
                        },
                        OperationKind.Invocation);
                    start.RegisterSymbolEndAction(end =>
                    {
                        if (saved.IsEmpty || removals.IsEmpty)
                        {
                            return;
                        }

                        var savedKeys = new HashSet<string>(saved);
                        foreach (var (call, path, api) in removals)
                        {
                            end.CancellationToken.ThrowIfCancellationRequested();
                            if (SavedPathKeys.KeyOf(path) is { } key && savedKeys.Contains(key))
                            {
                                end.ReportDiagnostic(Diagnostic.Create(
                                    DiagnosticDescriptors.AW0005_DeleteLeavesBackup,
                                    call.Syntax.GetLocation(),
                                    SavedPathKeys.Display(path),
                                    api));
                            }
                        }
                    });
                },
                SymbolKind.NamedType);
        }

        private static bool IsOwnedBy(ISymbol containingSymbol, INamedTypeSymbol type)
        {
            var owner = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType;
            return owner != null && SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, type.OriginalDefinition);
        }
    }
}
