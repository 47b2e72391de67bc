using System;
using System.Collections.Generic;
using System.Linq;

namespace AtomicWrite.Benchmarking
{
    /// <summary>Order statistics over measured samples. Benchmarks report medians and tails, never means (one noisy neighbour skews a mean).</summary>
    internal static class Statistics
    {
        public static double Median(IEnumerable<double> samples) => Percentile(samples, 50);

        /// <summary>Nearest-rank percentile (p in 0..100): always one of the measured values, no interpolation.</summary>
        public static double Percentile(IEnumerable<double> samples, double p)
        {
            var sorted = samples.OrderBy(x => x).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            if (p >= 100)
            {
                return sorted[sorted.Length - 1];
            }

            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
            return sorted[Math.Max(rank, 1) - 1];
        }

        public static double Ratio(double numerator, double denominator) =>
            denominator > 0 && !double.IsNaN(numerator) ? numerator / denominator : double.NaN;
    }
}
