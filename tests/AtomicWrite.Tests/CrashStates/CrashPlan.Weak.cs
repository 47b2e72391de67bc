using System;
using System.Collections.Generic;
using System.Linq;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>The weak model's choices: which unforced name operations persist (closed under each name's program
    /// order), a prefix of each inode's unforced attribute changes.</summary>
    public sealed partial class CrashPlan
    {
        private void PlanWeak(Random random)
        {
            for (var i = 0; i < Point; i++)
            {
                var op = _ops[i];
                if (FsOps.IsNameOp(op))
                {
                    if (!FsOps.Dirs(op).Any(d => SyncedAfter(i, d, dataOnlyCounts: false)))
                    {
                        _unforcedNames.Add(i);
                    }
                }
                else if (FsOps.IsInodeMeta(op))
                {
                    var node = FsOps.NodeOf(op);
                    var dataOnlyCounts = op is SizeOp or WriteOp; // fdatasync persists the size, not mode or owner
                    if (!SyncedAfter(i, node, dataOnlyCounts))
                    {
                        if (!_unforcedMetaByNode.TryGetValue(node, out var list))
                        {
                            _unforcedMetaByNode[node] = list = new List<int>();
                            _metaNodes.Add(node);
                        }

                        list.Add(i);
                    }
                }

                if (op is WriteOp w)
                {
                    _synced[i] = SyncedAfter(i, w.Node, dataOnlyCounts: true);
                    if (!_synced[i])
                    {
                        AddBlocks(i, w.Offset, w.Offset + w.Data.Length);
                    }
                }
            }

            ListNameMasks(random);
            _radix.Add(_nameMasks.Count);
            _radix.AddRange(_metaNodes.Select(n => _unforcedMetaByNode[n].Count + 1));
        }

        /// <summary>The subsets of unforced name operations that include, with each operation, every earlier one on
        /// one of its names (a name's operations persist in program order).</summary>
        private void ListNameMasks(Random random)
        {
            var count = _unforcedNames.Count;
            var dependencies = new long[count];
            for (var a = 0; a < count; a++)
            {
                var entries = FsOps.Entries(_ops[_unforcedNames[a]]).ToList();
                for (var b = 0; b < a; b++)
                {
                    if (FsOps.Entries(_ops[_unforcedNames[b]]).Any(entries.Contains))
                    {
                        dependencies[a] |= 1L << b;
                    }
                }
            }

            long Close(long mask)
            {
                long closed;
                do
                {
                    closed = mask;
                    for (var a = 0; a < count; a++)
                    {
                        if ((mask & (1L << a)) != 0)
                        {
                            mask |= dependencies[a];
                        }
                    }
                }
                while (closed != mask);
                return mask;
            }

            var masks = new SortedSet<long>();
            if (count <= MaxExhaustiveNameOps)
            {
                for (long mask = 0; mask < 1L << count; mask++)
                {
                    if (Close(mask) == mask)
                    {
                        masks.Add(mask);
                    }
                }
            }
            else
            {
                Exhaustive = false;
                for (var prefix = 0; prefix <= count; prefix++)
                {
                    masks.Add((1L << prefix) - 1);
                }

                for (var sample = 0; sample < 4096; sample++)
                {
                    masks.Add(Close(((long)random.Next() << 31 | (uint)random.Next()) & ((1L << count) - 1)));
                }
            }

            // Ordered by how many operations persist, so choice 0 is "none" and the last "all".
            _nameMasks.AddRange(masks.OrderBy(m => System.Numerics.BitOperations.PopCount((ulong)m)).ThenBy(m => m));
        }

        /// <summary>Everything persisted but one name operation (each one that others do not depend on), or, in the
        /// journaled model, all but the last metadata operation: the states that lose one step of a save.</summary>
        public IEnumerable<int[]> AllButOne()
        {
            if (_model == PersistenceModel.Journaled)
            {
                if (_radix[0] >= 2)
                {
                    var choice = _radix.Select(r => r - 1).ToArray();
                    choice[0] = _radix[0] - 2;
                    yield return choice;
                }

                yield break;
            }

            var all = _unforcedNames.Count;
            for (var m = _nameMasks.Count - 1; m >= 0; m--)
            {
                var persisted = System.Numerics.BitOperations.PopCount((ulong)_nameMasks[m]);
                if (persisted == all - 1)
                {
                    var choice = _radix.Select(r => r - 1).ToArray();
                    choice[0] = m;
                    yield return choice;
                }
                else if (persisted < all - 1)
                {
                    yield break;
                }
            }
        }

        private Func<int, bool> WeakMeta(IReadOnlyList<int> choice)
        {
            var persisted = new HashSet<int>();
            var mask = _nameMasks[choice[0]];
            for (var a = 0; a < _unforcedNames.Count; a++)
            {
                if ((mask & (1L << a)) != 0)
                {
                    persisted.Add(_unforcedNames[a]);
                }
            }

            for (var n = 0; n < _metaNodes.Count; n++)
            {
                persisted.UnionWith(_unforcedMetaByNode[_metaNodes[n]].Take(choice[1 + n]));
            }

            var unforced = new HashSet<int>(_unforcedNames.Concat(_unforcedMetaByNode.Values.SelectMany(v => v)));
            return i => !unforced.Contains(i) || persisted.Contains(i);
        }
    }
}
