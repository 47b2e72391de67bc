using System;
using System.IO;
using System.Linq;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>Temps of dead or stalled writers are swept by the next process that saves in the directory; nothing else is.</summary>
    public sealed class StaleTempTests
    {
        [Fact]
        public void A_killed_writers_temp_is_swept_by_the_next_process_and_a_live_writers_is_not()
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            File.WriteAllText(path, "old");

            using (var live = Child.Start(new[] { "hold", path }))
            {
                Assert.Equal("holding", live.NextLine(TimeSpan.FromSeconds(20)));
                var liveTemp = Assert.Single(dir.Temps());
                Assert.Contains("." + live.Id + ".", liveTemp, StringComparison.Ordinal);

                Assert.Contains("saved", Child.Run(new[] { "save", dir.File("other.json"), "x" }));
                Assert.Equal(new[] { liveTemp }, dir.Temps()); // alive and locked: kept

                live.Kill();
                Assert.True(live.WaitForExit(TimeSpan.FromSeconds(10)));
            }

            Assert.Single(dir.Temps()); // the killed writer's temp is still there...
            Assert.Contains("saved", Child.Run(new[] { "save", dir.File("other.json"), "y" }));
            Assert.Empty(dir.Temps()); // ...until the next process saves in the directory
            Assert.Equal("old", File.ReadAllText(path));
        }

        [Fact]
        public void Only_AtomicFile_temps_of_dead_or_stalled_writers_are_swept()
        {
            using var dir = new TempDirectory();
            var deadPid = DeadPid();
            var ourPid = Environment.ProcessId;
            string[] swept =
            {
                $".tokens.json.{deadPid}.0123456789abcdef.tmp",
                $".tokens.json.bak.{deadPid}.0123456789abcdef.tmp",
                $".tokens.json.{ourPid}.fedcba9876543210.tmp", // a live pid, but stalled for 11 minutes
            };
            string[] kept =
            {
                $".tokens.json.{ourPid}.aaaaaaaaaaaaaaaa.tmp",  // a live pid, fresh
                $".tokens.json.{deadPid}.0123456789ABCDEF.tmp", // not our pattern (upper case)
                $".tokens.json.{deadPid}.tmp",
                $"tokens.json.{deadPid}.0123456789abcdef.tmp",  // no leading dot
                ".notes.tmp",
                "tokens.json",
            };
            foreach (var name in swept.Concat(kept))
            {
                File.WriteAllText(dir.File(name), "x");
            }

            File.SetLastWriteTimeUtc(dir.File(swept[2]), DateTime.UtcNow.AddMinutes(-11));
            Directory.CreateDirectory(dir.File($".dir.{deadPid}.0123456789abcdef.tmp"));
            File.CreateSymbolicLink(dir.File($".link.{deadPid}.0123456789abcdef.tmp"), dir.File("tokens.json"));

            Assert.Contains("saved", Child.Run(new[] { "save", dir.File("tokens.json"), "new" }));

            var expected = kept.Concat(new[] { "tokens.json.bak", $".dir.{deadPid}.0123456789abcdef.tmp", $".link.{deadPid}.0123456789abcdef.tmp" });
            Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), dir.Names());
        }

        private static int DeadPid()
        {
            for (var pid = 4_000_000; ; pid--)
            {
                if (!Platforms.Current.IsProcessAlive(pid))
                {
                    return pid;
                }
            }
        }
    }
}
