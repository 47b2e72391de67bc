using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AtomicWrite.Internal
{
    /// <summary>
    /// Serializes the commit of saves (rotation + rename) and restores to one resolved path within this process, so
    /// two threads never interleave their backup shifts. Keyed by the resolved path: two spellings or symlinks of one
    /// file share a lock. Entries are reference-counted and removed when unused, so the table does not grow.
    /// </summary>
    internal static class PathLocks
    {
        private static readonly Dictionary<string, Entry> Entries = new Dictionary<string, Entry>(StringComparer.Ordinal);

        public static IDisposable Enter(string path)
        {
            var entry = Rent(path);
            try
            {
                entry.Semaphore.Wait();
                return new Releaser(path, entry);
            }
            catch
            {
                Return(path, entry);
                throw;
            }
        }

        public static async Task<IDisposable> EnterAsync(string path, CancellationToken cancellationToken)
        {
            var entry = Rent(path);
            try
            {
                await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
                return new Releaser(path, entry);
            }
            catch
            {
                Return(path, entry);
                throw;
            }
        }

        private static Entry Rent(string path)
        {
            lock (Entries)
            {
                if (!Entries.TryGetValue(path, out var entry))
                {
                    entry = new Entry();
                    Entries.Add(path, entry);
                }

                entry.Users++;
                return entry;
            }
        }

        private static void Return(string path, Entry entry)
        {
            lock (Entries)
            {
                if (--entry.Users == 0)
                {
                    Entries.Remove(path);
                    entry.Semaphore.Dispose();
                }
            }
        }

        private sealed class Entry
        {
            public SemaphoreSlim Semaphore { get; } = new SemaphoreSlim(1, 1);

            public int Users { get; set; }
        }

        private sealed class Releaser : IDisposable
        {
            private readonly string _path;
            private Entry? _entry;

            public Releaser(string path, Entry entry)
            {
                _path = path;
                _entry = entry;
            }

            public void Dispose()
            {
                var entry = Interlocked.Exchange(ref _entry, null);
                if (entry != null)
                {
                    entry.Semaphore.Release();
                    Return(_path, entry);
                }
            }
        }
    }
}
