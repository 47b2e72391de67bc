using System;
using System.IO;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>
    /// glibc before 2.28 and musl before 1.2.5 have no statx wrapper although the kernel has the system call; the
    /// runtime then calls it through syscall(2). That path gives the same status as the wrapper, for every kind of
    /// entry, by path and by descriptor, and a save through it keeps the file's mode.
    /// </summary>
    [Collection(StatxPathCollection.Name)]
    public sealed class StatxFallbackTests
    {
        public static TheoryData<string> Kinds => new() { "file", "directory", "symlink", "missing" };

        [Theory]
        [MemberData(nameof(Kinds))]
        public void The_system_call_gives_what_the_wrapper_gives(string kind)
        {
            using var dir = new TempDirectory();
            var path = Create(dir, kind);
            var platform = new UnixPlatform();

            var viaLibc = WithSyscall(false, () => platform.GetStatus(path));
            var viaSyscall = WithSyscall(true, () => platform.GetStatus(path));

            Assert.Equal(viaLibc.Kind, viaSyscall.Kind);
            Assert.Equal(viaLibc.Mode, viaSyscall.Mode);
            Assert.Equal(viaLibc.Uid, viaSyscall.Uid);
            Assert.Equal(viaLibc.Gid, viaSyscall.Gid);
            Assert.Equal(viaLibc.Device, viaSyscall.Device);
            Assert.Equal(viaLibc.Inode, viaSyscall.Inode);
            Assert.Equal(viaLibc.Size, viaSyscall.Size);
            Assert.Equal(viaLibc.ModifiedUtc, viaSyscall.ModifiedUtc);
            if (kind != "missing")
            {
                Assert.NotEqual(0UL, viaSyscall.Inode);
            }
        }

        [Fact]
        public void The_system_call_reads_an_open_file()
        {
            using var dir = new TempDirectory();
            var path = Create(dir, "file");
            var platform = new UnixPlatform();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);

            var viaLibc = WithSyscall(false, () => platform.GetStatus(stream.SafeFileHandle));
            var viaSyscall = WithSyscall(true, () => platform.GetStatus(stream.SafeFileHandle));

            Assert.Equal(FileKind.Regular, viaSyscall.Kind);
            Assert.Equal(viaLibc.Inode, viaSyscall.Inode);
            Assert.Equal(viaLibc.Mode, viaSyscall.Mode);
            Assert.Equal(viaLibc.Size, viaSyscall.Size);
        }

        [Fact]
        public void A_save_through_the_system_call_keeps_the_mode()
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            File.WriteAllText(path, "v1");
            const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
            File.SetUnixFileMode(path, (System.IO.UnixFileMode)(int)mode);

            WithSyscall(true, () =>
            {
                AtomicFile.WriteAllText(path, "v2");
                return 0;
            });

            Assert.Equal("v2", File.ReadAllText(path));
            Assert.Equal((int)mode, (int)File.GetUnixFileMode(path));
            Assert.Equal("v1", File.ReadAllText(path + ".bak"));
        }

        private static string Create(TempDirectory dir, string kind)
        {
            var path = dir.File(kind);
            switch (kind)
            {
                case "file":
                    File.WriteAllText(path, "{\"tokens\": []}");
                    break;
                case "directory":
                    Directory.CreateDirectory(path);
                    break;
                case "symlink":
                    File.WriteAllText(dir.File("target"), "x");
                    File.CreateSymbolicLink(path, dir.File("target"));
                    break;
            }

            return path;
        }

        private static T WithSyscall<T>(bool bySyscall, Func<T> action)
        {
            bool before = UnixNative.StatxBySyscall;
            UnixNative.StatxBySyscall = bySyscall;
            try
            {
                return action();
            }
            finally
            {
                UnixNative.StatxBySyscall = before;
            }
        }
    }

    /// <summary>The tests that switch statx's path run one at a time (the switch is process-wide).</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class StatxPathCollection
    {
        public const string Name = "statx path";
    }
}
