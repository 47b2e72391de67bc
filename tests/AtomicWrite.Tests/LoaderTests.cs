using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>The recovery loader's matrix (docs/architecture.md, "Load, step by step"), for every loading form, sync and async.</summary>
    public sealed class LoaderTests
    {
        public enum Expect
        {
            Primary,            // the primary's content; nothing written
            Recovered,          // the backup's content; primary restored; .corrupt kept if there was a primary
            BackupUnwritten,    // the backup's content; nothing written (an I/O error is not corruption)
            Empty,              // empty content, as File
            Corrupted,          // AtomicFileCorruptedException naming both; nothing changed
            NotFound,           // FileNotFoundException
        }

        private const string Good = "{\"tokens\":[\"a\"],\"v\":2}";
        private const string Backup = "{\"tokens\":[\"a\"],\"v\":1}";
        private const string Truncated = "{\"tokens\": [";
        private const string Rejected = "{\"stale\":true}";
        private const string Directory = "<a directory>";

        private static readonly Dictionary<string, (bool Parses, Func<string, AtomicWriteOptions, Task<string>> Load)> Forms = new()
        {
            ["ReadAllText"] = (false, (p, o) => Task.FromResult(AtomicFile.ReadAllText(p, o))),
            ["ReadAllTextAsync"] = (false, (p, o) => AtomicFile.ReadAllTextAsync(p, options: o)),
            ["ReadAllBytes"] = (false, (p, o) => Task.FromResult(Encoding.UTF8.GetString(AtomicFile.ReadAllBytes(p, o)))),
            ["ReadAllBytesAsync"] = (false, async (p, o) => Encoding.UTF8.GetString(await AtomicFile.ReadAllBytesAsync(p, options: o))),
            ["ReadAllLines"] = (false, (p, o) => Task.FromResult(string.Join("\n", AtomicFile.ReadAllLines(p, o)))),
            ["ReadAllLinesAsync"] = (false, async (p, o) => string.Join("\n", await AtomicFile.ReadAllLinesAsync(p, options: o))),
            ["Load(string)"] = (true, (p, o) => Task.FromResult(AtomicFile.Load(p, (string text) => ParseText(text), o))),
            ["Load(Stream)"] = (true, (p, o) => Task.FromResult(AtomicFile.Load(p, (Stream s) => ParseStream(s), o))),
            ["LoadAsync(string)"] = (true, (p, o) => AtomicFile.LoadAsync(p, (string text) => ParseText(text), options: o)),
            ["LoadAsync(Stream)"] = (true, (p, o) => AtomicFile.LoadAsync(p, async (s, ct) => ParseStream(await Buffered(s)), options: o)),
        };

        // primary, backup, expected; the forms without a parser detect the truncated JSON through Validate.
        private static readonly (string Name, string? Primary, string? Backup, Expect Expect)[] Matrix =
        {
            ("valid primary, valid backup", Good, Backup, Expect.Primary),
            ("valid primary, bad backup", Good, Truncated, Expect.Primary),
            ("valid primary, no backup", Good, null, Expect.Primary),
            ("truncated JSON, valid backup", Truncated, Backup, Expect.Recovered),
            ("zero-filled, valid backup", "\0\0\0\0\0\0\0\0", Backup, Expect.Recovered),
            ("rejected by Validate, valid backup", Rejected, Backup, Expect.Recovered),
            ("missing, valid backup", null, Backup, Expect.Recovered),
            ("empty, valid backup", string.Empty, Backup, Expect.Recovered),
            ("empty, no backup", string.Empty, null, Expect.Empty),
            ("empty, bad backup", string.Empty, Truncated, Expect.Empty),
            ("truncated JSON, truncated backup", Truncated, Truncated, Expect.Corrupted),
            ("zero-filled, no backup", "\0\0\0\0", null, Expect.Corrupted),
            ("missing, zero-filled backup", null, "\0\0", Expect.Corrupted),
            ("missing, missing", null, null, Expect.NotFound),
            ("a directory at the path, valid backup", Directory, Backup, Expect.BackupUnwritten),
        };

        public static TheoryData<string, string> Cases
        {
            get
            {
                var data = new TheoryData<string, string>();
                foreach (var form in Forms.Keys)
                {
                    foreach (var row in Matrix)
                    {
                        data.Add(form, row.Name);
                    }
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task Loads_per_the_matrix(string form, string row)
        {
            var (parses, load) = Forms[form];
            var (_, primary, backup, expect) = Matrix.Single(r => r.Name == row);
            if (parses && expect == Expect.Empty)
            {
                expect = Expect.Corrupted; // the parser is the validator: an empty document does not parse
            }

            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            Plant(path, primary);
            Plant(path + ".bak", backup);
            var before = Snapshot(dir);
            var options = new AtomicWriteOptions { Validate = parses ? NotStale : b => NotStale(b) && BackupTests.IsWholeJson(b) };
            var events = new List<AtomicFileRecoveredEventArgs>();
            EventHandler<AtomicFileRecoveredEventArgs> handler = (_, e) =>
            {
                if (e.Path == path)
                {
                    events.Add(e);
                }
            };
            AtomicFile.Recovered += handler;
            try
            {
                switch (expect)
                {
                    case Expect.Primary:
                        Assert.Equal(primary, await load(path, options));
                        Assert.Equal(before, Snapshot(dir));
                        Assert.Empty(events);
                        break;
                    case Expect.Recovered:
                        Assert.Equal(backup, await load(path, options));
                        Assert.Equal(backup, File.ReadAllText(path));
                        Assert.Equal(backup, File.ReadAllText(path + ".bak"));
                        Assert.Equal(primary, primary is null ? null : File.ReadAllText(path + ".corrupt"));
                        var raised = Assert.Single(events);
                        Assert.Equal(path + ".bak", raised.BackupPath);
                        Assert.False(string.IsNullOrEmpty(raised.Reason));
                        Assert.Empty(dir.Temps());
                        break;
                    case Expect.BackupUnwritten:
                        Assert.Equal(backup, await load(path, options));
                        Assert.Equal(before, Snapshot(dir));
                        break;
                    case Expect.Empty:
                        Assert.Equal(string.Empty, await load(path, options));
                        Assert.Equal(before, Snapshot(dir));
                        break;
                    case Expect.Corrupted:
                        var corrupted = await Assert.ThrowsAsync<AtomicFileCorruptedException>(() => load(path, options));
                        Assert.Contains(path + "'", corrupted.Message, StringComparison.Ordinal);
                        Assert.Contains(path + ".bak'", corrupted.Message, StringComparison.Ordinal);
                        Assert.Equal(new[] { path, path + ".bak" }, corrupted.Rejections.Select(r => r.Key));
                        Assert.All(corrupted.Rejections, r => Assert.Contains(r.Value, corrupted.Message, StringComparison.Ordinal));
                        Assert.Equal(before, Snapshot(dir));
                        Assert.Empty(events);
                        break;
                    case Expect.NotFound:
                        await Assert.ThrowsAsync<FileNotFoundException>(() => load(path, options));
                        Assert.Empty(dir.Names());
                        break;
                }
            }
            finally
            {
                AtomicFile.Recovered -= handler;
            }
        }

        [Theory]
        [InlineData("Load(string)")]
        [InlineData("LoadAsync(Stream)")]
        public async Task A_parser_that_throws_triggers_recovery(string form)
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            File.WriteAllText(path, "{\"tokens\":\"not a list\"}"); // valid JSON, wrong shape: only the parser knows
            File.WriteAllText(path + ".bak", Backup);

            var loaded = form == "Load(string)"
                ? AtomicFile.Load(path, (string text) => Strict(text))
                : await AtomicFile.LoadAsync(path, async (s, ct) => Strict(await new StreamReader(s).ReadToEndAsync(ct)));

            Assert.Equal(Backup, loaded);
            Assert.Equal("{\"tokens\":\"not a list\"}", File.ReadAllText(path + ".corrupt"));
        }

        [Fact]
        public void Generations_are_tried_in_order_and_one_corrupt_copy_is_kept()
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            var options = new AtomicWriteOptions { BackupCount = 3 };
            File.WriteAllText(path, Truncated);
            File.WriteAllBytes(path + ".bak", new byte[16]);
            File.WriteAllText(path + ".bak.2", "{\"v\":\"second\"}");
            File.WriteAllText(path + ".bak.3", "{\"v\":\"third\"}");
            File.WriteAllText(path + ".corrupt", "an older corrupt copy");

            Assert.Equal("{\"v\":\"second\"}", AtomicFile.Load(path, (string t) => ParseText(t), options));
            Assert.Equal(Truncated, File.ReadAllText(path + ".corrupt"));
            Assert.Equal(new[] { "tokens.json", "tokens.json.bak", "tokens.json.bak.2", "tokens.json.bak.3", "tokens.json.corrupt" }, dir.Names());
        }

        [Fact]
        public void Temps_are_never_a_source_and_backups_are_never_read_through_a_symlink()
        {
            using var dir = new TempDirectory();
            using var elsewhere = new TempDirectory();
            var path = dir.File("tokens.json");
            File.WriteAllText(path, Truncated);
            File.WriteAllText(dir.File($".tokens.json.{Environment.ProcessId}.0123456789abcdef.tmp"), Good);
            File.WriteAllText(elsewhere.File("secret"), Good);
            File.CreateSymbolicLink(path + ".bak", elsewhere.File("secret"));
            var before = Snapshot(dir);

            var e = Assert.Throws<AtomicFileCorruptedException>(() => AtomicFile.Load(path, (string t) => ParseText(t)));

            Assert.Contains("symbolic link", e.Message, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(dir));
        }

        [Theory]
        [InlineData("the parser rejects the file (and the save, blind to JSON, rotates it over the backup)")]
        [InlineData("Validate rejects the file (and the save keeps the good backup)")]
        public void A_save_racing_a_recovery_wins(string how)
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            File.WriteAllText(path, Truncated);
            File.WriteAllText(path + ".bak", Backup);
            var raced = false;
            void SaveOnce()
            {
                if (!raced)
                {
                    raced = true;
                    AtomicFile.WriteAllText(path, "{\"v\":\"newer\"}", new AtomicWriteOptions { Validate = BackupTests.IsWholeJson });
                }
            }

            // The save lands after the loader rejected the file and before it would restore the backup.
            var loaded = how.StartsWith("the parser", StringComparison.Ordinal)
                ? AtomicFile.Load(path, (string text) =>
                {
                    if (text == Truncated)
                    {
                        SaveOnce();
                    }

                    return ParseText(text);
                })
                : AtomicFile.ReadAllText(path, new AtomicWriteOptions
                {
                    Validate = bytes =>
                    {
                        if (!BackupTests.IsWholeJson(bytes))
                        {
                            SaveOnce();
                            return false;
                        }

                        return true;
                    },
                });

            Assert.True(raced);
            Assert.Equal("{\"v\":\"newer\"}", loaded);
            Assert.Equal("{\"v\":\"newer\"}", File.ReadAllText(path));
            Assert.False(File.Exists(path + ".corrupt"));
        }

        internal static string ParseText(string text)
        {
            JsonDocument.Parse(text).Dispose();
            return text;
        }

        private static string ParseStream(Stream stream)
        {
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.GetRawText();
        }

        private static string Strict(string text)
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.GetProperty("tokens").ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("tokens must be a list");
            }

            return text;
        }

        private static async Task<Stream> Buffered(Stream stream)
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            copy.Position = 0;
            return copy;
        }

        private static bool NotStale(ReadOnlyMemory<byte> bytes) => !Encoding.UTF8.GetString(bytes.Span).Contains("stale", StringComparison.Ordinal);

        private static void Plant(string path, string? content)
        {
            if (content == Directory)
            {
                System.IO.Directory.CreateDirectory(path);
            }
            else if (content != null)
            {
                File.WriteAllText(path, content);
            }
        }

        private static string Snapshot(TempDirectory dir) =>
            string.Join("|", dir.Names().Select(n => n + "=" + (File.Exists(dir.File(n)) ? File.ReadAllText(dir.File(n)) + "@" + File.GetLastWriteTimeUtc(dir.File(n)).Ticks : "dir")));
    }
}
