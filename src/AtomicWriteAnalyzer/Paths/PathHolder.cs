using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>What kind of symbol a path flowed through.</summary>
    internal enum HolderKind
    {
        Local,
        Parameter,
        Field,
        Property,
        Method,
    }

    /// <summary>
    /// A named symbol the path flowed through: the local, parameter, field, property or method whose value is the
    /// whole path (<see cref="IsWhole"/>) or whole segments of it (a folder, the file name). Fragments of a segment
    /// (<c>$"{id}.json"</c>) are not kept: their names say nothing about the file.
    /// </summary>
    internal sealed class PathHolder
    {
        public PathHolder(HolderKind kind, ISymbol symbol, bool isWhole)
        {
            Kind = kind;
            Symbol = symbol;
            IsWhole = isWhole;
        }

        public HolderKind Kind { get; }

        public ISymbol Symbol { get; }

        public string Name => Symbol.Name;

        public bool IsWhole { get; }

        public PathHolder AsPart() => IsWhole ? new PathHolder(Kind, Symbol, isWhole: false) : this;

        public string KindText => Kind switch
        {
            HolderKind.Local => "local",
            HolderKind.Parameter => "parameter",
            HolderKind.Field => "field",
            HolderKind.Property => "property",
            _ => "method",
        };
    }
}
