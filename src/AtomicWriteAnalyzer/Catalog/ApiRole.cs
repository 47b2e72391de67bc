namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>What a catalogued API does to the file whose path it is given.</summary>
    internal enum ApiRole
    {
        /// <summary>Truncates or replaces the file's content in place (AW0001).</summary>
        Overwrite,

        /// <summary>Reads the file (AW0002; and the "read back" half of the app-state signal).</summary>
        Read,

        /// <summary>Renames or replaces a file by another (File.Move, File.Replace): the second half of a hand-rolled replace.</summary>
        Rename,

        /// <summary>Opens the file with a <c>FileMode</c>: overwrite, read or neither, decided per call by its arguments.</summary>
        OpenByMode,
    }
}
