using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Platform;

namespace AtomicWrite.Internal
{
    /// <summary>
    /// The recovery loader of docs/architecture.md ("Load, step by step"). Only content failures (missing, empty while
    /// a good backup exists, zero-filled, rejected by Validate, the parser threw) restore from a backup, and only for
    /// content that no completed save recorded (<see cref="SaveRecord"/>): what AtomicFile itself saved is never
    /// undone. An I/O error on the file is not
    /// corruption. Written once for both the synchronous and the asynchronous API: with <c>synchronous</c> every
    /// awaited task is already complete, so the synchronous callers never block on the thread pool.
    /// </summary>
    internal static class Recovery
    {
        public const string CorruptSuffix = ".corrupt";
        private const int MaxRaces = 10;

        public static Task<T> LoadAsync<T>(string path, AtomicWriteOptions? options, Func<byte[], CancellationToken, Task<T>> parse, bool synchronous, CancellationToken cancellationToken)
        {
            options ??= AtomicWriteOptions.Default;
            var target = ResolvedTarget.Resolve(path); // validates like File, creates nothing
            return LoadCore(target, options, parse, synchronous, cancellationToken);
        }

        private static async Task<T> LoadCore<T>(ResolvedTarget target, AtomicWriteOptions options, Func<byte[], CancellationToken, Task<T>> parse, bool synchronous, CancellationToken cancellationToken)
        {
            for (var race = 0; race < MaxRaces; race++)
            {
                var primary = await Candidate<T>.Read(target.Path, options, parse, synchronous, cancellationToken).ConfigureAwait(false);
                if (primary.Kind == CandidateKind.Valid)
                {
                    return primary.Value!;
                }

                var rejections = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>(primary.Path, primary.Reason) };
                if (primary.IsSaved)
                {
                    // A deliberate save that the parser or Validate rejects is not damage: recovering would undo it.
                    rejections[0] = new KeyValuePair<string, string>(primary.Path, primary.Reason + "; it is what AtomicFile last saved (its save record matches), so no backup replaces it");
                    throw new AtomicFileCorruptedException(target.Path, rejections, primary.Error);
                }

                var backup = await FirstValidBackup(target, options, parse, rejections, synchronous, cancellationToken).ConfigureAwait(false);
                if (backup is null)
                {
                    if (primary.Kind is CandidateKind.Bad or CandidateKind.Missing && Changed(target, primary))
                    {
                        continue; // a save replaced the bad file meanwhile (and may have rotated it over the backup)
                    }

                    return await NoValidBackup(target, primary, rejections, parse, cancellationToken).ConfigureAwait(false);
                }

                if (primary.Kind == CandidateKind.Unreadable)
                {
                    // Not corruption: the file may be fine for someone else. Use the backup, write nothing.
                    Report(target.Path, backup.Path, primary.Reason + "; the file was left as it is");
                    return backup.Value!;
                }

                var outcome = await Restore(target, options, primary, backup, synchronous, cancellationToken).ConfigureAwait(false);
                if (outcome != null)
                {
                    Report(target.Path, backup.Path, outcome);
                    return backup.Value!;
                }

                // A save replaced the file while we were deciding: its newer content wins, so load again.
            }

            throw new IOException($"'{target.Path}' kept changing while the loader tried to recover it; try again.");
        }

        private static async Task<Candidate<T>?> FirstValidBackup<T>(ResolvedTarget target, AtomicWriteOptions options, Func<byte[], CancellationToken, Task<T>> parse, List<KeyValuePair<string, string>> rejections, bool synchronous, CancellationToken cancellationToken)
        {
            for (var generation = 1; generation <= options.BackupCount; generation++)
            {
                var backup = await Candidate<T>.Read(options.BackupPath(target.Path, generation), options, parse, synchronous, cancellationToken).ConfigureAwait(false);
                if (backup.Kind == CandidateKind.Valid)
                {
                    return backup;
                }

                rejections.Add(new KeyValuePair<string, string>(backup.Path, backup.Reason));
            }

            return null;
        }

        private static async Task<T> NoValidBackup<T>(ResolvedTarget target, Candidate<T> primary, List<KeyValuePair<string, string>> rejections, Func<byte[], CancellationToken, Task<T>> parse, CancellationToken cancellationToken)
        {
            switch (primary.Kind)
            {
                case CandidateKind.Empty:
                    // An empty file and nothing better: read it as File would (the parser decides what empty means).
                    try
                    {
                        return await parse(Array.Empty<byte>(), cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (Candidate<T>.IsContentFailure(e))
                    {
                        rejections[0] = new KeyValuePair<string, string>(primary.Path, "empty, and the parser threw " + e.GetType().Name + ": " + e.Message);
                        throw new AtomicFileCorruptedException(target.Path, rejections, e);
                    }

                case CandidateKind.Unreadable:
                    ExceptionDispatchInfo.Capture(primary.Error!).Throw();
                    throw primary.Error!;

                case CandidateKind.Missing when rejections.TrueForAll(r => r.Value == Candidate<T>.MissingReason):
                    throw new FileNotFoundException($"Could not find file '{target.Path}' (nor a backup of it).", target.Path);

                default:
                    throw new AtomicFileCorruptedException(target.Path, rejections, primary.Error);
            }
        }

        /// <summary>
        /// Keeps the rejected file as <c>path.corrupt</c> and copies the backup back with the save sequence, under the
        /// save lock and only if the file is still the one rejected. Returns the reason to report, or null if a save
        /// replaced the file meanwhile.
        /// </summary>
        private static async Task<string?> Restore<T>(ResolvedTarget target, AtomicWriteOptions options, Candidate<T> primary, Candidate<T> backup, bool synchronous, CancellationToken cancellationToken)
        {
            SaveSequence save;
            try
            {
                save = SaveSequence.Begin(target.Path, options, AtomicFile.DefaultBufferSize);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return primary.Reason + "; the backup could not be written back: " + e.Message;
            }

            using (save)
            {
                save.Content.Write(backup.Bytes, 0, backup.Bytes.Length);
                await Run(save.Prepare, synchronous).ConfigureAwait(false);
                using (synchronous ? SaveLock.Acquire(target, options, cancellationToken) : await SaveLock.AcquireAsync(target, options, cancellationToken).ConfigureAwait(false))
                {
                    if (Changed(target, primary))
                    {
                        return null;
                    }

                    if (Platforms.Current.GetStatus(target.Path).Exists)
                    {
                        Platforms.Current.Replace(target.Path, target.Path + CorruptSuffix); // keep one, for a post-mortem
                    }

                    save.ReplaceTarget();
                }

                try
                {
                    await Run(save.Finish, synchronous).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // Restored but the directory fsync failed: the next load recovers again if a power cut undoes it.
                }
            }

            return primary.Reason;
        }

        private static bool Changed<T>(ResolvedTarget target, Candidate<T> primary)
        {
            var current = Platforms.Current.GetStatus(target.Path);
            return primary.Kind == CandidateKind.Missing ? current.Exists : !current.IsSameFileAs(primary.Status);
        }

        private static void Report(string path, string backupPath, string reason)
        {
            AtomicWriteMetrics.Recoveries.Add(1);
            AtomicFile.OnRecovered(new AtomicFileRecoveredEventArgs(path, backupPath, reason));
        }

        private static Task Run(Action action, bool synchronous)
        {
            if (!synchronous)
            {
                return Task.Run(action);
            }

            action();
            return Task.CompletedTask;
        }
    }
}
