using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AtomicWrite
{
    /// <summary>
    /// Thrown by the <see cref="AtomicFile"/> loaders when neither the file nor any backup holds a valid version.
    /// The message names every path tried and why it was rejected. Nothing was deleted or overwritten.
    /// </summary>
    public sealed class AtomicFileCorruptedException : IOException
    {
        /// <summary>Creates the exception with a generic message.</summary>
        public AtomicFileCorruptedException()
            : this("No valid version of the file exists.")
        {
        }

        /// <summary>Creates the exception with <paramref name="message"/>.</summary>
        /// <param name="message">The message.</param>
        public AtomicFileCorruptedException(string message)
            : this(message, null)
        {
        }

        /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
        /// <param name="message">The message.</param>
        /// <param name="innerException">The cause, or null.</param>
        public AtomicFileCorruptedException(string message, Exception? innerException)
            : base(message, innerException)
        {
            Rejections = Array.Empty<KeyValuePair<string, string>>();
        }

        internal AtomicFileCorruptedException(string path, IReadOnlyList<KeyValuePair<string, string>> rejections, Exception? innerException)
            : base(Describe(path, rejections), innerException)
        {
            Rejections = rejections;
        }

        /// <summary>Each path tried, in order (the file, then <c>.bak</c>, <c>.bak.2</c>, …), with why it was rejected.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Rejections { get; }

        private static string Describe(string path, IReadOnlyList<KeyValuePair<string, string>> rejections) =>
            $"No valid version of '{path}' exists; nothing was changed. Tried: " +
            string.Join("; ", rejections.Select(r => $"'{r.Key}': {r.Value}")) + ".";
    }
}
