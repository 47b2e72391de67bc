using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    [Collection(ProcessWide.Name)] // the meter is process-wide: no other test may save meanwhile
    public sealed class MetricsTests
    {
        [Fact]
        public void Saves_failures_and_bytes_are_counted_on_the_AtomicWrite_meter()
        {
            using var dir = new TempDirectory();
            var totals = new Dictionary<string, long>();
            using var listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Meter.Name == "AtomicWrite")
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                lock (totals)
                {
                    totals[instrument.Name] = (totals.TryGetValue(instrument.Name, out var t) ? t : 0) + value;
                }
            });
            listener.Start();

            AtomicFile.WriteAllText(dir.File("a"), "12345");
            AtomicFile.WriteAllBytes(dir.File("b"), new byte[1000]);
            using (var stream = AtomicFile.Create(dir.File("c")))
            {
                stream.Write(new byte[10], 0, 10);
                stream.Commit();
            }

            Assert.Throws<IOException>(() => AtomicFile.WriteAllText(dir.File("a"), "x", new AtomicWriteOptions { Validate = _ => false }));
            AtomicFile.WriteAllText(dir.File("d"), "good");
            AtomicFile.WriteAllText(dir.File("d"), "better");
            File.WriteAllText(dir.File("d"), string.Empty);
            Assert.Equal("good", AtomicFile.ReadAllText(dir.File("d")));
            listener.Dispose();

            Assert.Equal(6, totals["atomicwrite.saves"]); // three, two of d, and the restore of d
            Assert.Equal(1015 + 4 + 6 + 4, totals["atomicwrite.bytes_written"]);
            Assert.Equal(1, totals["atomicwrite.save_failures"]);
            Assert.Equal(1, totals["atomicwrite.recoveries"]);
        }
    }
}
