using System.Collections.Concurrent;

namespace AtomicWrite.Benchmarks
{
    /// <summary>The saved text: ASCII (chars = bytes), the same on the .NET and the node side (node/save-driver.mjs).</summary>
    internal static class Payload
    {
        private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789{}";
        private static readonly ConcurrentDictionary<int, string> Cache = new ConcurrentDictionary<int, string>();

        public static string Create(int bytes) => Cache.GetOrAdd(bytes, static n => string.Create(n, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[(i * 7 + 3) % Alphabet.Length];
            }
        }));

        public static string Describe(int bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MiB" : bytes >= 1 << 10 ? $"{bytes >> 10} KiB" : $"{bytes} B";
    }
}
