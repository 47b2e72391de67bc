using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AtomicWrite
{
    /// <remarks>
    /// The asynchronous saves give the same guarantees as the synchronous ones: they fsync too (through
    /// <see cref="AtomicFileStream.CommitAsync"/>; <see cref="Stream.FlushAsync()"/> alone never fsyncs), on the thread
    /// pool. Cancellation is honoured until backup rotation starts; a cancelled save throws
    /// <see cref="OperationCanceledException"/> and leaves target, backups and no temporary file behind.
    /// Note: <c>WriteAllTextAsync(path, text, default)</c> with a positional <c>default</c> is ambiguous here (it
    /// could be the encoding); write <c>CancellationToken.None</c> or name the argument.
    /// </remarks>
    public static partial class AtomicFile
    {
        /// <summary>Asynchronous <see cref="WriteAllText(string, string, AtomicWriteOptions)"/>. Twin of <c>File.WriteAllTextAsync</c>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The text; null writes an empty file.</param>
        /// <param name="cancellationToken">Cancels the save until backup rotation starts.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>A task that completes when the new content is on disk.</returns>
        public static Task WriteAllTextAsync(string path, string? contents, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null) =>
            WriteAllTextAsync(path, contents, Utf8NoBom, cancellationToken, options);

        /// <summary>Asynchronous <see cref="WriteAllText(string, string, Encoding, AtomicWriteOptions)"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The text; null writes only the preamble.</param>
        /// <param name="encoding">The encoding to apply.</param>
        /// <param name="cancellationToken">Cancels the save until backup rotation starts.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>A task that completes when the new content is on disk.</returns>
        public static Task WriteAllTextAsync(string path, string? contents, Encoding encoding, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null) =>
            WriteAllTextAsync(path, (contents ?? string.Empty).AsMemory(), encoding, cancellationToken, options);

        /// <summary>Asynchronous <see cref="WriteAllText(string, ReadOnlySpan{char}, AtomicWriteOptions)"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The text.</param>
        /// <param name="cancellationToken">Cancels the save until backup rotation starts.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>A task that completes when the new content is on disk.</returns>
        public static Task WriteAllTextAsync(string path, ReadOnlyMemory<char> contents, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null) =>
            WriteAllTextAsync(path, contents, Utf8NoBom, cancellationToken, options);

        /// <summary>Asynchronous <see cref="WriteAllText(string, ReadOnlySpan{char}, Encoding, AtomicWriteOptions)"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The text.</param>
        /// <param name="encoding">The encoding to apply.</param>
        /// <param name="cancellationToken">Cancels the save until backup rotation starts.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>A task that completes when the new content is on disk.</returns>
        public static Task WriteAllTextAsync(string path, ReadOnlyMemory<char> contents, Encoding encoding, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null)
        {
            ValidateWrite(path, null, string.Empty, encoding, encodingGiven: true);
            return WriteTextAsync(path, Chunks(contents), encoding, newLines: false, cancellationToken, options);
        }

        /// <summary>Asynchronous <see cref="WriteAllBytes(string, byte[], AtomicWriteOptions)"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="bytes">The content.</param>
        /// <param name="cancellationToken">Cancels the save until backup rotation starts.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>A task that completes when the new content is on disk.</returns>
        public static Task WriteAllBytesAsync(string path, byte[] bytes, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null)
        {
            ValidateWrite(path, bytes, nameof(bytes), null, encodingGiven: false);
            return WriteAllBytesAsync(path, bytes.AsMemory(), cancellationToken, options);
        }

        /// <summary>Asynchronous <see cref="WriteAllBytes(string, ReadOnlySpan{byte}, AtomicWriteOptions)"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="bytes">The content.</param>
        /// <param name="cancellationToken">Cancels the save until backup rotation starts.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>A task that completes when the new content is on disk.</returns>
        public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null)
        {
            ValidateWrite(path, null, string.Empty, null, encodingGiven: false);
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = Begin(path, options);
            const int chunk = 64 * 1024;
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                var slice = bytes.Slice(offset, Math.Min(chunk, bytes.Length - offset));
#if NET
                await stream.WriteAsync(slice, cancellationToken).ConfigureAwait(false);
#else
                var array = slice.ToArray();
                await stream.WriteAsync(array, 0, array.Length, cancellationToken).ConfigureAwait(false);
#endif
            }

            await stream.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Asynchronous <see cref="WriteAllLines(string, IEnumerable{string}, AtomicWriteOptions)"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The lines, each followed by <see cref="Environment.NewLine"/>.</param>
        /// <param name="cancellationToken">Cancels the save until backup rotation starts.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>A task that completes when the new content is on disk.</returns>
        public static Task WriteAllLinesAsync(string path, IEnumerable<string> contents, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null) =>
            WriteAllLinesAsync(path, contents, Utf8NoBom, cancellationToken, options);

        /// <summary>Asynchronous <see cref="WriteAllLines(string, IEnumerable{string}, Encoding, AtomicWriteOptions)"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The lines, each followed by <see cref="Environment.NewLine"/>.</param>
        /// <param name="encoding">The encoding to apply.</param>
        /// <param name="cancellationToken">Cancels the save until backup rotation starts.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>A task that completes when the new content is on disk.</returns>
        public static Task WriteAllLinesAsync(string path, IEnumerable<string> contents, Encoding encoding, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null)
        {
            ValidateWrite(path, contents, nameof(contents), encoding, encodingGiven: true);
            return WriteTextAsync(path, contents, encoding, newLines: true, cancellationToken, options);
        }

        private static IEnumerable<string> Chunks(ReadOnlyMemory<char> contents)
        {
            const int chunk = 16 * 1024;
            for (var offset = 0; offset < contents.Length; offset += chunk)
            {
                yield return contents.Slice(offset, Math.Min(chunk, contents.Length - offset)).ToString();
            }
        }

        private static async Task WriteTextAsync(string path, IEnumerable<string> parts, Encoding encoding, bool newLines, CancellationToken cancellationToken, AtomicWriteOptions? options)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = Begin(path, options);
            using (var writer = new StreamWriter(stream, encoding, TextBufferSize, leaveOpen: true))
            {
                foreach (var part in parts)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (newLines)
                    {
                        await writer.WriteLineAsync(part).ConfigureAwait(false);
                    }
                    else
                    {
                        await writer.WriteAsync(part).ConfigureAwait(false);
                    }
                }

                await writer.FlushAsync().ConfigureAwait(false);
            }

            await stream.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
