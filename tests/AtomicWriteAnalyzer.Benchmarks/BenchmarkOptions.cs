using System;
using System.Globalization;
using System.Linq;

namespace AtomicWriteAnalyzer.Benchmarks
{
    /// <summary>Command line. The defaults are the full run; <c>--quick</c> is the CI smoke run.</summary>
    internal sealed class BenchmarkOptions
    {
        public bool Quick { get; private set; }

        public int[] Sizes { get; private set; } = { 500, 2000, 8000 };

        public int Warmup { get; private set; } = 3;

        /// <summary>Warm-up iterations of every corpus after the first: the JIT and the analyzers are warm by then.</summary>
        public int WarmupLater { get; private set; } = 1;

        public int Iterations { get; private set; } = 7;

        public bool Repository { get; private set; } = true;

        /// <summary>The real-library corpus's extracted sources; null skips it (quick mode, <c>--no-library</c>).</summary>
        public string? Library { get; private set; } = Corpus.LibraryCorpus.DefaultDirectory;

        /// <summary>Files of the corpus built with <c>dotnet build</c>; 0 skips the build measurement.</summary>
        public int BuildFiles { get; private set; } = 2000;

        public int BuildWarmup { get; private set; } = 1;

        public int BuildRuns { get; private set; } = 5;

        /// <summary>Our analyzers alone, no peer: for profiling them.</summary>
        public bool OnlyOurs { get; private set; }

        /// <summary>Each rule of a many-rule analyzer of ours measured as an analyzer of its own (gathering included).</summary>
        public bool PerRule { get; private set; }

        /// <summary>Another build of AtomicWriteAnalyzer.dll to measure instead of the referenced one.</summary>
        public string? Analyzers { get; private set; }

        public const string Usage = """
            usage: dotnet run -c Release --project tests/AtomicWriteAnalyzer.Benchmarks -- [options]
              --quick               small sizes, 1 warm-up, 3 iterations, a 40-file build once (CI smoke run)
              --sizes 500,2000,8000 generated corpus sizes (files)
              --warmup 3            discarded iterations on the first corpus (the process's first compilations)
              --warmup-later 1      discarded iterations on each later corpus (the JIT is warm by then)
              --iterations 7        measured iterations per corpus (at least 7 for the full run)
              --no-repository       skip the corpus of this repository's own sources
              --library DIR         where the real-library corpus was extracted (default: $TMPDIR/atomicwrite-bench/Newtonsoft.Json;
                                    see docs/benchmarks.md); skipped with a message when absent, and in --quick
              --no-library          skip the real-library corpus
              --build-files 2000    corpus size for the dotnet build -p:ReportAnalyzer=true measurement (0: skip)
              --build-runs 5        measured --no-incremental builds (after --build-warmup 1)
              --only-ours           leave Meziantou.Analyzer out of the in-process runs (to profile ours)
              --analyzers PATH      measure this AtomicWriteAnalyzer.dll instead of the one built with the benchmark
              --per-rule            measure each rule of SensitiveFileAnalyzer (AW0001-AW0003) as an analyzer of its own
                                    instead of the shipped one: what each would cost alone, its share of the gathering included
            """;

        public static BenchmarkOptions Parse(string[] args)
        {
            var options = new BenchmarkOptions();
            if (args.Contains("--quick"))
            {
                options.Quick = true;
                options.Sizes = new[] { 40, 160 };
                options.Warmup = 1;
                options.WarmupLater = 1;
                options.Iterations = 3;
                options.Library = null;
                options.BuildFiles = 40;
                options.BuildWarmup = 0;
                options.BuildRuns = 1;
            }

            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
                int NextInt() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
                switch (args[i])
                {
                    case "--quick":
                        break;
                    case "--sizes":
                        options.Sizes = Next().Split(',').Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
                        break;
                    case "--warmup":
                        options.Warmup = NextInt();
                        break;
                    case "--warmup-later":
                        options.WarmupLater = NextInt();
                        break;
                    case "--iterations":
                        options.Iterations = Math.Max(1, NextInt());
                        break;
                    case "--library":
                        options.Library = Next();
                        break;
                    case "--no-library":
                        options.Library = null;
                        break;
                    case "--no-repository":
                        options.Repository = false;
                        break;
                    case "--build-files":
                        options.BuildFiles = NextInt();
                        break;
                    case "--build-warmup":
                        options.BuildWarmup = NextInt();
                        break;
                    case "--only-ours":
                        options.OnlyOurs = true;
                        break;
                    case "--per-rule":
                        options.PerRule = true;
                        break;
                    case "--analyzers":
                        options.Analyzers = Next();
                        break;
                    case "--build-runs":
                        options.BuildRuns = Math.Max(1, NextInt());
                        break;
                    default:
                        throw new ArgumentException("unknown option " + args[i]);
                }
            }

            return options;
        }
    }
}
