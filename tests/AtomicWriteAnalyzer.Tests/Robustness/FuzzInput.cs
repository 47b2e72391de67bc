using System;
using System.Collections.Generic;
using System.Linq;

namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>
    /// One fuzz input: a seed from the corpus and one to three mutations, all chosen by a <see cref="Random"/> seeded
    /// with the run's seed and the input's index, so input <c>i</c> is the same on every run. Every eighth input cuts a
    /// file of the sample at a multiple of <see cref="Mutations.CutStep"/>; over a long run the cuts cover every position.
    /// Odd inputs are analyzed with <c>atomic_write.scope = all</c> (more diagnostics, so more fixes exercised).
    /// </summary>
    internal sealed class FuzzInput
    {
        private static readonly MutationKind[] Kinds = (MutationKind[])Enum.GetValues(typeof(MutationKind));

        private FuzzInput(int index, Seed seed, string source, IReadOnlyList<string> mutations)
        {
            Index = index;
            Seed = seed;
            Source = source;
            Mutations = mutations;
        }

        public int Index { get; }

        public Seed Seed { get; }

        public string Source { get; }

        public IReadOnlyList<string> Mutations { get; }

        public bool ScopeAll => Index % 2 == 1;

        public static FuzzInput Create(int index, int runSeed, IReadOnlyList<Seed> corpus)
        {
            var random = new Random(unchecked((runSeed * 7919) + index));
            var mutations = new List<string>();
            var samples = corpus.Where(s => s.Origin.StartsWith("samples/", StringComparison.Ordinal)).ToList();
            if (index % 8 == 0 && samples.Count > 0)
            {
                int round = index / 8;
                var sample = samples[round % samples.Count];
                int positions = Math.Max(1, sample.Source.Length / Robustness.Mutations.CutStep);
                int at = Robustness.Mutations.CutStep * (1 + (round / samples.Count * 53 % positions));
                mutations.Add("cut at " + at);
                return new FuzzInput(index, sample, sample.Source.Substring(0, Math.Min(at, sample.Source.Length)), mutations);
            }

            var seed = corpus[random.Next(corpus.Count)];
            string source = seed.Source;
            int count = 1 + random.Next(3);
            for (int i = 0; i < count; i++)
            {
                var kind = Kinds[random.Next(Kinds.Length)];
                var (mutated, description) = Robustness.Mutations.Apply(kind, source, random);
                source = mutated;
                mutations.Add(kind + ": " + description);
            }

            return new FuzzInput(index, seed, source, mutations);
        }

        public override string ToString() =>
            $"input {Index} from {Seed.Origin} ({string.Join("; ", Mutations)}){(ScopeAll ? " with atomic_write.scope = all" : "")}";
    }
}
