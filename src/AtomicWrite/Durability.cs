namespace AtomicWrite
{
    /// <summary>How much of a save is forced to stable storage before the save returns.</summary>
    public enum Durability
    {
        /// <summary>
        /// fsync the new file before it replaces the target, and fsync the directory after the rename (the default).
        /// After the save returns, the new content survives a power cut.
        /// </summary>
        Full = 0,

        /// <summary>
        /// fsync the new file only. A power cut can still undo the rename (the old content comes back, whole),
        /// but can never expose a truncated or zero-filled file. Where the file system orders metadata weakly (XFS),
        /// the rename may survive without the backup rotation before it: the previous version is then lost.
        /// </summary>
        FileOnly = 1,

        /// <summary>
        /// No fsync. The replace is still atomic for other processes and survives <c>kill -9</c>, but a power cut
        /// shortly after the save can undo it, and on file systems that delay allocation and order metadata weakly
        /// (xfs) leave an empty, zero-filled or half-written file, or bring a deleted file's backup back. Use only
        /// for data you can regenerate.
        /// </summary>
        None = 2,
    }
}
