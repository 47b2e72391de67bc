using System;
using System.IO;

namespace AtomicWrite
{
    /// <summary>
    /// How <see cref="AtomicFile"/> saves and loads. Immutable: <see cref="Default"/>, or an object initializer
    /// (<c>new AtomicWriteOptions { BackupCount = 3 }</c>) for anything else. Every property is validated when it is
    /// set, so an invalid options object cannot exist, and one instance can be shared by every thread.
    /// </summary>
    public sealed class AtomicWriteOptions
    {
        private readonly int _backupCount = 1;
        private readonly string _backupSuffix = ".bak";
        private readonly UnixFileMode? _newFileMode = DefaultNewFileMode;
        private readonly TimeSpan _lockTimeout = TimeSpan.FromSeconds(10);
        private readonly Durability _durability = Durability.Full;

        private const UnixFileMode DefaultNewFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        private const int AllModeBits = 0xFFF; // 07777

        /// <summary>The defaults: full durability, one backup named <c>path + ".bak"</c>, new files 0600, no cross-process lock.</summary>
        public static AtomicWriteOptions Default { get; } = new AtomicWriteOptions();

        /// <summary>
        /// For files that other users or tools read (shared configuration, project files): like <see cref="Default"/>,
        /// but a new file is created like <see cref="File.Create(string)"/> — 0666 narrowed by the process umask, so
        /// 0644 under the usual 022 — instead of 0600. An existing file keeps its own mode either way.
        /// </summary>
        public static AtomicWriteOptions SharedConfiguration { get; } = new AtomicWriteOptions { NewFileMode = null };

        /// <summary>What is fsynced before a save returns. Default <see cref="AtomicWrite.Durability.Full"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="AtomicWrite.Durability"/>.</exception>
        public Durability Durability
        {
            get => _durability;
            init => _durability = value is Durability.Full or Durability.FileOnly or Durability.None
                ? value
                : throw new ArgumentOutOfRangeException(nameof(value), value, "Durability must be Full, FileOnly or None.");
        }

        /// <summary>
        /// How many previous versions to keep: <c>path + BackupSuffix</c> holds the version before the current one,
        /// <c>path + BackupSuffix + ".2"</c> the one before that, and so on. The loader tries them in that order.
        /// 0 keeps none (and then the loader has nothing to recover from). Default 1.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is negative or above 100.</exception>
        public int BackupCount
        {
            get => _backupCount;
            init => _backupCount = value >= 0 && value <= 100
                ? value
                : throw new ArgumentOutOfRangeException(nameof(value), value, "BackupCount must be between 0 and 100.");
        }

        /// <summary>Suffix of the first backup generation. Default <c>".bak"</c>.</summary>
        /// <exception cref="ArgumentNullException">The value is null.</exception>
        /// <exception cref="ArgumentException">The value is empty, contains a directory separator or a NUL character,
        /// or ends with <c>".tmp"</c>, <c>".lock"</c> or <c>".corrupt"</c> (names AtomicFile uses for other files).</exception>
        public string BackupSuffix
        {
            get => _backupSuffix;
            init => _backupSuffix = ValidateSuffix(value);
        }

        /// <summary>
        /// Checked on the new bytes before they replace the target (a save whose bytes fail it throws and changes
        /// nothing), and on the primary when loading (a primary that fails it is recovered from the backup).
        /// Also guards backup rotation: a primary that fails it is never rotated over a good backup. Default null.
        /// </summary>
        public Func<ReadOnlyMemory<byte>, bool>? Validate { get; init; }

        /// <summary>
        /// Permissions of a file that did not exist, applied with <c>fchmod</c> before any data is written and used
        /// exactly as given (the umask does not narrow it). Default 0600 (owner read and write). An existing file always
        /// keeps its own permission bits (and owner, where the caller may set it). Null means "like
        /// <see cref="File.Create(string)"/>": 0666 narrowed by the process umask (what
        /// <see cref="SharedConfiguration"/> uses). 0600 is right for secrets; a file that other users or tools must
        /// read needs null or an explicit mode such as 0644. Ignored on Windows.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The value has bits outside 07777.</exception>
        public UnixFileMode? NewFileMode
        {
            get => _newFileMode;
            init => _newFileMode = value is null || ((int)value.Value & ~AllModeBits) == 0
                ? value
                : throw new ArgumentOutOfRangeException(nameof(value), value, "NewFileMode must be a combination of UnixFileMode permission bits.");
        }

        /// <summary>
        /// Take an exclusive advisory lock (<c>flock</c>) on <c>path + ".lock"</c> around backup rotation + rename and
        /// around restores, so that several processes saving the same file keep a consistent backup chain. The lock
        /// file is created 0600 and never deleted. Plain readers are never blocked. Writers inside one process are
        /// always serialized, with or without this option. Default false.
        /// </summary>
        public bool CrossProcessLock { get; init; }

        /// <summary>How long to wait for the cross-process lock before the save fails with an <see cref="IOException"/>. Default 10 s.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is negative (other than <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>).</exception>
        public TimeSpan LockTimeout
        {
            get => _lockTimeout;
            init => _lockTimeout = value >= TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
                ? value
                : throw new ArgumentOutOfRangeException(nameof(value), value, "LockTimeout must not be negative.");
        }

        internal string BackupPath(string target, int generation) =>
            generation == 1 ? target + BackupSuffix : target + BackupSuffix + "." + generation.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string ValidateSuffix(string value)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            if (value.Length == 0 || value.IndexOf('/') >= 0 || value.IndexOf('\\') >= 0 || value.IndexOf('\0') >= 0)
            {
                throw new ArgumentException("BackupSuffix must be a non-empty file name suffix without separators.", nameof(value));
            }

            foreach (var reserved in new[] { ".tmp", ".lock", ".corrupt" })
            {
                if (value.EndsWith(reserved, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"BackupSuffix must not end with '{reserved}': AtomicFile uses that name for other files.", nameof(value));
                }
            }

            return value;
        }
    }
}
