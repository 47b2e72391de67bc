// ValidCode corpus: realistic code that AW0001 must leave alone. Compiled with the tests (so it stays valid C#) and
// analyzed file by file by ValidCodeTests, which expects zero diagnostics.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ValidCode.Logging
{
    /// <summary>Append-only logs: losing a tail line on a crash is the accepted cost.</summary>
    public sealed class FileLogger : IDisposable
    {
        private readonly string _logPath;
        private readonly StreamWriter _writer;

        public FileLogger(string directory)
        {
            _logPath = Path.Combine(directory, "logs", "app-" + DateTime.UtcNow.ToString("yyyyMMdd") + ".log");
            Directory.CreateDirectory(Path.GetDirectoryName(_logPath)!);
            _writer = new StreamWriter(_logPath, append: true, Encoding.UTF8) { AutoFlush = true };
        }

        public void Log(string level, string message) => _writer.WriteLine($"{DateTimeOffset.UtcNow:O} [{level}] {message}");

        public void Dispose() => _writer.Dispose();
    }

    /// <summary>Rolls the log over: the old file becomes .1, a fresh one starts.</summary>
    public static class LogRoller
    {
        public static void Roll(string logFile, int keep)
        {
            for (int i = keep - 1; i >= 1; i--)
            {
                string older = logFile + "." + i;
                if (File.Exists(older))
                {
                    File.Move(older, logFile + "." + (i + 1), overwrite: true);
                }
            }

            if (File.Exists(logFile))
            {
                File.Move(logFile, logFile + ".1", overwrite: true);
            }

            File.WriteAllText(logFile, "# log started " + DateTimeOffset.UtcNow.ToString("O") + Environment.NewLine);
        }
    }

    /// <summary>Audit trail written through a FileStream opened for append.</summary>
    public static class AuditTrail
    {
        public static void Record(string directory, string sessionUser, string action)
        {
            using var stream = new FileStream(Path.Combine(directory, "audit.log"), FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream);
            writer.WriteLine($"{DateTimeOffset.UtcNow:O} {sessionUser} {action}");
        }

        public static void WriteSessionLog(string directory, string sessionId, IEnumerable<string> lines)
        {
            File.WriteAllLines(Path.Combine(directory, "sessions", sessionId + ".log"), lines);
        }
    }

    /// <summary>A crash reporter: dumps are diagnostics, not state.</summary>
    public static class CrashReporter
    {
        public static string WriteReport(string directory, Exception exception)
        {
            string path = Path.Combine(directory, "crash-" + DateTime.UtcNow.Ticks + ".txt");
            File.WriteAllText(path, exception.ToString());
            return path;
        }

        public static void WriteDump(string dumpDirectory, byte[] state)
        {
            File.WriteAllBytes(Path.Combine(dumpDirectory, "state.dmp"), state);
        }
    }
}
