using System;
using System.Collections.Generic;
using System.Linq;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>
    /// The crash states one crash point allows under one model: a few independent choices (a mixed-radix number),
    /// each turning into the file system a power cut at that point can leave. The crash point is "after the first
    /// <see cref="Point"/> operations".
    /// </summary>
    public sealed partial class CrashPlan
    {
        public const int Block = 4096;
        private const int MaxExhaustiveNameOps = 14;

        private readonly IReadOnlyList<FsOp> _ops;
        private readonly FsImage _initial;
        private readonly PersistenceModel _model;
        private readonly List<int> _radix = new List<int>();

        // Journaled: metadata operations after the last sync, of which a prefix persists.
        private readonly List<int> _optionalMeta = new List<int>();
        private int _barrier = -1;

        // Weak: unforced name operations and the subsets of them closed under their dependencies.
        private readonly List<int> _unforcedNames = new List<int>();
        private readonly List<long> _nameMasks = new List<long>();
        private readonly Dictionary<int, List<int>> _unforcedMetaByNode = new Dictionary<int, List<int>>();
        private readonly List<int> _metaNodes = new List<int>();

        // Both: unsynced data as (operation, block start, block end) choices.
        private readonly List<(int Op, long Start, long End)> _blocks = new List<(int, long, long)>();
        private readonly bool[] _synced;

        public CrashPlan(PersistenceModel model, FsImage initial, IReadOnlyList<FsOp> ops, int point, Random random)
        {
            _model = model;
            _initial = initial;
            _ops = ops;
            Point = point;
            Returned = ops.Take(point).OfType<MarkOp>().Select(m => m.Returned).DefaultIfEmpty(0).Max();
            _synced = new bool[point];
            if (model == PersistenceModel.Journaled)
            {
                PlanJournaled();
            }
            else
            {
                PlanWeak(random);
            }

            _radix.AddRange(_blocks.Select(_ => 2));
        }

        public int Point { get; }

        /// <summary>How many operations of the workload had returned at this crash point.</summary>
        public int Returned { get; }

        public IReadOnlyList<int> Radix => _radix;

        /// <summary>Whether the crash point is right after an operation returned, where durability is promised.</summary>
        public bool RightAfterReturn => Point > 0 && _ops[Point - 1] is MarkOp;

        /// <summary>False when the name subsets were sampled (too many unforced name operations to list).</summary>
        public bool Exhaustive { get; private set; } = true;

        public double Count => _radix.Aggregate(1.0, (product, r) => product * r);

        /// <summary>How many of the last dimensions are unsynced data blocks (persisted: 1).</summary>
        public int BlockCount => _blocks.Count;

        /// <summary>Which dimensions belong to one write's blocks (sampled together: all, none or a random mix).</summary>
        public IEnumerable<(int First, int Count)> BlockGroups()
        {
            var offset = _radix.Count - _blocks.Count;
            foreach (var group in _blocks.Select((b, i) => (b.Op, i)).GroupBy(b => b.Op))
            {
                yield return (offset + group.First().i, group.Count());
            }
        }

        public FsImage Build(IReadOnlyList<int> choice)
        {
            var image = _initial.Clone();
            image.AddInodesOf(_ops.Take(Point));
            var chosenBlocks = new HashSet<(int, long)>();
            var blockDim = _radix.Count - _blocks.Count;
            for (var b = 0; b < _blocks.Count; b++)
            {
                if (choice[blockDim + b] == 1)
                {
                    chosenBlocks.Add((_blocks[b].Op, _blocks[b].Start));
                }
            }

            Func<int, bool> meta = _model == PersistenceModel.Journaled ? JournaledMeta(choice) : WeakMeta(choice);
            for (var i = 0; i < Point; i++)
            {
                var op = _ops[i];
                if (FsOps.IsNameOp(op))
                {
                    if (meta(i))
                    {
                        image.ApplyName(op);
                    }

                    continue;
                }

                switch (op)
                {
                    case ModeOp m when meta(i):
                        image.Nodes[m.Node].Mode = m.Mode;
                        break;
                    case OwnerOp o when meta(i):
                        image.Nodes[o.Node].Uid = o.Uid;
                        image.Nodes[o.Node].Gid = o.Gid;
                        break;
                    case SizeOp s when meta(i):
                        image.Nodes[s.Node].Resize(s.Size);
                        break;
                    case WriteOp w:
                        ApplyWrite(image, i, w, w.Extends && meta(i), chosenBlocks);
                        break;
                }
            }

            return image;
        }

        private void ApplyWrite(FsImage image, int index, WriteOp w, bool sizePersisted, HashSet<(int, long)> chosenBlocks)
        {
            var inode = image.Nodes[w.Node];
            if (sizePersisted && w.NewSize > inode.Size)
            {
                inode.Resize(w.NewSize);
            }

            // Journaled (data=ordered): an append's bytes persist exactly with its size.
            var dataFrom = w.Offset;
            var dataTo = w.Offset + w.Data.Length;
            if (_model == PersistenceModel.Journaled && w.Extends)
            {
                if (sizePersisted)
                {
                    var appended = Math.Max(w.Offset, w.OldSize);
                    inode.Put(appended, w.Data.AsSpan((int)(appended - w.Offset)));
                }

                dataTo = Math.Min(dataTo, w.OldSize);
            }

            if (_synced[index])
            {
                if (dataTo > dataFrom)
                {
                    inode.Put(dataFrom, w.Data.AsSpan(0, (int)(dataTo - dataFrom)));
                }

                return;
            }

            foreach (var (start, end) in Blocks(dataFrom, dataTo))
            {
                if (chosenBlocks.Contains((index, start)))
                {
                    inode.Put(start, w.Data.AsSpan((int)(start - w.Offset), (int)(end - start)));
                }
            }
        }

        private void PlanJournaled()
        {
            for (var i = 0; i < Point; i++)
            {
                if (_ops[i] is SyncOp)
                {
                    _barrier = i;
                }
            }

            for (var i = _barrier + 1; i < Point; i++)
            {
                if (FsOps.IsNameOp(_ops[i]) || FsOps.IsInodeMeta(_ops[i]))
                {
                    _optionalMeta.Add(i);
                }
            }

            _radix.Add(_optionalMeta.Count + 1);
            for (var i = 0; i < Point; i++)
            {
                if (_ops[i] is not WriteOp w)
                {
                    continue;
                }

                // A sync of the file after the write persists its data; an fsync elsewhere commits only metadata.
                _synced[i] = SyncedAfter(i, w.Node, dataOnlyCounts: true);
                var overwriteEnd = Math.Min(w.Offset + w.Data.Length, w.OldSize);
                if (!_synced[i])
                {
                    AddBlocks(i, w.Offset, overwriteEnd);
                }
            }
        }

        private Func<int, bool> JournaledMeta(IReadOnlyList<int> choice)
        {
            var persisted = new HashSet<int>(_optionalMeta.Take(choice[0]));
            return i => i < _barrier || persisted.Contains(i);
        }

        /// <summary>Whether a sync that covers <paramref name="node"/> completed after operation <paramref name="index"/>.</summary>
        private bool SyncedAfter(int index, int node, bool dataOnlyCounts)
        {
            for (var j = index + 1; j < Point; j++)
            {
                if (_ops[j] is SyncOp s && (s.Node == -1 || (s.Node == node && (dataOnlyCounts || !s.DataOnly))))
                {
                    return true;
                }
            }

            return false;
        }

        private void AddBlocks(int op, long from, long to)
        {
            foreach (var (start, end) in Blocks(from, to))
            {
                _blocks.Add((op, start, end));
            }
        }

        /// <summary>[from, to) cut at 4 KiB boundaries.</summary>
        private static IEnumerable<(long Start, long End)> Blocks(long from, long to)
        {
            for (var start = from; start < to;)
            {
                var end = Math.Min(to, ((start / Block) + 1) * Block);
                yield return (start, end);
                start = end;
            }
        }
    }
}
