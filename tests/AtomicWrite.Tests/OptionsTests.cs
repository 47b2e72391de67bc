using System;
using System.Collections.Generic;
using System.Threading;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>Options are validated when set, so an invalid options object cannot exist.</summary>
    public sealed class OptionsTests
    {
        private static readonly Dictionary<string, (Type Exception, Func<AtomicWriteOptions> Create)> Invalid = new()
        {
            ["BackupCount = -1"] = (typeof(ArgumentOutOfRangeException), () => new AtomicWriteOptions { BackupCount = -1 }),
            ["BackupCount = 101"] = (typeof(ArgumentOutOfRangeException), () => new AtomicWriteOptions { BackupCount = 101 }),
            ["BackupSuffix = null"] = (typeof(ArgumentNullException), () => new AtomicWriteOptions { BackupSuffix = null! }),
            ["BackupSuffix = empty"] = (typeof(ArgumentException), () => new AtomicWriteOptions { BackupSuffix = string.Empty }),
            ["BackupSuffix with a separator"] = (typeof(ArgumentException), () => new AtomicWriteOptions { BackupSuffix = "/../x" }),
            ["BackupSuffix = .tmp"] = (typeof(ArgumentException), () => new AtomicWriteOptions { BackupSuffix = ".tmp" }),
            ["BackupSuffix = .lock"] = (typeof(ArgumentException), () => new AtomicWriteOptions { BackupSuffix = ".lock" }),
            ["BackupSuffix = .corrupt"] = (typeof(ArgumentException), () => new AtomicWriteOptions { BackupSuffix = ".corrupt" }),
            ["NewFileMode beyond 07777"] = (typeof(ArgumentOutOfRangeException), () => new AtomicWriteOptions { NewFileMode = Modes.ForOptions((System.IO.UnixFileMode)0x1000) }),
            ["LockTimeout negative"] = (typeof(ArgumentOutOfRangeException), () => new AtomicWriteOptions { LockTimeout = TimeSpan.FromSeconds(-1) }),
            ["Durability undefined"] = (typeof(ArgumentOutOfRangeException), () => new AtomicWriteOptions { Durability = (Durability)7 }),
        };

        public static TheoryData<string> InvalidNames => new(Invalid.Keys);

        [Theory]
        [MemberData(nameof(InvalidNames))]
        public void An_invalid_value_throws_when_set(string name)
        {
            var (exception, create) = Invalid[name];
            Assert.IsType(exception, Record.Exception(create));
        }

        [Fact]
        public void Default_is_full_durability_one_backup_0600_no_cross_process_lock()
        {
            var d = AtomicWriteOptions.Default;
            Assert.Equal(
                (Durability.Full, 1, ".bak", (int?)0x180, false, TimeSpan.FromSeconds(10), true),
                (d.Durability, d.BackupCount, d.BackupSuffix, (int?)d.NewFileMode, d.CrossProcessLock, d.LockTimeout, d.Validate is null));
            Assert.Same(AtomicWriteOptions.Default, AtomicWriteOptions.Default);
        }

        [Fact]
        public void Boundary_values_are_accepted()
        {
            var options = new AtomicWriteOptions { BackupCount = 0, LockTimeout = Timeout.InfiniteTimeSpan, NewFileMode = null, BackupSuffix = ".old" };
            Assert.Equal((0, Timeout.InfiniteTimeSpan, ".old"), (options.BackupCount, options.LockTimeout, options.BackupSuffix));
            Assert.Null(options.NewFileMode);
            Assert.Equal(100, new AtomicWriteOptions { BackupCount = 100 }.BackupCount);
        }
    }
}
