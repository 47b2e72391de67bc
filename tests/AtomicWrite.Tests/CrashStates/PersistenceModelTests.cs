using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>
    /// The two persistence models on hand-made operation sequences (no strace): what a power cut right after the last
    /// operation may leave under the name "t", which starts out holding "old" (inode 1 in directory 0). The new
    /// content spans two 4 KiB blocks, so that a half-persisted write shows.
    /// </summary>
    public sealed class PersistenceModelTests
    {
        private const int Dir = 0;
        private const int Old = 1;
        private const int Temp = 2;
        private static readonly byte[] NewContent = Encoding.ASCII.GetBytes(new string('n', CrashPlan.Block + 100));
        private static readonly byte[] OldContent = Encoding.ASCII.GetBytes("old");

        public static TheoryData<string, PersistenceModel, string> Cases => new()
        {
            // sequence, model, what "t" may hold after a power cut at the end (sorted, space-separated)
            { "temp fsync rename dirsync", PersistenceModel.Journaled, "new" },
            { "temp fsync rename dirsync", PersistenceModel.Weak, "new" },

            // No directory fsync: the rename may be lost, never half-done.
            { "temp fsync rename", PersistenceModel.Journaled, "new old" },
            { "temp fsync rename", PersistenceModel.Weak, "new old" },

            // No file fsync: the directory fsync commits the rename. Journaled: the appended data goes with its size.
            // Weak: the size may persist without the data (zeros), or not at all (empty), or half the blocks.
            { "temp rename dirsync", PersistenceModel.Journaled, "new" },
            { "temp rename dirsync", PersistenceModel.Weak, "empty half new zeros" },

            // An fsync of another file commits all metadata before it in the journal, not in the weak model.
            { "temp fsync rename othersync", PersistenceModel.Journaled, "new" },
            { "temp fsync rename othersync", PersistenceModel.Weak, "new old" },

            // In place: truncate then write, no fsync. Journaled: the size comes back only with its data.
            { "truncate write", PersistenceModel.Journaled, "empty new old" },
            { "truncate write", PersistenceModel.Weak, "empty half new old zeros" },
            { "truncate write fsync", PersistenceModel.Journaled, "new" },
            { "truncate write fsync", PersistenceModel.Weak, "new" },

            // Unlinking the name: one operation, persisted or not.
            { "unlink", PersistenceModel.Journaled, "missing old" },
            { "unlink", PersistenceModel.Weak, "missing old" },
            { "unlink dirsync", PersistenceModel.Weak, "missing" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void A_power_cut_leaves_what_the_model_allows(string sequence, PersistenceModel model, string expected)
        {
            var ops = Ops(sequence).ToList();
            var plan = new CrashPlan(model, Initial(), ops, ops.Count, new Random(1));

            var atEnd = Every(plan).Select(image => Label(image.Find("t"))).Distinct().OrderBy(l => l, StringComparer.Ordinal);

            Assert.True(plan.Exhaustive);
            Assert.Equal(expected, string.Join(" ", atEnd));
        }

        [Fact]
        public void The_journaled_model_keeps_metadata_in_program_order_and_the_weak_model_does_not()
        {
            // unlink t, then create u: journaled never keeps u without the unlink before it; weak may.
            var ops = new List<FsOp>
            {
                new UnlinkOp(Dir, "t"),
                new CreateOp(Dir, "u", Temp, false, 0x180, 0, 0),
            };
            bool UWithoutUnlink(PersistenceModel model) =>
                Every(new CrashPlan(model, Initial(), ops, ops.Count, new Random(1))).Any(image => image.Find("u") != null && image.Find("t") != null);

            Assert.False(UWithoutUnlink(PersistenceModel.Journaled));
            Assert.True(UWithoutUnlink(PersistenceModel.Weak));
        }

        /// <summary>Every state the plan allows: each combination of its choices.</summary>
        private static IEnumerable<FsImage> Every(CrashPlan plan)
        {
            var choice = new int[plan.Radix.Count];
            while (true)
            {
                yield return plan.Build(choice);
                var i = 0;
                while (i < choice.Length && ++choice[i] == plan.Radix[i])
                {
                    choice[i++] = 0;
                }

                if (i == choice.Length)
                {
                    yield break;
                }
            }
        }

        private static FsImage Initial()
        {
            var root = new Inode(true, 0x1ED, 0, 0);
            root.Entries["t"] = Old;
            var old = new Inode(false, 0x180, 0, 0);
            old.Resize(OldContent.Length);
            old.Put(0, OldContent);
            return new FsImage(Dir, new Dictionary<int, Inode> { [Dir] = root, [Old] = old });
        }

        private static IEnumerable<FsOp> Ops(string sequence)
        {
            foreach (var step in sequence.Split(' '))
            {
                switch (step)
                {
                    case "temp":
                        yield return new CreateOp(Dir, "t.tmp", Temp, false, 0x180, 0, 0);
                        yield return new WriteOp(Temp, 0, NewContent, 0, NewContent.Length);
                        break;
                    case "fsync":
                        yield return new SyncOp(sequence.StartsWith("temp", StringComparison.Ordinal) ? Temp : Old, false);
                        break;
                    case "rename":
                        yield return new RenameOp(Dir, "t.tmp", Dir, "t");
                        break;
                    case "dirsync":
                        yield return new SyncOp(Dir, false);
                        break;
                    case "othersync":
                        yield return new CreateOp(Dir, "other", 9, false, 0x180, 0, 0);
                        yield return new SyncOp(9, false);
                        break;
                    case "truncate":
                        yield return new SizeOp(Old, 0);
                        break;
                    case "write":
                        yield return new WriteOp(Old, 0, NewContent, 0, NewContent.Length);
                        break;
                    case "unlink":
                        yield return new UnlinkOp(Dir, "t");
                        break;
                    default:
                        throw new ArgumentException("unknown step " + step);
                }
            }
        }

        private static string Label(Inode? inode)
        {
            if (inode is null)
            {
                return "missing";
            }

            var content = inode.Content;
            if (content.AsSpan().SequenceEqual(NewContent))
            {
                return "new";
            }

            if (content.AsSpan().SequenceEqual(OldContent))
            {
                return "old";
            }

            return content.Length == 0 ? "empty" : Array.TrueForAll(content, b => b == 0) ? "zeros" : "half";
        }
    }
}
