using System;
using System.Globalization;
using System.Linq;

namespace AtomicWrite.Benchmarks
{
    /// <summary>Command line. The defaults are the full run; <c>--quick</c> is the CI smoke run.</summary>
    internal sealed class RuntimeOptions
    {
        public bool Quick { get; private set; }

        public int Saves { get; private set; } = 1000;

        public int Warmup { get; private set; } = 20;

        public int FsyncSaves { get; private set; } = 20;

        public int StreamMiB { get; private set; } = 256;

        public int StreamRuns { get; private set; } = 3;

        public bool Node { get; private set; } = true;

        public bool Strace { get; private set; } = true;

        public string? Directory { get; private set; }

        public string? Chart { get; private set; }

        public const string Usage = """
            usage: dotnet run -c Release --project tests/AtomicWrite.Benchmarks -- [options]
              --quick            20 saves per method and size, 5 for the fsync count, 16 MiB streamed once (CI smoke run)
              --saves 1000       measured saves per method and size (after --warmup 20)
              --fsync-saves 20   saves per strace run
              --stream-mib 256   size streamed by each writer, --stream-runs 3 times
              --no-node          leave write-file-atomic out
              --no-strace        leave the fsync count out
              --dir PATH         where to save (default: a new folder in the temp directory, removed at the end)
              --chart FILE.svg   also write the p50 ratios as an SVG bar chart
            """;

        public static RuntimeOptions Parse(string[] args)
        {
            var options = new RuntimeOptions();
            if (args.Contains("--quick"))
            {
                options.Quick = true;
                options.Saves = 20;
                options.Warmup = 3;
                options.FsyncSaves = 5;
                options.StreamMiB = 16;
                options.StreamRuns = 1;
            }

            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
                int NextInt() => Math.Max(1, int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture));
                switch (args[i])
                {
                    case "--quick":
                        break;
                    case "--saves":
                        options.Saves = NextInt();
                        break;
                    case "--warmup":
                        options.Warmup = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--fsync-saves":
                        options.FsyncSaves = NextInt();
                        break;
                    case "--stream-mib":
                        options.StreamMiB = NextInt();
                        break;
                    case "--stream-runs":
                        options.StreamRuns = NextInt();
                        break;
                    case "--no-node":
                        options.Node = false;
                        break;
                    case "--no-strace":
                        options.Strace = false;
                        break;
                    case "--dir":
                        options.Directory = Next();
                        break;
                    case "--chart":
                        options.Chart = Next();
                        break;
                    default:
                        throw new ArgumentException("unknown option " + args[i]);
                }
            }

            return options;
        }
    }
}
