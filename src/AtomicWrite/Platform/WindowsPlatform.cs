using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using AtomicWrite.Internal;
using Microsoft.Win32.SafeHandles;

namespace AtomicWrite.Platform
{
    /// <summary>
    /// Windows. Compiled, but NOT tested in CI. Replace is MoveFileEx(REPLACE_EXISTING | WRITE_THROUGH), retried for
    /// about a second while another process (an antivirus scanner, an indexer, a reader without FILE_SHARE_DELETE)
    /// holds the target; permissions and owners are left to the directory's inherited ACLs.
    /// </summary>
    internal sealed unsafe class WindowsPlatform : IPlatform
    {
        private static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(1);

        public int ProcessId { get; } = Process.GetCurrentProcess().Id;

        public string ResolveTarget(string fullPath)
        {
            var directory = Path.GetDirectoryName(fullPath);
            if (directory != null && !Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"Could not find a part of the path '{fullPath}'.");
            }

            return fullPath;
        }

        public FileStatus GetStatus(string path)
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                var kind = (info.Attributes & FileAttributes.ReparsePoint) != 0 ? FileKind.SymbolicLink : FileKind.Regular;
                return new FileStatus(kind, 0x180, 0, 0, 0, 0, info.Length, info.LastWriteTimeUtc);
            }

            return Directory.Exists(path)
                ? new FileStatus(FileKind.Directory, 0x1C0, 0, 0, 0, 0, 0, Directory.GetLastWriteTimeUtc(path))
                : FileStatus.Missing;
        }

        public FileStatus GetStatus(SafeFileHandle handle)
        {
            using var stream = new FileStream(new SafeFileHandle(handle.DangerousGetHandle(), ownsHandle: false), FileAccess.Read);
            return new FileStatus(FileKind.Regular, 0x180, 0, 0, 0, 0, stream.Length, DateTime.MinValue);
        }

        public bool TryCreateExclusive(string path, string target, bool likeFileCreate, out SafeFileHandle handle)
        {
            handle = Create(path, WindowsNative.GenericRead | WindowsNative.GenericWrite, WindowsNative.ShareRead | WindowsNative.ShareDelete, WindowsNative.CreateNew, out var error);
            return error == 0 || (error is WindowsNative.ErrorFileExists or WindowsNative.ErrorAlreadyExists ? false : throw FromWin32(error, target, Operation.CreateTemp));
        }

        public void CopyOwnerAndMode(SafeFileHandle handle, string path, in FileStatus source)
        {
        }

        public void SetMode(SafeFileHandle handle, string path, int mode)
        {
        }

        public SafeFileHandle OpenReadNoFollow(string path)
        {
            var handle = Create(path, WindowsNative.GenericRead, WindowsNative.ShareRead | WindowsNative.ShareWrite | WindowsNative.ShareDelete, WindowsNative.OpenExisting, out var error);
            return error == 0 ? handle : throw FromWin32(error, path, Operation.Read);
        }

        public SafeFileHandle OpenLockFile(string path)
        {
            // Sharing mode 0 is the lock: a second opener gets a sharing violation until the first closes.
            var handle = Create(path, WindowsNative.GenericRead | WindowsNative.GenericWrite, 0, WindowsNative.OpenAlways, out var error);
            return error == 0 ? handle : throw FromWin32(error, path, Operation.Lock);
        }

        public bool TryLock(SafeFileHandle handle, bool exclusive) => true;

        public void Unlock(SafeFileHandle handle)
        {
        }

        // No record on Windows: the loader judges content by itself there, as before records existed.
        public bool TryWriteSaveRecord(SafeFileHandle handle, byte[] record) => false;

        public byte[]? TryReadSaveRecord(SafeFileHandle handle) => null;

        public void FlushToDisk(SafeFileHandle handle, string path)
        {
            if (WindowsNative.FlushFileBuffers(handle.DangerousGetHandle()) == 0)
            {
                throw FromWin32(Marshal.GetLastWin32Error(), path, Operation.Sync);
            }
        }

        public void Replace(string source, string destination)
        {
            var deadline = Stopwatch.StartNew();
            fixed (char* s = source)
            fixed (char* d = destination)
            {
                while (WindowsNative.MoveFileEx(s, d, WindowsNative.MoveFileReplaceExisting | WindowsNative.MoveFileWriteThrough) == 0)
                {
                    var error = Marshal.GetLastWin32Error();
                    if (!IsTransient(error) || deadline.Elapsed > RetryBudget)
                    {
                        throw FromWin32(error, destination, Operation.Replace);
                    }

                    Thread.Sleep(20);
                }
            }
        }

        public bool TryLink(string existing, string newPath)
        {
            fixed (char* e = existing)
            fixed (char* n = newPath)
            {
                if (WindowsNative.CreateHardLink(n, e, IntPtr.Zero) != 0)
                {
                    return true;
                }

                var error = Marshal.GetLastWin32Error();
                return error is WindowsNative.ErrorNotSupported or WindowsNative.ErrorInvalidFunction or WindowsNative.ErrorAccessDenied
                    ? false
                    : throw FromWin32(error, existing, Operation.Rotate);
            }
        }

        public bool TryDelete(string path)
        {
            var deadline = Stopwatch.StartNew();
            fixed (char* p = path)
            {
                while (WindowsNative.DeleteFile(p) == 0)
                {
                    var error = Marshal.GetLastWin32Error();
                    if (error is WindowsNative.ErrorFileNotFound or WindowsNative.ErrorPathNotFound)
                    {
                        return false;
                    }

                    if (!IsTransient(error) || deadline.Elapsed > RetryBudget)
                    {
                        throw FromWin32(error, path, Operation.Delete);
                    }

                    Thread.Sleep(20);
                }
            }

            return true;
        }

        // Windows cannot flush a directory; MoveFileEx with MOVEFILE_WRITE_THROUGH already waited for the rename.
        public void FlushDirectory(string directory)
        {
        }

        public bool CanWrite(string path) => !File.Exists(path) || (File.GetAttributes(path) & FileAttributes.ReadOnly) == 0;

        public bool IsProcessAlive(int pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        private static bool IsTransient(int error) => error is WindowsNative.ErrorSharingViolation or WindowsNative.ErrorAccessDenied or WindowsNative.ErrorLockViolation;

        private static SafeFileHandle Create(string path, uint access, uint share, uint disposition, out int error)
        {
            fixed (char* p = path)
            {
                var raw = WindowsNative.CreateFile(p, access, share, IntPtr.Zero, disposition, WindowsNative.AttributeNormal, IntPtr.Zero);
                var handle = new SafeFileHandle(raw, ownsHandle: true);
                error = handle.IsInvalid ? Marshal.GetLastWin32Error() : 0;
                return handle;
            }
        }

        private static Exception FromWin32(int error, string path, Operation operation)
        {
            var message = $"{operation} '{path}' failed with Windows error {error}.";
            return error switch
            {
                WindowsNative.ErrorFileNotFound => new FileNotFoundException(message, path),
                WindowsNative.ErrorPathNotFound => new DirectoryNotFoundException(message),
                WindowsNative.ErrorAccessDenied => new UnauthorizedAccessException(message),
                _ => new IOException(message, unchecked((int)0x80070000) | error),
            };
        }
    }
}
