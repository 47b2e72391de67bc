using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AtomicWrite.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace AtomicWrite.Tests
{
    /// <summary>
    /// SIGKILL a child that saves versions 1, 2, 3, ... in a loop, printing each version after its save returned.
    /// After every kill the file parses as a whole version, at least the last one printed.
    /// </summary>
    [Collection(ProcessWide.Name)] // a kill budget in seconds: not while the crash-state explorer takes the CPU
    public sealed class CrashTests
    {
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);
        private readonly ITestOutputHelper _output;

        public CrashTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Kill_9_at_random_moments_never_leaves_a_torn_or_older_file()
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            var random = new Random(20240601);
            var clock = Stopwatch.StartNew();
            long next = 1;
            var kills = 0;
            var savesSeen = 0L;
            while (kills < Child.CrashKills && clock.Elapsed < Budget)
            {
                long acknowledged;
                using (var child = Child.Start(new[] { "loop", path, next.ToString(CultureInfo.InvariantCulture) }))
                {
                    var first = child.NextLine(TimeSpan.FromSeconds(20));
                    Assert.True(first != null && first.StartsWith("saved ", StringComparison.Ordinal), "child did not start saving: " + first);
                    System.Threading.Thread.Sleep(random.Next(0, 25));
                    child.Kill();
                    Assert.True(child.WaitForExit(TimeSpan.FromSeconds(10)));
                    var saved = child.Lines.Where(l => l.StartsWith("saved ", StringComparison.Ordinal)).Select(l => long.Parse(l.Substring(6), CultureInfo.InvariantCulture)).ToList();
                    acknowledged = saved.Max();
                    savesSeen += saved.Count;
                }

                kills++;
                var version = WholeVersion(File.ReadAllText(path));
                Assert.True(version >= acknowledged, $"kill {kills}: the file holds version {version}, but {acknowledged} was acknowledged");
                Assert.Equal(version, AtomicFile.Load(path, (string text) => WholeVersion(text), new AtomicWriteOptions { BackupCount = 2 }));
                if (File.Exists(path + ".bak"))
                {
                    // Equal when the kill fell between backup rotation and the rename.
                    Assert.True(WholeVersion(File.ReadAllText(path + ".bak")) <= version, "the backup is newer than the primary");
                }

                next = version + 1;
            }

            _output.WriteLine($"{kills} kills in {clock.Elapsed.TotalSeconds:0.0} s; {savesSeen} acknowledged saves; temps left by killed writers: {dir.Temps().Length}");
            Assert.True(kills >= Math.Min(Child.CrashKills, 20), $"only {kills} kills within the budget");
        }

        /// <summary>The version of a whole document written by the child; fails on anything torn.</summary>
        internal static long WholeVersion(string text)
        {
            var match = Regex.Match(text, "^\\{\"version\":(?<v>\\d+),\"writer\":\"[^\"]+\",\"padding\":\"(?<p>[a-z]*)\",\"length\":(?<n>\\d+)\\}$");
            Assert.True(match.Success, "not a whole document: " + (text.Length > 80 ? text.Substring(0, 80) + "..." : text));
            Assert.Equal(int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), match.Groups["p"].Value.Length);
            return long.Parse(match.Groups["v"].Value, CultureInfo.InvariantCulture);
        }
    }
}
