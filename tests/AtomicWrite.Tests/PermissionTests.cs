using System.IO;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    [Collection(ProcessWide.Name)] // the umask is process-wide
    public sealed class PermissionTests
    {
        private const UnixFileMode Rw = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        private const UnixFileMode RwR = Rw | UnixFileMode.GroupRead;
        private const UnixFileMode RwRR = RwR | UnixFileMode.OtherRead;

        public static TheoryData<int, UnixFileMode?, UnixFileMode> NewFiles => new()
        {
            // umask, NewFileMode, expected mode of a new file
            { 0x000, Rw, Rw },                     // the default, even under umask 000
            { 0x000, RwR, RwR },
            { 0x03F, RwRR, RwRR },                 // an explicit mode is applied as given
            { 0x012, null, RwRR },                 // null: 0666 less the umask (022), like File.Create
            { 0x002, null, RwRR | UnixFileMode.GroupWrite },
            { 0x03F, null, Rw },
        };

        public static TheoryData<int, UnixFileMode> ExistingFiles => new()
        {
            { 0x03F, RwR },   // 0640 stays 0640 under umask 077
            { 0x000, Rw },
            { 0x03F, RwRR },
            { 0x000, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute },
        };

        [Theory]
        [MemberData(nameof(NewFiles))]
        public void A_new_file_gets_NewFileMode(int umask, UnixFileMode? newFileMode, UnixFileMode expected)
        {
            using var dir = new TempDirectory();
            var path = dir.File("new.json");
            using (Posix.WithUmask(umask))
            {
                AtomicFile.WriteAllText(path, "{}", new AtomicWriteOptions { NewFileMode = Modes.ForOptions(newFileMode) });
            }

            Assert.Equal(Posix.Octal(expected), Posix.Octal(Posix.Mode(path)));
        }

        public static TheoryData<string, int, UnixFileMode?, UnixFileMode> Presets => new()
        {
            // options, umask, mode of an existing file (null: none), expected mode after a save
            { "Default", 0x012, null, Rw },                       // a secret: 0600 whatever the umask
            { "SharedConfiguration", 0x012, null, RwRR },         // shared: 0644 under umask 022
            { "SharedConfiguration", 0x03F, null, Rw },           // ...and 0600 under umask 077
            { "SharedConfiguration", 0x002, null, RwRR | UnixFileMode.GroupWrite },
            { "Default", 0x012, RwRR, RwRR },                     // an existing file keeps its mode with either
            { "SharedConfiguration", 0x012, Rw, Rw },
            { "SharedConfiguration", 0x000, RwR, RwR },
        };

        [Theory]
        [MemberData(nameof(Presets))]
        public void The_presets_decide_only_the_mode_of_a_new_file(string preset, int umask, UnixFileMode? existing, UnixFileMode expected)
        {
            var options = preset == "Default" ? AtomicWriteOptions.Default : AtomicWriteOptions.SharedConfiguration;
            using var dir = new TempDirectory();
            var path = dir.File("app.config");
            if (existing is UnixFileMode mode)
            {
                File.WriteAllText(path, "<old/>");
                File.SetUnixFileMode(path, mode);
            }

            using (Posix.WithUmask(umask))
            {
                AtomicFile.WriteAllText(path, "<new/>", options);
            }

            Assert.Equal(Posix.Octal(expected), Posix.Octal(Posix.Mode(path)));
        }

        [Fact]
        public void SharedConfiguration_differs_from_Default_only_in_NewFileMode()
        {
            var shared = AtomicWriteOptions.SharedConfiguration;
            var standard = AtomicWriteOptions.Default;
            Assert.Null(shared.NewFileMode);
            Assert.Equal(
                (standard.Durability, standard.BackupCount, standard.BackupSuffix, standard.Validate, standard.CrossProcessLock, standard.LockTimeout),
                (shared.Durability, shared.BackupCount, shared.BackupSuffix, shared.Validate, shared.CrossProcessLock, shared.LockTimeout));
        }

        [Fact]
        public void The_default_options_create_0600()
        {
            using var dir = new TempDirectory();
            using (Posix.WithUmask(0))
            {
                AtomicFile.WriteAllText(dir.File("a"), "x");
                using var stream = AtomicFile.Create(dir.File("b"));
                stream.Commit();
            }

            Assert.Equal("0600", Posix.Octal(Posix.Mode(dir.File("a"))));
            Assert.Equal("0600", Posix.Octal(Posix.Mode(dir.File("b"))));
        }

        [Theory]
        [MemberData(nameof(ExistingFiles))]
        public void An_existing_file_keeps_its_mode_and_its_backup_has_the_same(int umask, UnixFileMode mode)
        {
            using var dir = new TempDirectory();
            var path = dir.File("settings.json");
            File.WriteAllText(path, "{}");
            File.SetUnixFileMode(path, mode);
            using (Posix.WithUmask(umask))
            {
                AtomicFile.WriteAllText(path, "{\"a\":1}");
            }

            Assert.Equal(Posix.Octal(mode), Posix.Octal(Posix.Mode(path)));
            Assert.Equal(Posix.Octal(mode), Posix.Octal(Posix.Mode(path + ".bak")));
        }

        [Fact]
        public void Backups_are_never_wider_than_the_primary()
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            var options = new AtomicWriteOptions { BackupCount = 3 };
            File.WriteAllText(path, "v0");
            File.SetUnixFileMode(path, RwRR);
            AtomicFile.WriteAllText(path, "v1", options);
            AtomicFile.WriteAllText(path, "v2", options);
            File.SetUnixFileMode(path, Rw); // the owner narrows the file: older backups must follow

            AtomicFile.WriteAllText(path, "v3", options);

            foreach (var name in new[] { "tokens.json", "tokens.json.bak", "tokens.json.bak.2", "tokens.json.bak.3" })
            {
                Assert.True(Posix.Mode(dir.File(name)) == Rw, name + " is " + Posix.Octal(Posix.Mode(dir.File(name))));
            }
        }

        [SkippableFact]
        public void An_existing_file_keeps_its_owner()
        {
            Skip.IfNot(Posix.GetEuid() == 0, "changing a file's owner needs root");
            using var dir = new TempDirectory();
            var path = dir.File("shared.json");
            File.WriteAllText(path, "{}");
            Posix.Chown(path, 4321, 4322);

            AtomicFile.WriteAllText(path, "{\"b\":2}");

            var status = Platforms.Current.GetStatus(path);
            Assert.Equal((4321u, 4322u), (status.Uid, status.Gid));
        }
    }
}
