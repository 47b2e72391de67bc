using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using AtomicWrite.Benchmarking;

namespace AtomicWrite.Benchmarks
{
    /// <summary>Throughput (median) and peak working-set growth (largest) of one streaming writer.</summary>
    internal sealed class StreamResult
    {
        public StreamResult(string name, double mibPerSecond, long peakGrowthBytes, int runs)
        {
            Name = name;
            MiBPerSecond = mibPerSecond;
            PeakGrowthBytes = peakGrowthBytes;
            Runs = runs;
        }

        public string Name { get; }

        public double MiBPerSecond { get; }

        public long PeakGrowthBytes { get; }

        public int Runs { get; }
    }

    /// <summary>
    /// N MiB written in 64 KiB chunks: a plain durable FileStream (FileMode.Create, Flush(true)) against
    /// AtomicFile.Create (Commit). Runs alternate; each overwrites the file its previous run left.
    /// </summary>
    internal static class StreamingBenchmark
    {
        private const int Chunk = 64 * 1024;

        public static List<StreamResult> Run(string directory, int mebibytes, int runs)
        {
            var chunk = new byte[Chunk];
            new Random(12).NextBytes(chunk);
            var total = (long)mebibytes << 20;
            var writers = new List<(string Name, Action<string> Write)>
            {
                ("FileStream + Flush(true)", path => Plain(path, chunk, total)),
            };
            writers.Add(("AtomicFile.Create + Commit (default options)", path => Atomic(path, chunk, total)));
            var times = writers.ToDictionary(w => w.Name, _ => new List<double>());
            var growth = writers.ToDictionary(w => w.Name, _ => 0L);
            for (var run = 0; run < runs; run++)
            {
                foreach (var (name, write) in run % 2 == 0 ? writers : Enumerable.Reverse(writers))
                {
                    var path = Path.Combine(directory, "stream-" + (name.StartsWith("FileStream", StringComparison.Ordinal) ? "plain" : "atomic") + ".bin");
                    var before = MemoryProbe.Supported ? MemoryProbe.ResetPeak() : 0;
                    var start = Stopwatch.GetTimestamp();
                    write(path);
                    times[name].Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                    if (MemoryProbe.Supported)
                    {
                        growth[name] = Math.Max(growth[name], MemoryProbe.Peak() - before);
                    }
                }
            }

            return writers.Select(w => new StreamResult(w.Name, mebibytes / Statistics.Median(times[w.Name]), MemoryProbe.Supported ? growth[w.Name] : -1, runs)).ToList();
        }

        private static void Plain(string path, byte[] chunk, long total)
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
            for (long written = 0; written < total; written += chunk.Length)
            {
                stream.Write(chunk, 0, chunk.Length);
            }

            stream.Flush(flushToDisk: true);
        }

        private static void Atomic(string path, byte[] chunk, long total)
        {
            using var stream = AtomicFile.Create(path);
            for (long written = 0; written < total; written += chunk.Length)
            {
                stream.Write(chunk, 0, chunk.Length);
            }

            stream.Commit();
        }
    }
}
