using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace AtomicWrite.Tests.Infrastructure
{
    /// <summary>External tools some tests need; those tests skip, with the reason, where a tool is missing.</summary>
    public static class Tools
    {
        private static readonly Lazy<string?> NamespaceProblem = new Lazy<string?>(ProbeNamespaces);

        public static bool Has(string tool) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, tool)));

        /// <summary>Null if 'unshare -Urm' can mount a tmpfs here, else why not.</summary>
        public static string? UserNamespacesUnavailable => NamespaceProblem.Value;

        private static string? ProbeNamespaces()
        {
            if (!Has("unshare"))
            {
                return "unshare is not installed";
            }

            var info = new ProcessStartInfo("unshare") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "-Urm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt && echo ok" })
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output.Trim() == "ok" ? null : "user and mount namespaces are unavailable here: " + error.Trim();
        }
    }
}
