using System;
using System.Collections.Generic;
using System.Linq;
using AtomicWrite.Benchmarking;

namespace AtomicWrite.Benchmarks
{
    /// <summary>The printed results: markdown tables, then each target with its verdict (printed, never asserted).</summary>
    internal static class RuntimeReport
    {
        public static void Saves(IReadOnlyList<SaveMethod> methods, IReadOnlyList<int> sizes, IReadOnlyList<SaveResult> results, IReadOnlyDictionary<string, double> fsyncs)
        {
            foreach (var size in sizes)
            {
                var floor = Find(results, "floor", size);
                Console.WriteLine($"{Payload.Describe(size)} saves, {results.First(r => r.Bytes == size).Count} per method (µs per save):");
                var table = new TextTable("method", "what it does", "p50 µs>", "p99 µs>", "p50 ÷ floor>", "p99 ÷ floor>", "fsyncs/save>");
                foreach (var method in methods)
                {
                    var r = Find(results, method.Key, size);
                    table.Add(method.Name, method.Does, r!.P50, r.P99, Fmt.Ratio(Statistics.Ratio(r.P50, floor!.P50)), Fmt.Ratio(Statistics.Ratio(r.P99, floor.P99)),
                        fsyncs.TryGetValue(method.Key, out var f) ? f : double.NaN);
                }

                Console.WriteLine(table);
            }
        }

        public static void Streaming(IReadOnlyList<StreamResult> results, int mebibytes)
        {
            var plain = results[0];
            Console.WriteLine($"Streaming {mebibytes} MiB in 64 KiB writes, median of {plain.Runs} run(s) each:");
            var table = new TextTable("writer", "MiB/s>", "÷ FileStream>", "peak working-set growth MiB>");
            foreach (var r in results)
            {
                table.Add(r.Name, r.MiBPerSecond, Fmt.Ratio(Statistics.Ratio(r.MiBPerSecond, plain.MiBPerSecond)), r.PeakGrowthBytes < 0 ? double.NaN : r.PeakGrowthBytes / 1048576.0);
            }

            Console.WriteLine(table);
        }

        public static void Targets(IReadOnlyList<SaveResult> results, IReadOnlyList<StreamResult> streams)
        {
            Console.WriteLine("Targets, printed not asserted:");
            var kib = 1024;
            var floor = Find(results, "floor", kib);
            var noBackup = Find(results, "atomic-nobackup", kib);
            var withBackup = Find(results, "atomic-default", kib);
            if (floor is null || noBackup is null || withBackup is null)
            {
                Console.WriteLine("- n/a: AtomicFile is not in this build (AtomicFile.WriteAllText not on main yet).");
            }
            else
            {
                var ratio = noBackup.P50 / floor.P50;
                Console.WriteLine($"- AtomicFile Full, no backup ≤ 1.15× the floor (1 KiB p50): {Fmt.Verdict(ratio <= 1.15, Fmt.Ratio(ratio))}");
                var backup = withBackup.P50 / noBackup.P50 - 1;
                Console.WriteLine($"- the backup adds ≤ 10% (1 KiB p50): {Fmt.Verdict(backup <= 0.10, "+" + Fmt.Percent(backup))}");
                foreach (var size in results.Select(r => r.Bytes).Distinct().OrderBy(s => s))
                {
                    var ours = Find(results, "atomic-default", size)!;
                    var peers = results.Where(r => r.Bytes == size && r.Method.Key.StartsWith("wfa-", StringComparison.Ordinal)).ToList();
                    if (peers.Count == 0)
                    {
                        Console.WriteLine($"- faster than write-file-atomic ({Payload.Describe(size)}): n/a (write-file-atomic skipped)");
                        continue;
                    }

                    var best = peers.OrderBy(p => p.P50).First();
                    Console.WriteLine($"- AtomicFile (default, with backup + dir fsync) faster than {best.Method.Name} ({Payload.Describe(size)} p50): {Fmt.Verdict(ours.P50 < best.P50, Fmt.Ratio(ours.P50 / best.P50))}");
                    var fileOnly = Find(results, "atomic-fileonly", size);
                    if (fileOnly is not null)
                    {
                        Console.WriteLine($"  like for like, one fsync each: AtomicFile FileOnly (still keeping a backup) ÷ {best.Method.Name}: {Fmt.Ratio(fileOnly.P50 / best.P50)}");
                    }
                }
            }

            if (streams.Count < 2)
            {
                Console.WriteLine("- streaming: n/a (AtomicFile.Create not in this build)");
                return;
            }

            var throughput = streams[1].MiBPerSecond / streams[0].MiBPerSecond;
            Console.WriteLine($"- streaming ≥ 0.9× plain durable FileStream: {Fmt.Verdict(throughput >= 0.9, Fmt.Ratio(throughput))}");
            if (streams[1].PeakGrowthBytes >= 0)
            {
                var mib = streams[1].PeakGrowthBytes / 1048576.0;
                Console.WriteLine($"- streaming memory growth < 16 MiB: {Fmt.Verdict(mib < 16, mib.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " MiB")}");
            }
        }

        public static SaveResult? Find(IReadOnlyList<SaveResult> results, string key, int size) =>
            results.FirstOrDefault(r => r.Method.Key == key && r.Bytes == size);
    }
}
