using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Internal;

namespace AtomicWrite
{
    /// <remarks>
    /// <para><b>The recovery loader.</b> <c>ReadAll*</c> and <c>Load</c> read the file like <see cref="File"/> does,
    /// but when its content is bad they fall back to the newest valid backup (<c>.bak</c>, then <c>.bak.2</c>, …):</para>
    /// <list type="bullet">
    /// <item><description>Bad content means: missing, zero-filled, rejected by <see cref="AtomicWriteOptions.Validate"/>,
    /// the parser of <c>Load</c> threw (other than <see cref="OperationCanceledException"/> or
    /// <see cref="OutOfMemoryException"/>), or empty <i>while a valid non-empty backup exists</i> (an empty file with
    /// no backup reads as empty, as with <see cref="File"/>).</description></item>
    /// <item><description>What a save of <see cref="AtomicFile"/> wrote is never bad content: each save attaches a
    /// record of its bytes (length and SHA-256, in the extended attribute <c>user.atomicwrite.save</c>, set before the
    /// fsync and renamed with the file). Content that matches its record — empty or all zero bytes included — is
    /// returned as saved and never replaced by a backup; if <see cref="AtomicWriteOptions.Validate"/> or the parser
    /// rejects it, the load throws <see cref="AtomicFileCorruptedException"/> and changes nothing. Without a matching
    /// record (changed in place or replaced by another writer, a file system without user extended attributes,
    /// Windows) the checks above decide.</description></item>
    /// <item><description>Then, under the save lock and only if the file is still the one rejected, the rejected file is
    /// kept as <c>path + ".corrupt"</c> (one is kept), the backup is copied back with the full save sequence,
    /// <see cref="Recovered"/> is raised, the <c>atomicwrite.recoveries</c> counter grows, and the backup's content is
    /// returned. A save that wins the race is never undone: the loader reads again.</description></item>
    /// <item><description>An I/O error on the file (permission denied, EIO, a directory at the path) is not corruption:
    /// the backup's content is returned and nothing is written; without a valid backup the error is rethrown.</description></item>
    /// <item><description>No valid version: <see cref="AtomicFileCorruptedException"/>, naming each path tried and why;
    /// nothing is deleted or overwritten. Nothing at all (no file, no backup): <see cref="FileNotFoundException"/>.</description></item>
    /// <item><description>Temporary files are never a source, and backups are never read through a symbolic link.</description></item>
    /// </list>
    /// <para>The loader reads the whole file into memory before the parser sees it (it must judge it first).</para>
    /// </remarks>
    public static partial class AtomicFile
    {
        /// <summary>Raised after a load returned a backup's content instead of the file's, for hosts to log. Handlers run
        /// on the loading thread; an exception thrown by a handler is ignored (it must not undo a successful recovery).</summary>
        public static event EventHandler<AtomicFileRecoveredEventArgs>? Recovered;

        /// <summary>Reads <paramref name="path"/> as text (UTF-8 unless a byte order mark says otherwise), recovering
        /// from the backup if the file is bad. Twin of <see cref="File.ReadAllText(string)"/>.</summary>
        /// <param name="path">The file to read.</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The text of the file, or of the backup it was recovered from.</returns>
        /// <exception cref="FileNotFoundException">Neither the file nor a backup exists.</exception>
        /// <exception cref="AtomicFileCorruptedException">No valid version exists; nothing was changed.</exception>
        public static string ReadAllText(string path, AtomicWriteOptions? options = null) =>
            ReadAllText(path, Encoding.UTF8, options);

        /// <summary>Reads <paramref name="path"/> as text in <paramref name="encoding"/> (a byte order mark wins), recovering from the backup if the file is bad.</summary>
        /// <param name="path">The file to read.</param>
        /// <param name="encoding">The encoding when the file has no byte order mark.</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The text of the file, or of the backup it was recovered from.</returns>
        public static string ReadAllText(string path, Encoding encoding, AtomicWriteOptions? options = null)
        {
            ValidateRead(path, encoding);
            return LoadBytes(path, options, bytes => Decode(bytes, encoding));
        }

        /// <summary>Reads <paramref name="path"/> as bytes, recovering from the backup if the file is bad. Twin of <see cref="File.ReadAllBytes(string)"/>.</summary>
        /// <param name="path">The file to read.</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The content of the file, or of the backup it was recovered from.</returns>
        public static byte[] ReadAllBytes(string path, AtomicWriteOptions? options = null)
        {
            ValidateRead(path, Encoding.UTF8);
            return LoadBytes(path, options, bytes => bytes);
        }

        /// <summary>Reads the lines of <paramref name="path"/>, recovering from the backup if the file is bad. Twin of <see cref="File.ReadAllLines(string)"/>.</summary>
        /// <param name="path">The file to read.</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The lines of the file, or of the backup it was recovered from.</returns>
        public static string[] ReadAllLines(string path, AtomicWriteOptions? options = null) =>
            ReadAllLines(path, Encoding.UTF8, options);

        /// <summary>Reads the lines of <paramref name="path"/> in <paramref name="encoding"/>, recovering from the backup if the file is bad.</summary>
        /// <param name="path">The file to read.</param>
        /// <param name="encoding">The encoding when the file has no byte order mark.</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The lines of the file, or of the backup it was recovered from.</returns>
        public static string[] ReadAllLines(string path, Encoding encoding, AtomicWriteOptions? options = null)
        {
            ValidateRead(path, encoding);
            return LoadBytes(path, options, bytes => Lines(Decode(bytes, encoding)));
        }

        internal static void OnRecovered(AtomicFileRecoveredEventArgs e)
        {
            var handlers = Recovered;
            if (handlers is null)
            {
                return;
            }

            foreach (var handler in handlers.GetInvocationList())
            {
                try
                {
                    ((EventHandler<AtomicFileRecoveredEventArgs>)handler)(null, e);
                }
                catch (Exception)
                {
                    // A logging handler that fails must not turn a successful recovery into a failed load.
                }
            }
        }

        private static T LoadBytes<T>(string path, AtomicWriteOptions? options, Func<byte[], T> parse) =>
            Recovery.LoadAsync(path, options, (bytes, _) => Task.FromResult(parse(bytes)), synchronous: true, CancellationToken.None).GetAwaiter().GetResult();

        private static void ValidateRead(string path, Encoding? encoding)
        {
            ResolvedTarget.ValidatePathArgument(path, nameof(path));
            if (encoding is null)
            {
                throw new ArgumentNullException(nameof(encoding));
            }
        }

        private static string Decode(byte[] bytes, Encoding encoding)
        {
            using var reader = new StreamReader(new MemoryStream(bytes, writable: false), encoding, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        private static string[] Lines(string text)
        {
            var lines = new List<string>();
            using var reader = new StringReader(text);
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                lines.Add(line);
            }

            return lines.ToArray();
        }
    }
}
