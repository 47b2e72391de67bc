using System;
using System.IO;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    public sealed class SymlinkTests
    {
        // Names a careless implementation would use, or that AtomicFile itself creates or replaces.
        public static TheoryData<string> PlantedNames => new()
        {
            "tokens.json.tmp",
            ".tokens.json.tmp",
            "tokens.json.new",
            "tokens.json.bak.tmp",
            ".tokens.json.bak.tmp",
            "tokens.json.bak",
            "tokens.json.bak.2",
            "tokens.json.corrupt",
            "tokens.json.lock",
        };

        [Theory]
        [MemberData(nameof(PlantedNames))]
        public void A_planted_symlink_never_redirects_a_write(string planted)
        {
            using var dir = new TempDirectory();
            using var outside = new TempDirectory();
            var victim = outside.File("victim");
            File.WriteAllText(victim, "precious");
            var path = dir.File("tokens.json");
            File.CreateSymbolicLink(dir.File(planted), victim);

            var options = new AtomicWriteOptions { BackupCount = 2 };
            for (var version = 1; version <= 3; version++)
            {
                AtomicFile.WriteAllText(path, "v" + version, options);
            }

            var locked = new AtomicWriteOptions { BackupCount = 2, CrossProcessLock = true };
            var e = Record.Exception(() => AtomicFile.WriteAllText(path, "v4", locked));

            Assert.Equal("precious", File.ReadAllText(victim));
            Assert.Equal(new[] { "victim" }, outside.Names());
            if (planted == "tokens.json.lock")
            {
                // The lock file is never opened through a symlink: the locked save refuses, naming the lock.
                Assert.IsAssignableFrom<IOException>(e);
                Assert.Contains("tokens.json.lock", e!.Message, StringComparison.Ordinal);
                Assert.Equal("v3", File.ReadAllText(path));
            }
            else
            {
                Assert.Null(e);
                Assert.Equal("v4", File.ReadAllText(path));
            }
        }

        [Fact]
        public void A_symlinked_target_is_written_through()
        {
            using var dir = new TempDirectory();
            using var real = new TempDirectory();
            File.WriteAllText(real.File("config.json"), "old");
            File.CreateSymbolicLink(dir.File("config.json"), real.File("config.json"));

            AtomicFile.WriteAllText(dir.File("config.json"), "new");

            Assert.NotNull(new FileInfo(dir.File("config.json")).LinkTarget);
            Assert.Equal("new", File.ReadAllText(real.File("config.json")));
            Assert.Equal("old", File.ReadAllText(real.File("config.json.bak")));
            Assert.Equal(new[] { "config.json" }, dir.Names());
        }

        [Fact]
        public void A_dangling_symlink_is_written_through_to_a_new_file()
        {
            using var dir = new TempDirectory();
            using var real = new TempDirectory();
            File.CreateSymbolicLink(dir.File("config.json"), "../" + Path.GetFileName(real.Path) + "/config.json");

            AtomicFile.WriteAllText(dir.File("config.json"), "first");

            Assert.Equal("first", File.ReadAllText(real.File("config.json")));
            Assert.Equal("0600", Posix.Octal(Posix.Mode(real.File("config.json"))));
        }

        [Fact]
        public void A_symlinked_directory_in_the_path_is_resolved()
        {
            using var dir = new TempDirectory();
            using var real = new TempDirectory();
            Directory.CreateSymbolicLink(dir.File("state"), real.Path);

            AtomicFile.WriteAllText(Path.Combine(dir.File("state"), "s.json"), "1");
            AtomicFile.WriteAllText(Path.Combine(dir.File("state"), "s.json"), "2");

            Assert.Equal(new[] { "s.json", "s.json.bak" }, real.Names());
        }
    }
}
