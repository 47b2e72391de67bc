using AtomicWriteAnalyzer.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Facts
{
    /// <summary>
    /// A call to a method with a path parameter: of the same type (<see cref="Summary"/> null: its writes are among the
    /// type's own calls), or of another type whose declaration shows it overwrites that parameter in place.
    /// </summary>
    internal sealed class HelperCall
    {
        public HelperCall(IInvocationOperation invocation, ISymbol containingSymbol, HelperSummary? summary)
        {
            Invocation = invocation;
            ContainingSymbol = containingSymbol;
            Summary = summary;
        }

        public IInvocationOperation Invocation { get; }

        public ISymbol ContainingSymbol { get; }

        public HelperSummary? Summary { get; }

        public IMethodSymbol Helper => Invocation.TargetMethod.OriginalDefinition;

        public string? CallerName => FileCall.MemberName(ContainingSymbol);
    }
}
