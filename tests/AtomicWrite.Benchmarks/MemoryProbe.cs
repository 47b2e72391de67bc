using System;
using System.IO;
using System.Linq;

namespace AtomicWrite.Benchmarks
{
    /// <summary>
    /// Peak resident memory of this process, from /proc/self/status (VmHWM). Linux lets a process reset its peak
    /// (writing 5 to /proc/self/clear_refs), so the growth of one run is its own peak minus the resident size before it.
    /// </summary>
    internal static class MemoryProbe
    {
        public static bool Supported => File.Exists("/proc/self/clear_refs") && File.Exists("/proc/self/status");

        /// <summary>Resets the peak; returns the resident size now (bytes).</summary>
        public static long ResetPeak()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            File.WriteAllText("/proc/self/clear_refs", "5");
            return Read("VmRSS:");
        }

        public static long Peak() => Read("VmHWM:");

        private static long Read(string field)
        {
            var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
            var kib = long.Parse(line.Substring(field.Length).Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            return kib * 1024;
        }
    }
}
