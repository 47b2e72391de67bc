using System;
using System.Collections.Generic;
using System.Linq;

namespace AtomicWriteAnalyzer.Trial.Scoring
{
    /// <summary>Where a diagnostic is, as the trial records it: no code, only a reference.</summary>
    public readonly record struct SourceLine(string Repo, string Commit, string Path, int Line, string Rule);

    /// <summary>One judged line: a diagnostic judged right or wrong, or a sensitive write the analyzer missed.</summary>
    public sealed record Verdict(SourceLine Where, VerdictKind Kind, string Category, string Reason);

    public enum VerdictKind
    {
        /// <summary>A diagnostic that points at a real in-place overwrite (or replace) of a file worth keeping.</summary>
        Right,

        /// <summary>A diagnostic that should not be there; <see cref="Verdict.Category"/> says why.</summary>
        Wrong,

        /// <summary>A sensitive in-place overwrite the rule should report but did not when judged.</summary>
        Missed,
    }

    /// <summary>Counts for one rule against a fresh run.</summary>
    public sealed record RuleScore(string Rule, int TruePositives, int FalsePositives, int FalseNegatives, int QuietOnWrong, int Unjudged)
    {
        public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

        public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);
    }

    /// <summary>How one project of a run bound: its files, its calls to catalogued write APIs and how many did not bind.</summary>
    public sealed record ProjectBinding(string Repo, string Project, int Files, int Calls, int Unbound);

    /// <summary>A repository's binding summed over its projects; scored only when few write-API calls went unbound.</summary>
    public sealed record RepoBinding(string Repo, int Files, int Calls, int Unbound, bool Scored);

    /// <summary>
    /// Scores a run against verdicts made once. A verdict keeps its meaning when the model changes: a line judged
    /// wrong that no longer gets a diagnostic counts as correctly quiet, a line judged missed that now gets one
    /// counts as found, and a line judged right that lost its diagnostic counts as a miss.
    /// </summary>
    public static class TrialScorer
    {
        public static IReadOnlyList<RuleScore> Score(IEnumerable<Verdict> verdicts, IEnumerable<SourceLine> diagnostics, IEnumerable<string> rules)
        {
            var reported = new HashSet<SourceLine>(diagnostics);
            var judged = new HashSet<SourceLine>();
            var byRule = rules.ToDictionary(r => r, _ => new int[4], StringComparer.Ordinal);
            foreach (var verdict in verdicts)
            {
                if (!byRule.TryGetValue(verdict.Where.Rule, out var counts) || !judged.Add(verdict.Where))
                {
                    continue;
                }

                var present = reported.Contains(verdict.Where);
                var slot = (verdict.Kind, present) switch
                {
                    (VerdictKind.Wrong, true) => 1,
                    (VerdictKind.Wrong, false) => 3,
                    (_, true) => 0,
                    (_, false) => 2,
                };
                counts[slot]++;
            }

            return byRule
                .Select(p => new RuleScore(p.Key, p.Value[0], p.Value[1], p.Value[2], p.Value[3], reported.Count(d => d.Rule == p.Key && !judged.Contains(d))))
                .ToList();
        }

        /// <summary>How many verdicts of each kind fall in each category per rule, largest first.</summary>
        public static IReadOnlyList<(VerdictKind Kind, string Rule, string Category, int Count)> Categories(IEnumerable<Verdict> verdicts) =>
            verdicts
                .Where(v => v.Kind != VerdictKind.Right)
                .GroupBy(v => (v.Kind, v.Where.Rule, v.Category))
                .Select(g => (g.Key.Kind, g.Key.Rule, g.Key.Category, g.Count()))
                .OrderBy(c => c.Kind)
                .ThenBy(c => c.Rule, StringComparer.Ordinal)
                .ThenByDescending(c => c.Item4)
                .ThenBy(c => c.Category, StringComparer.Ordinal)
                .ToList();

        /// <summary>
        /// <paramref name="count"/> of <paramref name="ordered"/> drawn without replacement by a seeded partial
        /// Fisher–Yates shuffle, in draw order: the same list and seed always give the same sample.
        /// </summary>
        public static IReadOnlyList<T> Sample<T>(IReadOnlyList<T> ordered, int count, int seed)
        {
            var items = ordered.ToArray();
            var random = new Random(seed);
            var take = Math.Min(count, items.Length);
            for (var i = 0; i < take; i++)
            {
                var j = random.Next(i, items.Length);
                (items[i], items[j]) = (items[j], items[i]);
            }

            return items.Take(take).ToList();
        }

        /// <summary>Diagnostics no verdict names (new, or moved to another line since judging), in file order.</summary>
        public static IReadOnlyList<SourceLine> Unjudged(IEnumerable<Verdict> verdicts, IEnumerable<SourceLine> diagnostics)
        {
            var judged = new HashSet<SourceLine>(verdicts.Select(v => v.Where));
            return diagnostics.Where(d => !judged.Contains(d)).Distinct().ToList();
        }

        /// <summary>
        /// Per repository, whether its figures count: a repository whose share of unbound write-API calls exceeds
        /// <paramref name="maxUnboundShare"/> is left out whole, never scored half-bound.
        /// </summary>
        public static IReadOnlyList<RepoBinding> Binding(IEnumerable<ProjectBinding> projects, double maxUnboundShare) =>
            projects
                .GroupBy(p => p.Repo, StringComparer.Ordinal)
                .Select(g =>
                {
                    var calls = g.Sum(p => p.Calls);
                    var unbound = g.Sum(p => p.Unbound);
                    return new RepoBinding(g.Key, g.Sum(p => p.Files), calls, unbound, calls == 0 || (double)unbound / calls < maxUnboundShare);
                })
                .OrderBy(b => b.Repo, StringComparer.Ordinal)
                .ToList();
    }
}
