using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>Cancellation before the rename leaves target and backups untouched and no temporary file.</summary>
    public sealed class CancellationTests
    {
        public static TheoryData<string> Points => new()
        {
            "before the call",
            "while writing",
            "before CommitAsync",
            "while waiting for the cross-process lock",
        };

        [Theory]
        [MemberData(nameof(Points))]
        public async Task A_cancelled_save_changes_nothing(string point)
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            var options = new AtomicWriteOptions { BackupCount = 2, CrossProcessLock = true };
            AtomicFile.WriteAllText(path, "v1", options);
            AtomicFile.WriteAllText(path, "v2", options);
            using var cancellation = new CancellationTokenSource();

            Func<Task> save = point switch
            {
                "before the call" => () =>
                {
                    cancellation.Cancel();
                    return AtomicFile.WriteAllTextAsync(path, "v3", cancellation.Token, options);
                },
                "while writing" => () => AtomicFile.WriteAllLinesAsync(path, CancelHalfway(cancellation), cancellation.Token, options),
                "before CommitAsync" => async () =>
                {
                    await using var stream = AtomicFile.Create(path, options);
                    await stream.WriteAsync(new byte[] { 1, 2, 3 }, 0, 3, cancellation.Token);
                    cancellation.Cancel();
                    await stream.CommitAsync(cancellation.Token);
                },
                _ => async () =>
                {
                    // Another process holds the lock (a FileShare.None FileStream takes an exclusive flock).
                    using var holder = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    cancellation.CancelAfter(TimeSpan.FromMilliseconds(300));
                    await AtomicFile.WriteAllTextAsync(path, "v3", cancellation.Token, options);
                },
            };

            await Assert.ThrowsAnyAsync<OperationCanceledException>(save);

            Assert.Equal("v2", File.ReadAllText(path));
            Assert.Equal("v1", File.ReadAllText(path + ".bak"));
            Assert.Equal(new[] { "tokens.json", "tokens.json.bak", "tokens.json.lock" }, dir.Names());
        }

        [Fact]
        public void A_lock_held_past_LockTimeout_fails_with_an_IOException_naming_the_lock()
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            AtomicFile.WriteAllText(path, "v1");
            using var holder = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

            var e = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(path, "v2", new AtomicWriteOptions { CrossProcessLock = true, LockTimeout = TimeSpan.FromMilliseconds(200) }));

            Assert.Contains("tokens.json.lock", e.Message, StringComparison.Ordinal);
            Assert.Equal("v1", File.ReadAllText(path));
            Assert.Empty(dir.Temps());
        }

        private static IEnumerable<string> CancelHalfway(CancellationTokenSource cancellation)
        {
            for (var i = 0; i < 1000; i++)
            {
                if (i == 500)
                {
                    cancellation.Cancel();
                }

                yield return "line " + i;
            }
        }
    }
}
