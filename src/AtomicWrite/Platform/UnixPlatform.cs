using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using AtomicWrite.Internal;
using Microsoft.Win32.SafeHandles;

namespace AtomicWrite.Platform
{
    /// <summary>Linux (tested in CI) and macOS (compiled, untested in CI) through libc.</summary>
    internal sealed unsafe class UnixPlatform : IPlatform
    {
        private const int MaxSymlinkHops = 40;
        private static readonly UnixConstants C = UnixConstants.Current;

        public int ProcessId { get; } = UnixNative.GetPid();

        public string ResolveTarget(string fullPath)
        {
            for (var hop = 0; hop < MaxSymlinkHops; hop++)
            {
                var name = Path.GetFileName(fullPath);
                var directory = RealPath(Path.GetDirectoryName(fullPath) ?? "/", fullPath);
                var candidate = directory == "/" ? "/" + name : directory + "/" + name;
                if (GetStatus(candidate).Kind != FileKind.SymbolicLink)
                {
                    return candidate;
                }

                // Written through like write-file-atomic: the link stays a link and its target gets the new content,
                // even when the target does not exist yet.
                var link = ReadLink(candidate);
                fullPath = Path.GetFullPath(Path.IsPathRooted(link) ? link : Path.Combine(directory, link));
            }

            throw Errors.FromErrno(C.ELOOP, fullPath, Operation.Resolve);
        }

        public FileStatus GetStatus(string path)
        {
            var bytes = Utf8(path);
            fixed (byte* p = bytes)
            {
                while (true)
                {
                    var status = UnixStat.Path(p, out var errno);
                    if (errno == 0)
                    {
                        return status;
                    }

                    if (errno == UnixConstants.ENOENT || errno == UnixConstants.ENOTDIR)
                    {
                        return FileStatus.Missing;
                    }

                    if (errno != UnixConstants.EINTR)
                    {
                        throw Errors.FromErrno(errno, path, Operation.Read);
                    }
                }
            }
        }

        public FileStatus GetStatus(SafeFileHandle handle)
        {
            var errno = 0;
            var status = WithFd(handle, fd => UnixStat.Fd(fd, out errno));
            return errno == 0 ? status : throw Errors.FromErrno(errno, "(open file)", Operation.Read);
        }

        public bool TryCreateExclusive(string path, string target, bool likeFileCreate, out SafeFileHandle handle)
        {
            var flags = UnixConstants.ORdWr | C.OCreat | C.OExcl | C.ONoFollow | C.OCloExec;
            var fd = Open(path, flags, likeFileCreate ? 0x1B6 /* 0666 */ : 0x180 /* 0600 */, out var errno);
            if (fd >= 0)
            {
                handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
                return true;
            }

            handle = null!;
            return errno == UnixConstants.EEXIST ? false : throw Errors.FromErrno(errno, target, Operation.CreateTemp);
        }

        public void CopyOwnerAndMode(SafeFileHandle handle, string path, in FileStatus source)
        {
            var uid = source.Uid;
            var gid = source.Gid;
            var mode = (uint)(source.Mode & 0x1FF); // rwx bits only: set-id bits are never copied onto new content
            WithFd(handle, fd =>
            {
                // Owner first: chown clears set-id bits, and only the owner and root may change the mode afterwards.
                // EPERM/EINVAL: an ordinary user cannot give the file away; it then stays the caller's.
                var error = Retry(() => UnixNative.FChown(fd, uid, gid));
                if (error == UnixConstants.EPERM || error == UnixConstants.EINVAL)
                {
                    // Keep at least the group, which a member may set. If even that fails, the group bits would now
                    // grant the caller's own group what was meant for another: drop them (narrower, never wider).
                    if (Retry(() => UnixNative.FChown(fd, uint.MaxValue, gid)) != 0)
                    {
                        mode &= ~0x38u;
                    }
                }
                else if (error != 0)
                {
                    throw Errors.FromErrno(error, path, Operation.CreateTemp);
                }

                error = Retry(() => UnixNative.FChmod(fd, mode));
                return error == 0 ? 0 : throw Errors.FromErrno(error, path, Operation.CreateTemp);
            });
        }

        public void SetMode(SafeFileHandle handle, string path, int mode)
        {
            WithFd(handle, fd =>
            {
                var error = Retry(() => UnixNative.FChmod(fd, (uint)mode));
                return error == 0 ? 0 : throw Errors.FromErrno(error, path, Operation.CreateTemp);
            });
        }

        public SafeFileHandle OpenReadNoFollow(string path)
        {
            // O_NONBLOCK: a FIFO planted at the name must not hang the reader; regular files ignore it.
            var fd = Open(path, UnixConstants.ORdOnly | C.ONoFollow | C.OCloExec | C.ONonBlock, 0, out var errno);
            return fd >= 0 ? new SafeFileHandle((IntPtr)fd, ownsHandle: true) : throw Errors.FromErrno(errno, path, Operation.Read);
        }

        public SafeFileHandle OpenLockFile(string path)
        {
            var fd = Open(path, UnixConstants.ORdWr | C.OCreat | C.ONoFollow | C.OCloExec, 0x180, out var errno);
            return fd >= 0 ? new SafeFileHandle((IntPtr)fd, ownsHandle: true) : throw Errors.FromErrno(errno, path, Operation.Lock);
        }

        public bool TryLock(SafeFileHandle handle, bool exclusive)
        {
            var operation = (exclusive ? UnixConstants.LockExclusive : UnixConstants.LockShared) | UnixConstants.LockNonBlocking;
            var error = WithFd(handle, fd => Retry(() => UnixNative.Flock(fd, operation)));
            return error == 0 || (error == C.EAGAIN ? false : throw Errors.FromErrno(error, "(lock file)", Operation.Lock));
        }

        public void Unlock(SafeFileHandle handle)
        {
            if (!handle.IsClosed)
            {
                WithFd(handle, fd => Retry(() => UnixNative.Flock(fd, UnixConstants.LockUnlock)));
            }
        }

        // A user-namespace extended attribute travels with the inode: a rename carries it, a hard-linked backup
        // shares it, and a writer that changes the content in place leaves a record that no longer matches.
        private static readonly byte[] SaveRecordName = Utf8("user.atomicwrite.save");

        public bool TryWriteSaveRecord(SafeFileHandle handle, byte[] record) => WithFd(handle, fd =>
        {
            fixed (byte* name = SaveRecordName)
            fixed (byte* value = record)
            {
                // Any failure (ENOTSUP on a file system without user attributes, EACCES on a read-only mode, ENOSPC)
                // only means the file has no record; the save itself goes on.
                int result;
                do
                {
                    result = C.IsApple
                        ? UnixNative.FSetXattrApple(fd, name, value, (nuint)record.Length, 0, 0)
                        : UnixNative.FSetXattrLinux(fd, name, value, (nuint)record.Length, 0);
                }
                while (result != 0 && Marshal.GetLastWin32Error() == UnixConstants.EINTR);

                return result == 0;
            }
        });

        public byte[]? TryReadSaveRecord(SafeFileHandle handle) => WithFd(handle, fd =>
        {
            var buffer = new byte[SaveRecord.MaxLength];
            fixed (byte* name = SaveRecordName)
            fixed (byte* value = buffer)
            {
                nint length;
                do
                {
                    length = C.IsApple
                        ? UnixNative.FGetXattrApple(fd, name, value, (nuint)buffer.Length, 0, 0)
                        : UnixNative.FGetXattrLinux(fd, name, value, (nuint)buffer.Length);
                }
                while (length < 0 && Marshal.GetLastWin32Error() == UnixConstants.EINTR);

                if (length < 0)
                {
                    return null; // ENODATA, ENOTSUP, ERANGE (not ours): no usable record
                }

                var result = new byte[(int)length];
                Array.Copy(buffer, result, result.Length);
                return result;
            }
        });

        public void FlushToDisk(SafeFileHandle handle, string path)
        {
            var error = WithFd(handle, Sync);
            if (error != 0)
            {
                throw Errors.FromErrno(error, path, Operation.Sync);
            }
        }

        public void Replace(string source, string destination)
        {
            fixed (byte* s = Utf8(source))
            fixed (byte* d = Utf8(destination))
            {
                var sp = s;
                var dp = d;
                var error = Retry(() => UnixNative.Rename(sp, dp));
                if (error != 0)
                {
                    throw Errors.FromErrno(error, destination, Operation.Replace);
                }
            }
        }

        public bool TryLink(string existing, string newPath)
        {
            fixed (byte* e = Utf8(existing))
            fixed (byte* n = Utf8(newPath))
            {
                var ep = e;
                var np = n;
                var error = Retry(() => UnixNative.Link(ep, np));
                if (error == 0)
                {
                    return true;
                }

                // No hard links here (FAT, some FUSE and network file systems, protected_hardlinks): copy instead.
                if (error == UnixConstants.EPERM || error == UnixConstants.EXDEV || error == UnixConstants.EMLINK ||
                    error == C.ENOTSUP || error == C.EOPNOTSUPP || error == C.ENOSYS)
                {
                    return false;
                }

                throw Errors.FromErrno(error, existing, Operation.Rotate);
            }
        }

        public bool TryDelete(string path)
        {
            fixed (byte* p = Utf8(path))
            {
                var pp = p;
                var error = Retry(() => UnixNative.Unlink(pp));
                return error == 0 || (error == UnixConstants.ENOENT ? false : throw Errors.FromErrno(error, path, Operation.Delete));
            }
        }

        public void FlushDirectory(string directory)
        {
            var fd = Open(directory, UnixConstants.ORdOnly | C.ODirectory | C.OCloExec, 0, out var errno);
            if (fd < 0)
            {
                throw Errors.FromErrno(errno, directory, Operation.SyncDirectory);
            }

            try
            {
                var error = Sync(fd);
                if (error != 0)
                {
                    throw Errors.FromErrno(error, directory, Operation.SyncDirectory);
                }
            }
            finally
            {
                UnixNative.Close(fd);
            }
        }

        public bool CanWrite(string path)
        {
            fixed (byte* p = Utf8(path))
            {
                return UnixNative.Access(p, UnixConstants.WOk) == 0 || Marshal.GetLastWin32Error() == UnixConstants.ENOENT;
            }
        }

        public bool IsProcessAlive(int pid) =>
            pid > 0 && (UnixNative.Kill(pid, 0) == 0 || Marshal.GetLastWin32Error() != UnixConstants.ESRCH);

        private static int Sync(int fd)
        {
            if (C.IsApple && UnixNative.FCntl(fd, UnixConstants.FFullFsync, 0) == 0)
            {
                return 0; // fsync on macOS leaves data in the drive's cache; F_FULLFSYNC flushes it
            }

            var error = Retry(() => UnixNative.FSync(fd));

            // Some file systems cannot fsync a directory or a special file; there is nothing more to force then.
            return error == UnixConstants.EINVAL || error == C.ENOTSUP ? 0 : error;
        }

        private static int Open(string path, int flags, int mode, out int errno)
        {
            fixed (byte* p = Utf8(path))
            {
                while (true)
                {
                    var fd = C.IsAppleArm64
                        ? UnixNative.OpenAppleArm64(p, flags, 0, 0, 0, 0, 0, 0, mode)
                        : UnixNative.Open(p, flags, mode);
                    errno = fd >= 0 ? 0 : Marshal.GetLastWin32Error();
                    if (errno != UnixConstants.EINTR)
                    {
                        return fd;
                    }
                }
            }
        }

        private static string RealPath(string path, string forPath)
        {
            fixed (byte* p = Utf8(path))
            {
                var resolved = UnixNative.RealPath(p, null);
                if (resolved == null)
                {
                    throw Errors.FromErrno(Marshal.GetLastWin32Error(), forPath, Operation.Resolve);
                }

                try
                {
                    return FromUtf8(resolved);
                }
                finally
                {
                    UnixNative.Free(resolved);
                }
            }
        }

        private static string ReadLink(string path)
        {
            var buffer = new byte[4096];
            fixed (byte* p = Utf8(path))
            fixed (byte* b = buffer)
            {
                var length = UnixNative.ReadLink(p, b, buffer.Length);
                return length >= 0
                    ? Encoding.UTF8.GetString(buffer, 0, (int)length)
                    : throw Errors.FromErrno(Marshal.GetLastWin32Error(), path, Operation.Resolve);
            }
        }

        private static int Retry(Func<int> call)
        {
            while (true)
            {
                if (call() == 0)
                {
                    return 0;
                }

                var errno = Marshal.GetLastWin32Error();
                if (errno != UnixConstants.EINTR)
                {
                    return errno;
                }
            }
        }

        private static T WithFd<T>(SafeFileHandle handle, Func<int, T> action)
        {
            var added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                return action((int)handle.DangerousGetHandle());
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
        }

        internal static byte[] Utf8(string path)
        {
            var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
            Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
            return bytes;
        }

        private static string FromUtf8(byte* text)
        {
            var length = 0;
            while (text[length] != 0)
            {
                length++;
            }

            return Encoding.UTF8.GetString(text, length);
        }
    }
}
