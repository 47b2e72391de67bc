using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace AtomicWrite.TestChild
{
    /// <summary>What a workload does to the files, which decides what a crash state may show.</summary>
    public enum WorkloadKind
    {
        /// <summary>Saves versions 1..n in turn; the loader must give the newest returned one or a later one.</summary>
        Save,

        /// <summary>Loads a damaged file whose backup holds version 0; the loader restores it.</summary>
        Restore,

        /// <summary>Copies the file "source.json" (version n) over the target.</summary>
        Copy,

        /// <summary>Deletes the target and its backups: afterwards only "not found" is allowed.</summary>
        Delete,
    }

    /// <summary>A file the parent creates before the traced child runs (the state a power cut starts from).</summary>
    public sealed record InitialFile(string Name, string Content, int Mode, int Uid);

    /// <summary>
    /// One workload of the crash-state explorer. The parent (the test) creates <see cref="Initial"/> in the workload's
    /// directory, the child runs <see cref="Run"/> under strace, and each completed operation is announced on the
    /// marker descriptor. Versions: index 0 is the target's initial content (null: no file), 1..n what the workload
    /// saves; <see cref="Older"/> are the versions the initial backups hold (newest first).
    /// </summary>
    public sealed class CrashWorkload
    {
        /// <summary>The owner the initial target gets when the explorer runs as root: saves must keep it.</summary>
        public const int OtherUid = 1000;

        public const string TargetName = "state.json";

        private readonly Action<string, CrashWorkload, Action<int>> _run;

        private CrashWorkload(string name, string method, string durability, WorkloadKind kind, int backupCount, string targetPath, IReadOnlyList<string?> versions, IReadOnlyList<string> older, IReadOnlyList<InitialFile> initial, Action<string, CrashWorkload, Action<int>> run)
        {
            Name = name;
            Method = method;
            Durability = durability;
            Kind = kind;
            BackupCount = backupCount;
            TargetPath = targetPath;
            Versions = versions;
            Older = older;
            Initial = initial;
            _run = run;
        }

        public string Name { get; }

        /// <summary>"AtomicFile", or the hand-rolled save it stands for.</summary>
        public string Method { get; }

        /// <summary>The <see cref="AtomicWrite.Durability"/> name, or "-" for a hand-rolled save.</summary>
        public string Durability { get; }

        public WorkloadKind Kind { get; }

        public int BackupCount { get; }

        /// <summary>The target, relative to the workload's directory.</summary>
        public string TargetPath { get; }

        public IReadOnlyList<string?> Versions { get; }

        public IReadOnlyList<string> Older { get; }

        public IReadOnlyList<InitialFile> Initial { get; }

        public string Id => Name + "/" + Durability;

        public AtomicWriteOptions Options => new AtomicWriteOptions
        {
            BackupCount = BackupCount,
            Durability = Durability == "-" ? AtomicWrite.Durability.Full : (AtomicWrite.Durability)Enum.Parse(typeof(AtomicWrite.Durability), Durability),
        };

        /// <summary>All workloads, in the order the child runs them.</summary>
        public static IReadOnlyList<CrashWorkload> All { get; } = Build();

        /// <summary>A version: its number, a padding in the version's letter that shows a mix of two versions, and the
        /// padding's length, which shows a truncation.</summary>
        public static string Document(int version, int size)
        {
            var head = "{\"version\":" + version.ToString(CultureInfo.InvariantCulture) + ",\"padding\":\"";
            var letter = (char)('a' + ((version + 26) % 26));
            var padding = Math.Max(1, size - head.Length - 40);
            return head + new string(letter, padding) + "\",\"length\":" + padding.ToString(CultureInfo.InvariantCulture) + "}";
        }

        /// <summary>The validator the loader gets: a whole document, not a prefix, a mix or zeros.</summary>
        public static bool IsWholeDocument(string text)
        {
            const string Head = "{\"version\":";
            var padStart = text.IndexOf(",\"padding\":\"", StringComparison.Ordinal);
            var lengthStart = text.LastIndexOf("\",\"length\":", StringComparison.Ordinal);
            if (!text.StartsWith(Head, StringComparison.Ordinal) || padStart < 0 || lengthStart < padStart || !text.EndsWith("}", StringComparison.Ordinal))
            {
                return false;
            }

            var padding = text.Substring(padStart + 12, lengthStart - padStart - 12);
            var declared = text.Substring(lengthStart + 11, text.Length - lengthStart - 12);
            return int.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                && padding.Length == length && padding.Length > 0 && padding.All(c => c == padding[0]);
        }

        public void Run(string directory, Action<int> returned) => _run(directory, this, returned);

        public string Target(string directory) => Path.Combine(directory, TargetPath);

        private static IReadOnlyList<CrashWorkload> Build()
        {
            var small = 300;
            var large = 70 * 1024; // over 64 KiB: several writes and many 4 KiB blocks
            var list = new List<CrashWorkload>();
            foreach (var durability in new[] { "Full", "FileOnly", "None" })
            {
                list.Add(Save("first-save", durability, 1, TargetName, MakeVersions(null, 1, small), Array.Empty<string>(), Array.Empty<InitialFile>(), SaveEach));
                list.Add(Save("first-save-in-new-directory", durability, 1, "config/" + TargetName, MakeVersions(null, 1, small), Array.Empty<string>(), Array.Empty<InitialFile>(), (d, w, r) =>
                {
                    var created = Directory.CreateDirectory(Path.Combine(d, "config")).Parent!.FullName;
                    SyncDirectory(created); // the caller's duty: a directory it creates is durable only once its parent is synced
                    SaveEach(d, w, r);
                }));
                list.Add(Save("overwrite-backup-1", durability, 1, TargetName, MakeVersions(0, 1, large), MakeOlder(1, small), MakeInitial(1), SaveEach));
                list.Add(Save("overwrite-backup-3", durability, 3, TargetName, MakeVersions(0, 1, large), MakeOlder(3, small), MakeInitial(3), SaveEach));
                list.Add(Save("three-saves", durability, 1, TargetName, MakeVersions(0, 3, small), MakeOlder(1, small), MakeInitial(1), SaveEach));
                list.Add(Save("streaming-save", durability, 1, TargetName, MakeVersions(0, 1, large), MakeOlder(1, small), MakeInitial(1), (d, w, r) =>
                {
                    using (var stream = AtomicFile.Create(w.Target(d), w.Options))
                    {
                        var bytes = System.Text.Encoding.UTF8.GetBytes(w.Versions[1]!);
                        for (var offset = 0; offset < bytes.Length; offset += 8192)
                        {
                            stream.Write(bytes, offset, Math.Min(8192, bytes.Length - offset));
                        }

                        stream.Commit();
                    }

                    r(1);
                }));
                list.Add(new CrashWorkload(
                    "restore-from-backup", "AtomicFile", durability, WorkloadKind.Restore, 1, TargetName, new string?[] { Document(0, small) }, Array.Empty<string>(),
                    new[] { new InitialFile(TargetName, Document(1, large).Substring(0, large / 2), 0x1A0, OtherUid), new InitialFile(TargetName + ".bak", Document(0, small), 0x1A0, OtherUid) },
                    (d, w, r) =>
                    {
                        AtomicFile.Load(w.Target(d), (string text) => IsWholeDocument(text) ? text : throw new FormatException("not a whole document"), w.Options);
                        r(1);
                    }));
                list.Add(new CrashWorkload(
                    "copy-over-existing", "AtomicFile", durability, WorkloadKind.Copy, 1, TargetName, MakeVersions(0, 1, large), MakeOlder(1, small),
                    MakeInitial(1).Concat(new[] { new InitialFile("source.json", Document(1, large), 0x180, 0) }).ToList(),
                    (d, w, r) =>
                    {
                        AtomicFile.Copy(Path.Combine(d, "source.json"), w.Target(d), w.Options);
                        r(1);
                    }));
                list.Add(new CrashWorkload(
                    "delete", "AtomicFile", durability, WorkloadKind.Delete, 2, TargetName, MakeVersions(0, 0, small), MakeOlder(2, small), MakeInitial(2),
                    (d, w, r) =>
                    {
                        AtomicFile.Delete(w.Target(d), w.Options);
                        r(1);
                    }));
            }

            // The caller skipped its duty: the new directory's name is not synced into its parent.
            list.Add(Save("first-save-in-new-directory-unsynced", "Full", 1, "config/" + TargetName, MakeVersions(null, 1, small), Array.Empty<string>(), Array.Empty<InitialFile>(), (d, w, r) =>
            {
                Directory.CreateDirectory(Path.Combine(d, "config"));
                SaveEach(d, w, r);
            }));

            // Hand-rolled saves the explorer must catch, each with the flaw it stands for.
            list.Add(Broken("in-place File.WriteAllText", "broken-in-place", Array.Empty<string>(), MakeInitial(0), (d, w, r) =>
            {
                File.WriteAllText(w.Target(d), w.Versions[1]);
                r(1);
            }));
            list.Add(Broken("temp + File.Move, no Flush(true)", "broken-move-unflushed", Array.Empty<string>(), MakeInitial(0), (d, w, r) =>
            {
                var temp = w.Target(d) + ".tmp";
                File.WriteAllText(temp, w.Versions[1]);
                File.Move(temp, w.Target(d), overwrite: true);
                r(1);
            }));
            list.Add(Broken("temp + Flush(true) + File.Move, no directory fsync", "broken-move-no-directory-sync", Array.Empty<string>(), MakeInitial(0), (d, w, r) =>
            {
                var temp = WriteFlushedTemp(w.Target(d), w.Versions[1]!);
                File.Move(temp, w.Target(d), overwrite: true);
                r(1);
            }));
            list.Add(Broken("File.Copy to .bak without fsync, then a durable save", "broken-unsynced-backup", MakeOlder(1, small), MakeInitial(1), (d, w, r) =>
            {
                File.Copy(w.Target(d), w.Target(d) + ".bak", overwrite: true);
                var temp = WriteFlushedTemp(w.Target(d), w.Versions[1]!);
                File.Move(temp, w.Target(d), overwrite: true);
                SyncDirectory(d);
                r(1);
            }));
            list.Add(Broken("temp + Flush(true) + File.Replace(temp, target, .bak)", "file-replace", MakeOlder(1, small), MakeInitial(1), (d, w, r) =>
            {
                var temp = WriteFlushedTemp(w.Target(d), w.Versions[1]!);
                File.Replace(temp, w.Target(d), w.Target(d) + ".bak");
                r(1);
            }));
            return list;
        }


        private static CrashWorkload Save(string name, string durability, int backupCount, string target, IReadOnlyList<string?> versions, IReadOnlyList<string> older, IReadOnlyList<InitialFile> initial, Action<string, CrashWorkload, Action<int>> run) =>
            new CrashWorkload(name, "AtomicFile", durability, WorkloadKind.Save, backupCount, target, versions, older, initial, run);

        private static CrashWorkload Broken(string method, string name, IReadOnlyList<string> older, IReadOnlyList<InitialFile> initial, Action<string, CrashWorkload, Action<int>> run) =>
            new CrashWorkload(name, method, "-", WorkloadKind.Save, 1, TargetName, MakeVersions(0, 1, 70 * 1024), older, initial, run);

        private static IReadOnlyList<string?> MakeVersions(int? initial, int saves, int lastSize)
        {
            var versions = new List<string?> { initial is null ? null : Document(0, 300) };
            for (var v = 1; v <= saves; v++)
            {
                versions.Add(Document(v, v == saves ? lastSize : 300));
            }

            return versions;
        }

        private static IReadOnlyList<string> MakeOlder(int count, int size) =>
            Enumerable.Range(1, count).Select(g => Document(-g, size)).ToList();

        /// <summary>The target holds version 0 (mode 0640, owned by another user) and each backup generation an older one.</summary>
        private static IReadOnlyList<InitialFile> MakeInitial(int backups)
        {
            var files = new List<InitialFile> { new InitialFile(TargetName, Document(0, 300), 0x1A0, OtherUid) };
            for (var g = 1; g <= backups; g++)
            {
                var name = g == 1 ? TargetName + ".bak" : TargetName + ".bak." + g.ToString(CultureInfo.InvariantCulture);
                files.Add(new InitialFile(name, Document(-g, 300), 0x1A0, OtherUid));
            }

            return files;
        }

        private static void SaveEach(string directory, CrashWorkload workload, Action<int> returned)
        {
            for (var v = 1; v < workload.Versions.Count; v++)
            {
                AtomicFile.WriteAllText(workload.Target(directory), workload.Versions[v], workload.Options);
                returned(v);
            }
        }

        private static string WriteFlushedTemp(string target, string content)
        {
            var temp = target + ".tmp";
            using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write);
            var bytes = System.Text.Encoding.UTF8.GetBytes(content);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(flushToDisk: true);
            return temp;
        }

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int Open(string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        private static extern int FSync(int fd);

        [DllImport("libc", EntryPoint = "close")]
        private static extern int Close(int fd);

        /// <summary>What .NET has no API for: fsync of a directory, so that the names in it survive a power cut.</summary>
        public static void SyncDirectory(string directory)
        {
            var fd = Open(directory, 0 /* O_RDONLY: enough to fsync a directory */);
            if (fd < 0 || FSync(fd) != 0)
            {
                throw new IOException("fsync of " + directory + " failed: errno " + Marshal.GetLastWin32Error());
            }

            Close(fd);
        }
    }
}
