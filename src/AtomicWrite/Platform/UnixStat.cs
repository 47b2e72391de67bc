using System;
using System.Runtime.InteropServices;

namespace AtomicWrite.Platform
{
    /// <summary>
    /// File status without struct stat, whose layout differs per architecture: statx on Linux (one layout
    /// everywhere), the 64-bit-inode struct stat on macOS.
    /// </summary>
    internal static unsafe class UnixStat
    {
        private static readonly UnixConstants C = UnixConstants.Current;

        public static FileStatus Path(byte* path, out int errno)
        {
            if (C.IsApple)
            {
                AppleStat s;
                var result = C.IsAppleX64 ? UnixNative.LStatAppleX64(path, &s) : UnixNative.LStatApple(path, &s);
                errno = result == 0 ? 0 : Marshal.GetLastWin32Error();
                return FromApple(s);
            }

            LinuxStatx x;
            errno = UnixNative.Statx(UnixConstants.AtFdCwd, path, UnixConstants.AtSymlinkNoFollow, UnixConstants.StatxBasicStats, &x) == 0
                ? 0
                : Marshal.GetLastWin32Error();
            return FromLinux(x);
        }

        public static FileStatus Fd(int fd, out int errno)
        {
            if (C.IsApple)
            {
                AppleStat s;
                var result = C.IsAppleX64 ? UnixNative.FStatAppleX64(fd, &s) : UnixNative.FStatApple(fd, &s);
                errno = result == 0 ? 0 : Marshal.GetLastWin32Error();
                return FromApple(s);
            }

            LinuxStatx x;
            byte empty = 0;
            errno = UnixNative.Statx(fd, &empty, UnixConstants.AtEmptyPath, UnixConstants.StatxBasicStats, &x) == 0
                ? 0
                : Marshal.GetLastWin32Error();
            return FromLinux(x);
        }

        private static FileStatus FromLinux(in LinuxStatx x) => new FileStatus(
            Kind(x.Mode), x.Mode & 0xFFF, x.Uid, x.Gid, ((ulong)x.DevMajor << 32) | x.DevMinor, x.Inode, (long)x.Size,
            FromUnixTime(x.ModifySeconds, x.ModifyNanoseconds));

        private static FileStatus FromApple(in AppleStat s) => new FileStatus(
            Kind(s.Mode), s.Mode & 0xFFF, s.Uid, s.Gid, (ulong)(uint)s.Device, s.Inode, s.Size,
            FromUnixTime(s.ModifySeconds, s.ModifyNanoseconds));

        private static FileKind Kind(int mode) => (mode & UnixConstants.TypeMask) switch
        {
            UnixConstants.TypeRegular => FileKind.Regular,
            UnixConstants.TypeDirectory => FileKind.Directory,
            UnixConstants.TypeSymlink => FileKind.SymbolicLink,
            _ => FileKind.Other,
        };

        private static DateTime FromUnixTime(long seconds, long nanoseconds) =>
            new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks((seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100));
    }
}
