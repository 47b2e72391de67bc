using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>An inode: a directory (names to inode numbers) or a regular file (bytes, size, mode, owner).</summary>
    public sealed class Inode
    {
        public Inode(bool isDirectory, int mode, int uid, int gid)
        {
            IsDirectory = isDirectory;
            Mode = mode;
            Uid = uid;
            Gid = gid;
        }

        public bool IsDirectory { get; }

        public SortedDictionary<string, int> Entries { get; private set; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

        /// <summary>The bytes; only the first <see cref="Size"/> are the file, the rest of the array is capacity.</summary>
        public byte[] Data { get; private set; } = Array.Empty<byte>();

        public long Size { get; private set; }

        public int Mode { get; set; }

        public int Uid { get; set; }

        public int Gid { get; set; }

        public byte[] Content => Data.AsSpan(0, (int)Size).ToArray();

        public Inode Clone() => new Inode(IsDirectory, Mode, Uid, Gid)
        {
            Entries = new SortedDictionary<string, int>(Entries, StringComparer.Ordinal),
            Data = (byte[])Data.Clone(),
            Size = Size,
        };

        /// <summary>A new size. Bytes cut off are gone (zeros if the file grows again); growing exposes what the
        /// capacity holds: zeros, or data a model persisted without the size that covers it.</summary>
        public void Resize(long size)
        {
            Reserve(size);
            if (size < Size)
            {
                Array.Clear(Data, (int)size, Data.Length - (int)size);
            }

            Size = size;
        }

        /// <summary>Writes bytes without changing the size (what a model persists as data alone).</summary>
        public void Put(long offset, ReadOnlySpan<byte> bytes)
        {
            Reserve(offset + bytes.Length);
            bytes.CopyTo(Data.AsSpan((int)offset));
        }

        private void Reserve(long size)
        {
            if (size > Data.Length)
            {
                var grown = new byte[Math.Max(size, Data.Length * 2L)];
                Data.CopyTo(grown, 0);
                Data = grown;
            }
        }
    }

    /// <summary>Inodes by number; the workload's directory is <see cref="Root"/>.</summary>
    public sealed class FsImage
    {
        public FsImage(int root, Dictionary<int, Inode> nodes)
        {
            Root = root;
            Nodes = nodes;
        }

        public int Root { get; }

        public Dictionary<int, Inode> Nodes { get; }

        public FsImage Clone(int? root = null) =>
            new FsImage(root ?? Root, Nodes.ToDictionary(n => n.Key, n => n.Value.Clone()));

        /// <summary>A copy of the inodes visible under the root only: a workload's starting state, without the other
        /// workloads' files, which every crash state would otherwise copy again.</summary>
        public FsImage CloneVisible()
        {
            var nodes = new Dictionary<int, Inode> { [Root] = Nodes[Root].Clone() };
            foreach (var (_, node, inode) in Walk())
            {
                nodes[node] = inode.Clone();
            }

            return new FsImage(Root, nodes);
        }

        /// <summary>Applies a name operation (what both models treat as atomic).</summary>
        public void ApplyName(FsOp op)
        {
            switch (op)
            {
                case CreateOp c:
                    if (!Nodes.ContainsKey(c.Node))
                    {
                        Nodes[c.Node] = new Inode(c.IsDirectory, c.Mode, c.Uid, c.Gid);
                    }

                    Nodes[c.Dir].Entries[c.Name] = c.Node;
                    break;
                case LinkOp l:
                    Nodes[l.Dir].Entries[l.Name] = l.Node;
                    break;
                case UnlinkOp u:
                    Nodes[u.Dir].Entries.Remove(u.Name);
                    break;
                case RenameOp r:
                    if (Nodes[r.FromDir].Entries.TryGetValue(r.FromName, out var node))
                    {
                        Nodes[r.FromDir].Entries.Remove(r.FromName);
                        Nodes[r.ToDir].Entries[r.ToName] = node;
                    }

                    break;
                default:
                    throw new ArgumentException("not a name operation: " + op);
            }
        }

        /// <summary>Every inode a create in <paramref name="ops"/> makes, nameless, so that a model may persist a
        /// later link or rename of it without the create's name.</summary>
        public void AddInodesOf(IEnumerable<FsOp> ops)
        {
            foreach (var c in ops.OfType<CreateOp>())
            {
                if (!Nodes.ContainsKey(c.Node))
                {
                    Nodes[c.Node] = new Inode(c.IsDirectory, c.Mode, c.Uid, c.Gid);
                }
            }
        }

        /// <summary>Visible names under the root (relative paths) and their inodes, directories first.</summary>
        public IEnumerable<(string Path, int Node, Inode Inode)> Walk()
        {
            var pending = new Stack<(string, int)>();
            pending.Push((string.Empty, Root));
            while (pending.Count > 0)
            {
                var (prefix, dir) = pending.Pop();
                foreach (var entry in Nodes[dir].Entries)
                {
                    var path = prefix.Length == 0 ? entry.Key : prefix + "/" + entry.Key;
                    var inode = Nodes[entry.Value];
                    yield return (path, entry.Value, inode);
                    if (inode.IsDirectory)
                    {
                        pending.Push((path, entry.Value));
                    }
                }
            }
        }

        public Inode? Find(string relativePath)
        {
            var node = Root;
            foreach (var part in relativePath.Split('/'))
            {
                if (!Nodes[node].IsDirectory || !Nodes[node].Entries.TryGetValue(part, out node))
                {
                    return null;
                }
            }

            return Nodes[node];
        }

        /// <summary>Reads a real directory tree (the workload's starting state, which the models take as durable).</summary>
        /// <remarks><paramref name="owner"/> gives each entry's owner (System.IO cannot read it).</remarks>
        public static void Load(string directory, int dirNode, Dictionary<int, Inode> nodes, ref int nextNode, Func<string, (int Uid, int Gid)> owner)
        {
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var (uid, gid) = owner(entry.FullName);
                var node = nextNode++;
                var isDirectory = entry is DirectoryInfo;
                var inode = new Inode(isDirectory, (int)File.GetUnixFileMode(entry.FullName), uid, gid);
                nodes[node] = inode;
                nodes[dirNode].Entries[entry.Name] = node;
                if (isDirectory)
                {
                    Load(entry.FullName, node, nodes, ref nextNode, owner);
                }
                else
                {
                    var bytes = File.ReadAllBytes(entry.FullName);
                    inode.Resize(bytes.Length);
                    inode.Put(0, bytes);
                }
            }
        }
    }
}
