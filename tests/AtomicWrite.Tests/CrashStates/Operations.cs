using System;
using System.Collections.Generic;
using System.Linq;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>
    /// A file-system operation as the persistence models see it: a directory-entry operation (names), an inode
    /// attribute change (mode, owner, size), a data write, a sync, or the workload's mark that an operation returned.
    /// Inodes are numbers; names live in directories and point at them.
    /// </summary>
    public abstract record FsOp
    {
        public string Call { get; init; } = string.Empty;
    }

    /// <summary>A new name for a new inode (a file or a directory) with its first attributes.</summary>
    public sealed record CreateOp(int Dir, string Name, int Node, bool IsDirectory, int Mode, int Uid, int Gid) : FsOp;

    public sealed record LinkOp(int Dir, string Name, int Node) : FsOp;

    public sealed record UnlinkOp(int Dir, string Name) : FsOp;

    /// <summary>Atomic: the destination names the old inode or the new one, never neither.</summary>
    public sealed record RenameOp(int FromDir, string FromName, int ToDir, string ToName) : FsOp;

    public sealed record ModeOp(int Node, int Mode) : FsOp;

    public sealed record OwnerOp(int Node, int Uid, int Gid) : FsOp;

    /// <summary>truncate, ftruncate, O_TRUNC, fallocate: the size alone (a larger size reads as zeros).</summary>
    public sealed record SizeOp(int Node, long Size) : FsOp;

    /// <summary>Bytes at an offset. <see cref="NewSize"/> &gt; <see cref="OldSize"/> when the write appended.</summary>
    public sealed record WriteOp(int Node, long Offset, byte[] Data, long OldSize, long NewSize) : FsOp
    {
        public bool Extends => NewSize > OldSize;
    }

    /// <summary>fsync (<see cref="DataOnly"/> false), fdatasync (true); <see cref="Node"/> -1 for sync/syncfs.</summary>
    public sealed record SyncOp(int Node, bool DataOnly) : FsOp;

    /// <summary>The workload announced that operation <see cref="Returned"/> (1-based) returned.</summary>
    public sealed record MarkOp(int Returned) : FsOp;

    public static class FsOps
    {
        public static bool IsNameOp(FsOp op) => op is CreateOp or LinkOp or UnlinkOp or RenameOp;

        public static bool IsInodeMeta(FsOp op) => op is ModeOp or OwnerOp or SizeOp || (op is WriteOp w && w.Extends);

        /// <summary>The directory entries a name operation touches, as (directory, name).</summary>
        public static IEnumerable<(int Dir, string Name)> Entries(FsOp op) => op switch
        {
            CreateOp c => new[] { (c.Dir, c.Name) },
            LinkOp l => new[] { (l.Dir, l.Name) },
            UnlinkOp u => new[] { (u.Dir, u.Name) },
            RenameOp r => new[] { (r.FromDir, r.FromName), (r.ToDir, r.ToName) },
            _ => Array.Empty<(int, string)>(),
        };

        public static int NodeOf(FsOp op) => op switch
        {
            ModeOp m => m.Node,
            OwnerOp o => o.Node,
            SizeOp s => s.Node,
            WriteOp w => w.Node,
            _ => -1,
        };

        public static IEnumerable<int> Dirs(FsOp op) => Entries(op).Select(e => e.Dir).Distinct();
    }
}
