using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>
    /// Inputs far larger than real code: a 50,000-line file, a method with 5,000 file calls, a path built from 1,000
    /// pieces. Each is generated at a size and at four times that size; the test asserts the exact diagnostics at both
    /// (so the work was done, not skipped), and that the analysis grows less than twice as fast as the input: a linear
    /// analyzer takes about 4 times as long, a quadratic one 16 times. Two clocks, each the best of two interleaved
    /// runs: our analyzers' time (Roslyn's telemetry, wall-clock inside our callbacks) and the process's CPU time for
    /// the whole analysis (compilation included, blind to other processes). Only when both grow too fast is it a
    /// finding; one alone is a busy machine. A loose ratio, never a wall-clock limit: the only absolute bound is the
    /// hang detector. The class runs alone (its collection is not parallel), so other tests do not share its clocks.
    /// </summary>
    [Collection(TimingCollection.Name)]
    public sealed class PathologicalInputTests
    {
        private const double MaxGrowth = 8.0;
        private const int Scale = 4;

        /// <summary>Timer noise on small figures: the bound is T(4n) &lt; 8 T(n) + slack.</summary>
        private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(100);

        private readonly ITestOutputHelper _output;

        public PathologicalInputTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static TheoryData<string> Cases()
        {
            var data = new TheoryData<string>();
            foreach (string name in Generators.Keys)
            {
                data.Add(name);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task Analysis_grows_linearly(string name)
        {
            var generator = Generators[name];
            int full = generator.FullSize;
            int small = full / Scale;
            string smallCode = generator.Code(small);
            string fullCode = generator.Code(full);

            var smallRun = new Measurement();
            var fullRun = new Measurement();
            for (int run = 0; run < 2; run++)
            {
                await MeasureAsync(smallCode, smallRun);
                await MeasureAsync(fullCode, fullRun);
            }

            double analyzerGrowth = Growth(smallRun.AnalyzerTime, fullRun.AnalyzerTime);
            double cpuGrowth = Growth(smallRun.CpuTime, fullRun.CpuTime);
            _output.WriteLine($"{name}: n={small}: analyzers {smallRun.AnalyzerTime.TotalMilliseconds:0} ms, CPU {smallRun.CpuTime.TotalMilliseconds:0} ms; "
                + $"n={full}: analyzers {fullRun.AnalyzerTime.TotalMilliseconds:0} ms, CPU {fullRun.CpuTime.TotalMilliseconds:0} ms; "
                + $"growth for {Scale}x the input: analyzers {analyzerGrowth:0.0}, CPU {cpuGrowth:0.0}");

            Assert.Equal(Expected(generator.Diagnostics(small)), smallRun.Diagnostics);
            Assert.Equal(Expected(generator.Diagnostics(full)), fullRun.Diagnostics);
            Assert.False(
                TooFast(smallRun.AnalyzerTime, fullRun.AnalyzerTime) && TooFast(smallRun.CpuTime, fullRun.CpuTime),
                $"{name}: {Scale} times the input took {analyzerGrowth:0.0} times as long in our analyzers and {cpuGrowth:0.0} times the CPU");
        }

        private static double Growth(TimeSpan small, TimeSpan full) => full.TotalMilliseconds / Math.Max(1.0, small.TotalMilliseconds);

        private static bool TooFast(TimeSpan small, TimeSpan full) => full >= TimeSpan.FromTicks((long)(small.Ticks * MaxGrowth)) + Slack;

        private static string Expected(IEnumerable<KeyValuePair<string, int>> counts) =>
            string.Join(", ", counts.Where(c => c.Value > 0).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + " " + c.Value));

        /// <summary>Analyzes the code once and keeps the best times so far, and the diagnostics counted by id.</summary>
        private async Task MeasureAsync(string code, Measurement measurement)
        {
            var host = await RobustnessHost.GetAsync();
            using var cancellation = new CancellationTokenSource(FuzzSettings.PerDocumentBound * 6);
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var analysis = await host.AnalyzeAsync(host.CreateDocument(code), scopeAll: false, measure: true, cancellation.Token);
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            Assert.Empty(analysis.Exceptions);
            _output.WriteLine($"  {code.Length} chars: {analysis.AnalyzerTimesText}; CPU {cpu.TotalMilliseconds:0} ms, wall {analysis.Elapsed.TotalMilliseconds:0} ms");
            measurement.AnalyzerTime = analysis.AnalyzerTime < measurement.AnalyzerTime ? analysis.AnalyzerTime : measurement.AnalyzerTime;
            measurement.CpuTime = cpu < measurement.CpuTime ? cpu : measurement.CpuTime;
            measurement.Diagnostics = string.Join(", ", analysis.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " " + g.Count()));
        }

        private sealed class Measurement
        {
            public TimeSpan AnalyzerTime { get; set; } = TimeSpan.MaxValue;

            public TimeSpan CpuTime { get; set; } = TimeSpan.MaxValue;

            public string Diagnostics { get; set; } = "";
        }

        private sealed class Generator
        {
            public Generator(int fullSize, Func<int, string> code, Func<int, IEnumerable<KeyValuePair<string, int>>> diagnostics)
            {
                FullSize = fullSize;
                Code = code;
                Diagnostics = diagnostics;
            }

            public int FullSize { get; }

            public Func<int, string> Code { get; }

            public Func<int, IEnumerable<KeyValuePair<string, int>>> Diagnostics { get; }
        }

        private static KeyValuePair<string, int> Count(string id, int count) => new KeyValuePair<string, int>(id, count);

        private const string Usings = "using System;\nusing System.IO;\nusing System.Threading.Tasks;\nusing AtomicWrite;\n\n";

        private static readonly Dictionary<string, Generator> Generators = new Dictionary<string, Generator>
        {
            // 20 lines per store: one of each rule's findings.
            ["50,000-line file"] = new Generator(
                50_000,
                lines => Usings + Repeat(lines / 20, i => $$"""
                    class Store{{i}}
                    {
                        private readonly string _tokenPath = Path.Combine("data", "tokens{{i}}.json");

                        public void Save(string json) => File.WriteAllText(_tokenPath, json);

                        public string Load() => File.ReadAllText(_tokenPath);

                        public void Replace(string json, string folder)
                        {
                            var target = Path.Combine(folder, "settings.json");
                            var tmp = target + ".tmp";
                            File.WriteAllText(tmp, json);
                            File.Move(tmp, target, true);
                        }

                        public void Stream(byte[] bytes)
                        {
                            using var stream = AtomicFile.Create(_tokenPath);
                            stream.Write(bytes);
                        }
                    }

                    """),
                lines => new[] { Count("AW0001", lines / 20), Count("AW0002", lines / 20), Count("AW0003", lines / 20), Count("AW0004", lines / 20) }),

            // One body, every rule's shape in turn: each per-call question (is this write renamed later, is this local
            // used elsewhere, is this stream committed) must be answered from an index of the body, not a walk of it.
            ["method with 5,000 file calls"] = new Generator(
                5_000,
                n => Usings + "class C\n{\n    int[] M(string folder, string json, byte[] bytes, int[] data)\n    {\n        int[] last = null;\n"
                    + Repeat(n, i => (i % 5) switch
                    {
                        0 => $"        File.WriteAllText(Path.Combine(folder, \"tokens{i}.json\"), json);\n",
                        1 => $"        using (var stream{i} = File.Create(Path.Combine(folder, \"settings{i}.json\")))\n        {{\n            System.Text.Json.JsonSerializer.Serialize(stream{i}, data);\n        }}\n",
                        2 => $"        var json{i} = File.ReadAllText(Path.Combine(folder, \"state{i}.json\"));\n        last = System.Text.Json.JsonSerializer.Deserialize<int[]>(json{i});\n",
                        3 => $"        var target{i} = Path.Combine(folder, \"profile{i}.json\");\n        var tmp{i} = target{i} + \".tmp\";\n        File.WriteAllText(tmp{i}, json);\n        File.Move(tmp{i}, target{i}, true);\n",
                        _ => $"        using (var atomic{i} = AtomicFile.Create(Path.Combine(folder, \"state{i}.bin\")))\n        {{\n            atomic{i}.Write(bytes);\n{(i % 10 == 4 ? $"            atomic{i}.Commit();\n" : "")}        }}\n",
                    })
                    + "        return last;\n    }\n}\n",
                n => new[] { Count("AW0001", Kind(n, 0) + Kind(n, 1)), Count("AW0002", Kind(n, 2)), Count("AW0003", Kind(n, 3)), Count("AW0004", n / 10) }),

            ["path from 1,000 concatenations"] = new Generator(
                1_000,
                n => Usings + "class C\n{\n    void M(string folder, string json, string[] parts)\n    {\n        var tokenPath = folder"
                    + Repeat(n, i => $" + \"/\" + parts[{i}]") + " + \"/tokens.json\";\n        File.WriteAllText(tokenPath, json);\n        File.ReadAllText(tokenPath);\n    }\n}\n",
                n => new[] { Count("AW0001", 1), Count("AW0002", 1) }),

            ["path from 1,000 interpolation holes"] = new Generator(
                1_000,
                n => Usings + "class C\n{\n    void M(string folder, string json, string[] parts)\n    {\n        var tokenPath = $\"{folder}"
                    + Repeat(n, i => $"/{{parts[{i}]}}") + "/tokens.json\";\n        File.WriteAllText(tokenPath, json);\n    }\n}\n",
                n => new[] { Count("AW0001", 1) }),

            ["path through 1,000 locals"] = new Generator(
                1_000,
                n => Usings + "class C\n{\n    void M(string json)\n    {\n        var p0 = \"tokens\";\n"
                    + Repeat(n, i => $"        var p{i + 1} = p{i} + \"/d{i}\";\n") + $"        File.WriteAllText(p{n} + \"/tokens.json\", json);\n        File.WriteAllText(p{n}, json);\n    }}\n}}\n",
                n => new[] { Count("AW0001", 1) }),

            ["path through 1,000 fields"] = new Generator(
                1_000,
                n => Usings + "class C\n{\n    static string F0 = \"tokens\";\n"
                    + Repeat(n, i => $"    static string F{i + 1} = F{i} + \"/d{i}\";\n") + $"\n    void M(string json)\n    {{\n        File.WriteAllText(F{n} + \"/tokens.json\", json);\n        File.WriteAllText(F{n}, json);\n    }}\n}}\n",
                n => new[] { Count("AW0001", 1) }),

            ["Path.Combine of 1,000 parts"] = new Generator(
                1_000,
                n => Usings + "class C\n{\n    void M(string json, string folder)\n    {\n        var path = Path.Combine(folder"
                    + Repeat(n, i => $", \"d{i}\"") + ", \"tokens.json\");\n        File.WriteAllText(path, json);\n    }\n}\n",
                n => new[] { Count("AW0001", 1) }),
        };

        /// <summary>How many of 0..n-1 are <paramref name="kind"/> modulo 5.</summary>
        private static int Kind(int n, int kind) => (n / 5) + (n % 5 > kind ? 1 : 0);

        private static string Repeat(int count, Func<int, string> text)
        {
            var builder = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                builder.Append(text(i));
            }

            return builder.ToString();
        }
    }
}
