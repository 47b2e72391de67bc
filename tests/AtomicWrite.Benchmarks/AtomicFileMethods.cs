using System.Collections.Generic;
#if ATOMICFILE
using AtomicWrite;
#endif

namespace AtomicWrite.Benchmarks
{
    /// <summary>
    /// AtomicFile's save methods. Written against the API in DESIGN.md and compiled only with -p:WithAtomicFile=true
    /// until AtomicFile is on main, so that this project always builds.
    /// </summary>
    internal static class AtomicFileMethods
    {
        public static bool Available =>
#if ATOMICFILE
            true;
#else
            false;
#endif

        public static IEnumerable<SaveMethod> Create()
        {
#if ATOMICFILE
            var noBackup = new AtomicWriteOptions { Durability = Durability.Full, BackupCount = 0 };
            yield return new SaveMethod.Timed("atomic-nobackup", "AtomicFile, Full, BackupCount = 0", "floor + 0600 temp, fchmod/fchown, lock", (path, text) => AtomicFile.WriteAllText(path, text, noBackup));
            yield return new SaveMethod.Timed("atomic-default", "AtomicFile, default (Full, 1 backup)", "the above + .bak kept", (path, text) => AtomicFile.WriteAllText(path, text));
#else
            yield break;
#endif
        }
    }
}
