using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using AtomicWrite.Platform;
using Microsoft.Win32.SafeHandles;

namespace AtomicWrite.Internal
{
    /// <summary>
    /// Temporary files live next to the target (a rename across file systems is not atomic) and are named
    /// <c>.&lt;name&gt;.&lt;pid&gt;.&lt;random&gt;.tmp</c>: unique per writer, so two writers never share one and a name
    /// planted in advance cannot be guessed; the pid lets a later process recognise temps of dead writers.
    /// </summary>
    internal static class TempFiles
    {
        public static readonly TimeSpan StaleAge = TimeSpan.FromMinutes(10);

        private const int MaxNameBytes = 200; // NAME_MAX is 255; the pid, random part and ".tmp" take the rest

        private static readonly Regex Pattern = new Regex(
            @"^\..+\.(?<pid>[0-9]{1,10})\.[0-9a-f]{16}\.tmp$", RegexOptions.CultureInvariant);

        private static readonly ConcurrentDictionary<string, bool> SweptDirectories = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public static string NewName(string baseName)
        {
            while (Encoding.UTF8.GetByteCount(baseName) > MaxNameBytes)
            {
                baseName = baseName.Substring(0, baseName.Length - 1);
            }

            var random = Guid.NewGuid().ToString("N").Substring(0, 16);
            return "." + baseName + "." + Platforms.Current.ProcessId.ToString(CultureInfo.InvariantCulture) + "." + random + ".tmp";
        }

        /// <summary>
        /// Step 2: creates the temp exclusively (O_CREAT|O_EXCL|O_NOFOLLOW, 0600, so a planted file or symlink is
        /// never opened) and gives it the permissions and owner it will have as the target before any byte is
        /// written, so the content is never readable by anyone the target did not allow.
        /// </summary>
        public static SafeFileHandle Create(ResolvedTarget target, string baseName, in FileStatus existing, UnixFileMode? newFileMode, out string tempPath)
        {
            var platform = Platforms.Current;
            var likeFileCreate = !existing.Exists && newFileMode is null;
            SafeFileHandle handle;
            while (true)
            {
                tempPath = target.Sibling(NewName(baseName));
                if (platform.TryCreateExclusive(tempPath, target.Path, likeFileCreate, out handle))
                {
                    break;
                }
            }

            try
            {
                // Marks the temp as a live writer's: the sweeper of another process skips locked temps.
                platform.TryLock(handle, exclusive: true);
                if (existing.Kind == FileKind.Regular)
                {
                    platform.CopyOwnerAndMode(handle, target.Path, existing);
                }
                else if (newFileMode is UnixFileMode mode)
                {
                    platform.SetMode(handle, target.Path, (int)mode);
                }

                return handle;
            }
            catch
            {
                handle.Dispose();
                platform.TryDelete(tempPath);
                throw;
            }
        }

        /// <summary>
        /// Removes temps left by writers that died (their pid is gone) or stalled (older than 10 minutes), at most
        /// once per directory per process. Never a temp whose writer still holds its lock, never a name that does
        /// not have the temp pattern, never anything but a regular file. Errors are ignored: sweeping is housekeeping.
        /// </summary>
        public static void SweepOnce(string directory)
        {
            if (!SweptDirectories.TryAdd(directory, true))
            {
                return;
            }

            try
            {
                foreach (var path in Directory.EnumerateFiles(directory, ".*.tmp"))
                {
                    TrySweep(path);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        internal static bool IsTempName(string fileName) => Pattern.IsMatch(fileName);

        private static void TrySweep(string path)
        {
            var match = Pattern.Match(Path.GetFileName(path));
            if (!match.Success || !int.TryParse(match.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return;
            }

            try
            {
                var platform = Platforms.Current;
                var status = platform.GetStatus(path);
                var old = DateTime.UtcNow - status.ModifiedUtc > StaleAge;
                if (status.Kind != FileKind.Regular || (!old && (pid == platform.ProcessId || platform.IsProcessAlive(pid))))
                {
                    return;
                }

                // Shared, not exclusive: a live writer holds its temp exclusively, so this fails for it; and a stale
                // staged backup is a hard link of a file readers may be opening, which must never see a conflict.
                using var handle = platform.OpenReadNoFollow(path);
                if (platform.TryLock(handle, exclusive: false) && platform.GetStatus(handle).IsSameFileAs(status))
                {
                    platform.TryDelete(path);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
