using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Internal
{
    /// <summary>
    /// What the rules share within one compilation: lazily resolved types, the options reader and per-compilation
    /// caches. Nothing is resolved at compilation start: a cold <c>GetTypeByMetadataName</c> costs 10–26 ms per fresh
    /// compilation under csc, so a type is looked up only when a call whose name is in the catalog reaches it, then cached.
    /// </summary>
    internal sealed class AnalyzerCompilationContext
    {
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _types = new ConcurrentDictionary<string, INamedTypeSymbol?>(System.StringComparer.Ordinal);

        public AnalyzerCompilationContext(Compilation compilation, AnalyzerOptions options)
        {
            Compilation = compilation;
            Options = new AnalyzerOptionsReader(options);
        }

        public Compilation Compilation { get; }

        public AnalyzerOptionsReader Options { get; }

        /// <summary>
        /// Whether <paramref name="type"/> is the type of that metadata name. Resolved once per compilation; when the
        /// name does not resolve to one type (missing, or defined twice), the names are compared instead.
        /// </summary>
        public bool IsType(ITypeSymbol? type, string metadataName)
        {
            if (type == null || type.TypeKind == TypeKind.Error)
            {
                return false;
            }

            int dot = metadataName.LastIndexOf('.');
            string simpleName = metadataName.Substring(dot + 1);
            if (type.MetadataName != simpleName)
            {
                return false;
            }

            var resolved = _types.GetOrAdd(metadataName, name => Compilation.GetTypeByMetadataName(name));
            if (resolved != null)
            {
                return SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, resolved);
            }

            return OperationHelpers.NamespaceIs(type.ContainingNamespace, dot < 0 ? "" : metadataName.Substring(0, dot));
        }
    }
}
