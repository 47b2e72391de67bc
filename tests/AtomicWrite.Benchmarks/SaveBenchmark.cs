using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AtomicWrite.Benchmarking;

namespace AtomicWrite.Benchmarks
{
    /// <summary>Per-save latencies of one method at one size.</summary>
    internal sealed class SaveResult
    {
        public SaveResult(SaveMethod method, int bytes, IReadOnlyList<double> microseconds)
        {
            Method = method;
            Bytes = bytes;
            P50 = Statistics.Percentile(microseconds, 50);
            P99 = Statistics.Percentile(microseconds, 99);
            Count = microseconds.Count;
        }

        public SaveMethod Method { get; }

        public int Bytes { get; }

        public double P50 { get; }

        public double P99 { get; }

        public int Count { get; }
    }

    /// <summary>
    /// Saves interleaved: each round saves once per method and size, in an order shuffled every round (seeded), so
    /// that a noisy neighbour or a disk flush hits every method alike. Every save overwrites an existing file, and
    /// starts with no dirty data on the file system (an untimed sync() before it), so no method pays for another's
    /// deferred writeback.
    /// </summary>
    internal static class SaveBenchmark
    {
        public static List<SaveResult> Run(IReadOnlyList<SaveMethod> methods, IReadOnlyList<int> sizes, string directory, int warmup, int saves)
        {
            var samples = methods.SelectMany(m => sizes.Select(s => (m, s))).ToDictionary(k => k, _ => new List<double>());
            string Target(SaveMethod m, int size) => Path.Combine(directory, $"{m.Key}-{size}.json");
            foreach (var (method, size) in samples.Keys)
            {
                File.WriteAllText(Target(method, size), Payload.Create(size));
            }

            var random = new Random(13);
            var order = samples.Keys.ToArray();
            for (var round = 0; round < warmup + saves; round++)
            {
                random.Shuffle(order);
                foreach (var (method, size) in order)
                {
                    Posix.Sync();
                    var elapsed = method.Save(Target(method, size), Payload.Create(size));
                    if (round >= warmup)
                    {
                        samples[(method, size)].Add(elapsed);
                    }
                }
            }

            return samples.Select(p => new SaveResult(p.Key.m, p.Key.s, p.Value)).ToList();
        }
    }
}
