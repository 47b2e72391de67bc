using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace AtomicWrite
{
    public static partial class AtomicFile
    {
        /// <summary>Atomically and durably replaces <paramref name="path"/> with <paramref name="contents"/> as UTF-8
        /// (no byte order mark), keeping the previous version as a backup. Twin of <see cref="File.WriteAllText(string, string)"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The text; null writes an empty file, as <see cref="File"/> does.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <exception cref="ArgumentException"><paramref name="path"/> is empty or contains a NUL character.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
        /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
        /// <exception cref="UnauthorizedAccessException">The target is a directory or not writable, or the directory does not allow creating files.</exception>
        /// <exception cref="IOException">The save failed (full disk, I/O error, ...); target and backups are unchanged
        /// unless <c>Data["AtomicWrite.Committed"]</c> is true.</exception>
        public static void WriteAllText(string path, string? contents, AtomicWriteOptions? options = null) =>
            WriteAllText(path, contents, Utf8NoBom, options);

        /// <summary>Atomically and durably replaces <paramref name="path"/> with <paramref name="contents"/> in
        /// <paramref name="encoding"/> (with its preamble, as <see cref="File.WriteAllText(string, string, Encoding)"/>).</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The text; null writes only the preamble, as <see cref="File"/> does.</param>
        /// <param name="encoding">The encoding to apply.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        public static void WriteAllText(string path, string? contents, Encoding encoding, AtomicWriteOptions? options = null)
        {
            ValidateWrite(path, null, string.Empty, encoding, encodingGiven: true);
            using var stream = Begin(path, options);
            using (var writer = new StreamWriter(stream, encoding, TextBufferSize, leaveOpen: true))
            {
                writer.Write(contents);
            }

            stream.Commit();
        }

        /// <summary>Atomically and durably replaces <paramref name="path"/> with <paramref name="contents"/> as UTF-8.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The text.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        public static void WriteAllText(string path, ReadOnlySpan<char> contents, AtomicWriteOptions? options = null) =>
            WriteAllText(path, contents, Utf8NoBom, options);

        /// <summary>Atomically and durably replaces <paramref name="path"/> with <paramref name="contents"/> in <paramref name="encoding"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The text.</param>
        /// <param name="encoding">The encoding to apply.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        public static void WriteAllText(string path, ReadOnlySpan<char> contents, Encoding encoding, AtomicWriteOptions? options = null)
        {
            ValidateWrite(path, null, string.Empty, encoding, encodingGiven: true);
            using var stream = Begin(path, options);
            using (var writer = new StreamWriter(stream, encoding, TextBufferSize, leaveOpen: true))
            {
                var chunk = ArrayPool<char>.Shared.Rent(Math.Min(Math.Max(contents.Length, 1), 16 * 1024));
                try
                {
                    while (!contents.IsEmpty)
                    {
                        var count = Math.Min(contents.Length, chunk.Length);
                        contents.Slice(0, count).CopyTo(chunk);
                        writer.Write(chunk, 0, count);
                        contents = contents.Slice(count);
                    }
                }
                finally
                {
                    ArrayPool<char>.Shared.Return(chunk);
                }
            }

            stream.Commit();
        }

        /// <summary>Atomically and durably replaces <paramref name="path"/> with <paramref name="bytes"/>. Twin of <see cref="File.WriteAllBytes(string, byte[])"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="bytes">The content.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="bytes"/> is null.</exception>
        /// <exception cref="IOException">The save failed; see <see cref="WriteAllText(string, string, AtomicWriteOptions)"/>.</exception>
        public static void WriteAllBytes(string path, byte[] bytes, AtomicWriteOptions? options = null)
        {
            ValidateWrite(path, bytes, nameof(bytes), null, encodingGiven: false);
            WriteAllBytes(path, new ReadOnlySpan<byte>(bytes), options);
        }

        /// <summary>Atomically and durably replaces <paramref name="path"/> with <paramref name="bytes"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="bytes">The content.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, AtomicWriteOptions? options = null)
        {
            ValidateWrite(path, null, string.Empty, null, encodingGiven: false);
            using var stream = Begin(path, options);
#if NET
            stream.Write(bytes);
#else
            var chunk = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(bytes.Length, 1), 64 * 1024));
            try
            {
                while (!bytes.IsEmpty)
                {
                    var count = Math.Min(bytes.Length, chunk.Length);
                    bytes.Slice(0, count).CopyTo(chunk);
                    stream.Write(chunk, 0, count);
                    bytes = bytes.Slice(count);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
#endif
            stream.Commit();
        }

        /// <summary>Atomically and durably replaces <paramref name="path"/> with <paramref name="contents"/>, one line each,
        /// as UTF-8. Twin of <see cref="File.WriteAllLines(string, string[])"/>.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The lines, each followed by <see cref="Environment.NewLine"/>.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="contents"/> is null.</exception>
        /// <exception cref="IOException">The save failed; see <see cref="WriteAllText(string, string, AtomicWriteOptions)"/>.</exception>
        public static void WriteAllLines(string path, string[] contents, AtomicWriteOptions? options = null) =>
            WriteAllLines(path, (IEnumerable<string>)contents, Utf8NoBom, options);

        /// <inheritdoc cref="WriteAllLines(string, string[], AtomicWriteOptions)"/>
        public static void WriteAllLines(string path, IEnumerable<string> contents, AtomicWriteOptions? options = null) =>
            WriteAllLines(path, contents, Utf8NoBom, options);

        /// <inheritdoc cref="WriteAllLines(string, IEnumerable{string}, Encoding, AtomicWriteOptions)"/>
        public static void WriteAllLines(string path, string[] contents, Encoding encoding, AtomicWriteOptions? options = null) =>
            WriteAllLines(path, (IEnumerable<string>)contents, encoding, options);

        /// <summary>Atomically and durably replaces <paramref name="path"/> with <paramref name="contents"/>, one line each,
        /// in <paramref name="encoding"/>. If enumerating <paramref name="contents"/> throws, nothing changes.</summary>
        /// <param name="path">The file to replace or create. A symlink is written through.</param>
        /// <param name="contents">The lines, each followed by <see cref="Environment.NewLine"/>.</param>
        /// <param name="encoding">The encoding to apply.</param>
        /// <param name="options">Backups, durability, permissions and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        public static void WriteAllLines(string path, IEnumerable<string> contents, Encoding encoding, AtomicWriteOptions? options = null)
        {
            ValidateWrite(path, contents, nameof(contents), encoding, encodingGiven: true);
            using var stream = Begin(path, options);
            using (var writer = new StreamWriter(stream, encoding, TextBufferSize, leaveOpen: true))
            {
                foreach (var line in contents)
                {
                    writer.WriteLine(line);
                }
            }

            stream.Commit();
        }
    }
}
