using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace AtomicWrite.Benchmarks
{
    /// <summary>External programs: node, npm, strace.</summary>
    internal static class Tools
    {
        public static string? Find(string name) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, name))
                .FirstOrDefault(File.Exists);

        /// <summary>Runs to completion (killed after <paramref name="timeout"/>); returns the exit code and stdout + stderr.</summary>
        public static (int ExitCode, string Output) Run(string program, string workingDirectory, TimeSpan timeout, params string[] args)
        {
            var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"timed out after {timeout.TotalSeconds:F0} s");
            }

            process.WaitForExit();
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }

        /// <summary>How to start this benchmark again as a child (apphost, or dotnet + the dll).</summary>
        public static (string Program, string[] Prefix) Self()
        {
            var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
            var entry = typeof(Tools).Assembly.Location;
            return Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? (processPath, new[] { entry }) : (processPath, Array.Empty<string>());
        }
    }
}
