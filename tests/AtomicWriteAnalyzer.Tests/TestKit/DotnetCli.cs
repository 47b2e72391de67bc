using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>Runs the <c>dotnet</c> CLI found on PATH, isolated from the test host's MSBuild environment.</summary>
    internal static class DotnetCli
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

        /// <summary>The <c>dotnet</c> executable on PATH, or null.</summary>
        public static string? Find()
        {
            string executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
            foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(directory, executable);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        public static (int ExitCode, string Output) Run(string dotnet, string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo(dotnet)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The test host exports its own MSBuild location; the child must find the SDK the usual way.
            foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(name);
            }

            // No build servers or reused nodes: nothing may outlive the test (or hold its output pipes open).
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            start.Environment["UseSharedCompilation"] = "false";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish within {Timeout}:\n{output}");
            }

            process.WaitForExit();
            return (process.ExitCode, output.ToString());
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line != null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }
}
