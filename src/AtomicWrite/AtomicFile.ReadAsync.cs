using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Internal;

namespace AtomicWrite
{
    public static partial class AtomicFile
    {
        /// <summary>Asynchronous <see cref="ReadAllText(string, AtomicWriteOptions)"/>. Twin of <c>File.ReadAllTextAsync</c>.</summary>
        /// <param name="path">The file to read.</param>
        /// <param name="cancellationToken">Cancels the load (a restore in progress completes or changes nothing).</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The text of the file, or of the backup it was recovered from.</returns>
        public static Task<string> ReadAllTextAsync(string path, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null) =>
            ReadAllTextAsync(path, Encoding.UTF8, cancellationToken, options);

        /// <summary>Asynchronous <see cref="ReadAllText(string, Encoding, AtomicWriteOptions)"/>.</summary>
        /// <param name="path">The file to read.</param>
        /// <param name="encoding">The encoding when the file has no byte order mark.</param>
        /// <param name="cancellationToken">Cancels the load (a restore in progress completes or changes nothing).</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The text of the file, or of the backup it was recovered from.</returns>
        public static Task<string> ReadAllTextAsync(string path, Encoding encoding, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null)
        {
            ValidateRead(path, encoding);
            return Recovery.LoadAsync(path, options, (bytes, _) => Task.FromResult(Decode(bytes, encoding)), synchronous: false, cancellationToken);
        }

        /// <summary>Asynchronous <see cref="ReadAllBytes(string, AtomicWriteOptions)"/>. Twin of <c>File.ReadAllBytesAsync</c>.</summary>
        /// <param name="path">The file to read.</param>
        /// <param name="cancellationToken">Cancels the load (a restore in progress completes or changes nothing).</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The content of the file, or of the backup it was recovered from.</returns>
        public static Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null)
        {
            ValidateRead(path, Encoding.UTF8);
            return Recovery.LoadAsync(path, options, (bytes, _) => Task.FromResult(bytes), synchronous: false, cancellationToken);
        }

        /// <summary>Asynchronous <see cref="ReadAllLines(string, AtomicWriteOptions)"/>. Twin of <c>File.ReadAllLinesAsync</c>.</summary>
        /// <param name="path">The file to read.</param>
        /// <param name="cancellationToken">Cancels the load (a restore in progress completes or changes nothing).</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The lines of the file, or of the backup it was recovered from.</returns>
        public static Task<string[]> ReadAllLinesAsync(string path, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null) =>
            ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken, options);

        /// <summary>Asynchronous <see cref="ReadAllLines(string, Encoding, AtomicWriteOptions)"/>.</summary>
        /// <param name="path">The file to read.</param>
        /// <param name="encoding">The encoding when the file has no byte order mark.</param>
        /// <param name="cancellationToken">Cancels the load (a restore in progress completes or changes nothing).</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The lines of the file, or of the backup it was recovered from.</returns>
        public static Task<string[]> ReadAllLinesAsync(string path, Encoding encoding, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null)
        {
            ValidateRead(path, encoding);
            return Recovery.LoadAsync(path, options, (bytes, _) => Task.FromResult(Lines(Decode(bytes, encoding))), synchronous: false, cancellationToken);
        }
    }
}
