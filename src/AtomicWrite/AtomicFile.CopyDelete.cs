using System;
using System.IO;
using System.Text.RegularExpressions;
using AtomicWrite.Internal;
using AtomicWrite.Platform;

namespace AtomicWrite
{
    public static partial class AtomicFile
    {
        /// <summary>Atomically and durably replaces <paramref name="destFileName"/> with a copy of <paramref name="sourceFileName"/>,
        /// keeping the destination's previous version as a backup. Always overwrites (the atomic twin of
        /// <c>File.Copy(source, destination, overwrite: true)</c>).</summary>
        /// <param name="sourceFileName">The file to copy.</param>
        /// <param name="destFileName">The file to replace or create. A symlink is written through.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <exception cref="FileNotFoundException"><paramref name="sourceFileName"/> does not exist.</exception>
        /// <exception cref="IOException">The save failed; the destination and its backups are unchanged.</exception>
        public static void Copy(string sourceFileName, string destFileName, AtomicWriteOptions? options = null) =>
            Copy(sourceFileName, destFileName, overwrite: true, options);

        /// <summary>Like <see cref="File.Copy(string, string, bool)"/>, but the destination is replaced atomically and durably.</summary>
        /// <param name="sourceFileName">The file to copy.</param>
        /// <param name="destFileName">The file to replace or create. A symlink is written through.</param>
        /// <param name="overwrite">False: fail with <see cref="IOException"/> if the destination exists, as <see cref="File.Copy(string, string, bool)"/> does.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <exception cref="FileNotFoundException"><paramref name="sourceFileName"/> does not exist.</exception>
        /// <exception cref="IOException">The destination exists and <paramref name="overwrite"/> is false, or the save failed.</exception>
        public static void Copy(string sourceFileName, string destFileName, bool overwrite, AtomicWriteOptions? options = null)
        {
            ResolvedTarget.ValidatePathArgument(sourceFileName, nameof(sourceFileName));
            ResolvedTarget.ValidatePathArgument(destFileName, nameof(destFileName));
            using var source = new FileStream(sourceFileName, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            if (!overwrite && File.Exists(destFileName))
            {
                throw new IOException($"The file '{destFileName}' already exists.");
            }

            using var stream = Begin(destFileName, options);
            source.CopyTo(stream, 64 * 1024);
            stream.Commit();
        }

        /// <summary>
        /// Deletes <paramref name="path"/> and every backup generation of it (and the <c>.corrupt</c> copy the loader
        /// keeps), so that deleted data — a logged-out token — cannot come back from a backup. Backups go first, and
        /// (unless <see cref="Durability.None"/>) their removal is flushed to disk before the primary goes: a crash or
        /// power cut midway leaves the primary, never a backup without it. A missing file is not an error, as with
        /// <see cref="File.Delete(string)"/>. A symlinked path deletes the file it points to (where the data is) and
        /// leaves the link.
        /// </summary>
        /// <param name="path">The file to delete.</param>
        /// <param name="options">Gives the backup suffix and the locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
        /// <exception cref="UnauthorizedAccessException">The directory does not allow deleting files.</exception>
        public static void Delete(string path, AtomicWriteOptions? options = null)
        {
            options ??= AtomicWriteOptions.Default;
            var target = ResolvedTarget.Resolve(path);
            if (Platforms.Current.GetStatus(target.Path).Kind == FileKind.Directory)
            {
                throw Errors.IsDirectory(target.Path);
            }

            var platform = Platforms.Current;
            using (SaveLock.Acquire(target, options))
            {
                var backupPattern = new Regex(
                    "^" + Regex.Escape(target.Name + options.BackupSuffix) + @"(\.[0-9]+)?$|^" + Regex.Escape(target.Name + Recovery.CorruptSuffix) + "$",
                    RegexOptions.CultureInvariant);
                var deletedBackup = false;
                foreach (var candidate in Directory.EnumerateFiles(target.Directory, target.Name + "*"))
                {
                    if (backupPattern.IsMatch(Path.GetFileName(candidate)))
                    {
                        deletedBackup |= platform.TryDelete(candidate);
                    }
                }

                // Unlinks of different names may reach the disk in any order (XFS, ext4 data=writeback): without this
                // fsync a power cut could keep the primary's unlink and lose the backups', and the loader would then
                // bring a deleted older version back from a backup.
                if (deletedBackup && options.Durability != Durability.None)
                {
                    platform.FlushDirectory(target.Directory);
                }

                platform.TryDelete(target.Path);
            }

            if (options.Durability == Durability.Full)
            {
                platform.FlushDirectory(target.Directory);
            }
        }
    }
}
