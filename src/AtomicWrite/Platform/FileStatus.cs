using System;

namespace AtomicWrite.Platform
{
    /// <summary>What the save and load sequences need to know about a name: kind, permissions, owner, identity.</summary>
    internal readonly struct FileStatus
    {
        public static readonly FileStatus Missing = default;

        public FileStatus(FileKind kind, int mode, uint uid, uint gid, ulong device, ulong inode, long size, DateTime modifiedUtc)
        {
            Kind = kind;
            Mode = mode;
            Uid = uid;
            Gid = gid;
            Device = device;
            Inode = inode;
            Size = size;
            ModifiedUtc = modifiedUtc;
        }

        public FileKind Kind { get; }

        /// <summary>Permission bits only (07777).</summary>
        public int Mode { get; }

        public uint Uid { get; }

        public uint Gid { get; }

        public ulong Device { get; }

        public ulong Inode { get; }

        public long Size { get; }

        public DateTime ModifiedUtc { get; }

        public bool Exists => Kind != FileKind.Missing;

        /// <summary>True when both describe the same file (same inode on the same device), not merely equal content.</summary>
        public bool IsSameFileAs(in FileStatus other) =>
            Exists && other.Exists && Device == other.Device && Inode == other.Inode && Size == other.Size && ModifiedUtc == other.ModifiedUtc;
    }

    internal enum FileKind
    {
        Missing = 0,
        Regular,
        Directory,
        SymbolicLink,
        Other,
    }
}
