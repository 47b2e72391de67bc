using System;
using System.Collections.Concurrent;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Infrastructure
{
    /// <summary>
    /// What the rules share within one compilation: type tests, the options reader and per-compilation caches.
    /// Types are never resolved with <c>GetTypeByMetadataName</c>: a cold lookup costs 10–26 ms per fresh compilation
    /// under csc, and even a lazy lookup pays it on the first file call, which nearly every project has. The catalog's
    /// types live in fixed BCL namespaces, so comparing the simple name, then the namespace, is as precise and costs
    /// a few string comparisons, done only for calls whose name is in the catalog.
    /// </summary>
    internal sealed class AnalyzerCompilationContext
    {
        private readonly Lazy<bool> _isQuietTestCode;

        public AnalyzerCompilationContext(Compilation compilation, AnalyzerOptions options)
        {
            Compilation = compilation;
            Options = new AnalyzerOptionsReader(options);
            _isQuietTestCode = new Lazy<bool>(() => TestCode.IsQuiet(compilation, Options));
        }

        public Compilation Compilation { get; }

        public AnalyzerOptionsReader Options { get; }

        /// <summary>Test code where AW0001–AW0003 stay quiet (<see cref="TestCode"/>); decided on first use, once.</summary>
        public bool IsQuietTestCode => _isQuietTestCode.Value;

        /// <summary>Source helper methods of the compilation, summarized once from their own declaration (<see cref="HelperSummaries"/>).</summary>
        public ConcurrentDictionary<IMethodSymbol, HelperSummary> HelperSummaries { get; } =
            new ConcurrentDictionary<IMethodSymbol, HelperSummary>(SymbolEqualityComparer.Default);

        /// <summary>
        /// Source methods of the compilation that return a new value every call, as shown in a reason, or null
        /// (<see cref="Paths.UniqueReturns"/>).
        /// </summary>
        public ConcurrentDictionary<IMethodSymbol, string?> UniqueReturns { get; } =
            new ConcurrentDictionary<IMethodSymbol, string?>(SymbolEqualityComparer.Default);

        /// <summary>Whether <paramref name="type"/> is the type of that metadata name (<c>System.IO.File</c>).</summary>
        public bool IsType(ITypeSymbol? type, string metadataName)
        {
            if (type == null || type.TypeKind == TypeKind.Error)
            {
                return false;
            }

            int dot = metadataName.LastIndexOf('.');
            int nameLength = metadataName.Length - dot - 1;
            string name = type.MetadataName;
            if (name.Length != nameLength || string.CompareOrdinal(name, 0, metadataName, dot + 1, nameLength) != 0)
            {
                return false;
            }

            return OperationHelpers.NamespaceIs(type.ContainingNamespace, metadataName, dot < 0 ? 0 : dot);
        }
    }
}
