using System;
using System.IO;
using System.Linq;
using System.Text;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    public sealed class BackupTests
    {
        public static TheoryData<int, string[]> Generations => new()
        {
            // BackupCount, then the expected content of primary, .bak, .bak.2, ... after saving v1..v5
            { 0, new[] { "v5" } },
            { 1, new[] { "v5", "v4" } },
            { 3, new[] { "v5", "v4", "v3", "v2" } },
            { 5, new[] { "v5", "v4", "v3", "v2", "v1" } },
        };

        public static TheoryData<string, byte[], Func<ReadOnlyMemory<byte>, bool>?> BadPrimaries => new()
        {
            { "empty", Array.Empty<byte>(), null },
            { "zero-filled", new byte[4096], null },
            { "rejected by Validate", Encoding.UTF8.GetBytes("{\"tokens\": ["), IsWholeJson },
        };

        [Theory]
        [MemberData(nameof(Generations))]
        public void Backups_hold_the_previous_versions_newest_first(int backupCount, string[] expected)
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            var options = new AtomicWriteOptions { BackupCount = backupCount };
            for (var version = 1; version <= 5; version++)
            {
                AtomicFile.WriteAllText(path, "v" + version, options);
            }

            var names = new[] { "tokens.json" }.Concat(Enumerable.Range(1, expected.Length - 1).Select(g => g == 1 ? "tokens.json.bak" : "tokens.json.bak." + g)).ToArray();
            Assert.Equal(expected, names.Select(n => File.ReadAllText(dir.File(n))).ToArray());
            Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), dir.Names());
        }

        [Fact]
        public void A_custom_suffix_names_the_backups()
        {
            using var dir = new TempDirectory();
            var path = dir.File("settings.ini");
            var options = new AtomicWriteOptions { BackupCount = 2, BackupSuffix = ".old" };
            AtomicFile.WriteAllText(path, "a", options);
            AtomicFile.WriteAllText(path, "b", options);
            AtomicFile.WriteAllText(path, "c", options);

            Assert.Equal(new[] { "settings.ini", "settings.ini.old", "settings.ini.old.2" }, dir.Names());
            Assert.Equal("b", File.ReadAllText(path + ".old"));
            Assert.Equal("a", File.ReadAllText(path + ".old.2"));
        }

        [Fact]
        public void The_first_save_makes_no_backup()
        {
            using var dir = new TempDirectory();
            AtomicFile.WriteAllText(dir.File("new.json"), "{}");
            Assert.Equal(new[] { "new.json" }, dir.Names());
        }

        [Theory]
        [MemberData(nameof(BadPrimaries))]
        public void A_bad_primary_is_never_rotated_over_a_good_backup(string why, byte[] bad, Func<ReadOnlyMemory<byte>, bool>? validate)
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            var options = new AtomicWriteOptions { BackupCount = 2, Validate = validate };
            AtomicFile.WriteAllText(path, "{\"v\":1}", options);
            AtomicFile.WriteAllText(path, "{\"v\":2}", options);
            File.WriteAllBytes(path, bad); // what a crashed File.WriteAllText leaves behind

            AtomicFile.WriteAllText(path, "{\"v\":3}", options);

            Assert.True(File.ReadAllText(path) == "{\"v\":3}", why);
            Assert.Equal("{\"v\":1}", File.ReadAllText(path + ".bak"));
            Assert.False(File.Exists(path + ".bak.2"), why);
        }

        [Fact]
        public void New_content_rejected_by_Validate_changes_nothing()
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            var options = new AtomicWriteOptions { Validate = IsWholeJson };
            AtomicFile.WriteAllText(path, "{\"v\":1}", options);
            AtomicFile.WriteAllText(path, "{\"v\":2}", options);

            var e = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(path, "{\"v\":", options));

            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Equal("{\"v\":2}", File.ReadAllText(path));
            Assert.Equal("{\"v\":1}", File.ReadAllText(path + ".bak"));
            Assert.Equal(new[] { "tokens.json", "tokens.json.bak" }, dir.Names());
        }

        [Fact]
        public void Copy_replaces_the_destination_and_keeps_its_previous_version()
        {
            using var dir = new TempDirectory();
            File.WriteAllText(dir.File("source.json"), "new");
            AtomicFile.WriteAllText(dir.File("dest.json"), "old");

            AtomicFile.Copy(dir.File("source.json"), dir.File("dest.json"));

            Assert.Equal("new", File.ReadAllText(dir.File("dest.json")));
            Assert.Equal("old", File.ReadAllText(dir.File("dest.json.bak")));
            Assert.Equal("new", File.ReadAllText(dir.File("source.json")));
        }

        [Fact]
        public void Copy_without_overwrite_refuses_an_existing_destination_like_File()
        {
            using var dir = new TempDirectory();
            File.WriteAllText(dir.File("source.json"), "new");
            File.WriteAllText(dir.File("dest.json"), "old");

            Assert.Throws<IOException>(() => File.Copy(dir.File("source.json"), dir.File("dest.json"), overwrite: false));
            Assert.Throws<IOException>(() => AtomicFile.Copy(dir.File("source.json"), dir.File("dest.json"), overwrite: false));
            Assert.Equal("old", File.ReadAllText(dir.File("dest.json")));
        }

        [Fact]
        public void Delete_removes_the_primary_and_every_backup_and_nothing_else()
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            var options = new AtomicWriteOptions { BackupCount = 3 };
            for (var version = 1; version <= 4; version++)
            {
                AtomicFile.WriteAllText(path, "v" + version, options);
            }

            File.WriteAllText(path + ".corrupt", "{\"tok");
            File.WriteAllText(dir.File("tokens.json.backup"), "unrelated");
            File.WriteAllText(dir.File("tokens.json2"), "unrelated");
            File.WriteAllText(dir.File("tokens.json.bak.x"), "unrelated");

            AtomicFile.Delete(path, new AtomicWriteOptions { BackupCount = 1 }); // fewer than exist: all go anyway

            Assert.Equal(new[] { "tokens.json.backup", "tokens.json.bak.x", "tokens.json2" }, dir.Names());
            AtomicFile.Delete(path); // a missing file is not an error, as with File.Delete
        }

        internal static bool IsWholeJson(ReadOnlyMemory<byte> bytes)
        {
            try
            {
                System.Text.Json.JsonDocument.Parse(bytes).Dispose();
                return true;
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        }
    }
}
