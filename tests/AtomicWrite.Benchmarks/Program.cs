using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace AtomicWrite.Benchmarks
{
    /// <summary>AtomicFile against the physical floor and against write-file-atomic, interleaved in one run.</summary>
    internal static class Program
    {
        private static readonly int[] Sizes = { 1024, 1024 * 1024 };

        private static int Main(string[] args)
        {
            if (args.Length == 5 && args[0] == "--child-save")
            {
                return ChildSave(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture));
            }

            RuntimeOptions options;
            try
            {
                options = RuntimeOptions.Parse(args);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(RuntimeOptions.Usage);
                return 2;
            }

            var total = Stopwatch.StartNew();
            var ownDirectory = options.Directory is null;
            var directory = options.Directory ?? Path.Combine(Path.GetTempPath(), $"atomicwrite-bench-{Environment.ProcessId}");
            Directory.CreateDirectory(directory);
            try
            {
                Run(options, directory);
            }
            finally
            {
                if (ownDirectory)
                {
                    Directory.Delete(directory, recursive: true);
                }
            }

            Console.WriteLine();
            Console.WriteLine($"done in {total.Elapsed.TotalSeconds:F0} s");
            return 0;
        }

        private static void Run(RuntimeOptions options, string directory)
        {
            Console.WriteLine($"# Runtime benchmark{(options.Quick ? " (quick: figures are smoke, not results)" : "")}");
            Console.WriteLine();
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; saving in {directory} ({FileSystem(directory)})");

            var methods = SaveMethod.DotNet();
            NodePeer? node = null;
            if (options.Node)
            {
                node = NodePeer.TryCreate(RepositoryRoot(), out var reason);
                if (node is null)
                {
                    Console.WriteLine("write-file-atomic: skipped — " + reason);
                }
                else
                {
                    methods.AddRange(node.Methods());
                    Console.WriteLine($"write-file-atomic {node.Version}: node {Tools.Run(node.Node, directory, TimeSpan.FromSeconds(30), "--version").Output.Trim()}, timed inside node");
                }
            }

            Console.WriteLine();
            try
            {
                var watch = Stopwatch.StartNew();
                var results = SaveBenchmark.Run(methods, Sizes, directory, options.Warmup, options.Saves);
                Console.WriteLine($"saved {options.Saves} + {options.Warmup} warm-up times per method and size in {watch.Elapsed.TotalSeconds:F0} s");

                var fsyncs = new Dictionary<string, double>();
                if (options.Strace)
                {
                    var counter = FsyncCounter.TryCreate(directory, options.FsyncSaves, out var reason);
                    if (counter is null)
                    {
                        Console.WriteLine("fsync count: skipped — " + reason);
                    }
                    else
                    {
                        foreach (var method in methods)
                        {
                            fsyncs[method.Key] = counter.PerSave(method, 1024, node);
                        }
                    }
                }

                Console.WriteLine();
                RuntimeReport.Saves(methods, Sizes, results, fsyncs);
                Console.WriteLine($"fsyncs/save: strace -f -c -e trace=fsync,fdatasync over a child doing {options.FsyncSaves} 1 KiB saves, minus one doing none.");
                Console.WriteLine();

                var streams = StreamingBenchmark.Run(directory, options.StreamMiB, options.StreamRuns);
                RuntimeReport.Streaming(streams, options.StreamMiB);
                if (options.Chart is not null)
                {
                    SvgChart.Write(options.Chart, methods, Sizes, results);
                    Console.WriteLine("chart: " + options.Chart);
                    Console.WriteLine();
                }

                RuntimeReport.Targets(results, streams);
            }
            finally
            {
                foreach (var method in methods)
                {
                    method.Dispose();
                }
            }
        }

        private static int ChildSave(string key, string path, int bytes, int count)
        {
            var method = SaveMethod.DotNet().Single(m => m.Key == key);
            var contents = Payload.Create(bytes);
            for (var i = 0; i < count; i++)
            {
                method.Save(path, contents);
            }

            return 0;
        }

        private static string FileSystem(string directory)
        {
            if (!File.Exists("/proc/mounts"))
            {
                return "file system unknown";
            }

            var full = Path.GetFullPath(directory);
            var mount = File.ReadLines("/proc/mounts")
                .Select(l => l.Split(' '))
                .Where(p => p.Length > 2 && full.StartsWith(p[1], StringComparison.Ordinal))
                .OrderByDescending(p => p[1].Length)
                .FirstOrDefault();
            return mount is null ? "file system unknown" : $"{mount[2]} on {mount[1]}";
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AtomicWriteAnalyzer.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("AtomicWriteAnalyzer.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
