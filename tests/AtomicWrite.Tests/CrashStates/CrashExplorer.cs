using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AtomicWrite.TestChild;
using AtomicWrite.Tests.Infrastructure;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>What one workload gave under one model.</summary>
    public sealed class ExplorationResult
    {
        public ExplorationResult(CrashWorkload workload, PersistenceModel model, int operations, StateSpace space, TimeSpan time)
        {
            Workload = workload;
            Model = model;
            Operations = operations;
            Space = space;
            Time = time;
        }

        public CrashWorkload Workload { get; }

        public PersistenceModel Model { get; }

        public int Operations { get; }

        public StateSpace Space { get; }

        public TimeSpan Time { get; }

        /// <summary>Violations by kind: how many distinct states, and the first one's description.</summary>
        public SortedDictionary<string, (int Count, string Example)> Violations { get; } = new SortedDictionary<string, (int, string)>(StringComparer.Ordinal);

        public string Line() => string.Format(
            CultureInfo.InvariantCulture,
            "{0,-38} {1,-9} {2,-9} ops {3,3}  states {4,9:0} {5,-11} explored {6,5}  distinct {7,4}  {8,6:0.0} s  {9}",
            Workload.Name,
            Workload.Durability,
            Model,
            Operations,
            Space.RawCount,
            Space.Exhaustive ? "exhaustive" : "sampled",
            Space.Explored,
            Space.Distinct,
            Time.TotalSeconds,
            Violations.Count == 0 ? "0 violations" : string.Join(", ", Violations.Select(v => v.Key + " " + v.Value.Count)));
    }

    /// <summary>
    /// Runs every workload once in a child under strace, rebuilds its operations, and checks every crash state both
    /// persistence models allow (or a seeded sample past <c>ATOMICWRITE_CRASH_STATES</c> states per workload and
    /// model). Fails, never skips, without strace: the crash-state check is part of the suite.
    /// </summary>
    public sealed class CrashExplorer : IDisposable
    {
        public const int DefaultCap = 200;
        public const int DefaultSeed = 22051;

        private const string TracedCalls =
            "trace=open,openat,creat,close,dup,dup2,dup3,fcntl,lseek,write,pwrite64,writev,pwritev,pwritev2,ftruncate,truncate,fallocate," +
            "fsync,fdatasync,sync_file_range,sync,syncfs,rename,renameat,renameat2,link,linkat,unlink,unlinkat,rmdir,mkdir,mkdirat," +
            "fchmod,fchmodat,chmod,fchown,fchownat,chown,lchown,copy_file_range,sendfile,ioctl";

        private readonly TempDirectory _directory = new TempDirectory();

        public CrashExplorer()
        {
            Cap = EnvironmentNumber("ATOMICWRITE_CRASH_STATES", DefaultCap);
            Seed = EnvironmentNumber("ATOMICWRITE_CRASH_SEED", DefaultSeed);
            if (!Tools.Has("strace"))
            {
                Problem = "strace is not installed: the crash states cannot be explored (install strace; this check never skips)";
                return;
            }

            var watch = Stopwatch.StartNew();
            var traces = Trace();
            TraceTime = watch.Elapsed;
            foreach (var trace in traces.OrderBy(t => t.Index))
            {
                var workload = CrashWorkload.All[trace.Index];
                foreach (var model in new[] { PersistenceModel.Journaled, PersistenceModel.Weak })
                {
                    Results.Add(Explore(workload, trace, model));
                }
            }

            TotalTime = watch.Elapsed;
            WriteReport();
        }

        public int Cap { get; }

        public int Seed { get; }

        public string? Problem { get; }

        public TimeSpan TraceTime { get; private set; }

        public TimeSpan TotalTime { get; private set; }

        public List<ExplorationResult> Results { get; } = new List<ExplorationResult>();

        public string Report()
        {
            var text = new StringBuilder();
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "crash states: {0} workloads x 2 models, cap {1} per workload and model, seed {2}; trace {3:0.0} s, total {4:0.0} s",
                Results.Count / 2, Cap, Seed, TraceTime.TotalSeconds, TotalTime.TotalSeconds));
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "states explored {0}, distinct {1}", Results.Sum(r => r.Space.Explored), Results.Sum(r => r.Space.Distinct)));
            foreach (var result in Results)
            {
                text.AppendLine(result.Line());
                foreach (var violation in result.Violations)
                {
                    text.AppendLine("    " + violation.Key + ": " + violation.Value.Example);
                }
            }

            return text.ToString();
        }

        public void Dispose() => _directory.Dispose();

        private List<WorkloadTrace> Trace()
        {
            var baseDirectory = Path.Combine(_directory.Path, "w");
            var owners = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
            for (var i = 0; i < CrashWorkload.All.Count; i++)
            {
                var directory = Path.Combine(baseDirectory, i.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(directory);
                foreach (var file in CrashWorkload.All[i].Initial)
                {
                    var path = Path.Combine(directory, file.Name);
                    File.WriteAllText(path, file.Content);
                    File.SetUnixFileMode(path, (UnixFileMode)file.Mode);
                    var owner = StateChecker.Owner(file.Uid);
                    if (Posix.GetEuid() == 0)
                    {
                        Posix.Chown(path, (uint)owner, (uint)owner);
                    }

                    owners[path] = (owner, owner);
                }
            }

            var (umask, uid, gid) = ProcessCredentials();
            var marker = Path.Combine(_directory.Path, "marks");
            var log = Path.Combine(_directory.Path, "strace.txt");
            // The model reads the starting state now, before the child changes it.
            var model = new TraceModel(baseDirectory, marker, umask, uid, gid, path => owners.TryGetValue(path, out var o) ? o : (uid, gid));
            var lines = Child.Run(
                new[] { "crash-workloads", baseDirectory, marker },
                new[] { "strace", "-f", "-y", "-qq", "-s", "16777216", "-e", TracedCalls, "-o", log },
                timeoutSeconds: 300);
            if (!lines.Contains("done"))
            {
                throw new InvalidOperationException("the workloads failed: " + string.Join(Environment.NewLine, lines));
            }

            model.Replay(StraceLog.Parse(log));
            File.Delete(log);
            if (model.Workloads.Count != CrashWorkload.All.Count)
            {
                throw new InvalidOperationException($"the trace holds {model.Workloads.Count} workloads, not {CrashWorkload.All.Count}");
            }

            return model.Workloads.Values.ToList();
        }

        private ExplorationResult Explore(CrashWorkload workload, WorkloadTrace trace, PersistenceModel model)
        {
            var watch = Stopwatch.StartNew();
            var space = new StateSpace(model, trace, Cap, Seed);
            var checker = new StateChecker(workload, Path.Combine(_directory.Path, "state"), ProcessCredentials().Umask);
            var violations = new SortedDictionary<string, (int Count, string Example)>(StringComparer.Ordinal);
            space.Explore(state =>
            {
                var problems = checker.Check(state);
                foreach (var kind in problems.Select(p => p.Kind).Distinct())
                {
                    var count = violations.TryGetValue(kind, out var seen) ? seen.Count : 0;
                    var example = count > 0 ? seen.Example : Describe(trace, state, checker, problems.First(p => p.Kind == kind).Detail);
                    violations[kind] = (count + 1, example);
                }
            });

            var result = new ExplorationResult(workload, model, trace.Ops.Count, space, watch.Elapsed);
            foreach (var violation in violations)
            {
                result.Violations[violation.Key] = violation.Value;
            }

            return result;
        }

        private static string Describe(WorkloadTrace trace, CrashState state, StateChecker checker, string detail)
        {
            var at = state.Point == 0 ? "before the first operation" : "after " + trace.Ops[state.Point - 1].Call;
            var files = string.Join(", ", state.Image.Walk().Where(f => !f.Inode.IsDirectory).Select(f =>
                f.Path + "=" + checker.Label(f.Inode.Content) + " " + Convert.ToString(f.Inode.Mode, 8)));
            return detail + "; crash " + at + " (" + state.Returned + " returned); files: " + (files.Length == 0 ? "none" : files);
        }

        private void WriteReport()
        {
            var path = Environment.GetEnvironmentVariable("ATOMICWRITE_CRASH_REPORT");
            if (!string.IsNullOrEmpty(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Report());
            }
        }

        private static (int Umask, int Uid, int Gid) ProcessCredentials()
        {
            var status = File.ReadAllLines("/proc/self/status");
            string Field(string name) => status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Substring(name.Length + 1).Trim();
            var umask = Convert.ToInt32(Field("Umask"), 8);
            var uid = int.Parse(Field("Uid").Split('\t')[1], CultureInfo.InvariantCulture);
            var gid = int.Parse(Field("Gid").Split('\t')[1], CultureInfo.InvariantCulture);
            return (umask, uid, gid);
        }

        private static int EnvironmentNumber(string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
