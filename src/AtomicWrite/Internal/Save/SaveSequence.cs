using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Platform;
using Microsoft.Win32.SafeHandles;

namespace AtomicWrite.Internal
{
    /// <summary>
    /// The save of docs/architecture.md ("Save, step by step"), one method per step:
    /// 1. resolve the target once; 2. create the temp exclusively, with the final owner and mode;
    /// 3. write, record what was written (<see cref="SaveRecord"/>), fsync, validate; 4. rotate backups; 5. rename over the target; 6. fsync the directory.
    /// Until step 5 succeeds every failure deletes the temp and leaves target and backups as they were.
    /// </summary>
    internal sealed class SaveSequence : IDisposable
    {
        private readonly IPlatform _platform = Platforms.Current;
        private readonly SafeFileHandle _handle;
        private readonly string _tempPath;
        private FileStream? _content;
        private long _length;

        private SaveSequence(ResolvedTarget target, AtomicWriteOptions options, SafeFileHandle handle, string tempPath, int bufferSize)
        {
            Target = target;
            Options = options;
            _handle = handle;
            _tempPath = tempPath;
            _content = new FileStream(handle, FileAccess.ReadWrite, bufferSize);
        }

        public ResolvedTarget Target { get; }

        public AtomicWriteOptions Options { get; }

        public bool IsCommitted { get; private set; }

        /// <summary>Where step 3 writes. Null after the content was closed (commit or discard).</summary>
        public FileStream Content => _content ?? throw new ObjectDisposedException(nameof(AtomicFileStream));

        public static SaveSequence Begin(string path, AtomicWriteOptions? options, int bufferSize)
        {
            options ??= AtomicWriteOptions.Default;
            var target = ResolvedTarget.ResolveForWrite(path);            // step 1
            TempFiles.SweepOnce(target.Directory);
            var handle = CreateTemp(target, options, out var tempPath);   // step 2
            return new SaveSequence(target, options, handle, tempPath, bufferSize);
        }

        public void Commit(CancellationToken cancellationToken)
        {
            Prepare();                                                    // step 3
            using (SaveLock.Acquire(Target, Options, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();         // last point where cancelling changes nothing
                BackupRotation.Rotate(Target, Options);                   // step 4
                ReplaceTarget();                                          // step 5
            }

            Finish();                                                     // step 6
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            // FlushAsync never fsyncs: the data sync runs on the pool, like the rest of the blocking steps.
            await Task.Run(Prepare, CancellationToken.None).ConfigureAwait(false);
            using (await SaveLock.AcquireAsync(Target, Options, cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Run(() => { BackupRotation.Rotate(Target, Options); ReplaceTarget(); }, CancellationToken.None).ConfigureAwait(false);
            }

            await Task.Run(Finish, CancellationToken.None).ConfigureAwait(false);
        }

        /// <summary>Step 3 done: the content is flushed, fsynced, validated and the temp closed.</summary>
        public void Prepare()
        {
            SyncTemp();
            ValidateTemp();
            CloseTemp();
        }

        /// <summary>Step 5, for a caller that holds the save lock itself (the recovery loader).</summary>
        public void ReplaceTarget()
        {
            _platform.Replace(_tempPath, Target.Path);
            IsCommitted = true;
        }

        /// <summary>Step 6 and the bookkeeping of a successful save.</summary>
        public void Finish()
        {
            SyncDirectory();
            AtomicWriteMetrics.Saves.Add(1);
            AtomicWriteMetrics.BytesWritten.Add(_length);
        }

        /// <summary>Before step 5: deletes the temp. After it: nothing left to do.</summary>
        public void Dispose()
        {
            if (!IsCommitted)
            {
                DiscardTemp();
                try
                {
                    _platform.TryDelete(_tempPath);
                }
                catch (IOException)
                {
                    // Left for the sweeper: it is a dead or stale writer's temp from now on.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            _handle.Dispose();
        }

        private static SafeFileHandle CreateTemp(ResolvedTarget target, AtomicWriteOptions options, out string tempPath)
        {
            var existing = Platforms.Current.GetStatus(target.Path);
            return TempFiles.Create(target, target.Name, existing, options.NewFileMode, out tempPath);
        }

        private void SyncTemp()
        {
            var content = Content;
            try
            {
                content.Flush();
                _length = content.Length;

                // Before the fsync, so the record is on disk with the content it describes.
                _platform.TryWriteSaveRecord(_handle, SaveRecord.Describe(content));
                if (Options.Durability != Durability.None)
                {
                    _platform.FlushToDisk(_handle, Target.Path);
                }
            }
            catch (Exception e) when (e is IOException or ArgumentOutOfRangeException)
            {
                throw WriteFailure(e, Target.Path);
            }
        }

        private void ValidateTemp()
        {
            if (Options.Validate is null)
            {
                return;
            }

            var content = Content;
            content.Position = 0;
            var bytes = Internal.Content.ReadAll(content);
            if (!Options.Validate(bytes))
            {
                throw new IOException(
                    $"The new content for '{Target.Path}' was rejected by AtomicWriteOptions.Validate; the target and its backups were left unchanged.");
            }
        }

        // The temp becomes the target at step 5: our lock on it must be gone by then, or .NET readers, which take a
        // shared flock on every open, would fail with a sharing violation. Unlock explicitly: a child process forked
        // by another thread shares the open file until its exec, so closing alone may not release the lock in time.
        private void CloseTemp()
        {
            var content = Interlocked.Exchange(ref _content, null);
            if (content != null)
            {
                content.Flush();
                _platform.Unlock(_handle);
                content.Dispose();
            }
        }

        // Discarding: bytes still buffered (a full disk refused them) must not throw out of Dispose and stop the
        // temp from being deleted. FileStream closes its handle even when its final flush throws.
        private void DiscardTemp()
        {
            var content = Interlocked.Exchange(ref _content, null);
            try
            {
                content?.Dispose();
            }
            catch (IOException)
            {
            }
            catch (ArgumentOutOfRangeException)
            {
                // EFBIG while flushing the buffer
            }
        }

        private void SyncDirectory()
        {
            if (Options.Durability != Durability.Full)
            {
                return;
            }

            try
            {
                _platform.FlushDirectory(Target.Directory);
            }
            catch (Exception e)
            {
                throw Errors.MarkCommitted(new IOException(
                    $"'{Target.Path}' was replaced, but flushing its directory to disk failed, so a power cut could still undo the rename: {e.Message}", e));
            }
        }

        /// <summary>A write to the temp failed: say which target, and turn EFBIG (which .NET reports as
        /// <see cref="ArgumentOutOfRangeException"/>) into an <see cref="IOException"/>.</summary>
        internal static Exception WriteFailure(Exception e, string path) => e switch
        {
            _ when e.Data.Contains(Errors.CommittedKey) => e,
            ArgumentOutOfRangeException => Errors.FileTooLarge(path, e),
            IOException when e.Message.IndexOf(path, StringComparison.Ordinal) < 0 => new IOException(
                $"Saving '{path}' failed: {e.Message} The target and its backups were left unchanged.", e),
            _ => e,
        };
    }
}
