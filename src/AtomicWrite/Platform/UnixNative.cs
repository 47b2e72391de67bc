using System;
using System.Runtime.InteropServices;

namespace AtomicWrite.Platform
{
    /// <summary>
    /// libc entry points. Every signature is blittable (pointers and integers only) so the net8.0 build stays
    /// AOT-clean, and the same declarations serve the netstandard2.0 build. errno comes from SetLastError.
    /// </summary>
    internal static unsafe class UnixNative
    {
        private const string Libc = "libc";

        [DllImport(Libc, EntryPoint = "open", SetLastError = true)]
        public static extern int Open(byte* path, int flags, nint mode);

        // open(2) is variadic. On Apple arm64 variadic arguments travel on the stack, so the mode is passed after
        // six dummy register arguments, where the callee's va_arg looks for it.
        [DllImport(Libc, EntryPoint = "open", SetLastError = true)]
        public static extern int OpenAppleArm64(byte* path, int flags, nint r2, nint r3, nint r4, nint r5, nint r6, nint r7, nint mode);

        [DllImport(Libc, EntryPoint = "close", SetLastError = true)]
        public static extern int Close(int fd);

        [DllImport(Libc, EntryPoint = "fchmod", SetLastError = true)]
        public static extern int FChmod(int fd, uint mode);

        [DllImport(Libc, EntryPoint = "fchown", SetLastError = true)]
        public static extern int FChown(int fd, uint uid, uint gid);

        [DllImport(Libc, EntryPoint = "fsync", SetLastError = true)]
        public static extern int FSync(int fd);

        [DllImport(Libc, EntryPoint = "fcntl", SetLastError = true)]
        public static extern int FCntl(int fd, int command, nint argument);

        [DllImport(Libc, EntryPoint = "rename", SetLastError = true)]
        public static extern int Rename(byte* source, byte* destination);

        [DllImport(Libc, EntryPoint = "link", SetLastError = true)]
        public static extern int Link(byte* existing, byte* newPath);

        [DllImport(Libc, EntryPoint = "unlink", SetLastError = true)]
        public static extern int Unlink(byte* path);

        [DllImport(Libc, EntryPoint = "realpath", SetLastError = true)]
        public static extern byte* RealPath(byte* path, byte* resolved);

        [DllImport(Libc, EntryPoint = "free")]
        public static extern void Free(void* pointer);

        [DllImport(Libc, EntryPoint = "readlink", SetLastError = true)]
        public static extern nint ReadLink(byte* path, byte* buffer, nint size);

        [DllImport(Libc, EntryPoint = "access", SetLastError = true)]
        public static extern int Access(byte* path, int mode);

        [DllImport(Libc, EntryPoint = "flock", SetLastError = true)]
        public static extern int Flock(int fd, int operation);

        // Extended attributes: Linux has (fd, name, value, size[, flags]); macOS adds a position and options.
        [DllImport(Libc, EntryPoint = "fsetxattr", SetLastError = true)]
        public static extern int FSetXattrLinux(int fd, byte* name, byte* value, nuint size, int flags);

        [DllImport(Libc, EntryPoint = "fgetxattr", SetLastError = true)]
        public static extern nint FGetXattrLinux(int fd, byte* name, byte* value, nuint size);

        [DllImport(Libc, EntryPoint = "fsetxattr", SetLastError = true)]
        public static extern int FSetXattrApple(int fd, byte* name, byte* value, nuint size, uint position, int options);

        [DllImport(Libc, EntryPoint = "fgetxattr", SetLastError = true)]
        public static extern nint FGetXattrApple(int fd, byte* name, byte* value, nuint size, uint position, int options);

        [DllImport(Libc, EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);

        [DllImport(Libc, EntryPoint = "getpid")]
        public static extern int GetPid();

        /// <summary>
        /// statx goes through syscall(2): set on the first call where the C library has no statx wrapper (glibc before
        /// 2.28, musl before 1.2.5) although the kernel (4.11 and later) has the system call; tests set it to run
        /// that path here.
        /// </summary>
        internal static bool StatxBySyscall { get; set; }

        // Linux: statx has one layout on every architecture (struct stat does not).
        public static int Statx(int dirFd, byte* path, int flags, uint mask, LinuxStatx* buffer)
        {
            if (!StatxBySyscall)
            {
                try
                {
                    return StatxLibc(dirFd, path, flags, mask, buffer);
                }
                catch (EntryPointNotFoundException)
                {
                    StatxBySyscall = true;
                }
            }

            // An architecture without a known number passes -1: the kernel answers ENOSYS, reported like any errno.
            return (int)Syscall(UnixConstants.Current.StatxSyscall, dirFd, path, flags, (nint)mask, buffer);
        }

        [DllImport(Libc, EntryPoint = "statx", SetLastError = true)]
        private static extern int StatxLibc(int dirFd, byte* path, int flags, uint mask, LinuxStatx* buffer);

        // syscall(2) is variadic and reads every argument as a long: on Linux's ABIs integer variadic arguments travel
        // where fixed ones do, so a fixed signature of native-sized integers and pointers is the variadic call.
        [DllImport(Libc, EntryPoint = "syscall", SetLastError = true)]
        private static extern nint Syscall(nint number, nint dirFd, byte* path, nint flags, nint mask, LinuxStatx* buffer);

        // macOS: the 64-bit-inode struct stat, the default on arm64 and the $INODE64 variant on x64.
        [DllImport(Libc, EntryPoint = "lstat", SetLastError = true)]
        public static extern int LStatApple(byte* path, AppleStat* buffer);

        [DllImport(Libc, EntryPoint = "fstat", SetLastError = true)]
        public static extern int FStatApple(int fd, AppleStat* buffer);

        [DllImport(Libc, EntryPoint = "lstat$INODE64", SetLastError = true)]
        public static extern int LStatAppleX64(byte* path, AppleStat* buffer);

        [DllImport(Libc, EntryPoint = "fstat$INODE64", SetLastError = true)]
        public static extern int FStatAppleX64(int fd, AppleStat* buffer);
    }

    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct LinuxStatx
    {
        public uint Mask;
        public uint BlockSize;
        public ulong Attributes;
        public uint LinkCount;
        public uint Uid;
        public uint Gid;
        public ushort Mode;
        public ushort Spare0;
        public ulong Inode;
        public ulong Size;
        public ulong Blocks;
        public ulong AttributesMask;
        public long AccessSeconds;
        public uint AccessNanoseconds;
        public int AccessReserved;
        public long BirthSeconds;
        public uint BirthNanoseconds;
        public int BirthReserved;
        public long ChangeSeconds;
        public uint ChangeNanoseconds;
        public int ChangeReserved;
        public long ModifySeconds;
        public uint ModifyNanoseconds;
        public int ModifyReserved;
        public uint RDevMajor;
        public uint RDevMinor;
        public uint DevMajor;
        public uint DevMinor;
        public fixed ulong Spare2[14];
    }

    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct AppleStat
    {
        public int Device;
        public ushort Mode;
        public ushort LinkCount;
        public ulong Inode;
        public uint Uid;
        public uint Gid;
        public int RDevice;
        public int Padding;
        public long AccessSeconds;
        public long AccessNanoseconds;
        public long ModifySeconds;
        public long ModifyNanoseconds;
        public long ChangeSeconds;
        public long ChangeNanoseconds;
        public long BirthSeconds;
        public long BirthNanoseconds;
        public long Size;
        public long Blocks;
        public int BlockSize;
        public uint Flags;
        public uint Generation;
        public int Spare;
        public fixed long QSpare[2];
    }
}
