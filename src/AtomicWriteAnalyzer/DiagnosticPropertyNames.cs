namespace AtomicWriteAnalyzer
{
    /// <summary>
    /// Keys of <c>Diagnostic.Properties</c>: what the analyzers hand to the code fixes (and to tests), so a fix never
    /// re-derives it.
    /// </summary>
    internal static class DiagnosticPropertyNames
    {
        /// <summary>
        /// The catalog shape of the flagged call: <c>WriteAllText</c>, <c>WriteAllTextAsync</c>, <c>WriteAllBytes</c>,
        /// <c>WriteAllBytesAsync</c>, <c>WriteAllLines</c>, <c>WriteAllLinesAsync</c>, <c>FileCreate</c>, <c>FileCreateText</c>,
        /// <c>FileOpenWrite</c>, <c>FileOpen</c>, <c>FileStream</c>, <c>StreamWriter</c>, <c>Copy</c>, <c>FileInfoCreate</c>,
        /// <c>FileInfoCreateText</c>, <c>FileInfoOpenWrite</c>, <c>FileInfoOpen</c>, <c>XmlSave</c>; <c>HelperCall</c> for a
        /// call to a helper method that overwrites its path parameter in place.
        /// </summary>
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

        /// <summary>Which kind of signal decided (a <c>SignalKind</c> name: <c>FileNameWord</c>, <c>HolderName</c>, ...).</summary>
        public const string Signal = "Signal";

        /// <summary>
        /// Where the API comes from: <c>SystemIO</c>, <c>FileSystemAbstractions</c>, <c>LookAlike</c> (a user's wrapper
        /// mirroring <c>File</c>), <c>Helper</c> (AW0001 at a call to a helper that overwrites its path parameter).
        /// </summary>
        public const string Family = "Family";

        /// <summary>
        /// AW0002 and AW0003: which rewrite the fix applies, decided by the analyzer from the operations around the call.
        /// AW0002: a <c>RecoveringReadFix</c> name (<c>ReadAll</c>, <c>LoadText</c>, <c>LoadStream</c>, <c>None</c>);
        /// AW0003: <c>Collapse</c> or <c>None</c>.
        /// </summary>
        public const string Fix = "Fix";

        /// <summary>AW0003: the missing steps, comma-separated (<c>NotFlushed,PredictableName</c>).</summary>
        public const string Problems = "Problems";

        public const string True = "true";
        public const string False = "false";
    }
}
