using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>What path reconstruction may ask beyond the expression itself.</summary>
    internal interface IPathFacts
    {
        /// <summary>The definitions of a local in the body that contains <paramref name="use"/>.</summary>
        ImmutableArray<IOperation> DefinitionsOf(ILocalSymbol local, IOperation use);

        /// <summary>
        /// The values assigned to a field or property of the analysed type (initializers, constructor and other
        /// assignments), or returned by its getter or by a method of the type; default when the member is not the
        /// analysed type's.
        /// </summary>
        ImmutableArray<IOperation> ValuesOf(ISymbol member);
    }
}
