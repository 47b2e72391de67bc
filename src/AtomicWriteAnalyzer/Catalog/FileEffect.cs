namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>What a recognized call does to its file, once its arguments are taken into account.</summary>
    internal enum FileEffect
    {
        /// <summary>The arguments are not constants we can read (a <c>FileMode</c> variable): treated as harmless.</summary>
        Unknown,

        /// <summary>Truncates or rewrites the existing file in place.</summary>
        Overwrite,

        Read,

        Rename,

        /// <summary>Appends (<c>FileMode.Append</c>, <c>append: true</c>): losing the tail is the accepted risk of a log.</summary>
        Append,

        /// <summary><c>FileMode.CreateNew</c>: fails if the file exists, so nothing is overwritten.</summary>
        CreateNew,

        /// <summary>Opens an existing file without truncating it, or copies without overwriting.</summary>
        Other,
    }
}
