using System;
using System.IO;
using System.Text;

namespace TokenStore
{
    /// <summary>
    /// Writes that must NOT be flagged: a log (append-only, losing its tail is acceptable),
    /// an export the user asked for, and a scratch file in the temp directory.
    /// </summary>
    public static class ActivityLog
    {
        public static void Append(string directory, string message)
        {
            File.AppendAllText(Path.Combine(directory, "activity.log"), DateTimeOffset.UtcNow.ToString("O") + " " + message + Environment.NewLine);
        }

        public static void ExportReport(string exportPath, int accounts)
        {
            var report = new StringBuilder();
            report.AppendLine("accounts," + accounts);
            File.WriteAllText(exportPath, report.ToString());
        }

        public static string WriteScratch(string text)
        {
            string scratch = Path.GetTempFileName();
            File.WriteAllText(scratch, text);
            return scratch;
        }
    }
}
