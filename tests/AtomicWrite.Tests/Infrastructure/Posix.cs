using System;
using System.IO;
using System.Runtime.InteropServices;

namespace AtomicWrite.Tests.Infrastructure
{
    /// <summary>What the tests need from libc beyond System.IO: the umask, owners, and who we are.</summary>
    public static class Posix
    {
        [DllImport("libc", EntryPoint = "umask")]
        private static extern uint UMask(uint mask);

        [DllImport("libc", EntryPoint = "geteuid")]
        public static extern uint GetEuid();

        [DllImport("libc", EntryPoint = "lchown", SetLastError = true)]
        private static extern int LChown(string path, uint uid, uint gid);

        [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
        public static extern int MkFifo(string path, uint mode);

        public static void Chown(string path, uint uid, uint gid)
        {
            if (LChown(path, uid, gid) != 0)
            {
                throw new IOException("lchown failed: errno " + Marshal.GetLastWin32Error());
            }
        }

        /// <summary>Sets the process umask for the scope; only in the non-parallel collection.</summary>
        public static IDisposable WithUmask(int mask)
        {
            var previous = UMask((uint)mask);
            return new Restore(() => UMask(previous));
        }

        public static UnixFileMode Mode(string path) => File.GetUnixFileMode(path);

        public static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

        public static void MakeWritable(string directory)
        {
            foreach (var entry in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        private sealed class Restore : IDisposable
        {
            private readonly Action _restore;

            public Restore(Action restore) => _restore = restore;

            public void Dispose() => _restore();
        }
    }
}
