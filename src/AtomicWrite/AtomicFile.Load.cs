using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Internal;

namespace AtomicWrite
{
    /// <remarks>
    /// <b>Load: the parser is the validator.</b> If it throws on the file's content, the loader recovers from the
    /// backup (see <see cref="ReadAllText(string, AtomicWriteOptions)"/> for the rules). A lambda whose body compiles
    /// for both a string and a Stream is ambiguous between the two <c>Load</c> overloads — e.g.
    /// <c>text =&gt; JsonSerializer.Deserialize&lt;T&gt;(text)</c>, since <c>Deserialize</c> has both — so type its
    /// parameter: <c>AtomicFile.Load(path, (string text) =&gt; JsonSerializer.Deserialize&lt;T&gt;(text)!)</c>.
    /// </remarks>
    public static partial class AtomicFile
    {
        /// <summary>Reads <paramref name="path"/> as UTF-8 text and parses it; if the content is bad or
        /// <paramref name="parse"/> throws, returns the parse of the newest valid backup and restores it.</summary>
        /// <typeparam name="T">What the file holds.</typeparam>
        /// <param name="path">The file to load.</param>
        /// <param name="parse">Turns the text into a value; throwing marks the content as bad.</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The parsed file, or the parsed backup it was recovered from.</returns>
        /// <exception cref="FileNotFoundException">Neither the file nor a backup exists.</exception>
        /// <exception cref="AtomicFileCorruptedException">No version parses; nothing was changed.</exception>
        public static T Load<T>(string path, Func<string, T> parse, AtomicWriteOptions? options = null)
        {
            ValidateLoad(path, parse);
            return LoadBytes(path, options, bytes => parse(Decode(bytes, Encoding.UTF8)));
        }

        /// <summary>Parses <paramref name="path"/> from a stream; if the content is bad or <paramref name="parse"/>
        /// throws, returns the parse of the newest valid backup and restores it.</summary>
        /// <typeparam name="T">What the file holds.</typeparam>
        /// <param name="path">The file to load.</param>
        /// <param name="parse">Reads the value from the stream (over the whole content, already in memory); throwing marks the content as bad.</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The parsed file, or the parsed backup it was recovered from.</returns>
        /// <exception cref="FileNotFoundException">Neither the file nor a backup exists.</exception>
        /// <exception cref="AtomicFileCorruptedException">No version parses; nothing was changed.</exception>
        public static T Load<T>(string path, Func<Stream, T> parse, AtomicWriteOptions? options = null)
        {
            ValidateLoad(path, parse);
            return LoadBytes(path, options, bytes =>
            {
                using var stream = new MemoryStream(bytes, writable: false);
                return parse(stream);
            });
        }

        /// <summary>Asynchronous <see cref="Load{T}(string, Func{string, T}, AtomicWriteOptions)"/>.</summary>
        /// <typeparam name="T">What the file holds.</typeparam>
        /// <param name="path">The file to load.</param>
        /// <param name="parse">Turns the text into a value; throwing marks the content as bad.</param>
        /// <param name="cancellationToken">Cancels the load.</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The parsed file, or the parsed backup it was recovered from.</returns>
        public static Task<T> LoadAsync<T>(string path, Func<string, T> parse, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null)
        {
            ValidateLoad(path, parse);
            return Recovery.LoadAsync(path, options, (bytes, _) => Task.FromResult(parse(Decode(bytes, Encoding.UTF8))), synchronous: false, cancellationToken);
        }

        /// <summary>Asynchronous <see cref="Load{T}(string, Func{Stream, T}, AtomicWriteOptions)"/> with an asynchronous parser
        /// (e.g. <c>(s, ct) =&gt; JsonSerializer.DeserializeAsync&lt;T&gt;(s, cancellationToken: ct).AsTask()</c>).</summary>
        /// <typeparam name="T">What the file holds.</typeparam>
        /// <param name="path">The file to load.</param>
        /// <param name="parse">Reads the value from the stream; a faulted task marks the content as bad.</param>
        /// <param name="cancellationToken">Cancels the load.</param>
        /// <param name="options">Backup names and count, Validate and locking; null for <see cref="AtomicWriteOptions.Default"/>.</param>
        /// <returns>The parsed file, or the parsed backup it was recovered from.</returns>
        public static Task<T> LoadAsync<T>(string path, Func<Stream, CancellationToken, Task<T>> parse, CancellationToken cancellationToken = default, AtomicWriteOptions? options = null)
        {
            ValidateLoad(path, parse);
            return Recovery.LoadAsync(
                path,
                options,
                async (bytes, ct) =>
                {
                    using var stream = new MemoryStream(bytes, writable: false);
                    return await parse(stream, ct).ConfigureAwait(false);
                },
                synchronous: false,
                cancellationToken);
        }

        private static void ValidateLoad(string path, object parse)
        {
            ResolvedTarget.ValidatePathArgument(path, nameof(path));
            if (parse is null)
            {
                throw new ArgumentNullException(nameof(parse));
            }
        }
    }
}
