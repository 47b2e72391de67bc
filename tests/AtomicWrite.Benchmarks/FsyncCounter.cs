using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace AtomicWrite.Benchmarks
{
    /// <summary>
    /// fsyncs per save, counted by the kernel's view: <c>strace -f -c -e trace=fsync,fdatasync</c> around a child
    /// process doing N saves with one method, minus the same child doing none (so start-up and exit are not counted).
    /// </summary>
    internal sealed class FsyncCounter
    {
        private readonly string _strace;
        private readonly string _directory;
        private readonly int _saves;

        private FsyncCounter(string strace, string directory, int saves)
        {
            _strace = strace;
            _directory = directory;
            _saves = saves;
        }

        public static FsyncCounter? TryCreate(string directory, int saves, out string reason)
        {
            var strace = Tools.Find("strace");
            reason = strace is null ? "strace not found on PATH" : "";
            return strace is null ? null : new FsyncCounter(strace, directory, saves);
        }

        /// <summary>fsync + fdatasync calls per save, or NaN with the reason printed.</summary>
        public double PerSave(SaveMethod method, int bytes, NodePeer? node)
        {
            try
            {
                var none = Count(method, bytes, 0, node);
                var some = Count(method, bytes, _saves, node);
                return (some - none) / (double)_saves;
            }
            catch (InvalidOperationException e)
            {
                Console.WriteLine($"note: fsync count for {method.Name} failed: {e.Message}");
                return double.NaN;
            }
        }

        private int Count(SaveMethod method, int bytes, int saves, NodePeer? node)
        {
            var summary = Path.Combine(_directory, $"strace-{method.Key}-{saves}.txt");
            var target = Path.Combine(_directory, $"strace-{method.Key}-{bytes}.json");
            File.WriteAllText(target, Payload.Create(bytes));
            var args = new[] { "-f", "-c", "-e", "trace=fsync,fdatasync", "-o", summary }.ToList();
            var count = saves.ToString(CultureInfo.InvariantCulture);
            var size = bytes.ToString(CultureInfo.InvariantCulture);
            if (method.Key.StartsWith("wfa-", StringComparison.Ordinal))
            {
                if (node is null)
                {
                    throw new InvalidOperationException("no node peer");
                }

                args.AddRange(new[] { node.Node, node.Script, "batch", method.Key.Substring(4), target, size, count });
            }
            else
            {
                var (program, prefix) = Tools.Self();
                args.Add(program);
                args.AddRange(prefix);
                args.AddRange(new[] { "--child-save", method.Key, target, size, count });
            }

            var (code, output) = Tools.Run(_strace, _directory, TimeSpan.FromMinutes(2), args.ToArray());
            if (code != 0)
            {
                throw new InvalidOperationException($"strace exited with {code}: {output.Trim()}");
            }

            // "% time  seconds  usecs/call  calls  [errors]  syscall": calls is the 4th column.
            return File.ReadAllLines(summary)
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(cols => cols.Length >= 5 && cols[^1] is "fsync" or "fdatasync")
                .Sum(cols => int.Parse(cols[3], CultureInfo.InvariantCulture));
        }
    }
}
