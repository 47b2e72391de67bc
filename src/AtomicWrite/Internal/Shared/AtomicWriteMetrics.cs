using System.Diagnostics.Metrics;

namespace AtomicWrite.Internal
{
    /// <summary>The meter <c>AtomicWrite</c>: what hosts watch to see saves fail or recoveries happen in production.</summary>
    internal static class AtomicWriteMetrics
    {
        public const string MeterName = "AtomicWrite";

        private static readonly Meter Meter = new Meter(MeterName, typeof(AtomicWriteMetrics).Assembly.GetName().Version?.ToString());

        public static readonly Counter<long> Saves = Meter.CreateCounter<long>("atomicwrite.saves", "{save}", "Saves that replaced their target.");

        public static readonly Counter<long> SaveFailures = Meter.CreateCounter<long>("atomicwrite.save_failures", "{save}", "Saves that threw (before or after the rename).");

        public static readonly Counter<long> BytesWritten = Meter.CreateCounter<long>("atomicwrite.bytes_written", "By", "Bytes of content saved.");

        public static readonly Counter<long> Recoveries = Meter.CreateCounter<long>("atomicwrite.recoveries", "{recovery}", "Loads that fell back to a backup and restored it.");
    }
}
