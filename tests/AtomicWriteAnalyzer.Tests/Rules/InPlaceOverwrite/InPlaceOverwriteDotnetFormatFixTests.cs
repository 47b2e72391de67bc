using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// The fixes as a user runs them: <c>dotnet format analyzers --diagnostics AW0001</c> on a copy of
    /// samples/TokenStore, then build and run the result. Its AW0001 writes must be gone (the drop-in
    /// <c>File.WriteAllText</c> and the <c>FileStream</c> + serializer), no AW0004 may appear, the build must succeed,
    /// and the program's second save must leave backups behind.
    /// </summary>
    public sealed class InPlaceOverwriteDotnetFormatFixTests
    {
        private readonly ITestOutputHelper _output;

        public InPlaceOverwriteDotnetFormatFixTests(ITestOutputHelper output) => _output = output;

        [SkippableFact]
        public void Dotnet_format_fixes_the_sample_which_then_builds_and_runs()
        {
            string? dotnet = DotnetCli.Find();
            Skip.If(dotnet == null, "dotnet is not on PATH");
            using var sample = SampleCopy.Create();
            var clock = Stopwatch.StartNew();

            var format = DotnetCli.Run(dotnet!, sample.Root, "format", "analyzers", sample.ProjectFile, "--diagnostics", "AW0001", "--severity", "info");
            Assert.True(format.ExitCode == 0, "dotnet format failed:\n" + format.Output);
            _output.WriteLine($"dotnet format: {clock.Elapsed.TotalSeconds:F1} s");

            string tokenStore = sample.Read("TokenStore.cs");
            Assert.Contains("using AtomicWrite;", tokenStore);
            Assert.Contains("AtomicFile.WriteAllText(_tokenPath, json);", tokenStore);
            Assert.Contains("File.WriteAllText(exportPath, report.ToString());", sample.Read("ActivityLog.cs"));
            string settingsStore = sample.Read("SettingsStore.cs");
            Assert.Contains("using (var stream = AtomicFile.Create(_settingsPath))", settingsStore);
            Assert.Contains("JsonSerializer.Serialize(stream, settings);\n                stream.Commit();", settingsStore.Replace("\r\n", "\n"));

            var build = DotnetCli.Run(dotnet!, sample.Root, "build", sample.ProjectFile, "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false");
            Assert.True(build.ExitCode == 0, "the fixed sample does not build:\n" + build.Output);
            _output.WriteLine($"+ build: {clock.Elapsed.TotalSeconds:F1} s");
            var remaining = Regex.Matches(build.Output, @"([A-Za-z]+\.cs)\(\d+,\d+\): warning AW000[14]")
                .Select(m => m.Groups[1].Value)
                .Distinct()
                .OrderBy(f => f, System.StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(RemainingAfterFix, remaining);

            string data = Path.Combine(sample.Root, "data");
            string program = Path.Combine(sample.ProjectDirectory, "bin", "Release", "net10.0", "TokenStore.dll");
            var run = DotnetCli.Run(dotnet!, sample.Root, program, data);
            Assert.True(run.ExitCode == 0, "the fixed sample fails:\n" + run.Output);
            _output.WriteLine($"+ run: {clock.Elapsed.TotalSeconds:F1} s");
            Assert.True(File.Exists(Path.Combine(data, "tokens.json.bak")), "no tokens.json.bak after the second save");
            Assert.True(File.Exists(Path.Combine(data, "settings.json.bak")), "no settings.json.bak after the second save");
            Assert.Contains("\"SaveCount\":2", File.ReadAllText(Path.Combine(data, "settings.json")));
            Assert.Contains("alice@example.com", File.ReadAllText(Path.Combine(data, "tokens.json")));
        }

        /// <summary>The files that still have an AW0001 (or an AW0004 the fix would have caused) after the fix: none.</summary>
        private static readonly string[] RemainingAfterFix = { };
    }
}
