using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AtomicWrite
{
    /// <summary>
    /// A <see cref="StreamWriter"/> over an <see cref="AtomicFileStream"/>: the text replaces the target only on
    /// <see cref="Commit"/>. Disposing without committing discards the text and leaves the target untouched (analyzer
    /// rule AW0004 flags the paths that do). Created by <see cref="AtomicFile.CreateText(string, AtomicWriteOptions)"/>.
    /// </summary>
    public sealed class AtomicStreamWriter : StreamWriter
    {
        private readonly AtomicFileStream _stream;

        internal AtomicStreamWriter(AtomicFileStream stream, Encoding encoding)
            : base(stream, encoding, AtomicFile.DefaultBufferSize, leaveOpen: false)
        {
            _stream = stream;
        }

        /// <summary>Flushes the writer, then commits the stream (<see cref="AtomicFileStream.Commit"/>).</summary>
        /// <exception cref="IOException">The save failed; the message names the path.</exception>
        public void Commit()
        {
            Flush();
            _stream.Commit();
        }

        /// <summary>Flushes the writer, then commits the stream (<see cref="AtomicFileStream.CommitAsync"/>).</summary>
        /// <param name="cancellationToken">Cancels the commit before the point of no return.</param>
        /// <returns>A task that completes when the text is on disk.</returns>
        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await FlushAsync().ConfigureAwait(false);
            await _stream.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
