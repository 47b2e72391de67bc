namespace AtomicWriteAnalyzer.Contract
{
    /// <summary>
    /// Keys of <c>Diagnostic.Properties</c>: what the analyzers hand to the code fixes (and to tests), so a fix never
    /// re-derives it.
    /// </summary>
    internal static class DiagnosticPropertyNames
    {
        /// <summary>The catalog shape of the flagged call: a <see cref="CallShape"/> name.</summary>
        public const string Shape = "Shape";

        /// <summary>The API as the message names it: <c>File.WriteAllText</c>, <c>new FileStream(FileMode.Create)</c>, <c>IFile.WriteAllText</c>.</summary>
        public const string Api = "Api";

        /// <summary>
        /// <c>true</c> when a fix may rewrite the call; <c>false</c> for writes through <c>System.IO.Abstractions</c>, a
        /// look-alike wrapper, or a helper's call site (reported, never fixed: a fix would bypass the user's mocks).
        /// </summary>
        public const string Fixable = "Fixable";

        /// <summary>The file as the message shows it: the reconstructed file name (<c>tokens.json</c>) or the path expression.</summary>
        public const string FileName = "FileName";

        /// <summary>Why the path counts as sensitive, as shown in the message.</summary>
        public const string Reason = "Reason";

        /// <summary>Which kind of signal decided: a <see cref="SignalKind"/> name.</summary>
        public const string Signal = "Signal";

        /// <summary>Where the API comes from: a <see cref="CallFamily"/> name.</summary>
        public const string Family = "Family";

        /// <summary>
        /// AW0002 and AW0003: which rewrite the fix applies, decided by the analyzer from the operations around the call:
        /// a <see cref="ReadFix"/> name (AW0002) or a <see cref="ReplaceFix"/> name (AW0003).
        /// </summary>
        public const string Fix = "Fix";

        /// <summary>AW0003: the missing steps, comma-separated <see cref="ReplaceProblem"/> names.</summary>
        public const string Problems = "Problems";

        public const string True = "true";
        public const string False = "false";
    }
}
