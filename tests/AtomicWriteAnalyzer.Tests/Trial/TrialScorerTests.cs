using System;
using System.Linq;
using AtomicWriteAnalyzer.Trial.Scoring;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Trial
{
    /// <summary>The trial's scorer: a verdict keeps its meaning whether or not a later run still reports its line.</summary>
    public sealed class TrialScorerTests
    {
        private static SourceLine At(int line, string rule = "AW0001", string commit = "c1") => new("o/r", commit, "src/Settings.cs", line, rule);

        private static Verdict Judged(int line, VerdictKind kind, string category = "", string rule = "AW0001") =>
            new(At(line, rule), kind, category, "reason");

        // verdict kind, diagnostic present in the run → the slot it counts in (tp, fp, fn, quiet).
        [Theory]
        [InlineData(VerdictKind.Right, true, 1, 0, 0, 0)]
        [InlineData(VerdictKind.Right, false, 0, 0, 1, 0)]
        [InlineData(VerdictKind.Wrong, true, 0, 1, 0, 0)]
        [InlineData(VerdictKind.Wrong, false, 0, 0, 0, 1)]
        [InlineData(VerdictKind.Missed, true, 1, 0, 0, 0)]
        [InlineData(VerdictKind.Missed, false, 0, 0, 1, 0)]
        public void A_verdict_counts_by_whether_its_line_is_reported(VerdictKind kind, bool reported, int tp, int fp, int fn, int quiet)
        {
            var diagnostics = reported ? new[] { At(10) } : Array.Empty<SourceLine>();

            var score = TrialScorer.Score(new[] { Judged(10, kind, kind == VerdictKind.Right ? "" : "x") }, diagnostics, new[] { "AW0001" }).Single();

            Assert.Equal((tp, fp, fn, quiet, 0), (score.TruePositives, score.FalsePositives, score.FalseNegatives, score.QuietOnWrong, score.Unjudged));
        }

        [Fact]
        public void Precision_and_recall_come_from_the_counts()
        {
            var verdicts = new[]
            {
                Judged(1, VerdictKind.Right), Judged(2, VerdictKind.Right), Judged(3, VerdictKind.Right),
                Judged(4, VerdictKind.Wrong, "test code"), Judged(5, VerdictKind.Missed, "helper"),
            };
            var diagnostics = new[] { At(1), At(2), At(3), At(4) };

            var score = TrialScorer.Score(verdicts, diagnostics, new[] { "AW0001" }).Single();

            Assert.Equal(0.75, score.Precision);
            Assert.Equal(0.75, score.Recall);
        }

        [Fact]
        public void Another_rule_another_commit_or_another_line_does_not_match()
        {
            var verdicts = new[] { Judged(7, VerdictKind.Right) };
            var diagnostics = new[] { At(7, rule: "AW0003"), At(7, commit: "c2"), At(8), At(9) };

            var scores = TrialScorer.Score(verdicts, diagnostics, new[] { "AW0001", "AW0003" });

            var aw0001 = scores.Single(s => s.Rule == "AW0001");
            Assert.Equal((0, 1, 3), (aw0001.TruePositives, aw0001.FalseNegatives, aw0001.Unjudged));
            Assert.Null(aw0001.Precision);
            Assert.Equal(1, scores.Single(s => s.Rule == "AW0003").Unjudged);
        }

        [Fact]
        public void A_line_judged_twice_counts_once()
        {
            var verdicts = new[] { Judged(3, VerdictKind.Right), Judged(3, VerdictKind.Wrong, "duplicate") };

            var score = TrialScorer.Score(verdicts, new[] { At(3) }, new[] { "AW0001" }).Single();

            Assert.Equal((1, 0), (score.TruePositives, score.FalsePositives));
        }

        [Fact]
        public void Categories_are_counted_largest_first_and_right_verdicts_have_none()
        {
            var verdicts = new[]
            {
                Judged(1, VerdictKind.Wrong, "test code"), Judged(2, VerdictKind.Wrong, "create-if-missing"), Judged(3, VerdictKind.Wrong, "test code"),
                Judged(4, VerdictKind.Missed, "helper"), Judged(5, VerdictKind.Right),
            };

            var categories = TrialScorer.Categories(verdicts);

            Assert.Equal(
                new[] { (VerdictKind.Wrong, "AW0001", "test code", 2), (VerdictKind.Wrong, "AW0001", "create-if-missing", 1), (VerdictKind.Missed, "AW0001", "helper", 1) },
                categories);
        }

        [Fact]
        public void Unjudged_lists_new_and_moved_diagnostics_once()
        {
            var verdicts = new[] { Judged(10, VerdictKind.Right), Judged(20, VerdictKind.Wrong, "test code") };
            var diagnostics = new[] { At(10), At(11), At(11), At(20, rule: "AW0003") };

            var unjudged = TrialScorer.Unjudged(verdicts, diagnostics);

            Assert.Equal(new[] { At(11), At(20, rule: "AW0003") }, unjudged);
        }

        [Theory]
        [InlineData(10, 4)]
        [InlineData(10, 10)]
        [InlineData(3, 5)]
        public void A_sample_is_distinct_items_of_the_list_and_the_same_for_the_same_seed(int size, int count)
        {
            var items = Enumerable.Range(0, size).ToList();

            var first = TrialScorer.Sample(items, count, seed: 7);

            Assert.Equal(Math.Min(size, count), first.Distinct().Count());
            Assert.All(first, i => Assert.Contains(i, items));
            Assert.Equal(first, TrialScorer.Sample(items, count, seed: 7));
        }

        // projects of one repository as (calls, unbound) → whether it is scored at a 2% limit.
        [Theory]
        [InlineData(new[] { 100, 1 }, true)]
        [InlineData(new[] { 100, 2 }, false)]
        [InlineData(new[] { 60, 1, 40, 1 }, false)]
        [InlineData(new[] { 0, 0 }, true)]
        [InlineData(new[] { 150, 0, 50, 2 }, true)]
        public void A_repository_is_scored_only_when_its_write_calls_bind(int[] callsAndUnbound, bool scored)
        {
            var projects = Enumerable.Range(0, callsAndUnbound.Length / 2)
                .Select(i => new ProjectBinding("o/r", "p" + i, 10, callsAndUnbound[2 * i], callsAndUnbound[(2 * i) + 1]));

            var binding = TrialScorer.Binding(projects, 0.02).Single();

            Assert.Equal((scored, callsAndUnbound.Where((_, i) => i % 2 == 0).Sum()), (binding.Scored, binding.Calls));
        }

        [Theory]
        [InlineData("right", VerdictKind.Right, "")]
        [InlineData("wrong:test code", VerdictKind.Wrong, "test code")]
        [InlineData("missed:helper normalizes its path", VerdictKind.Missed, "helper normalizes its path")]
        public void Labels_parse(string label, VerdictKind kind, string category)
        {
            var verdict = TrialFiles.ParseVerdict(new[] { "o/r", "c1", "a.cs", "12", "AW0001", label, "why" });

            Assert.Equal((kind, category, 12), (verdict.Kind, verdict.Category, verdict.Where.Line));
        }

        [Theory]
        [InlineData("rigth")]
        [InlineData("wrong")]
        [InlineData("missed:")]
        [InlineData("right:extra")]
        public void A_mistyped_label_is_an_error_not_a_dropped_verdict(string label)
        {
            Assert.Throws<FormatException>(() => TrialFiles.ParseVerdict(new[] { "o/r", "c1", "a.cs", "12", "AW0001", label, "why" }));
        }
    }
}
