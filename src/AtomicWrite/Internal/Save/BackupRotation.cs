using System;
using System.IO;
using AtomicWrite.Platform;
using Microsoft.Win32.SafeHandles;

namespace AtomicWrite.Internal
{
    /// <summary>
    /// Step 4: keep the current primary as the newest backup before it is replaced. Runs under the save lock.
    /// </summary>
    internal static class BackupRotation
    {
        private const int CheckChunk = 64 * 1024;

        public static void Rotate(ResolvedTarget target, AtomicWriteOptions options)
        {
            if (options.BackupCount == 0)
            {
                return;
            }

            var platform = Platforms.Current;
            var primary = platform.GetStatus(target.Path);

            // An empty, zero-filled or invalid primary (a crash of some other writer, a bad save by File) must never
            // push the last good version out of the backup chain.
            if (primary.Kind != FileKind.Regular || !IsWorthKeeping(target.Path, options))
            {
                return;
            }

            var staged = StageCopyOfPrimary(target, options, primary);
            if (staged is null)
            {
                return;
            }

            try
            {
                ShiftOlderGenerations(target, options);

                // A link or copy staged under a unique name, then renamed: link() cannot replace an existing .bak,
                // and a fixed staging name could be a planted symlink.
                platform.Replace(staged, options.BackupPath(target.Path, 1));

                // rename() between two links of one inode succeeds and does nothing: another process without
                // CrossProcessLock may have made .bak a link of this same primary a moment ago. Drop our name then.
                platform.TryDelete(staged);
            }
            catch
            {
                platform.TryDelete(staged);
                throw;
            }

            NarrowOlderBackups(target, options, primary.Mode);
        }

        /// <summary>Content that deserves a backup slot: what a save recorded, or else non-empty, not all zero bytes,
        /// and accepted by Validate.</summary>
        internal static bool IsWorthKeeping(string path, AtomicWriteOptions options)
        {
            try
            {
                using var handle = Platforms.Current.OpenReadNoFollow(path);
                using var stream = new FileStream(handle, FileAccess.Read, 1);
                // A deliberate save (empty content included) is a version like any other.
                var record = Platforms.Current.TryReadSaveRecord(handle);
                if (record != null && SaveRecord.Matches(record, stream))
                {
                    return true;
                }

                stream.Position = 0;
                return Content.Check(stream, options.Validate) == ContentVerdict.Valid;
            }
            catch (UnauthorizedAccessException)
            {
                return true; // unreadable is not proof of corruption: keep it (link needs no read permission)
            }
        }

        private static string? StageCopyOfPrimary(ResolvedTarget target, AtomicWriteOptions options, in FileStatus primary)
        {
            var platform = Platforms.Current;
            var backupName = target.Name + options.BackupSuffix;
            for (var attempt = 0; ; attempt++)
            {
                var staged = target.Sibling(TempFiles.NewName(backupName));
                try
                {
                    if (platform.TryLink(target.Path, staged))
                    {
                        return staged;
                    }
                }
                catch (FileNotFoundException) when (attempt < 10)
                {
                    // Another process (saving without CrossProcessLock) renamed over the primary between our lookup
                    // and link(): the inode we found has no name left (ENOENT). Link the new primary instead.
                    continue;
                }
                catch (FileNotFoundException)
                {
                    return null; // the primary keeps changing under us: this save keeps no backup
                }

                if (platform.GetStatus(staged).Exists)
                {
                    continue; // the unique name was taken after all: draw another
                }

                return CopyPrimary(target, backupName, primary);
            }
        }

        // No hard links on this file system: copy, fsync, and rename like any save, never wider than the primary.
        private static string CopyPrimary(ResolvedTarget target, string backupName, in FileStatus primary)
        {
            var platform = Platforms.Current;
            string staged;
            using (var handle = TempFiles.Create(target, backupName, primary, null, out staged))
            {
                try
                {
                    using var output = new FileStream(handle, FileAccess.ReadWrite, 1);
                    using (var input = new FileStream(platform.OpenReadNoFollow(target.Path), FileAccess.Read, 1))
                    {
                        input.CopyTo(output, CheckChunk);
                    }

                    output.Flush();
                    platform.FlushToDisk(handle, target.Path);
                }
                catch
                {
                    platform.TryDelete(staged);
                    throw;
                }
            }

            return staged;
        }

        private static void ShiftOlderGenerations(ResolvedTarget target, AtomicWriteOptions options)
        {
            var platform = Platforms.Current;
            for (var generation = options.BackupCount - 1; generation >= 1; generation--)
            {
                var from = options.BackupPath(target.Path, generation);
                if (platform.GetStatus(from).Kind == FileKind.Regular)
                {
                    try
                    {
                        platform.Replace(from, options.BackupPath(target.Path, generation + 1));
                    }
                    catch (FileNotFoundException)
                    {
                        // Another process (saving without CrossProcessLock) shifted it first: the chain may skip a
                        // version, but this save must not fail for it.
                    }
                }
            }
        }

        // Older generations were made when the primary may have been wider; a chmod of the primary must reach them.
        private static void NarrowOlderBackups(ResolvedTarget target, AtomicWriteOptions options, int primaryMode)
        {
            var platform = Platforms.Current;
            for (var generation = 2; generation <= options.BackupCount; generation++)
            {
                var path = options.BackupPath(target.Path, generation);
                var status = platform.GetStatus(path);
                if (status.Kind != FileKind.Regular || (status.Mode & ~primaryMode & 0x1FF) == 0)
                {
                    continue;
                }

                try
                {
                    using SafeFileHandle handle = platform.OpenReadNoFollow(path);
                    platform.SetMode(handle, path, status.Mode & primaryMode & 0x1FF);
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
}
