using System;
using System.Text;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>The system calls, one handler each: decode the arguments, resolve names and descriptors, emit operations.</summary>
    public sealed partial class TraceModel
    {
        private string AtFdCwdPath() => "/";

        private string DirPath(string argument)
        {
            var path = StraceLog.FdPath(argument);
            return path ?? "/";
        }

        private void Open(Syscall c, string dir, string pathArgument, string flags, string? modeArgument)
        {
            var path = Join(dir, StraceLog.Text(pathArgument));
            var fd = (int)c.Result;
            _fds.Remove(fd);
            if (path == _markerPath)
            {
                _markerFd = fd;
                return;
            }

            if (fd == _markerFd)
            {
                _markerFd = int.MinValue;
            }

            var parent = Parent(path, out var name);
            if (parent < 0)
            {
                return;
            }

            if (!_nodes[parent].Entries.TryGetValue(name, out var node))
            {
                if (!flags.Contains("O_CREAT", StringComparison.Ordinal))
                {
                    throw new FormatException("opened a name the model does not have: " + path);
                }

                node = _nextNode++;
                var mode = (int)StraceLog.Number(modeArgument!) & ~_umask;
                Emit(new CreateOp(parent, name, node, false, mode, _uid, _gid) { Call = c.ToString() });
            }
            else if (flags.Contains("O_TRUNC", StringComparison.Ordinal) && !flags.Contains("O_RDONLY", StringComparison.Ordinal) && _nodes[node].Size > 0)
            {
                Emit(new SizeOp(node, 0) { Call = c.ToString() });
            }

            _fds[fd] = new Description(node, flags.Contains("O_APPEND", StringComparison.Ordinal));
        }

        private void Dup(int from, int to)
        {
            _fds.Remove(to);
            if (_fds.TryGetValue(from, out var description))
            {
                _fds[to] = description;
            }

            if (from == _markerFd)
            {
                _markerFd = to;
            }
        }

        private void Write(Syscall c, int fd, byte[] bytes, long? offset)
        {
            var count = (int)c.Result;
            if (fd == _markerFd)
            {
                Mark(Encoding.ASCII.GetString(bytes, 0, count));
                return;
            }

            if (!_fds.TryGetValue(fd, out var description))
            {
                return;
            }

            var inode = _nodes[description.Node];
            var at = offset ?? (description.Append ? inode.Size : description.Position);
            if (offset is null)
            {
                description.Position = at + count;
            }

            WriteBytes(c, description.Node, at, bytes.AsSpan(0, count).ToArray());
        }

        private void WriteBytes(Syscall c, int node, long at, byte[] data)
        {
            var inode = _nodes[node];
            var oldSize = inode.Size;
            var newSize = Math.Max(oldSize, at + data.Length);
            Emit(new WriteOp(node, at, data, oldSize, newSize) { Call = c.ToString() });
        }

        private void CopyRange(Syscall c, int inFd, string inOffset, int outFd, string outOffset)
        {
            if (!_fds.TryGetValue(outFd, out var output))
            {
                return;
            }

            var input = _fds[inFd];
            var count = (int)c.Result;
            var from = inOffset == "NULL" ? input.Position : FirstNumber(inOffset);
            var to = outOffset == "NULL" ? output.Position : FirstNumber(outOffset);
            var source = _nodes[input.Node];
            var data = source.Data.AsSpan((int)from, count).ToArray();
            if (inOffset == "NULL")
            {
                input.Position += count;
            }

            if (outOffset == "NULL")
            {
                output.Position += count;
            }

            WriteBytes(c, output.Node, to, data);
        }

        private void Fallocate(Syscall c)
        {
            var node = NodeOfFd(c.Arg(0));
            if (node < 0 || c.Arg(1).Contains("KEEP_SIZE", StringComparison.Ordinal))
            {
                return;
            }

            var end = StraceLog.Number(c.Arg(2)) + StraceLog.Number(c.Arg(3));
            if (end > _nodes[node].Size)
            {
                Size(c, node, end);
            }
        }

        private void Size(Syscall c, int node, long size)
        {
            if (node >= 0)
            {
                Emit(new SizeOp(node, size) { Call = c.ToString() });
            }
        }

        private void Sync(Syscall c, int node, bool dataOnly)
        {
            if (node >= 0)
            {
                Emit(new SyncOp(node, dataOnly) { Call = c.ToString() });
            }
        }

        private void Rename(Syscall c, string fromDir, string fromArgument, string toDir, string toArgument)
        {
            var fromParent = Parent(Join(fromDir, StraceLog.Text(fromArgument)), out var fromName);
            var toParent = Parent(Join(toDir, StraceLog.Text(toArgument)), out var toName);
            if (fromParent < 0 || toParent < 0)
            {
                if (fromParent >= 0 || toParent >= 0)
                {
                    throw new FormatException("rename across the edge of the modelled tree");
                }

                return;
            }

            var node = _nodes[fromParent].Entries[fromName];
            if (_nodes[toParent].Entries.TryGetValue(toName, out var replaced) && replaced == node)
            {
                return; // rename between two links of one inode does nothing
            }

            Emit(new RenameOp(fromParent, fromName, toParent, toName) { Call = c.ToString() });
        }

        private void Link(Syscall c, string fromDir, string fromArgument, string toDir, string toArgument)
        {
            var node = Resolve(fromDir, StraceLog.Text(fromArgument));
            var toParent = Parent(Join(toDir, StraceLog.Text(toArgument)), out var toName);
            if (node >= 0 && toParent >= 0)
            {
                Emit(new LinkOp(toParent, toName, node) { Call = c.ToString() });
            }
        }

        private void Unlink(Syscall c, string dir, string argument)
        {
            var parent = Parent(Join(dir, StraceLog.Text(argument)), out var name);
            if (parent >= 0)
            {
                Emit(new UnlinkOp(parent, name) { Call = c.ToString() });
            }
        }

        private void MakeDirectory(Syscall c, string dir, string argument, string mode)
        {
            var parent = Parent(Join(dir, StraceLog.Text(argument)), out var name);
            if (parent >= 0)
            {
                Emit(new CreateOp(parent, name, _nextNode++, true, (int)StraceLog.Number(mode) & ~_umask, _uid, _gid) { Call = c.ToString() });
            }
        }

        private void Mode(Syscall c, int node, string mode)
        {
            if (node >= 0)
            {
                Emit(new ModeOp(node, (int)StraceLog.Number(mode) & 0xFFF) { Call = c.ToString() });
            }
        }

        private void Owner(Syscall c, int node, string uid, string gid)
        {
            if (node < 0)
            {
                return;
            }

            var inode = _nodes[node];
            var newUid = (int)StraceLog.Number(uid);
            var newGid = (int)StraceLog.Number(gid);
            Emit(new OwnerOp(node, newUid < 0 ? inode.Uid : newUid, newGid < 0 ? inode.Gid : newGid) { Call = c.ToString() });
        }
    }
}
