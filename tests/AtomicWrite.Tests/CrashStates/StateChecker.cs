using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using AtomicWrite.TestChild;
using AtomicWrite.Tests.Infrastructure;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>
    /// Writes a crash state to a real directory (names, hard links, content, modes, owners), runs the loader on it in
    /// this process (<c>ReadAllText</c>, and <c>Load</c> with a parser that validates) and names what went wrong:
    /// torn, empty, zeros (a loader outcome that is no whole version), undone (an older version or not found after an
    /// operation returned), resurrected (a backup's version after a delete), backup (.bak not the previous version
    /// whole after a save returned and was kept), widened (a file with data readable by someone the target did not
    /// allow), source (Copy changed its source), exception (the loader threw something undocumented), threw (the loader
    /// gave up although the target or a backup held a whole version).
    /// </summary>
    public sealed class StateChecker
    {
        private readonly CrashWorkload _workload;
        private readonly string _directory;
        private readonly AtomicWriteOptions _loaderOptions;
        private readonly (int Mode, int Uid, int Gid) _allowed;

        public StateChecker(CrashWorkload workload, string directory, int umask)
        {
            _workload = workload;
            _directory = directory;

            // The loader's own restore need not be durable here: what it writes is checked, not whether it survives.
            // A restore starts from a truncated document that only a validator can tell from a whole one.
            _loaderOptions = new AtomicWriteOptions
            {
                BackupCount = workload.BackupCount,
                Durability = Durability.None,
                Validate = workload.Kind == WorkloadKind.Restore ? bytes => CrashWorkload.IsWholeDocument(Encoding.UTF8.GetString(bytes.Span)) : null,
            };
            var target = workload.Initial.FirstOrDefault(f => f.Name == workload.TargetPath);
            _allowed = target is null ? (0x1B6 & ~umask, 0, 0) : (target.Mode, Owner(target.Uid), Owner(target.Uid));
        }

        /// <summary>The owner an initial file gets: another user's only when we may give files away.</summary>
        public static int Owner(int uid) => Posix.GetEuid() == 0 ? uid : (int)Posix.GetEuid();

        public List<(string Kind, string Detail)> Check(CrashState state)
        {
            var problems = new List<(string, string)>();
            Materialize(state.Image);
            var target = Path.Combine(_directory, _workload.TargetPath);
            var raw = state.Image.Find(_workload.TargetPath);
            foreach (var (name, outcome) in new[] { ("ReadAllText", Run(() => AtomicFile.ReadAllText(target, _loaderOptions))), ("Load", Run(() => AtomicFile.Load(target, Parse, _loaderOptions))) })
            {
                var kind = Judge(outcome, state.Returned, raw);
                if (kind != null)
                {
                    problems.Add((kind, name + " gave " + Describe(outcome)));
                }

                // After a delete, giving up is the right answer; anywhere else a whole version was there to return.
                var survivor = _workload.Kind == WorkloadKind.Delete ? null : SurvivingVersion(state.Image);
                if (outcome is Exception && survivor != null)
                {
                    problems.Add(("threw", name + " threw " + Describe(outcome) + " although " + survivor));
                }
            }

            CheckBackup(state, problems);
            CheckSource(state, problems);
            CheckPermissions(state, problems);
            return problems;
        }

        /// <summary>A version's label: "v2", "v-1" (an older backup), or what the bytes are.</summary>
        public string Label(byte[] bytes)
        {
            var text = Encoding.UTF8.GetString(bytes);
            var index = VersionOf(text);
            if (index != null)
            {
                return "v" + index.Value;
            }

            return bytes.Length == 0 ? "empty" : Array.TrueForAll(bytes, b => b == 0) ? $"zeros({bytes.Length})" : $"torn({bytes.Length} bytes)";
        }

        /// <summary>The first of the target and its backups that holds a whole version, as "name holds vN".</summary>
        private string? SurvivingVersion(FsImage image)
        {
            var names = new List<string> { _workload.TargetPath, _workload.TargetPath + ".bak" };
            for (var g = 2; g <= _workload.BackupCount; g++)
            {
                names.Add(_workload.TargetPath + ".bak." + g);
            }

            foreach (var name in names)
            {
                var inode = image.Find(name);
                if (inode != null && !inode.IsDirectory && VersionOf(Encoding.UTF8.GetString(inode.Content)) != null)
                {
                    return name + " holds " + Label(inode.Content);
                }
            }

            return null;
        }

        private static string Parse(string text) =>
            CrashWorkload.IsWholeDocument(text) ? text : throw new FormatException("not a whole document");

        private static object Run(Func<string> load)
        {
            try
            {
                return load();
            }
            catch (Exception e)
            {
                return e;
            }
        }

        private string Describe(object outcome) => outcome switch
        {
            string text => Label(Encoding.UTF8.GetBytes(text)),
            Exception e => e.GetType().Name,
            _ => "?",
        };

        private string? Judge(object outcome, int returned, Inode? rawTarget)
        {
            var versions = _workload.Versions;
            switch (outcome)
            {
                case FileNotFoundException or DirectoryNotFoundException:
                    return NotFoundAllowed(returned) ? null : "undone";
                case AtomicFileCorruptedException:
                    return rawTarget is null ? "undone" : KindOfBad(rawTarget.Content);
                case Exception e:
                    return "exception: " + e.GetType().Name;
            }

            var text = (string)outcome;
            var version = VersionOf(text);
            if (version is null)
            {
                return KindOfBad(Encoding.UTF8.GetBytes(text));
            }

            var v = version.Value;
            switch (_workload.Kind)
            {
                case WorkloadKind.Delete:
                    return v < 0 ? "resurrected" : returned > 0 ? "undone" : null;
                case WorkloadKind.Restore:
                    return v == 0 ? null : "undone";
                default:
                    return v >= returned ? null : "undone";
            }
        }

        private bool NotFoundAllowed(int returned) => _workload.Kind switch
        {
            WorkloadKind.Delete => true,
            WorkloadKind.Restore => false,
            _ => _workload.Versions[0] is null && returned == 0,
        };

        private static string KindOfBad(byte[] bytes) =>
            bytes.Length == 0 ? "empty" : Array.TrueForAll(bytes, b => b == 0) ? "zeros" : "torn";

        private int? VersionOf(string text)
        {
            for (var v = 0; v < _workload.Versions.Count; v++)
            {
                if (_workload.Versions[v] == text)
                {
                    return _workload.Kind == WorkloadKind.Delete ? 0 : v;
                }
            }

            for (var g = 0; g < _workload.Older.Count; g++)
            {
                if (_workload.Older[g] == text)
                {
                    return -(g + 1);
                }
            }

            return null;
        }

        // After save r returned, .bak holds the version before it (or a later one, if the next save rotated already).
        private void CheckBackup(CrashState state, List<(string, string)> problems)
        {
            var r = state.Returned;
            var keepsBackups = _workload.Method == "AtomicFile" || _workload.Initial.Any(f => f.Name == _workload.TargetPath + ".bak");
            if (!keepsBackups || _workload.Kind is not (WorkloadKind.Save or WorkloadKind.Copy) || r < 1 || _workload.BackupCount < 1 || _workload.Versions[r - 1] is null)
            {
                return;
            }

            // A save undone whole takes its rotation with it ("undone"); "backup" is the save kept and the version
            // before it lost.
            var target = state.Image.Find(_workload.TargetPath);
            var current = target is null ? null : VersionOf(Encoding.UTF8.GetString(target.Content));
            if (current is null || current < r)
            {
                return;
            }

            var backup = state.Image.Find(_workload.TargetPath + ".bak");
            var version = backup is null ? null : VersionOf(Encoding.UTF8.GetString(backup.Content));
            if (version is null || version < r - 1)
            {
                problems.Add(("backup", ".bak is " + (backup is null ? "missing" : Label(backup.Content)) + " after save " + r + " returned, the target " + Label(target!.Content)));
            }
        }

        private void CheckSource(CrashState state, List<(string, string)> problems)
        {
            if (_workload.Kind != WorkloadKind.Copy)
            {
                return;
            }

            var initial = _workload.Initial.Single(f => f.Name == "source.json");
            var source = state.Image.Find("source.json");
            if (source is null || Encoding.UTF8.GetString(source.Content) != initial.Content || source.Mode != initial.Mode)
            {
                problems.Add(("source", "source.json is " + (source is null ? "missing" : Label(source.Content))));
            }
        }

        // Who may read a file holding data (root aside): its owner, its group, everyone, by the read bits.
        private void CheckPermissions(CrashState state, List<(string, string)> problems)
        {
            foreach (var (path, _, inode) in state.Image.Walk())
            {
                if (inode.IsDirectory || path == "source.json" || Array.TrueForAll(inode.Content, b => b == 0))
                {
                    continue;
                }

                if (Widens(inode.Mode, inode.Uid, inode.Gid))
                {
                    problems.Add(("widened", path + " is " + Convert.ToString(inode.Mode, 8) + " " + inode.Uid + ":" + inode.Gid + " and holds " + Label(inode.Content)));
                }

                var onDisk = Path.Combine(_directory, path);
                if (File.Exists(onDisk) && Widens((int)File.GetUnixFileMode(onDisk), inode.Uid, inode.Gid))
                {
                    problems.Add(("widened", path + " on disk after the loader is " + Convert.ToString((int)File.GetUnixFileMode(onDisk), 8)));
                }
            }

            var restoredMode = Path.Combine(_directory, _workload.TargetPath);
            if (File.Exists(restoredMode) && (int)File.GetUnixFileMode(restoredMode) is var mode && Widens(mode, _allowed.Uid, _allowed.Gid))
            {
                problems.Add(("widened", "the target after the loader is " + Convert.ToString(mode, 8)));
            }
        }

        private bool Widens(int mode, int uid, int gid)
        {
            var (allowedMode, allowedUid, allowedGid) = _allowed;
            var everyone = (allowedMode & 0x4) != 0;
            if ((mode & 0x4) != 0 && !everyone)
            {
                return true;
            }

            if ((mode & 0x20) != 0 && !everyone && !(gid == allowedGid && (allowedMode & 0x20) != 0))
            {
                return true;
            }

            return (mode & 0x100) != 0 && uid != 0 && !everyone && !(uid == allowedUid && (allowedMode & 0x100) != 0);
        }

        private void Materialize(FsImage image)
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }

            Directory.CreateDirectory(_directory);
            var written = new Dictionary<int, string>();
            foreach (var (path, node, inode) in image.Walk())
            {
                var full = Path.Combine(_directory, path);
                if (inode.IsDirectory)
                {
                    Directory.CreateDirectory(full);
                    continue;
                }

                if (written.TryGetValue(node, out var first))
                {
                    if (Link(first, full) != 0)
                    {
                        throw new IOException("link failed: errno " + Marshal.GetLastWin32Error());
                    }

                    continue;
                }

                File.WriteAllBytes(full, inode.Content);
                File.SetUnixFileMode(full, (UnixFileMode)(inode.Mode & 0x1FF));
                if (Posix.GetEuid() == 0)
                {
                    Posix.Chown(full, (uint)inode.Uid, (uint)inode.Gid);
                }

                written[node] = full;
            }
        }

        [DllImport("libc", EntryPoint = "link", SetLastError = true)]
        private static extern int Link(string existing, string newPath);
    }
}
