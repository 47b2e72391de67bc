using System.Collections.Generic;

namespace AtomicWrite.Benchmarks
{
    /// <summary>AtomicFile's save methods: without a backup (against the floor), without the directory fsync (against write-file-atomic) and with the default options.</summary>
    internal static class AtomicFileMethods
    {
        private static readonly AtomicWriteOptions NoBackup = new AtomicWriteOptions { Durability = Durability.Full, BackupCount = 0 };

        // Like for like with write-file-atomic, which fsyncs the file but not the directory.
        private static readonly AtomicWriteOptions FileOnly = new AtomicWriteOptions { Durability = Durability.FileOnly };

        public static IEnumerable<SaveMethod> Create()
        {
            yield return new SaveMethod.Timed("atomic-nobackup", "AtomicFile, Full, BackupCount = 0", "floor + 0600 temp, fchmod/fchown, lock", (path, text) => AtomicFile.WriteAllText(path, text, NoBackup));
            yield return new SaveMethod.Timed("atomic-fileonly", "AtomicFile, FileOnly (1 backup)", "as default, no dir fsync (like write-file-atomic)", (path, text) => AtomicFile.WriteAllText(path, text, FileOnly));
            yield return new SaveMethod.Timed("atomic-default", "AtomicFile, default (Full, 1 backup)", "the above + .bak kept", (path, text) => AtomicFile.WriteAllText(path, text));
        }
    }
}
