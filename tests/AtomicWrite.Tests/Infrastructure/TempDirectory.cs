using System;
using System.IO;
using System.Linq;

namespace AtomicWrite.Tests.Infrastructure
{
    /// <summary>A fresh directory per test, removed (with whatever the test left in it) on dispose.</summary>
    public sealed class TempDirectory : IDisposable
    {
        public TempDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "atomicwrite-tests", Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        /// <summary>Names in the directory, sorted, for "nothing else was created" assertions.</summary>
        public string[] Names() =>
            Directory.GetFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Select(n => n!).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        /// <summary>Names that look like AtomicFile temporary files.</summary>
        public string[] Temps() => Names().Where(n => n.StartsWith(".", StringComparison.Ordinal) && n.EndsWith(".tmp", StringComparison.Ordinal)).ToArray();

        public void Dispose()
        {
            try
            {
                Posix.MakeWritable(Path);
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
