using System;
using System.IO;
using System.Security.Cryptography;

namespace AtomicWrite.Internal
{
    /// <summary>
    /// What a save records about the bytes it wrote: a version tag, the length and the SHA-256 of the content. The
    /// loader's checks for crash damage (empty, all zero bytes) exist to catch what another writer or a crash left;
    /// content whose record matches is exactly what a completed save wrote, so those checks never apply to it and
    /// recovery never replaces it with a backup.
    /// </summary>
    internal static class SaveRecord
    {
        public const int MaxLength = 64;
        private const int HashLength = 32;
        private static readonly byte[] Tag = { (byte)'A', (byte)'W', (byte)'S', 1 };
        private const int Length = 4 + 8 + HashLength;

        /// <summary>The record of <paramref name="content"/>, read from its start.</summary>
        public static byte[] Describe(Stream content)
        {
            content.Position = 0;
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(content);
            return Build(content.Length, hash);
        }

        public static byte[] Describe(byte[] content)
        {
            using var sha = SHA256.Create();
            return Build(content.Length, sha.ComputeHash(content));
        }

        /// <summary>True only for a well-formed record of exactly these bytes; a missing, foreign or stale record is false.</summary>
        public static bool Matches(byte[]? record, byte[] content) =>
            IsWellFormed(record, content.Length) && Same(record!, Describe(content));

        /// <summary>As <see cref="Matches(byte[], byte[])"/> for a seekable stream, read from its start in chunks.</summary>
        public static bool Matches(byte[]? record, Stream content) =>
            IsWellFormed(record, content.Length) && Same(record!, Describe(content));

        // Checks the tag and the length first: a record of other bytes is usually told apart without hashing.
        private static bool IsWellFormed(byte[]? record, long contentLength)
        {
            if (record is null || record.Length != Length)
            {
                return false;
            }

            for (var i = 0; i < Tag.Length; i++)
            {
                if (record[i] != Tag[i])
                {
                    return false;
                }
            }

            long length = 0;
            for (var i = 7; i >= 0; i--)
            {
                length = (length << 8) | record[Tag.Length + i];
            }

            return length == contentLength;
        }

        private static bool Same(byte[] record, byte[] expected)
        {
            var difference = 0;
            for (var i = 0; i < Length; i++)
            {
                difference |= record[i] ^ expected[i];
            }

            return difference == 0;
        }

        private static byte[] Build(long length, byte[] hash)
        {
            var record = new byte[Length];
            Array.Copy(Tag, record, Tag.Length);
            for (var i = 0; i < 8; i++)
            {
                record[Tag.Length + i] = (byte)(length >> (8 * i));
            }

            Array.Copy(hash, 0, record, Tag.Length + 8, HashLength);
            return record;
        }
    }
}
