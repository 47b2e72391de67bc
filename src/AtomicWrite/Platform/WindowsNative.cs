using System;
using System.Runtime.InteropServices;

namespace AtomicWrite.Platform
{
    /// <summary>kernel32 entry points; blittable signatures (UTF-16 paths as char pointers, BOOL as int).</summary>
    internal static unsafe class WindowsNative
    {
        public const uint GenericRead = 0x80000000, GenericWrite = 0x40000000;
        public const uint ShareRead = 1, ShareWrite = 2, ShareDelete = 4;
        public const uint CreateNew = 1, OpenExisting = 3, OpenAlways = 4;
        public const uint AttributeNormal = 0x80;
        public const uint MoveFileReplaceExisting = 0x1, MoveFileWriteThrough = 0x8;
        public const int ErrorFileNotFound = 2, ErrorPathNotFound = 3, ErrorAccessDenied = 5, ErrorSharingViolation = 32,
            ErrorLockViolation = 33, ErrorNotSupported = 50, ErrorFileExists = 80, ErrorAlreadyExists = 183, ErrorInvalidFunction = 1;

        [DllImport("kernel32.dll", EntryPoint = "CreateFileW", SetLastError = true)]
        public static extern IntPtr CreateFile(char* path, uint access, uint share, IntPtr security, uint disposition, uint flags, IntPtr template);

        [DllImport("kernel32.dll", EntryPoint = "FlushFileBuffers", SetLastError = true)]
        public static extern int FlushFileBuffers(IntPtr handle);

        [DllImport("kernel32.dll", EntryPoint = "MoveFileExW", SetLastError = true)]
        public static extern int MoveFileEx(char* source, char* destination, uint flags);

        [DllImport("kernel32.dll", EntryPoint = "CreateHardLinkW", SetLastError = true)]
        public static extern int CreateHardLink(char* newPath, char* existing, IntPtr security);

        [DllImport("kernel32.dll", EntryPoint = "DeleteFileW", SetLastError = true)]
        public static extern int DeleteFile(char* path);
    }
}
