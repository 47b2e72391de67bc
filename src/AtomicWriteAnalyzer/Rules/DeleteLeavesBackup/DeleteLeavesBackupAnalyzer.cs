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
            if (!MaySaveThroughAtomicFile(context.Compilation))
            {
                return;
            }

            context.RegisterSymbolStartAction(
                start =>
                {
                    var type = (INamedTypeSymbol)start.Symbol;
                    var calls = new TypeCalls();
                    start.RegisterOperationAction(operation => calls.Add((IInvocationOperation)operation.Operation, operation.ContainingSymbol, type), OperationKind.Invocation);
                    start.RegisterSymbolEndAction(calls.Report);
                },
                SymbolKind.NamedType);
        }

        /// <summary>
        /// Whether <c>AtomicWrite.AtomicFile</c> can exist here: the runtime is referenced, or a type of that name is
        /// declared in source. Both tests read what the compilation already has (its reference identities, its
        /// declaration table); a project that cannot save through AtomicFile pays no per-type action at all.
        /// </summary>
        private static bool MaySaveThroughAtomicFile(Compilation compilation)
        {
            foreach (var reference in compilation.ReferencedAssemblyNames)
            {
                if (reference.Name == "AtomicWrite")
                {
                    return true;
                }
            }

            return compilation.ContainsSymbolsWithName("AtomicFile", SymbolFilter.Type);
        }

        /// <summary>One type's AtomicFile saves and plain removals; allocated only when the type has one.</summary>
        private sealed class TypeCalls
        {
            private readonly object _gate = new object();
            private HashSet<string>? _saved;
            private List<(IInvocationOperation Call, IOperation Path, string Api)>? _removals;

            public void Add(IInvocationOperation invocation, ISymbol containingSymbol, INamedTypeSymbol type)
            {
                // The name first: nearly every invocation of a compilation is neither a save nor a removal.
                if (!SavedPathKeys.IsCandidateName(invocation.TargetMethod.Name) || !IsOwnedBy(containingSymbol, type))
                {
                    return; // a nested type has its own start
                }

                if (SavedPathKeys.SavedPath(invocation) is { } savedPath)
                {
                    if (SavedPathKeys.KeyOf(savedPath) is { } savedKey)
                    {
                        lock (_gate)
                        {
                            (_saved ??= new HashSet<string>()).Add(savedKey);
                        }
                    }
                }
                else if (SavedPathKeys.RemovedPath(invocation, out var api) is { } removedPath)
                {
                    lock (_gate)
                    {
                        // Keyed at the end, and only if the type saves anything.
                        (_removals ??= new List<(IInvocationOperation, IOperation, string)>()).Add((invocation, removedPath, api));
                    }
                }
            }

            public void Report(SymbolAnalysisContext end)
            {
                if (_saved == null || _removals == null)
                {
                    return;
                }

                foreach (var (call, path, api) in _removals)
                {
                    end.CancellationToken.ThrowIfCancellationRequested();
                    if (SavedPathKeys.KeyOf(path) is { } key && _saved.Contains(key))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.AW0005_DeleteLeavesBackup,
                            call.Syntax.GetLocation(),
                            SavedPathKeys.Display(path),
                            api));
                    }
                }
            }
        }

        private static bool IsOwnedBy(ISymbol containingSymbol, INamedTypeSymbol type)
        {
            var owner = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType;
            return owner != null && SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, type.OriginalDefinition);
        }
    }
}
