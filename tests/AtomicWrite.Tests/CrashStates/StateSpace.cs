using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>One crash state: where the power was cut, what had returned, and the file system left.</summary>
    public sealed record CrashState(int Point, int Returned, FsImage Image, string Key);

    /// <summary>
    /// Every crash state of a workload under a model, or, past <c>cap</c> raw states, a sample drawn with a recorded
    /// seed (each crash point's extremes always, then random ones). States that leave the
    /// same visible files (temp names normalized) after the same number of returned operations are one.
    /// </summary>
    public sealed class StateSpace
    {
        private static readonly Regex TempName = new Regex(@"\.[0-9]{1,10}\.[0-9a-f]{16}\.tmp$", RegexOptions.CultureInvariant);

        private readonly List<CrashPlan> _plans;
        private readonly int _cap;
        private readonly Random _random;

        public StateSpace(PersistenceModel model, WorkloadTrace trace, int cap, int seed)
        {
            Model = model;
            Seed = seed;
            _cap = cap;
            _random = new Random(seed);
            _plans = Enumerable.Range(0, trace.Ops.Count + 1).Select(p => new CrashPlan(model, trace.Initial, trace.Ops, p, _random)).ToList();
            RawCount = _plans.Sum(p => p.Count);
            Exhaustive = RawCount <= cap && _plans.All(p => p.Exhaustive);
        }

        public PersistenceModel Model { get; }

        public int Seed { get; }

        /// <summary>How many states the model allows (before removing duplicates).</summary>
        public double RawCount { get; }

        public bool Exhaustive { get; }

        public int Explored { get; private set; }

        /// <summary>How many of the explored states were distinct.</summary>
        public int Distinct { get; private set; }

        /// <summary>Builds every state (or the sample) once and hands each distinct one to <paramref name="check"/>,
        /// keeping only its key: a state's image can hold several 70 KiB files, and a full run has thousands.</summary>
        public void Explore(Action<CrashState> check)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (plan, choice) in Choices(_plans, _cap, _random))
            {
                Explored++;
                var image = plan.Build(choice);
                var key = plan.Returned + "|" + Key(image);
                if (seen.Add(key))
                {
                    Distinct++;
                    check(new CrashState(plan.Point, plan.Returned, image, key));
                }
            }
        }

        /// <summary>Visible names (temp names normalized) to kind, mode, owner and a hash of the content.</summary>
        public static string Key(FsImage image)
        {
            var parts = new List<string>();
            foreach (var (path, _, inode) in image.Walk())
            {
                var name = TempName.Replace(path, ".#.tmp");
                parts.Add(inode.IsDirectory
                    ? name + "/"
                    : name + ":" + Convert.ToString(inode.Mode, 8) + ":" + inode.Uid + ":" + inode.Gid + ":" + Convert.ToHexString(SHA256.HashData(inode.Content)).Substring(0, 16));
            }

            parts.Sort(StringComparer.Ordinal);
            return string.Join(";", parts);
        }

        private IEnumerable<(CrashPlan, int[])> Choices(List<CrashPlan> plans, int cap, Random random)
        {
            if (Exhaustive)
            {
                foreach (var plan in plans)
                {
                    var choice = new int[plan.Radix.Count];
                    do
                    {
                        yield return (plan, (int[])choice.Clone());
                    }
                    while (Next(choice, plan.Radix));
                }

                yield break;
            }

            // Each crash point's extremes first: nothing or everything persisted, and metadata without data (a size
            // over zeros, a name over an empty file) or data without metadata; right after an operation returned,
            // also everything but one step.
            var drawn = 0;
            foreach (var plan in plans)
            {
                if (plan.RightAfterReturn)
                {
                    foreach (var choice in plan.AllButOne())
                    {
                        drawn++;
                        yield return (plan, choice);
                    }
                }

                var metadata = plan.Radix.Count - plan.BlockCount;
                drawn += 2;
                yield return (plan, new int[plan.Radix.Count]);
                yield return (plan, plan.Radix.Select(r => r - 1).ToArray());
                if (plan.BlockCount > 0)
                {
                    drawn += 2;
                    yield return (plan, plan.Radix.Select((r, i) => i < metadata ? r - 1 : 0).ToArray());
                    yield return (plan, plan.Radix.Select((r, i) => i < metadata ? 0 : 1).ToArray());
                }
            }

            for (var sample = drawn; sample < cap; sample++)
            {
                var plan = plans[random.Next(plans.Count)];
                var choice = plan.Radix.Select(r => random.Next(r)).ToArray();
                foreach (var (first, count) in plan.BlockGroups())
                {
                    var mode = random.Next(3); // all blocks of the write, none, or each at random
                    for (var b = first; b < first + count; b++)
                    {
                        choice[b] = mode == 0 ? 1 : mode == 1 ? 0 : random.Next(2);
                    }
                }

                yield return (plan, choice);
            }
        }

        private static bool Next(int[] choice, IReadOnlyList<int> radix)
        {
            for (var i = 0; i < choice.Length; i++)
            {
                if (++choice[i] < radix[i])
                {
                    return true;
                }

                choice[i] = 0;
            }

            return false;
        }
    }
}
