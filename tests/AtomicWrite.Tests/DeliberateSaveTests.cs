using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>
    /// What AtomicFile saved is what the next load returns, empty or all-zero content included; recovery undoes only
    /// what something else did to the file (a truncation or zero-fill in place, a replace without a save record).
    /// </summary>
    public sealed class DeliberateSaveTests
    {
        public enum Expect
        {
            Content,     // the expected bytes; no .corrupt left
            Recovered,   // the expected bytes from the backup; the damaged primary kept as .corrupt
            Corrupted,   // AtomicFileCorruptedException; nothing written
            NotFound,    // FileNotFoundException
        }

        private static readonly byte[] A = Encoding.UTF8.GetBytes("{\"token\":\"a\"}");
        private static readonly byte[] B = Encoding.UTF8.GetBytes("{\"token\":\"b\"}");
        private static readonly byte[] C = Encoding.UTF8.GetBytes("{\"token\":\"c\"}"); // B's length
        private static readonly byte[] Empty = Array.Empty<byte>();
        private static readonly byte[] Zeros = new byte[8];

        private static void Save(string path, byte[] bytes) => AtomicFile.WriteAllBytes(path, bytes);

        // Another writer changing the file in place: same inode, so the save record stays and no longer matches.
        private static void OverwriteInPlace(string path, byte[] bytes)
        {
            using var stream = new FileStream(path, FileMode.Truncate, FileAccess.Write);
            stream.Write(bytes, 0, bytes.Length);
        }

        // Another writer replacing the file by rename: a new inode without a record (or a file system without them).
        private static void ReplaceWithoutRecord(string path, byte[] bytes)
        {
            var other = path + ".other";
            File.WriteAllBytes(other, bytes);
            File.Move(other, path, overwrite: true);
        }

        private static readonly (string Name, Action<string> Steps, Expect Expect, byte[]? Bytes)[] Cases =
        {
            ("save A, save empty", p => { Save(p, A); Save(p, Empty); }, Expect.Content, Empty),
            ("save A, save empty, save empty", p => { Save(p, A); Save(p, Empty); Save(p, Empty); }, Expect.Content, Empty),
            ("save A, save zero bytes", p => { Save(p, A); Save(p, Zeros); }, Expect.Content, Zeros),
            ("save empty with no earlier version", p => Save(p, Empty), Expect.Content, Empty),
            ("save A, save B", p => { Save(p, A); Save(p, B); }, Expect.Content, B),
            ("save A, save B, AtomicFile.Delete", p => { Save(p, A); Save(p, B); AtomicFile.Delete(p); }, Expect.NotFound, null),
            ("save A, save empty, AtomicFile.Delete", p => { Save(p, A); Save(p, Empty); AtomicFile.Delete(p); }, Expect.NotFound, null),

            // Damage by another writer is still recovered.
            ("save A, save B, truncated in place", p => { Save(p, A); Save(p, B); OverwriteInPlace(p, Empty); }, Expect.Recovered, A),
            ("save A, save B, zero-filled in place", p => { Save(p, A); Save(p, B); OverwriteInPlace(p, new byte[B.Length]); }, Expect.Recovered, A),
            ("save A, save empty, zero-filled in place", p => { Save(p, A); Save(p, Empty); OverwriteInPlace(p, Zeros); }, Expect.Recovered, A),
            ("save A, save empty, save B, zero-filled in place: the cleared version is the backup", p => { Save(p, A); Save(p, Empty); Save(p, B); OverwriteInPlace(p, Zeros); }, Expect.Recovered, Empty),
            ("save A, save B, replaced by an empty file without a record", p => { Save(p, A); Save(p, B); ReplaceWithoutRecord(p, Empty); }, Expect.Recovered, A),

            // A stale record only withdraws the trust: content that is not damage is read as it is.
            ("save A, save B, rewritten in place with other valid bytes", p => { Save(p, A); Save(p, B); OverwriteInPlace(p, C); }, Expect.Content, C),
        };

        public static TheoryData<string, bool> Names
        {
            get
            {
                var data = new TheoryData<string, bool>();
                foreach (var row in Cases)
                {
                    data.Add(row.Name, false);
                    data.Add(row.Name, true);
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Names))]
        public async Task The_load_after_the_steps(string name, bool asynchronous)
        {
            var row = Cases.Single(c => c.Name == name);
            using var dir = new TempDirectory();
            var path = dir.File("cache.bin");
            row.Steps(path);

            switch (row.Expect)
            {
                case Expect.Content:
                case Expect.Recovered:
                    Assert.Equal(row.Bytes, await Load(path, asynchronous));
                    Assert.Equal(row.Expect == Expect.Recovered, File.Exists(path + ".corrupt"));
                    Assert.Equal(row.Bytes, await Load(path, asynchronous)); // and it sticks
                    break;
                case Expect.NotFound:
                    await Assert.ThrowsAsync<FileNotFoundException>(() => Load(path, asynchronous));
                    break;
                default:
                    throw new InvalidOperationException(row.Expect.ToString());
            }
        }

        private static Task<byte[]> Load(string path, bool asynchronous) =>
            asynchronous ? AtomicFile.ReadAllBytesAsync(path) : Task.FromResult(AtomicFile.ReadAllBytes(path));

        // Judges that reject what AtomicFile itself saved (a parser or a validator that changed since the save) get
        // an exception; the deliberate save is not rolled back to the backup.
        public static TheoryData<string> Judges => new()
        {
            "Validate rejects it",
            "the parser throws",
        };

        [Theory]
        [MemberData(nameof(Judges))]
        public void A_saved_version_that_the_loader_rejects_is_reported_not_rolled_back(string judge)
        {
            using var dir = new TempDirectory();
            var path = dir.File("settings.json");
            AtomicFile.WriteAllText(path, "{\"v\":1}");
            AtomicFile.WriteAllText(path, "v2 is not JSON");
            var namesBefore = dir.Names();

            var error = judge == "Validate rejects it"
                ? Assert.Throws<AtomicFileCorruptedException>(() => AtomicFile.ReadAllText(path, new AtomicWriteOptions { Validate = b => b.Span[0] == (byte)'{' }))
                : Assert.Throws<AtomicFileCorruptedException>(() => AtomicFile.Load(path, (string text) => System.Text.Json.JsonDocument.Parse(text)));

            Assert.Contains("save record matches", error.Message, StringComparison.Ordinal);
            Assert.Equal(namesBefore, dir.Names());
            Assert.Equal("v2 is not JSON", File.ReadAllText(path));
        }

        // The same content without a record (written by someone else) is damage, recovered as before.
        [Fact]
        public void The_same_rejection_without_a_record_recovers_the_backup()
        {
            using var dir = new TempDirectory();
            var path = dir.File("settings.json");
            AtomicFile.WriteAllText(path, "{\"v\":1}");
            AtomicFile.WriteAllText(path, "{\"v\":2}");
            ReplaceWithoutRecord(path, Encoding.UTF8.GetBytes("v2 is not JSON"));

            Assert.Equal("{\"v\":1}", AtomicFile.ReadAllText(path, new AtomicWriteOptions { Validate = b => b.Span[0] == (byte)'{' }));
            Assert.True(File.Exists(path + ".corrupt"));
        }

        // The record is set on the temp before its fsync and renamed with it: a crash before the rename leaves the
        // old file with the old record, which still matches it.
        [Fact]
        public void A_temp_left_by_a_crash_changes_nothing_the_loader_sees()
        {
            using var dir = new TempDirectory();
            var path = dir.File("cache.bin");
            Save(path, A);
            Save(path, Empty);
            using (var crashed = AtomicFile.Create(path))
            {
                crashed.Write(B, 0, B.Length); // disposed without Commit: the save never happened
            }

            Assert.Equal(Empty, AtomicFile.ReadAllBytes(path));
            Assert.False(File.Exists(path + ".corrupt"));
        }

        public static TheoryData<string, long, bool> Records => new()
        {
            // content, length written into a record of that content (or a changed one), matches
            { "abc", 3, true },
            { "abc", 4, false },
            { string.Empty, 0, true },
            { "abd", -1, false }, // the record of "abc" against "abd"
        };

        [Theory]
        [MemberData(nameof(Records))]
        public void A_record_matches_only_its_own_bytes(string content, long recordedLength, bool matches)
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            var record = recordedLength < 0 ? SaveRecord.Describe(Encoding.UTF8.GetBytes("abc")) : SaveRecord.Describe(bytes);
            if (recordedLength >= 0 && recordedLength != bytes.Length)
            {
                record[4] = (byte)recordedLength;
            }

            Assert.Equal(matches, SaveRecord.Matches(record, bytes));
            using var stream = new MemoryStream(bytes);
            Assert.Equal(matches, SaveRecord.Matches(record, stream));
        }
    }
}
