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
    /// seed (each crash point's "least" and "most" persisted states always, then random ones). States that leave the
    /// same visible files (temp names normalized) after the same number of returned operations are one.
    /// </summary>
    public sealed class StateSpace
    {
        private static readonly Regex TempName = new Regex(@"\.[0-9]{1,10}\.[0-9a-f]{16}\.tmp$", RegexOptions.CultureInvariant);

        public StateSpace(PersistenceModel model, WorkloadTrace trace, int cap, int seed)
        {
            Model = model;
            Seed = seed;
            var random = new Random(seed);
            var plans = Enumerable.Range(0, trace.Ops.Count + 1).Select(p => new CrashPlan(model, trace.Initial, trace.Ops, p, random)).ToList();
            RawCount = plans.Sum(p => p.Count);
            Exhaustive = RawCount <= cap && plans.All(p => p.Exhaustive);
            var distinct = new Dictionary<string, CrashState>(StringComparer.Ordinal);
            foreach (var (plan, choice) in Choices(plans, cap, random))
            {
                Explored++;
                var image = plan.Build(choice);
                var key = plan.Returned + "|" + Key(image);
                if (!distinct.ContainsKey(key))
                {
                    distinct[key] = new CrashState(plan.Point, plan.Returned, image, key);
                }
            }

            States = distinct.Values.ToList();
        }

        public PersistenceModel Model { get; }

        public int Seed { get; }

        /// <summary>How many states the model allows (before removing duplicates).</summary>
        public double RawCount { get; }

        public bool Exhaustive { get; }

        public int Explored { get; }

        public IReadOnlyList<CrashState> States { get; }

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

            foreach (var plan in plans)
            {
                yield return (plan, new int[plan.Radix.Count]);
                yield return (plan, plan.Radix.Select(r => r - 1).ToArray());
            }

            for (var sample = 2 * plans.Count; sample < cap; sample++)
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
