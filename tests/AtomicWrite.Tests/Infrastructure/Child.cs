using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;

namespace AtomicWrite.Tests.Infrastructure
{
    /// <summary>The test child (tests/AtomicWrite.TestChild), started with 'dotnet &lt;dll&gt;' or under a wrapper
    /// (strace, unshare, setpriv, a shell with ulimit).</summary>
    public sealed class Child : IDisposable
    {
        private readonly Process _process;
        private readonly BlockingCollection<string> _lines = new BlockingCollection<string>();
        private readonly List<string> _all = new List<string>();

        private Child(Process process)
        {
            _process = process;
        }

        public static string Dll { get; } = Metadata("TestChild");

        public static int CrashKills { get; } = int.Parse(Metadata("CrashKills"), System.Globalization.CultureInfo.InvariantCulture);

        public int Id => _process.Id;

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_all)
                {
                    return _all.ToList();
                }
            }
        }

        /// <summary>Starts the child; <paramref name="wrapper"/> (e.g. "strace -f -o x") goes before 'dotnet'.</summary>
        public static Child Start(IEnumerable<string> arguments, IEnumerable<string>? wrapper = null)
        {
            var command = (wrapper ?? Array.Empty<string>()).Concat(new[] { "dotnet", Dll }).Concat(arguments).ToList();
            var info = new ProcessStartInfo(command[0])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in command.Skip(1))
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment["DOTNET_TieredPGO"] = "0";
            var child = new Child(Process.Start(info)!);
            child._process.OutputDataReceived += (_, e) => child.Receive(e.Data);
            child._process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data != null)
                {
                    child.Receive("stderr " + e.Data);
                }
            };
            child._process.BeginOutputReadLine();
            child._process.BeginErrorReadLine();
            return child;
        }

        /// <summary>Runs to completion (bounded) and returns stdout and stderr lines.</summary>
        public static IReadOnlyList<string> Run(IEnumerable<string> arguments, IEnumerable<string>? wrapper = null, int timeoutSeconds = 60)
        {
            using var child = Start(arguments, wrapper);
            if (!child.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
            {
                child.Kill();
                throw new TimeoutException("child did not finish: " + string.Join(" | ", child.Lines));
            }

            return child.Lines;
        }

        /// <summary>Waits for the next line; null at end of output or timeout.</summary>
        public string? NextLine(TimeSpan timeout) =>
            _lines.TryTake(out var line, timeout) ? line : null;

        public void Kill()
        {
            try
            {
                _process.Kill(); // SIGKILL on Unix
            }
            catch (InvalidOperationException)
            {
            }
        }

        public bool WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                return false;
            }

            _process.WaitForExit(); // drains the asynchronous output readers
            return true;
        }

        public void Dispose()
        {
            Kill();
            WaitForExit(TimeSpan.FromSeconds(10));
            _process.Dispose();
        }

        private void Receive(string? line)
        {
            if (line == null)
            {
                _lines.CompleteAdding();
                return;
            }

            lock (_all)
            {
                _all.Add(line);
            }

            if (!_lines.IsAddingCompleted)
            {
                _lines.Add(line);
            }
        }

        private static string Metadata(string key) =>
            typeof(Child).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
    }
}
