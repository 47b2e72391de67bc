using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AtomicWrite.Platform
{
    /// <summary>
    /// The only place that knows which operating system runs. Everything above it (the save sequence, rotation,
    /// recovery) is written once. Expected failures come back as <c>false</c>; every other failure throws an
    /// exception that names the path (see <see cref="Internal.Errors"/>).
    /// </summary>
    internal interface IPlatform
    {
        int ProcessId { get; }

        /// <summary>Full path of the file a save to <paramref name="fullPath"/> must replace: directories resolved
        /// with realpath, a symlinked final name followed (even a dangling one), so a symlinked target is written through.</summary>
        string ResolveTarget(string fullPath);

        /// <summary>Status of the name itself (a symlink is reported as a symlink); Missing when it does not exist.</summary>
        FileStatus GetStatus(string path);

        FileStatus GetStatus(SafeFileHandle handle);

        /// <summary>Creates <paramref name="path"/> exclusively, never through a symlink, readable and writable by the
        /// owner only (or 0666 less the umask when <paramref name="likeFileCreate"/>). False if the name exists.</summary>
        /// <remarks>Errors name <paramref name="target"/>, the file the caller asked to save.</remarks>
        bool TryCreateExclusive(string path, string target, bool likeFileCreate, out SafeFileHandle handle);

        /// <summary>Gives the handle's file the owner (where permitted) and then the permission bits of <paramref name="source"/>.</summary>
        void CopyOwnerAndMode(SafeFileHandle handle, string path, in FileStatus source);

        void SetMode(SafeFileHandle handle, string path, int mode);

        /// <summary>Opens an existing file for reading without following a symlink at the final name.</summary>
        SafeFileHandle OpenReadNoFollow(string path);

        /// <summary>Opens or creates (0600, never truncated, never through a symlink) a lock file.</summary>
        SafeFileHandle OpenLockFile(string path);

        /// <summary>Takes an advisory lock (flock) without waiting; false if another open file holds a conflicting one.</summary>
        bool TryLock(SafeFileHandle handle, bool exclusive);

        /// <summary>Releases the lock now, even if a forked child still shares the open file (closing alone would not).</summary>
        void Unlock(SafeFileHandle handle);

        /// <summary>Attaches the save record to the open file (an extended attribute on Unix); false where the file
        /// system or platform keeps none. Set before the fsync, so it is as durable as the content.</summary>
        bool TryWriteSaveRecord(SafeFileHandle handle, byte[] record);

        /// <summary>The save record attached to the open file, or null if it has none or none can be read.</summary>
        byte[]? TryReadSaveRecord(SafeFileHandle handle);

        /// <summary>Forces the file's data and metadata to stable storage (fsync; F_FULLFSYNC on macOS).</summary>
        void FlushToDisk(SafeFileHandle handle, string path);

        /// <summary>Atomically replaces <paramref name="destination"/> with <paramref name="source"/> (same directory).</summary>
        void Replace(string source, string destination);

        /// <summary>Hard-links; false where the file system has no hard links. Throws if <paramref name="newPath"/> exists.</summary>
        bool TryLink(string existing, string newPath);

        /// <summary>Removes a name; false if it did not exist.</summary>
        bool TryDelete(string path);

        /// <summary>Makes renames and deletes in <paramref name="directory"/> durable (fsync of the directory).</summary>
        void FlushDirectory(string directory);

        /// <summary>Whether the caller may write the existing file (a rename would replace it even when not).</summary>
        bool CanWrite(string path);

        /// <summary>False only when <paramref name="pid"/> certainly names no running process.</summary>
        bool IsProcessAlive(int pid);
    }

    internal static class Platforms
    {
        /// <summary>The platform of this process, chosen once.</summary>
        public static readonly IPlatform Current = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? new WindowsPlatform()
            : new UnixPlatform();
    }
}
