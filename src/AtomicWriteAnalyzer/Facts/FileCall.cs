using AtomicWriteAnalyzer.Catalog;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Facts
{
    /// <summary>A catalogued call and the member (method, accessor, constructor, <c>&lt;Main&gt;$</c>) that makes it.</summary>
    internal sealed class FileCall
    {
        public FileCall(ApiCall call, ISymbol containingSymbol)
        {
            Call = call;
            ContainingSymbol = containingSymbol;
        }

        public ApiCall Call { get; }

        public ISymbol ContainingSymbol { get; }

        /// <summary>The name of the member that writes, as a counter-signal source (<c>ExportSettings</c>).</summary>
        public string? WriterName => MemberName(ContainingSymbol);

        /// <summary>The name a member goes by: a property for its accessors, none for a constructor.</summary>
        public static string? MemberName(ISymbol? member) => member is IMethodSymbol { AssociatedSymbol: { } associated } ? associated.Name
            : member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ? null
            : member?.Name;
    }
}
