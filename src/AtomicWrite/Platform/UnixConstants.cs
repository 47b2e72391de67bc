using System.Runtime.InteropServices;

namespace AtomicWrite.Platform
{
    /// <summary>Flag and errno values, which differ between Linux (and between its architectures) and macOS.</summary>
    internal sealed class UnixConstants
    {
        public static readonly UnixConstants Current = Create();

        public bool IsApple { get; private set; }
        public bool IsAppleArm64 { get; private set; }
        public bool IsAppleX64 { get; private set; }

        public int OCreat { get; private set; }
        public int OExcl { get; private set; }
        public int ONoFollow { get; private set; }
        public int OCloExec { get; private set; }
        public int ODirectory { get; private set; }
        public int ONonBlock { get; private set; }
        public const int ORdOnly = 0;
        public const int OWrOnly = 1;
        public const int ORdWr = 2;

        public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, EBADF = 9, EACCES = 13, EBUSY = 16,
            EEXIST = 17, EXDEV = 18, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ETXTBSY = 26, EFBIG = 27, ENOSPC = 28,
            EROFS = 30, EMLINK = 31;

        public int EAGAIN { get; private set; }
        public int ENAMETOOLONG { get; private set; }
        public int ELOOP { get; private set; }
        public int ENOTSUP { get; private set; }
        public int EOPNOTSUPP { get; private set; }
        public int EDQUOT { get; private set; }
        public int ENOSYS { get; private set; }

        public const int FFullFsync = 51; // macOS only
        public const int WOk = 2;
        public const int LockShared = 1, LockExclusive = 2, LockNonBlocking = 4, LockUnlock = 8;
        public const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000;
        public const uint StatxBasicStats = 0x7ff;
        public const int TypeMask = 0xF000, TypeDirectory = 0x4000, TypeRegular = 0x8000, TypeSymlink = 0xA000;

        private static UnixConstants Create()
        {
            var arch = RuntimeInformation.ProcessArchitecture;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                return new UnixConstants
                {
                    IsApple = true,
                    IsAppleArm64 = arch == Architecture.Arm64,
                    IsAppleX64 = arch == Architecture.X64,
                    OCreat = 0x200, OExcl = 0x800, ONoFollow = 0x100, OCloExec = 0x1000000, ODirectory = 0x100000, ONonBlock = 0x4,
                    EAGAIN = 35, ENAMETOOLONG = 63, ELOOP = 62, ENOTSUP = 45, EOPNOTSUPP = 102, EDQUOT = 69, ENOSYS = 78,
                };
            }

            return ForLinux(arch.ToString());
        }

        /// <summary>
        /// Linux's values for a process architecture, by its <see cref="Architecture"/> name (the netstandard2.0 enum
        /// has no RiscV64, LoongArch64, S390x or Ppc64le): the generic ones, except that arm, arm64 and powerpc put
        /// O_DIRECTORY and O_NOFOLLOW elsewhere (a wrong O_NOFOLLOW would follow a planted symlink).
        /// </summary>
        internal static UnixConstants ForLinux(string architecture)
        {
            var armLike = architecture == "Arm" || architecture == "Arm64" || architecture == "Armv6" || architecture == "Ppc64le";
            return new UnixConstants
            {
                StatxSyscall = StatxSyscallNumber(architecture),
                OCreat = 0x40, OExcl = 0x80, OCloExec = 0x80000, ONonBlock = 0x800,
                ODirectory = armLike ? 0x4000 : 0x10000,
                ONoFollow = armLike ? 0x8000 : 0x20000,
                EAGAIN = 11, ENAMETOOLONG = 36, ELOOP = 40, ENOTSUP = 95, EOPNOTSUPP = 95, EDQUOT = 122, ENOSYS = 38,
            };
        }

        /// <summary>The statx system call's number on Linux (for C libraries without a statx wrapper), or -1.</summary>
        public int StatxSyscall { get; private set; } = -1;

        private static int StatxSyscallNumber(string architecture)
        {
            switch (architecture)
            {
                case "X64": return 332;
                case "X86": return 383;
                case "Arm":
                case "Armv6": return 397;
                case "Arm64":
                case "RiscV64":
                case "LoongArch64": return 291;
                case "S390x": return 379;
                case "Ppc64le": return 383;
                default: return -1;
            }
        }

        public string Name(int errno)
        {
            switch (errno)
            {
                case EPERM: return "EPERM (operation not permitted)";
                case ENOENT: return "ENOENT (no such file or directory)";
                case EIO: return "EIO (input/output error)";
                case EACCES: return "EACCES (permission denied)";
                case EBUSY: return "EBUSY (device or resource busy)";
                case EEXIST: return "EEXIST (file exists)";
                case EXDEV: return "EXDEV (cross-device link)";
                case ENOTDIR: return "ENOTDIR (not a directory)";
                case EISDIR: return "EISDIR (is a directory)";
                case EINVAL: return "EINVAL (invalid argument)";
                case EFBIG: return "EFBIG (file too large)";
                case ENOSPC: return "ENOSPC (no space left on device)";
                case EROFS: return "EROFS (read-only file system)";
                case EMLINK: return "EMLINK (too many links)";
            }

            if (errno == ELOOP)
            {
                return "ELOOP (too many levels of symbolic links, or a symbolic link where none is allowed)";
            }

            if (errno == ENAMETOOLONG)
            {
                return "ENAMETOOLONG (file name too long)";
            }

            if (errno == EDQUOT)
            {
                return "EDQUOT (disk quota exceeded)";
            }

            return "errno " + errno.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
