using System;
using System.IO;
using System.Text;
using AtomicWrite.Internal;

namespace AtomicWrite
{
    /// <summary>
    /// Durable atomic replacement of whole files, keeping the previous version as a backup, and a loader that falls
    /// back to the backup when the file is bad. Mirrors <see cref="File"/>: every <c>WriteAll*</c>/<c>ReadAll*</c>
    /// overload of <see cref="File"/> has a twin here with the same leading parameters and a trailing optional
    /// <see cref="AtomicWriteOptions"/>.
    /// </summary>
    /// <remarks>
    /// <para><b>What a save guarantees</b> (Linux, the platform tested in CI; <see cref="Durability.Full"/>):</para>
    /// <list type="bullet">
    /// <item><description><b>Atomic:</b> at every moment, and after a <c>kill -9</c> at any moment, the target holds
    /// either the whole old content or the whole new content, never a mix, a truncation or nothing.</description></item>
    /// <item><description><b>Durable:</b> when the save returns, the new content and the rename are on stable storage
    /// (the temporary file is fsynced before the rename and the directory after it), so they survive a power cut.
    /// Before it returns, a power cut leaves the old or the new content, whole.</description></item>
    /// <item><description><b>Backed up:</b> the previous content is kept as <c>path + ".bak"</c> (and older ones as
    /// <c>.bak.2</c>, …, per <see cref="AtomicWriteOptions.BackupCount"/>). An empty, zero-filled or
    /// <see cref="AtomicWriteOptions.Validate"/>-rejected primary is never rotated over a good backup.</description></item>
    /// <item><description><b>Permissions:</b> an existing file keeps its permission bits (set-id bits excepted) and,
    /// where the caller may set them, its owner and group; a caller who may not keep the group drops the group bits
    /// rather than grant them to its own group. A new file gets <see cref="AtomicWriteOptions.NewFileMode"/> (0600).
    /// Both are applied before the first byte is written, and backups are never wider than the primary.</description></item>
    /// <item><description><b>Full disk and other errors:</b> a save that fails before the rename deletes its temporary
    /// file and leaves target and backups untouched; it throws an <see cref="IOException"/> (or
    /// <see cref="OperationCanceledException"/>) naming the path. A failure after the rename (fsync of the
    /// directory) sets <c>exception.Data["AtomicWrite.Committed"] = true</c>.</description></item>
    /// <item><description><b>Concurrent writers:</b> saves of one file are serialized within the process; with
    /// <see cref="AtomicWriteOptions.CrossProcessLock"/> also across processes. Readers are never blocked and always
    /// see a whole version. Without the lock, concurrent processes still never produce a torn file (last rename
    /// wins), but the backup chain may skip versions.</description></item>
    /// <item><description><b>Symlinks:</b> a symlinked target is written through (the link stays, its target is
    /// replaced). Every name AtomicFile creates itself (temporary files, staged backups, the lock file) is created
    /// with <c>O_EXCL|O_NOFOLLOW</c>, so a planted symlink or file never redirects a write.</description></item>
    /// </list>
    /// <para><b>Limits:</b> a process that opened the old file before the rename keeps reading the old content (a
    /// rename does not change open files). Hard links to the target are not updated (the name gets a new inode).
    /// Network file systems (NFS, SMB) may not honour fsync or rename atomicity. A directory's fsync is what makes the
    /// rename durable; file systems that ignore it (some FUSE, some container overlays) weaken durability to
    /// <see cref="Durability.FileOnly"/>. A single file bind-mounted into a container cannot be replaced by rename
    /// (EBUSY/EXDEV: the exception says so). macOS (F_FULLFSYNC) and Windows (MoveFileEx with
    /// MOVEFILE_WRITE_THROUGH, a bounded one-second retry on sharing violations) are implemented but not tested in CI;
    /// on Windows permissions and owners follow the directory's inherited ACLs.</para>
    /// <para><b>Source compatibility with <see cref="File"/>:</b> every call that compiles against <see cref="File"/>
    /// compiles here unchanged, except a bare <c>null</c> or positional <c>default</c> where <see cref="File"/> expects an
    /// <see cref="System.Text.Encoding"/> or a <see cref="System.Threading.CancellationToken"/> (e.g.
    /// <c>ReadAllText(path, null)</c>): the trailing options make such calls ambiguous, so pass a typed value or a
    /// named argument.</para>
    /// </remarks>
    public static partial class AtomicFile
    {
        internal const int DefaultBufferSize = 4096;

        // Whole-content text writes encode through a 16K-char writer buffer: 64 write calls per MiB of ASCII instead of
        // 256 with the stream default, and its encoded-byte buffer (at most ~48 KiB) stays off the large object heap.
        internal const int TextBufferSize = 16 * 1024;

        // What File uses when no encoding is given: UTF-8 without a byte order mark, throwing on lone surrogates.
        internal static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private static AtomicFileStream Begin(string path, AtomicWriteOptions? options, int bufferSize = DefaultBufferSize) =>
            new AtomicFileStream(SaveSequence.Begin(path, options, bufferSize));

        private static void ValidateWrite(string path, object? contents, string contentsName, Encoding? encoding, bool encodingGiven)
        {
            ResolvedTarget.ValidatePathArgument(path, nameof(path));
            if (contentsName.Length > 0 && contents is null)
            {
                throw new ArgumentNullException(contentsName);
            }

            if (encodingGiven && encoding is null)
            {
                throw new ArgumentNullException(nameof(encoding));
            }
        }
    }
}
