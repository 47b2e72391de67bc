using Xunit;

namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>Tests that compare times: they run alone, after the parallel tests, so no other test shares their clocks.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class TimingCollection
    {
        public const string Name = "Timing (runs alone)";
    }
}
