using System.ComponentModel;
using System.Runtime.InteropServices;

namespace AtomicWrite.Benchmarks
{
    /// <summary>The one call FileStream cannot make: fsync of a directory (it refuses to open one).</summary>
    internal static partial class Posix
    {
        // O_RDONLY: 0 on Linux and macOS; no O_DIRECTORY, whose value differs between them.
        private const int ReadOnly = 0;

        public static void FsyncDirectory(string directory)
        {
            var fd = Open(directory, ReadOnly);
            if (fd < 0)
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError(), "open " + directory);
            }

            try
            {
                if (Fsync(fd) != 0)
                {
                    throw new Win32Exception(Marshal.GetLastPInvokeError(), "fsync " + directory);
                }
            }
            finally
            {
                _ = Close(fd);
            }
        }

        /// <summary>
        /// Flushes every file system's dirty data. Called between timed saves (untimed): on ext4 (data=ordered) an
        /// fsync commits the journal and writes out other files' pending data with it, so without this the method
        /// saved after File.WriteAllText would pay for that method's unflushed megabyte.
        /// </summary>
        [LibraryImport("libc", EntryPoint = "sync")]
        public static partial void Sync();

        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        private static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
        private static partial int Fsync(int fd);

        [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
        private static partial int Close(int fd);
    }
}
