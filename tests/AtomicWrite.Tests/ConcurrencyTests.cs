using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using AtomicWrite.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace AtomicWrite.Tests
{
    public sealed class ConcurrencyTests
    {
        private readonly ITestOutputHelper _output;

        public ConcurrencyTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<bool> WithAndWithoutTheLock => new() { true, false };

        // Without CrossProcessLock the backup chain may skip versions, but no save fails and nothing is torn.
        [Theory]
        [MemberData(nameof(WithAndWithoutTheLock))]
        public void Four_processes_of_four_threads_with_readers_only_ever_show_whole_versions(bool crossProcessLock)
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            AtomicFile.WriteAllText(path, TestChildDocument(1));
            var readErrors = new ConcurrentQueue<string>();
            var reads = 0;
            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        CrashTests.WholeVersion(File.ReadAllText(path));
                        Interlocked.Increment(ref reads);
                    }
                    catch (Exception e)
                    {
                        readErrors.Enqueue(e.GetType().Name + ": " + e.Message);
                    }
                }
            })).ToList();
            readers.ForEach(r => r.Start());

            var writers = Enumerable.Range(1, 4).Select(id => Child.Start(new[] { "writers", path, id.ToString(), "4", "15", crossProcessLock ? "--lock" : "--no-lock" })).ToList();
            foreach (var writer in writers)
            {
                Assert.True(writer.WaitForExit(TimeSpan.FromSeconds(120)), "a writer did not finish");
                Assert.True(writer.Lines.Contains("done"), string.Join(" | ", writer.Lines));
                writer.Dispose();
            }

            stop.Cancel();
            readers.ForEach(r => r.Join());
            _output.WriteLine($"{reads} whole reads during 240 saves by 16 writers");

            Assert.Empty(readErrors);
            Assert.True(reads > 0);
            foreach (var name in new[] { "tokens.json", "tokens.json.bak", "tokens.json.bak.2" })
            {
                CrashTests.WholeVersion(File.ReadAllText(dir.File(name)));
            }

            Assert.Empty(dir.Temps());
            var expected = new[] { "tokens.json", "tokens.json.bak", "tokens.json.bak.2" };
            Assert.Equal(crossProcessLock ? expected.Append("tokens.json.lock") : expected, dir.Names());
        }

        [Fact]
        public void Threads_of_one_process_keep_a_consistent_backup_chain()
        {
            using var dir = new TempDirectory();
            var path = dir.File("state.txt");
            var options = new AtomicWriteOptions { BackupCount = 3 };
            var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
            {
                for (var i = 0; i < 25; i++)
                {
                    AtomicFile.WriteAllText(path, $"{t}:{i}", options);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            var chain = new[] { "state.txt", "state.txt.bak", "state.txt.bak.2", "state.txt.bak.3" }.Select(n => File.ReadAllText(dir.File(n))).ToList();
            Assert.Equal(4, chain.Distinct().Count()); // serialized saves: every generation is a different save
            Assert.Empty(dir.Temps());
        }

        private static string TestChildDocument(long version) =>
            "{\"version\":" + version + ",\"writer\":\"test\",\"padding\":\"\",\"length\":0}";
    }
}
