using System;
using System.IO;
using System.Linq;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>Permission errors, seen by a child running as an unprivileged user (root may write anything).</summary>
    public sealed class UnprivilegedTests
    {
        private const string Nobody = "65534";

        public static TheoryData<string, bool, bool, string, string> Cases => new()
        {
            // case, directory writable by nobody, target exists (root's, 0644), expected exception, expected words
            { "read-only target in a writable directory", true, true, "System.UnauthorizedAccessException", "not writable" },
            { "new file in a read-only directory", false, false, "System.UnauthorizedAccessException", "permission on the directory" },
            { "existing file in a read-only directory", false, true, "System.UnauthorizedAccessException", "denied" },
        };

        [SkippableTheory]
        [MemberData(nameof(Cases))]
        public void A_save_the_caller_may_not_make_fails_clearly_and_changes_nothing(string name, bool directoryWritable, bool targetExists, string exception, string words)
        {
            Skip.IfNot(Posix.GetEuid() == 0 && Tools.Has("setpriv"), "needs root and setpriv to run the child as another user");
            using var dir = new TempDirectory();
            var work = dir.File("work");
            Directory.CreateDirectory(work);
            File.SetUnixFileMode(dir.Path, (UnixFileMode)0x1ED); // 0755: nobody may enter
            File.SetUnixFileMode(work, directoryWritable ? (UnixFileMode)0x1FF : (UnixFileMode)0x1ED);
            var target = Path.Combine(work, "tokens.json");
            if (targetExists)
            {
                File.WriteAllText(target, "root's");
                File.SetUnixFileMode(target, (UnixFileMode)0x1A4); // 0644
            }

            var lines = Child.Run(
                new[] { "try-save", target, "nobody's" },
                new[] { "setpriv", "--reuid=" + Nobody, "--regid=" + Nobody, "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp" });

            var error = lines.FirstOrDefault(l => l.StartsWith("error ", StringComparison.Ordinal));
            Assert.True(error != null, name + ": " + string.Join(" | ", lines));
            Assert.StartsWith("error " + exception + ":", error, StringComparison.Ordinal);
            Assert.Contains(words, error, StringComparison.Ordinal);
            Assert.Contains(target, error, StringComparison.Ordinal);
            Assert.Equal(targetExists ? new[] { "tokens.json" } : Array.Empty<string>(), Directory.GetFileSystemEntries(work).Select(Path.GetFileName).ToArray());
            if (targetExists)
            {
                Assert.Equal("root's", File.ReadAllText(target));
            }
        }

        public static TheoryData<bool, string> UnreadablePrimaries => new()
        {
            // a readable backup exists, expected first line
            { true, "content the backup" },
            { false, "error System.UnauthorizedAccessException:" },
        };

        [SkippableTheory]
        [MemberData(nameof(UnreadablePrimaries))]
        public void A_file_the_caller_may_not_read_is_not_corruption(bool readableBackup, string expected)
        {
            Skip.IfNot(Posix.GetEuid() == 0 && Tools.Has("setpriv"), "needs root and setpriv to run the child as another user");
            using var dir = new TempDirectory();
            File.SetUnixFileMode(dir.Path, (UnixFileMode)0x1FF);
            var target = dir.File("tokens.json");
            File.WriteAllText(target, "root's secret");
            File.SetUnixFileMode(target, (UnixFileMode)0x180); // 0600, root's
            if (readableBackup)
            {
                File.WriteAllText(target + ".bak", "the backup");
                File.SetUnixFileMode(target + ".bak", (UnixFileMode)0x1A4);
            }

            var names = dir.Names();
            var lines = Child.Run(
                new[] { "read", target },
                new[] { "setpriv", "--reuid=" + Nobody, "--regid=" + Nobody, "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp" });

            Assert.StartsWith(expected, lines.FirstOrDefault() ?? string.Empty, StringComparison.Ordinal);
            Assert.Equal(names, dir.Names()); // nothing written: no .corrupt, no restore
            Assert.Equal("root's secret", File.ReadAllText(target));
        }

        [SkippableFact]
        public void A_failure_after_the_rename_says_the_save_was_committed()
        {
            Skip.IfNot(Posix.GetEuid() == 0 && Tools.Has("setpriv"), "needs root and setpriv to run the child as another user");
            using var dir = new TempDirectory();
            var work = dir.File("work");
            System.IO.Directory.CreateDirectory(work);
            File.SetUnixFileMode(dir.Path, (UnixFileMode)0x1ED);
            File.SetUnixFileMode(work, (UnixFileMode)0xDB); // 0333: nobody may create and rename, but not open it to fsync it
            var target = Path.Combine(work, "tokens.json");

            var lines = Child.Run(
                new[] { "try-save", target, "published" },
                new[] { "setpriv", "--reuid=" + Nobody, "--regid=" + Nobody, "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp" });

            var error = lines.FirstOrDefault(l => l.StartsWith("error ", StringComparison.Ordinal)) ?? string.Join(" | ", lines);
            Assert.StartsWith("error System.IO.IOException:", error, StringComparison.Ordinal);
            Assert.Contains("was replaced", error, StringComparison.Ordinal);
            Assert.EndsWith("[committed]", error, StringComparison.Ordinal);
            Assert.Equal("published", File.ReadAllText(target));
        }

        public static TheoryData<string, int, int, int, int> ForeignFiles => new()
        {
            // case, the file's group, its mode, the group and mode after nobody saves it
            { "nobody is in the file's group: owner changes, group and mode kept", 1234, 0x1B0, 1234, 0x1B0 },  // 0660 stays 0660
            { "nobody is not in the file's group: its group bits are dropped", 0, 0x1B6, 65534, 0x186 },        // 0666 becomes 0606
        };

        [SkippableTheory]
        [MemberData(nameof(ForeignFiles))]
        public void A_file_of_another_owner_never_becomes_readable_by_a_new_group(string name, int group, int mode, int expectedGroup, int expected)
        {
            Skip.IfNot(Posix.GetEuid() == 0 && Tools.Has("setpriv"), "needs root and setpriv to run the child as another user");
            using var dir = new TempDirectory();
            File.SetUnixFileMode(dir.Path, (UnixFileMode)0x1FF);
            var target = dir.File("shared.json");
            File.WriteAllText(target, "root's");
            Posix.Chown(target, 0, (uint)group);
            File.SetUnixFileMode(target, (UnixFileMode)mode);

            var lines = Child.Run(
                new[] { "try-save", target, "nobody's" },
                new[] { "setpriv", "--reuid=" + Nobody, "--regid=" + Nobody, "--groups=1234", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp" });

            Assert.True(lines.Contains("saved"), name + ": " + string.Join(" | ", lines));
            var status = Platforms.Current.GetStatus(target);
            Assert.Equal((65534u, (uint)expectedGroup), (status.Uid, status.Gid));
            Assert.Equal(Convert.ToString(expected, 8), Convert.ToString(status.Mode, 8));
        }
    }
}
