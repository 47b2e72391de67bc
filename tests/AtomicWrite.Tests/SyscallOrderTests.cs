using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AtomicWrite.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace AtomicWrite.Tests
{
    /// <summary>
    /// The durable order, seen from the kernel (strace -f -y): exclusive no-follow create of the temp, its final
    /// mode, the writes, fsync of the temp, rename over the target, fsync of the directory.
    /// </summary>
    public sealed class SyscallOrderTests
    {
        private readonly ITestOutputHelper _output;

        public SyscallOrderTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<string, bool> Saves => new()
        {
            // child command (WriteAllText, WriteAllTextAsync, CreateText + Commit), whether the target exists
            { "save", false },
            { "save", true },
            { "save-async", true },
            { "save-stream", true },
        };

        [SkippableTheory]
        [MemberData(nameof(Saves))]
        public void A_save_creates_writes_fsyncs_renames_then_fsyncs_the_directory(string command, bool targetExists)
        {
            Skip.IfNot(Tools.Has("strace"), "strace is not installed: the syscall order is not checked here");
            using var dir = new TempDirectory();
            var target = dir.File("tokens.json");
            if (targetExists)
            {
                File.WriteAllText(target, "old");
            }

            var trace = dir.File("strace.txt");
            var lines = Child.Run(
                new[] { command, target, "{\"v\":2}" },
                new[] { "strace", "-f", "-y", "-qq", "-e", "trace=open,openat,creat,write,pwrite64,writev,pwritev,fchmod,fsync,fdatasync,rename,renameat,renameat2,link,linkat", "-o", trace });
            Assert.Contains("saved", lines);

            var calls = File.ReadAllLines(trace).Where(l => l.Contains(dir.Path, StringComparison.Ordinal)).ToList();
            File.Delete(trace);
            var tempCreate = Index(calls, @"open(at)?\(.*""(?<temp>[^""]*/\.tokens\.json\.\d+\.[0-9a-f]{16}\.tmp)"".*O_CREAT.*O_EXCL.*O_NOFOLLOW.*, 0600\)");
            var temp = Regex.Match(calls[tempCreate], @"""(?<t>[^""]+\.tmp)""").Groups["t"].Value;
            var chmod = Index(calls, @"^\d+\s+fchmod\(\d+<" + Regex.Escape(temp) + ">");
            var firstWrite = Index(calls, @"^\d+\s+p?writev?6?4?\(\d+<" + Regex.Escape(temp) + ">");
            var fileSync = Index(calls, @"^\d+\s+fsync\(\d+<" + Regex.Escape(temp) + ">");
            var rename = Index(calls, @"^\d+\s+rename(at2?)?\(.*""" + Regex.Escape(temp) + @""".*""" + Regex.Escape(target) + @"""");
            var directorySync = Index(calls, @"^\d+\s+fsync\(\d+<" + Regex.Escape(dir.Path) + ">\\)");
            _output.WriteLine(string.Join(Environment.NewLine, calls));

            Assert.True(tempCreate < chmod && chmod < firstWrite && firstWrite < fileSync && fileSync < rename && rename < directorySync,
                $"order: create {tempCreate}, fchmod {chmod}, write {firstWrite}, fsync {fileSync}, rename {rename}, fsync(dir) {directorySync}");
            Assert.Equal(2, calls.Count(l => Regex.IsMatch(l, @"^\d+\s+f(data)?sync\(")));
            Assert.Equal(targetExists ? 1 : 0, calls.Count(l => Regex.IsMatch(l, @"^\d+\s+link(at)?\(.*tokens\.json\.bak")));
        }

        public static TheoryData<string, int> Durabilities => new()
        {
            // Durability, fsyncs per save of an existing file
            { "Full", 2 },
            { "FileOnly", 1 },
            { "None", 0 },
        };

        [SkippableTheory]
        [MemberData(nameof(Durabilities))]
        public void Durability_decides_how_many_fsyncs_a_save_makes(string durability, int fsyncs)
        {
            Skip.IfNot(Tools.Has("strace"), "strace is not installed: fsyncs are not counted here");
            using var dir = new TempDirectory();
            var target = dir.File("settings.json");
            File.WriteAllText(target, "old");
            var trace = dir.File("strace.txt");

            var lines = Child.Run(
                new[] { "save-durability", target, "new", durability },
                new[] { "strace", "-f", "-y", "-qq", "-e", "trace=fsync,fdatasync,rename,renameat,renameat2", "-o", trace });

            Assert.Contains("saved", lines);
            var calls = File.ReadAllLines(trace).Where(l => l.Contains(dir.Path, StringComparison.Ordinal)).ToList();
            File.Delete(trace);
            Assert.Equal(fsyncs, calls.Count(l => Regex.IsMatch(l, @"^\d+\s+f(data)?sync\(")));
            Assert.Equal("new", File.ReadAllText(target));
            Assert.Equal("old", File.ReadAllText(target + ".bak"));
        }

        public static TheoryData<string, string> Deletes => new()
        {
            // Durability, the unlinks (b: a backup, t: the target) and directory fsyncs (s) in order
            { "Full", "b b s t s" },
            { "FileOnly", "b b s t" },
            { "None", "b b t" },
        };

        // Unlinks of different names may persist in any order: the backups' must be on disk before the target goes,
        // or a power cut can leave a backup without its primary and the loader resurrects a deleted version.
        [SkippableTheory]
        [MemberData(nameof(Deletes))]
        public void A_delete_syncs_the_directory_between_the_backups_and_the_target(string durability, string expected)
        {
            Skip.IfNot(Tools.Has("strace"), "strace is not installed: the syscall order is not checked here");
            using var dir = new TempDirectory();
            var target = dir.File("token.json");
            foreach (var name in new[] { target, target + ".bak", target + ".bak.2" })
            {
                File.WriteAllText(name, "v");
            }

            var trace = dir.File("strace.txt");
            var lines = Child.Run(
                new[] { "delete", target, durability },
                new[] { "strace", "-f", "-y", "-qq", "-e", "trace=unlink,unlinkat,fsync,fdatasync", "-o", trace });
            Assert.Contains("deleted", lines);

            var calls = File.ReadAllLines(trace).Where(l => l.Contains(dir.Path, StringComparison.Ordinal) && !l.Contains("strace.txt", StringComparison.Ordinal)).ToList();
            File.Delete(trace);
            var order = calls.Select(l =>
                Regex.IsMatch(l, @"f(data)?sync\(") ? "s" : l.Contains("token.json.bak", StringComparison.Ordinal) ? "b" : "t");
            Assert.Equal(expected, string.Join(" ", order));
            Assert.Empty(dir.Names());
        }

        private static int Index(List<string> calls, string pattern)
        {
            var index = calls.FindIndex(l => Regex.IsMatch(l, pattern));
            Assert.True(index >= 0, "no syscall matches " + pattern + Environment.NewLine + string.Join(Environment.NewLine, calls));
            return index;
        }
    }
}
