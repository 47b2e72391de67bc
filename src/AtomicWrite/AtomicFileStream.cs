using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Internal;

namespace AtomicWrite
{
    /// <summary>
    /// A write-only stream whose content replaces the target only when <see cref="Commit"/> (or
    /// <see cref="CommitAsync"/>) is called. Created by <see cref="AtomicFile.Create(string, AtomicWriteOptions?)"/>.
    /// </summary>
    /// <remarks>
    /// <para>Until <see cref="Commit"/> the bytes go to a temporary file next to the target; readers see the old
    /// content. <see cref="Commit"/> fsyncs the temporary file, keeps the old content as the backup, renames the
    /// temporary file over the target and fsyncs the directory (see <see cref="AtomicFile"/> for the guarantees).</para>
    /// <para>Disposing without committing discards everything written and leaves the target untouched, so a
    /// forgotten <see cref="Commit"/> loses the new data silently (analyzer rule AW0004 flags it).</para>
    /// <para>After <see cref="Commit"/>, <see cref="Flush"/> and <see cref="Stream.Dispose()"/> do nothing and
    /// <c>Write</c> throws <see cref="InvalidOperationException"/>. Memory use is bounded by the buffer size,
    /// whatever the length written. The stream is not thread-safe.</para>
    /// </remarks>
    public sealed class AtomicFileStream : Stream
    {
        private SaveSequence? _save;
        private bool _committed;
        private bool _failed;

        internal AtomicFileStream(SaveSequence save)
        {
            _save = save;
        }

        /// <summary>The resolved full path of the file this stream will replace.</summary>
        public string TargetPath => (_save?.Target.Path) ?? string.Empty;

        /// <inheritdoc/>
        public override bool CanRead => false;

        /// <inheritdoc/>
        public override bool CanSeek => !_committed && _save != null;

        /// <inheritdoc/>
        public override bool CanWrite => !_committed && _save != null;

        /// <inheritdoc/>
        public override long Length => Content.Length;

        /// <inheritdoc/>
        public override long Position
        {
            get => Content.Position;
            set => Content.Position = value;
        }

        private FileStream Content => _committed
            ? throw Committed()
            : _save?.Content ?? throw new ObjectDisposedException(nameof(AtomicFileStream));

        private string Target => _save?.Target.Path ?? string.Empty;

        /// <summary>
        /// Publishes what was written: fsync, backup rotation, rename over the target, fsync of the directory.
        /// On an exception thrown before the rename the target and backups are unchanged and the stream is
        /// discarded; an exception thrown after it carries <c>Data["AtomicWrite.Committed"] = true</c>.
        /// </summary>
        /// <exception cref="IOException">The save failed; the message names the path.</exception>
        /// <exception cref="UnauthorizedAccessException">The directory does not allow creating or renaming files.</exception>
        public void Commit()
        {
            var save = _committed ? throw Committed() : _save ?? throw new ObjectDisposedException(nameof(AtomicFileStream));
            try
            {
                save.Commit(CancellationToken.None);
            }
            catch (Exception e)
            {
                throw CommitFailed(save, e);
            }

            _committed = true;
        }

        /// <summary>
        /// Like <see cref="Commit"/>, without blocking the caller's thread on fsync. Cancellation is honoured up to
        /// the start of backup rotation; a cancelled commit leaves target and backups unchanged and no temporary file.
        /// </summary>
        /// <param name="cancellationToken">Cancels the commit before the point of no return.</param>
        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            var save = _committed ? throw Committed() : _save ?? throw new ObjectDisposedException(nameof(AtomicFileStream));
            try
            {
                await save.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                throw CommitFailed(save, e);
            }

            _committed = true;
        }

        /// <summary>Moves buffered bytes to the temporary file (no fsync: <see cref="Commit"/> does that). Does nothing after commit.</summary>
        public override void Flush()
        {
            if (!_committed && _save != null)
            {
                Run(() => Content.Flush());
            }
        }

        /// <inheritdoc/>
        public override Task FlushAsync(CancellationToken cancellationToken) =>
            _committed || _save is null ? Task.CompletedTask : WrapAsync(Content.FlushAsync(cancellationToken));

        /// <inheritdoc/>
        public override void Write(byte[] buffer, int offset, int count)
        {
            ValidateBuffer(buffer, offset, count);
            var content = Content;
            Run(() => content.Write(buffer, offset, count));
        }

        /// <inheritdoc/>
        public override void WriteByte(byte value)
        {
            var content = Content;
            Run(() => content.WriteByte(value));
        }

        /// <inheritdoc/>
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            ValidateBuffer(buffer, offset, count);
            return WrapAsync(Content.WriteAsync(buffer, offset, count, cancellationToken));
        }

#if NET
        /// <inheritdoc/>
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var content = Content;
            try
            {
                content.Write(buffer);
            }
            catch (Exception e) when (e is IOException or ArgumentOutOfRangeException)
            {
                Fail();
                throw SaveSequence.WriteFailure(e, Target);
            }
        }

        /// <inheritdoc/>
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            new ValueTask(WrapAsync(Content.WriteAsync(buffer, cancellationToken).AsTask()));

        /// <summary>Discards the temporary file if <see cref="CommitAsync"/> was not called; does nothing after it.</summary>
        public override ValueTask DisposeAsync()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
            return default;
        }
#endif

        /// <inheritdoc/>
        public override long Seek(long offset, SeekOrigin origin) => Content.Seek(offset, origin);

        /// <inheritdoc/>
        public override void SetLength(long value) => Run(() => Content.SetLength(value));

        /// <summary>Not supported: the stream is write-only.</summary>
        /// <exception cref="NotSupportedException">Always.</exception>
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("AtomicFileStream is write-only.");

        /// <summary>Discards the temporary file unless committed; after a commit does nothing.</summary>
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Interlocked.Exchange(ref _save, null)?.Dispose();
            }

            base.Dispose(disposing);
        }

        private static void ValidateBuffer(byte[] buffer, int offset, int count)
        {
            if (buffer is null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || buffer.Length - offset < count)
            {
                throw new ArgumentOutOfRangeException(offset < 0 ? nameof(offset) : nameof(count));
            }
        }

        private void Fail()
        {
            if (!_failed)
            {
                _failed = true;
                AtomicWriteMetrics.SaveFailures.Add(1);
            }
        }

        // Before the rename the save is over: the temp goes now, not at Dispose. After it the content is published.
        private Exception CommitFailed(SaveSequence save, Exception e)
        {
            Fail();
            _committed = save.IsCommitted;
            if (!save.IsCommitted)
            {
                Interlocked.Exchange(ref _save, null)?.Dispose();
            }

            return e is OperationCanceledException ? e : SaveSequence.WriteFailure(e, save.Target.Path);
        }

        private InvalidOperationException Committed() =>
            new InvalidOperationException($"The atomic save of '{Target}' was already committed; write a new AtomicFileStream for further changes.");

        private void Run(Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (e is IOException or ArgumentOutOfRangeException or UnauthorizedAccessException)
            {
                Fail();
                throw SaveSequence.WriteFailure(e, Target);
            }
        }

        private async Task WrapAsync(Task task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ArgumentOutOfRangeException)
            {
                Fail();
                throw SaveSequence.WriteFailure(e, Target);
            }
        }
    }
}
