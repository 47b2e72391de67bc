using System;
using System.IO;
using System.Text;
using System.Threading;

namespace AtomicWrite.Benchmarks
{
    /// <summary>
    /// The floor: the shortest sequence that survives a crash or power cut, and nothing else —
    /// exclusive temp in the target's directory, write, fsync, rename over the target, fsync the directory.
    /// No backup, no permission copy, no symlink resolution, no validation, no lock, no cleanup on failure.
    /// </summary>
    internal static class MinimalDurableSave
    {
        private static long _counter;

        public static void WriteAllText(string path, string contents)
        {
            var bytes = Encoding.UTF8.GetBytes(contents);
            var directory = Path.GetDirectoryName(path)!;
            var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Interlocked.Increment(ref _counter)}.tmp");
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
            Posix.FsyncDirectory(directory);
        }
    }
}
