using System;
using System.IO;
using System.Text;
using AtomicWrite.Internal;

namespace AtomicWrite
{
    public static partial class AtomicFile
    {
        /// <summary>
        /// Starts a streaming atomic save of <paramref name="path"/>: write to the returned stream, then call
        /// <see cref="AtomicFileStream.Commit"/>. Disposing without committing discards the data and leaves the target
        /// untouched. Replacement for <see cref="File.Create(string)"/> when the content is produced incrementally.
        /// </summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The stream; the temporary file already exists, with the target's final permissions.</returns>
        /// <exception cref="ArgumentException"><paramref name="path"/> is empty or contains a NUL character.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
        /// <exception cref="UnauthorizedAccessException">The target is a directory or not writable, or the directory does not allow creating files.</exception>
        /// <exception cref="IOException">The temporary file could not be created.</exception>
        public static AtomicFileStream Create(string path, AtomicWriteOptions? options = null) =>
            Create(path, DefaultBufferSize, options);

        /// <inheritdoc cref="Create(string, AtomicWriteOptions)"/>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="bufferSize">Bytes buffered before they go to the temporary file (0 or 1: none).</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="bufferSize"/> is negative.</exception>
        public static AtomicFileStream Create(string path, int bufferSize, AtomicWriteOptions? options = null)
        {
            ResolvedTarget.ValidatePathArgument(path, nameof(path));
            if (bufferSize < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bufferSize), bufferSize, "Positive number required.");
            }

            return Begin(path, options, Math.Max(bufferSize, 1));
        }

        /// <summary>
        /// Starts a streaming atomic save of text (UTF-8, no byte order mark): write, then call
        /// <see cref="AtomicStreamWriter.Commit"/>. Disposing without committing discards the text. Replacement for
        /// <see cref="File.CreateText(string)"/>.
        /// </summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The writer.</returns>
        public static AtomicStreamWriter CreateText(string path, AtomicWriteOptions? options = null) =>
            CreateText(path, Utf8NoBom, options);

        /// <summary>Starts a streaming atomic save of text in <paramref name="encoding"/> (with its preamble).</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="encoding">The encoding to apply.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The writer.</returns>
        public static AtomicStreamWriter CreateText(string path, Encoding encoding, AtomicWriteOptions? options = null)
        {
            ValidateWrite(path, null, string.Empty, encoding, encodingGiven: true);
            return new AtomicStreamWriter(Begin(path, options), encoding);
        }
    }
}
