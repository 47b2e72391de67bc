namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>What a source helper method does with a path parameter: overwrite it in place, and with which API.</summary>
    internal sealed class HelperSummary
    {
        public static readonly HelperSummary None = new HelperSummary(-1, "", serializes: false);

        public HelperSummary(int parameterOrdinal, string api, bool serializes)
        {
            ParameterOrdinal = parameterOrdinal;
            Api = api;
            Serializes = serializes;
        }

        /// <summary>The parameter whose file the helper overwrites in place, or -1.</summary>
        public int ParameterOrdinal { get; }

        public bool WritesInPlace => ParameterOrdinal >= 0;

        /// <summary>The API the helper uses (<c>File.Create</c>).</summary>
        public string Api { get; }

        /// <summary>The helper's body calls a serializer.</summary>
        public bool Serializes { get; }
    }
}
