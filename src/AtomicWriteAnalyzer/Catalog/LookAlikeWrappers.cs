using System;
using System.Collections.Immutable;
using System.Linq;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>
    /// A user's file-system wrapper that mirrors <c>File</c> (<c>IFileService.WriteAllText(string path, string text)</c>,
    /// <c>IStorage.Open(string path, FileMode mode)</c>) and whose body cannot be seen: an interface or abstract
    /// member, or one from another assembly. Its first parameter must be a path-like string, its name one of
    /// <c>File</c>'s overwrites (or an open-by-mode name such as <c>OpenFileStream</c> with a <c>FileMode</c> parameter,
    /// <see cref="ApiCatalog.OpenByModeAliases"/>), and <c>Create</c>/<c>OpenWrite</c>/<c>CreateText</c> must return a
    /// stream or writer. Types named atomic, safe, durable or transactional are trusted. Reported, never fixed.
    /// </summary>
    internal static class LookAlikeWrappers
    {
        /// <summary>The catalogued <c>File</c> member the call mirrors and its path argument, or null.</summary>
        public static ApiEntry? Mirrored(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type, AnalyzerCompilationContext context, out IOperation? path)
        {
            path = null;
            bool alias = ApiCatalog.OpenByModeAliases.TryGetValue(method.Name, out string? aliased);
            var entry = ApiCatalog.Mirrored("System.IO.File", aliased ?? method.Name);
            if (entry == null || (entry.Role != ApiRole.Overwrite && entry.Role != ApiRole.OpenByMode) || entry.Shape == CallShape.Copy
                || method.Parameters.Length == 0)
            {
                return null;
            }

            var first = method.Parameters[0];
            if (first.Type.SpecialType != SpecialType.System_String || !PathLikeNames.IsPathLike(first.Name))
            {
                return null;
            }

            bool bodyVisible = !method.IsAbstract && !method.IsExtern && type.TypeKind != TypeKind.Interface
                && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly);
            if (bodyVisible || IsTrustedWrapper(type) || OperationHelpers.NamespaceStartsWith(type.ContainingNamespace, "System"))
            {
                return null;
            }

            if ((entry.Shape == CallShape.FileCreate || entry.Shape == CallShape.FileOpenWrite || entry.Shape == CallShape.FileCreateText) && !ReturnsStreamOrWriter(method))
            {
                return null;
            }

            // An open under another name counts only when it says how: a FileMode parameter and a stream back.
            if (alias && (!ReturnsStreamOrWriter(method) || !method.Parameters.Any(p => p.Type.Name == "FileMode" && OperationHelpers.NamespaceIs(p.Type.ContainingNamespace, "System.IO"))))
            {
                return null;
            }

            path = OperationHelpers.Unwrap(invocation.Arguments.FirstOrDefault(a => a?.Parameter?.Ordinal == 0)?.Value);
            return entry;
        }

        private static bool IsTrustedWrapper(INamedTypeSymbol type)
        {
            if (OperationHelpers.NamespaceStartsWith(type.ContainingNamespace, "AtomicWrite"))
            {
                return true;
            }

            foreach (string word in WordSplitter.Split(type.Name))
            {
                if (word == "atomic" || word == "safe" || word == "durable" || word == "transactional" || word == "transaction")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ReturnsStreamOrWriter(IMethodSymbol method)
        {
            for (var type = method.ReturnType; type != null; type = type.BaseType)
            {
                if (IsStreamOrWriterName(type.Name))
                {
                    return true;
                }
            }

            foreach (var implemented in method.ReturnType?.AllInterfaces ?? ImmutableArray<INamedTypeSymbol>.Empty)
            {
                if (IsStreamOrWriterName(implemented.Name))
                {
                    return true;
                }
            }

            return method.ReturnType?.Name.EndsWith("Stream", StringComparison.Ordinal) == true;
        }

        private static bool IsStreamOrWriterName(string name) =>
            name.EndsWith("Stream", StringComparison.Ordinal) || name.EndsWith("Writer", StringComparison.Ordinal);
    }
}
