using System;
using System.IO;

namespace AtomicWrite.Internal
{
    internal enum ContentVerdict
    {
        Valid,
        Empty,
        ZeroFilled,
        Rejected,
    }

    /// <summary>The checks that tell a good version from what a crash leaves behind.</summary>
    internal static class Content
    {
        private const int Chunk = 64 * 1024;

        /// <summary>Reads <paramref name="stream"/> from its start. Without a validator memory stays bounded by one chunk.</summary>
        public static ContentVerdict Check(Stream stream, Func<ReadOnlyMemory<byte>, bool>? validate)
        {
            if (validate != null)
            {
                return Check(ReadAll(stream), validate);
            }

            var buffer = new byte[Chunk];
            var total = 0L;
            var anyNonZero = false;
            int read;
            while (!anyNonZero && (read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                anyNonZero = Array.FindIndex(buffer, 0, read, b => b != 0) >= 0;
            }

            return total == 0 ? ContentVerdict.Empty : anyNonZero ? ContentVerdict.Valid : ContentVerdict.ZeroFilled;
        }

        public static ContentVerdict Check(byte[] bytes, Func<ReadOnlyMemory<byte>, bool>? validate)
        {
            if (bytes.Length == 0)
            {
                return ContentVerdict.Empty;
            }

            if (Array.TrueForAll(bytes, b => b == 0))
            {
                return ContentVerdict.ZeroFilled;
            }

            return validate == null || validate(bytes) ? ContentVerdict.Valid : ContentVerdict.Rejected;
        }

        public static byte[] ReadAll(Stream stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy, Chunk);
            return copy.ToArray();
        }
    }
}
