using System.Runtime.InteropServices;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>
    /// Linux's open(2) flags and statx number per architecture, from the kernel's uapi headers
    /// (asm-generic/fcntl.h, arch/arm and arch/powerpc fcntl.h, each unistd table): a wrong O_NOFOLLOW would follow a
    /// planted symlink, a wrong O_DIRECTORY would open a file as the directory to fsync.
    /// </summary>
    public sealed class PlatformConstantsTests
    {
        public static TheoryData<string, int, int, int> Linux => new()
        {
            // architecture, O_DIRECTORY, O_NOFOLLOW, statx
            { "X64", 0x10000, 0x20000, 332 },
            { "X86", 0x10000, 0x20000, 383 },
            { "Arm64", 0x4000, 0x8000, 291 },
            { "Arm", 0x4000, 0x8000, 397 },
            { "Armv6", 0x4000, 0x8000, 397 },
            { "Ppc64le", 0x4000, 0x8000, 383 },
            { "S390x", 0x10000, 0x20000, 379 },
            { "RiscV64", 0x10000, 0x20000, 291 },
            { "LoongArch64", 0x10000, 0x20000, 291 },
            { "Wasm", 0x10000, 0x20000, -1 },
        };

        [Theory]
        [MemberData(nameof(Linux))]
        public void Linux_values_follow_the_kernel_headers(string architecture, int directory, int noFollow, int statx)
        {
            var constants = UnixConstants.ForLinux(architecture);

            Assert.Equal(directory, constants.ODirectory);
            Assert.Equal(noFollow, constants.ONoFollow);
            Assert.Equal(statx, constants.StatxSyscall);
            Assert.Equal(0x40, constants.OCreat);
            Assert.Equal(0x80, constants.OExcl);
        }

        [Fact]
        public void The_running_process_uses_its_architecture_values()
        {
            Assert.True(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "the runtime tests run on Linux");
            var expected = UnixConstants.ForLinux(RuntimeInformation.ProcessArchitecture.ToString());

            Assert.Equal(expected.ONoFollow, UnixConstants.Current.ONoFollow);
            Assert.Equal(expected.ODirectory, UnixConstants.Current.ODirectory);
            Assert.Equal(expected.StatxSyscall, UnixConstants.Current.StatxSyscall);
        }
    }
}
