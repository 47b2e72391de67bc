using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AtomicWrite.Benchmarking;
using AtomicWriteAnalyzer.Benchmarks.Analyzers;
using AtomicWriteAnalyzer.Benchmarks.Corpus;

namespace AtomicWriteAnalyzer.Benchmarks
{
    /// <summary>Medians over the measured <c>dotnet build</c> runs.</summary>
    internal sealed class BuildResult
    {
        public BuildResult(int files, int runs, double cscMs, double oursMs, double peerMs, double allAnalyzersMs, double oursShareOfCsc, string compiler)
        {
            Files = files;
            Runs = runs;
            CscMs = cscMs;
            OursMs = oursMs;
            PeerMs = peerMs;
            AllAnalyzersMs = allAnalyzersMs;
            OursShareOfCsc = oursShareOfCsc;
            Compiler = compiler;
        }

        public int Files { get; }

        public int Runs { get; }

        public double CscMs { get; }

        public double OursMs { get; }

        public double PeerMs { get; }

        public double AllAnalyzersMs { get; }

        public double OursShareOfCsc { get; }

        public string Compiler { get; }
    }

    /// <summary>
    /// A real <c>dotnet build --no-incremental -p:ReportAnalyzer=true</c> of the generated corpus, written to a temp
    /// folder outside the repository (so none of our Directory.Build.props applies): our analyzer DLL as an Analyzer
    /// item, the runtime as a Reference, Meziantou.Analyzer as a PackageReference, the SDK's own analyzers as shipped.
    /// The Csc task's time comes from MSBuild's performance summary, each analyzer assembly's time from csc's report.
    /// </summary>
    internal sealed class BuildBenchmark
    {
        private static readonly Regex AnalyzerRow = new Regex(@"^\s*(?:\d+:\d+>)?\s*(<?\d+\.\d+)\s+<?\d+\s+(\S.*)$", RegexOptions.CultureInvariant);
        private static readonly Regex CscRow = new Regex(@"^\s*(\d+)\s+ms\s+Csc\s+\d+\s+calls", RegexOptions.CultureInvariant);
        private static readonly Regex CompilerVersion = new Regex(@"Visual C# Compiler version (\S+)", RegexOptions.CultureInvariant);

        public static BuildResult Run(CorpusGenerator generator, AnalyzerCatalog catalog, string repositoryRoot, int files, int warmup, int runs)
        {
            var directory = Path.Combine(Path.GetTempPath(), "atomicwrite-bench", $"corpus-{files}");
            var project = WriteProject(generator, catalog, repositoryRoot, directory, files);
            Dotnet(directory, "restore", project, "-nologo", "-v:q");

            var samples = new List<(double Csc, double Ours, double Peer, double All)>();
            var compiler = "?";
            for (var i = 0; i < warmup + runs; i++)
            {
                var log = Path.Combine(directory, $"build-{i}.log");
                Dotnet(directory, "build", project, "-c", "Release", "--no-restore", "--no-incremental", "-nologo", "-v:q", "-nodeReuse:false",
                    "-p:ReportAnalyzer=true", "-p:TreatWarningsAsErrors=false", $"-flp:Verbosity=detailed;PerformanceSummary;LogFile={log}");
                var lines = File.ReadAllLines(log);
                var loadFailure = lines.FirstOrDefault(l => (l.Contains("CS8032", StringComparison.Ordinal) || l.Contains("CS8034", StringComparison.Ordinal)) && l.Contains(catalog.OurPath, StringComparison.Ordinal));
                if (loadFailure is not null)
                {
                    throw new InvalidOperationException("csc could not load our analyzers: " + loadFailure.Trim());
                }

                var parsed = Parse(lines);
                compiler = parsed.Compiler;
                if (i >= warmup)
                {
                    samples.Add((parsed.CscMs, parsed.Assemblies.Where(p => p.Key.StartsWith("AtomicWriteAnalyzer,", StringComparison.Ordinal)).Sum(p => p.Value),
                        parsed.Assemblies.Where(p => p.Key.StartsWith("Meziantou.Analyzer,", StringComparison.Ordinal)).Sum(p => p.Value),
                        parsed.Assemblies.Values.Sum()));
                }
            }

            return new BuildResult(
                files,
                runs,
                Statistics.Median(samples.Select(s => s.Csc)),
                Statistics.Median(samples.Select(s => s.Ours)),
                Statistics.Median(samples.Select(s => s.Peer)),
                Statistics.Median(samples.Select(s => s.All)),
                Statistics.Median(samples.Select(s => s.Ours / s.Csc)),
                compiler);
        }

        public static void Print(BuildResult r)
        {
            Console.WriteLine($"dotnet build -p:ReportAnalyzer=true, generated {r.Files}, median of {r.Runs} --no-incremental build(s), compiler {r.Compiler} (shared compiler server):");
            var table = new TextTable("Csc task ms>", "all analyzers ms>", "ours ms>", "ours ÷ Csc>", "Meziantou ms>", "Meziantou ÷ Csc>", "ours ÷ Meziantou>");
            table.Add(r.CscMs, r.AllAnalyzersMs, r.OursMs, Fmt.Percent(r.OursShareOfCsc), r.PeerMs, Fmt.Percent(Statistics.Ratio(r.PeerMs, r.CscMs)), Fmt.Ratio(Statistics.Ratio(r.OursMs, r.PeerMs)));
            Console.WriteLine(table);
            Console.WriteLine("csc reports analyzer times in whole milliseconds; '<0.001 s' counts as 0.5 ms.");
            Console.WriteLine();
        }

        /// <summary>The Csc task's time and each analyzer assembly's total (ms) from one detailed build log.</summary>
        internal static (double CscMs, Dictionary<string, double> Assemblies, string Compiler) Parse(IReadOnlyList<string> lines)
        {
            var csc = double.NaN;
            var compiler = "?";
            var assemblies = new Dictionary<string, double>(StringComparer.Ordinal);
            var inAnalyzerTable = false;
            foreach (var line in lines)
            {
                var version = CompilerVersion.Match(line);
                if (version.Success)
                {
                    compiler = version.Groups[1].Value;
                }

                var cscRow = CscRow.Match(line);
                if (cscRow.Success)
                {
                    csc = double.Parse(cscRow.Groups[1].Value, CultureInfo.InvariantCulture);
                }

                if (line.Contains("Time (s)", StringComparison.Ordinal))
                {
                    inAnalyzerTable = line.TrimEnd().EndsWith("Analyzer", StringComparison.Ordinal);
                    continue;
                }

                if (!inAnalyzerTable)
                {
                    continue;
                }

                var row = AnalyzerRow.Match(line);
                if (row.Success && row.Groups[2].Value.Contains(", Version=", StringComparison.Ordinal))
                {
                    var text = row.Groups[1].Value;
                    var seconds = text.StartsWith('<') ? 0.0005 : double.Parse(text, CultureInfo.InvariantCulture);
                    assemblies[row.Groups[2].Value.Trim()] = seconds * 1000;
                }
                else if (!row.Success && line.Trim().Length > 0 && !line.Contains("Analyzer", StringComparison.Ordinal))
                {
                    inAnalyzerTable = false;
                }
            }

            if (double.IsNaN(csc))
            {
                throw new InvalidOperationException("No Csc line in the build's performance summary.");
            }

            return (csc, assemblies, compiler);
        }

        private static string WriteProject(CorpusGenerator generator, AnalyzerCatalog catalog, string repositoryRoot, string directory, int files)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach (var file in generator.Generate(files))
            {
                var path = Path.Combine(directory, file.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            // Stop MSBuild and NuGet from looking further up the temp folder; restore from the repository's sources.
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
            File.Copy(Path.Combine(repositoryRoot, "nuget.config"), Path.Combine(directory, "nuget.config"), overwrite: true);

            var project = Path.Combine(directory, "Corpus.csproj");
            var runtime = typeof(AtomicWrite.SensitiveFileAttribute).Assembly.Location;
            File.WriteAllText(project, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net{Environment.Version.ToString(2)}</TargetFramework>
                    <LangVersion>12</LangVersion>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <GenerateDocumentationFile>false</GenerateDocumentationFile>
                  </PropertyGroup>
                  <ItemGroup>
                    <Analyzer Include="{catalog.OurPath}" />
                    <Reference Include="AtomicWrite" HintPath="{runtime}" />
                    <PackageReference Include="Meziantou.Analyzer" Version="{MeziantouPackage.Version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """);
            return project;
        }

        private static void Dotnet(string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet {string.Join(' ', args)} exited with {process.ExitCode}:{Environment.NewLine}{stdout}{stderr.Result}");
            }
        }
    }
}
