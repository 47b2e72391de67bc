namespace AtomicWrite.Tests.CrashStates
{
    public enum PersistenceModel
    {
        /// <summary>ext4 data=ordered: metadata persists as a prefix of one sequence, at least up to the last fsync of
        /// anything; unsynced data in any subset of its 4 KiB blocks; an append's size only with its data.</summary>
        Journaled,

        /// <summary>POSIX minimum: fsync persists one file's data and inode, a name persists only after an fsync of
        /// its directory, the rest in any order their dependencies allow; a size may persist without its data.</summary>
        Weak,
    }
}
