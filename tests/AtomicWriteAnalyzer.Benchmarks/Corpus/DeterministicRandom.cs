namespace AtomicWriteAnalyzer.Benchmarks.Corpus
{
    /// <summary>
    /// SplitMix64: the same sequence on every runtime and machine (System.Random's algorithm is an
    /// implementation detail), so a corpus of N files is the same code in every run and is a prefix of any larger one.
    /// </summary>
    internal sealed class DeterministicRandom
    {
        private ulong _state;

        public DeterministicRandom(ulong seed) => _state = seed;

        public ulong NextUInt64()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>An integer in [0, maxExclusive).</summary>
        public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

        /// <summary>True with probability 1 / n.</summary>
        public bool OneIn(int n) => Next(n) == 0;

        public T Pick<T>(T[] items) => items[Next(items.Length)];
    }
}
