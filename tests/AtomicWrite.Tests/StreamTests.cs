using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    public sealed class StreamTests
    {
        [Fact]
        public void Create_writes_nothing_visible_until_Commit()
        {
            using var dir = new TempDirectory();
            var path = dir.File("state.bin");
            AtomicFile.WriteAllText(path, "old");

            using (var stream = AtomicFile.Create(path))
            {
                stream.Write(new byte[] { (byte)'n', (byte)'e' }, 0, 2);
                stream.WriteByte((byte)'w');
                stream.Flush();
                Assert.Equal("old", File.ReadAllText(path));
                Assert.Single(dir.Temps());
                stream.Commit();
                Assert.False(stream.CanWrite);
            }

            Assert.Equal("new", File.ReadAllText(path));
            Assert.Equal("old", File.ReadAllText(path + ".bak"));
            Assert.Empty(dir.Temps());
        }

        [Fact]
        public void Dispose_without_Commit_discards_and_leaves_the_target_untouched()
        {
            using var dir = new TempDirectory();
            var path = dir.File("state.bin");
            AtomicFile.WriteAllText(path, "v1");
            AtomicFile.WriteAllText(path, "v2");

            using (var stream = AtomicFile.Create(path))
            {
                stream.Write(Encoding.ASCII.GetBytes("never"), 0, 5);
            }

            using (var writer = AtomicFile.CreateText(path))
            {
                writer.Write("never either");
            }

            Assert.Equal("v2", File.ReadAllText(path));
            Assert.Equal("v1", File.ReadAllText(path + ".bak"));
            Assert.Equal(new[] { "state.bin", "state.bin.bak" }, dir.Names());
        }

        [Fact]
        public async Task DisposeAsync_without_CommitAsync_discards()
        {
            using var dir = new TempDirectory();
            var path = dir.File("state.bin");
            await using (var stream = AtomicFile.Create(path))
            {
                await stream.WriteAsync(new byte[] { 1, 2, 3 }, 0, 3);
            }

            Assert.Empty(dir.Names());
        }

        [Fact]
        public void After_Commit_Flush_and_Dispose_do_nothing_and_Write_throws()
        {
            using var dir = new TempDirectory();
            var path = dir.File("state.bin");
            var stream = AtomicFile.Create(path);
            stream.Write(new byte[] { 1 }, 0, 1);
            stream.Commit();

            stream.Flush();
            Assert.Throws<InvalidOperationException>(() => stream.Write(new byte[] { 2 }, 0, 1));
            Assert.Throws<InvalidOperationException>(() => stream.WriteByte(3));
            Assert.Throws<InvalidOperationException>(() => stream.Commit());
            stream.Dispose();
            stream.Dispose();

            Assert.Equal(new byte[] { 1 }, File.ReadAllBytes(path));
            Assert.Equal(new[] { "state.bin" }, dir.Names());
        }

        [Fact]
        public void The_stream_seeks_like_File_Create()
        {
            using var dir = new TempDirectory();
            var path = dir.File("state.txt");
            using (var stream = AtomicFile.Create(path, bufferSize: 0))
            {
                stream.Write(Encoding.ASCII.GetBytes("hello world"), 0, 11);
                stream.Position = 0;
                stream.WriteByte((byte)'J');
                stream.SetLength(5);
                Assert.Equal(5, stream.Length);
                Assert.False(stream.CanRead);
                Assert.Throws<NotSupportedException>(() => stream.Read(new byte[1], 0, 1));
                stream.Commit();
            }

            Assert.Equal("Jello", File.ReadAllText(path));
        }

        [Fact]
        public async Task CreateText_commits_what_the_writer_buffered()
        {
            using var dir = new TempDirectory();
            using (var writer = AtomicFile.CreateText(dir.File("a.txt")))
            {
                writer.WriteLine("line 1");
                writer.Write("line 2");
                writer.Commit(); // the writer's buffer was never flushed by hand
            }

            using (var writer = AtomicFile.CreateText(dir.File("b.txt"), Encoding.Unicode))
            {
                await writer.WriteAsync("wide");
                await writer.CommitAsync();
            }

            Assert.Equal("line 1" + Environment.NewLine + "line 2", File.ReadAllText(dir.File("a.txt")));
            Assert.Equal(Encoding.Unicode.GetPreamble().Length + 8, new FileInfo(dir.File("b.txt")).Length);
            Assert.Equal("wide", File.ReadAllText(dir.File("b.txt")));
        }

        [Fact]
        public void A_256_MiB_stream_keeps_memory_bounded_by_its_buffer()
        {
            using var dir = new TempDirectory();
            var path = dir.File("big.bin");
            AtomicFile.WriteAllText(path, "old");
            var chunk = new byte[1024 * 1024];
            new Random(7).NextBytes(chunk);
            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var peak = baseline;
            using (var stream = AtomicFile.Create(path))
            {
                for (var i = 0; i < 256; i++)
                {
                    chunk[0] = (byte)i;
                    stream.Write(chunk, 0, chunk.Length);
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                }

                stream.Commit();
            }

            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            Assert.Equal(256L * 1024 * 1024, new FileInfo(path).Length);
            Assert.True(peak - baseline < 16 * 1024 * 1024, $"managed memory grew by {(peak - baseline) / 1024} KiB while streaming 256 MiB");
            Assert.Equal("old", File.ReadAllText(path + ".bak"));
        }
    }
}
