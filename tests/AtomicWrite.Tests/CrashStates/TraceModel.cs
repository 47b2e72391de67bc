using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>One workload's part of the trace: the state it started from and its operations in program order.</summary>
    public sealed class WorkloadTrace
    {
        public WorkloadTrace(int index, FsImage initial)
        {
            Index = index;
            Initial = initial;
        }

        public int Index { get; }

        public FsImage Initial { get; }

        public List<FsOp> Ops { get; } = new List<FsOp>();
    }

    /// <summary>
    /// Replays the traced system calls on a live model of the files under the base directory: names resolve to
    /// inodes at the time of the call, a descriptor follows its inode (and shares its offset with its dups), so a
    /// write through a descriptor lands in the right inode even after a rename. Emits each workload's operations,
    /// between the "begin i" and "end i" marks the child writes to the marker file.
    /// </summary>
    public sealed partial class TraceModel
    {
        private readonly string _base;
        private readonly string _markerPath;
        private readonly int _umask;
        private readonly int _uid;
        private readonly int _gid;
        private readonly Dictionary<int, Inode> _nodes;
        private readonly Dictionary<int, Description> _fds = new Dictionary<int, Description>();
        private readonly Dictionary<int, WorkloadTrace> _workloads = new Dictionary<int, WorkloadTrace>();
        private int _nextNode;
        private int _markerFd = int.MinValue;
        private WorkloadTrace? _current;

        public TraceModel(string baseDirectory, string markerPath, int umask, int uid, int gid, Func<string, (int Uid, int Gid)> owner)
        {
            _base = baseDirectory.TrimEnd('/');
            _markerPath = markerPath;
            _umask = umask;
            _uid = uid;
            _gid = gid;
            _nodes = new Dictionary<int, Inode> { [0] = new Inode(true, 0x1ED, uid, gid) };
            _nextNode = 1;
            FsImage.Load(_base, 0, _nodes, ref _nextNode, owner);
        }

        public IReadOnlyDictionary<int, WorkloadTrace> Workloads => _workloads;

        /// <summary>Calls the model does not know (only the file system calls it traces should appear).</summary>
        public List<string> Ignored { get; } = new List<string>();

        public void Replay(IEnumerable<Syscall> calls)
        {
            foreach (var call in calls)
            {
                if (call.Result < 0)
                {
                    continue; // failed: changed nothing
                }

                try
                {
                    Apply(call);
                }
                catch (Exception e) when (e is FormatException or KeyNotFoundException or ArgumentException or IndexOutOfRangeException)
                {
                    throw new InvalidOperationException("trace line " + call.Line + " (" + call + "): " + e.Message, e);
                }
            }
        }

        private void Apply(Syscall c)
        {
            switch (c.Name)
            {
                case "open": Open(c, AtFdCwdPath(), c.Arg(0), c.Arg(1), c.Arguments.Count > 2 ? c.Arg(2) : null); break;
                case "openat": Open(c, DirPath(c.Arg(0)), c.Arg(1), c.Arg(2), c.Arguments.Count > 3 ? c.Arg(3) : null); break;
                case "creat": Open(c, AtFdCwdPath(), c.Arg(0), "O_CREAT|O_WRONLY|O_TRUNC", c.Arg(1)); break;
                case "close": _fds.Remove((int)StraceLog.Number(c.Arg(0).Split('<')[0])); break;
                case "dup": Dup(StraceLog.Fd(c.Arg(0)), (int)c.Result); break;
                case "dup2":
                case "dup3": Dup(StraceLog.Fd(c.Arg(0)), (int)c.Result); break;
                case "fcntl":
                    if (c.Arg(1).StartsWith("F_DUPFD", StringComparison.Ordinal))
                    {
                        Dup(StraceLog.Fd(c.Arg(0)), (int)c.Result);
                    }

                    break;
                case "lseek":
                    if (_fds.TryGetValue(StraceLog.Fd(c.Arg(0)), out var seek))
                    {
                        seek.Position = c.Result;
                    }

                    break;
                case "write": Write(c, StraceLog.Fd(c.Arg(0)), StraceLog.Bytes(c.Arg(1)), null); break;
                case "pwrite64": Write(c, StraceLog.Fd(c.Arg(0)), StraceLog.Bytes(c.Arg(1)), StraceLog.Number(c.Arg(3))); break;
                case "writev": Write(c, StraceLog.Fd(c.Arg(0)), Vector(c.Arg(1)), null); break;
                case "pwritev":
                case "pwritev2": Write(c, StraceLog.Fd(c.Arg(0)), Vector(c.Arg(1)), StraceLog.Number(c.Arg(3))); break;
                case "ftruncate": Size(c, NodeOfFd(c.Arg(0)), StraceLog.Number(c.Arg(1))); break;
                case "truncate": Size(c, Resolve(AtFdCwdPath(), StraceLog.Text(c.Arg(0))), StraceLog.Number(c.Arg(1))); break;
                case "fallocate": Fallocate(c); break;
                case "fsync": Sync(c, NodeOfFd(c.Arg(0)), dataOnly: false); break;
                case "fdatasync": Sync(c, NodeOfFd(c.Arg(0)), dataOnly: true); break;
                case "sync":
                case "syncfs": Emit(new SyncOp(-1, false) { Call = c.ToString() }); break;
                case "sync_file_range": break; // starts writeback; guarantees nothing
                case "rename": Rename(c, AtFdCwdPath(), c.Arg(0), AtFdCwdPath(), c.Arg(1)); break;
                case "renameat":
                case "renameat2":
                    if (c.Arguments.Count > 4 && c.Arg(4).Contains("RENAME_EXCHANGE", StringComparison.Ordinal))
                    {
                        throw new FormatException("RENAME_EXCHANGE is not modelled");
                    }

                    Rename(c, DirPath(c.Arg(0)), c.Arg(1), DirPath(c.Arg(2)), c.Arg(3));
                    break;
                case "link": Link(c, AtFdCwdPath(), c.Arg(0), AtFdCwdPath(), c.Arg(1)); break;
                case "linkat": Link(c, DirPath(c.Arg(0)), c.Arg(1), DirPath(c.Arg(2)), c.Arg(3)); break;
                case "unlink":
                case "rmdir": Unlink(c, AtFdCwdPath(), c.Arg(0)); break;
                case "unlinkat": Unlink(c, DirPath(c.Arg(0)), c.Arg(1)); break;
                case "mkdir": MakeDirectory(c, AtFdCwdPath(), c.Arg(0), c.Arg(1)); break;
                case "mkdirat": MakeDirectory(c, DirPath(c.Arg(0)), c.Arg(1), c.Arg(2)); break;
                case "fchmod": Mode(c, NodeOfFd(c.Arg(0)), c.Arg(1)); break;
                case "chmod": Mode(c, Resolve(AtFdCwdPath(), StraceLog.Text(c.Arg(0))), c.Arg(1)); break;
                case "fchmodat": Mode(c, Resolve(DirPath(c.Arg(0)), StraceLog.Text(c.Arg(1))), c.Arg(2)); break;
                case "fchown": Owner(c, NodeOfFd(c.Arg(0)), c.Arg(1), c.Arg(2)); break;
                case "chown":
                case "lchown": Owner(c, Resolve(AtFdCwdPath(), StraceLog.Text(c.Arg(0))), c.Arg(1), c.Arg(2)); break;
                case "fchownat": Owner(c, Resolve(DirPath(c.Arg(0)), StraceLog.Text(c.Arg(1))), c.Arg(2), c.Arg(3)); break;
                case "copy_file_range": CopyRange(c, StraceLog.Fd(c.Arg(0)), c.Arg(1), StraceLog.Fd(c.Arg(2)), c.Arg(3)); break;
                case "sendfile": CopyRange(c, StraceLog.Fd(c.Arg(1)), c.Arg(2), StraceLog.Fd(c.Arg(0)), "NULL"); break;
                case "ioctl":
                    if (c.Arg(1).Contains("FICLONE", StringComparison.Ordinal) && _fds.ContainsKey(StraceLog.Fd(c.Arg(0))))
                    {
                        throw new FormatException("FICLONE is not modelled");
                    }

                    break;
                default:
                    Ignored.Add(c.Name);
                    break;
            }
        }

        /// <summary>Applies the operation to the live model and records it for the running workload.</summary>
        private void Emit(FsOp op)
        {
            var live = new FsImage(0, _nodes);
            switch (op)
            {
                case CreateOp or LinkOp or UnlinkOp or RenameOp:
                    live.ApplyName(op);
                    break;
                case ModeOp m:
                    _nodes[m.Node].Mode = m.Mode;
                    break;
                case OwnerOp o:
                    _nodes[o.Node].Uid = o.Uid;
                    _nodes[o.Node].Gid = o.Gid;
                    break;
                case SizeOp s:
                    _nodes[s.Node].Resize(s.Size);
                    break;
                case WriteOp w:
                    _nodes[w.Node].Resize(w.NewSize);
                    _nodes[w.Node].Put(w.Offset, w.Data);
                    break;
            }

            _current?.Ops.Add(op);
        }

        private void Mark(string text)
        {
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Split(' ');
                var number = int.Parse(parts[1], CultureInfo.InvariantCulture);
                switch (parts[0])
                {
                    case "begin":
                        var root = Resolve("/", _base + "/" + parts[1]);
                        _current = new WorkloadTrace(number, new FsImage(root, _nodes).CloneVisible());
                        _workloads[number] = _current;
                        break;
                    case "returned":
                        _current!.Ops.Add(new MarkOp(number) { Call = "mark: operation " + parts[1] + " returned" });
                        break;
                    case "end":
                        _current = null;
                        break;
                }
            }
        }

        private int NodeOfFd(string argument) => _fds.TryGetValue(StraceLog.Fd(argument), out var d) ? d.Node : -1;

        /// <summary>The inode a path names, -1 outside the base directory.</summary>
        private int Resolve(string dir, string path)
        {
            var full = Join(dir, path);
            if (full == _base)
            {
                return 0;
            }

            var parent = Parent(full, out var name);
            return parent >= 0 && _nodes[parent].Entries.TryGetValue(name, out var node) ? node : -1;
        }

        /// <summary>The directory inode holding the last component of <paramref name="full"/>, -1 outside the base directory.</summary>
        private int Parent(string full, out string name)
        {
            name = string.Empty;
            if (!full.StartsWith(_base + "/", StringComparison.Ordinal))
            {
                return -1;
            }

            var parts = full.Substring(_base.Length + 1).Split('/', StringSplitOptions.RemoveEmptyEntries);
            var node = 0;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (!_nodes[node].Entries.TryGetValue(parts[i], out node))
                {
                    throw new FormatException("no directory " + parts[i] + " in " + full);
                }
            }

            name = parts[parts.Length - 1];
            return node;
        }

        private static string Join(string dir, string path) =>
            path.StartsWith("/", StringComparison.Ordinal) ? path.TrimEnd('/') : (dir.TrimEnd('/') + "/" + path).TrimEnd('/');

        private static long FirstNumber(string argument) => long.Parse(Regex.Match(argument, "[0-9]+").Value, CultureInfo.InvariantCulture);

        private static byte[] Vector(string argument)
        {
            var bytes = new List<byte>();
            foreach (Match m in Regex.Matches(argument, "iov_base=(\"(?:[^\"\\\\]|\\\\.)*\")"))
            {
                bytes.AddRange(StraceLog.Bytes(m.Groups[1].Value));
            }

            return bytes.ToArray();
        }

        private sealed class Description
        {
            public Description(int node, bool append)
            {
                Node = node;
                Append = append;
            }

            public int Node { get; }

            public bool Append { get; }

            public long Position { get; set; }
        }
    }
}
