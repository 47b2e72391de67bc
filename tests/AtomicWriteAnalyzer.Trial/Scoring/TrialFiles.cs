using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace AtomicWriteAnalyzer.Trial.Scoring
{
    /// <summary>The trial's tab-separated files: the repository manifest, the diagnostics of a run, the verdicts.</summary>
    public static class TrialFiles
    {
        public const string DiagnosticsHeader = "repo\tcommit\tpath\tline\trule\tmessage";
        public const string ProjectsHeader = "repo\tcommit\tproject\tfiles\terrors\twrite_api_calls\tunbound\tmissing_packages";
        public const string VerdictsHeader = "repo\tcommit\tpath\tline\trule\tlabel\treason";

        /// <summary>Rows of a TSV without its header, comment lines ('#') and blank lines.</summary>
        public static IEnumerable<string[]> Rows(IEnumerable<string> lines) =>
            lines
                .Skip(1)
                .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
                .Select(l => l.Split('\t'));

        public static IEnumerable<SourceLine> ReadDiagnostics(IEnumerable<string> lines) =>
            Rows(lines).Select(c => new SourceLine(c[0], c[1], c[2], int.Parse(c[3], CultureInfo.InvariantCulture), c[4]));

        /// <summary>
        /// A label is <c>right</c>, <c>wrong:&lt;category&gt;</c> or <c>missed:&lt;category&gt;</c>; anything else is
        /// an error, so that a typo cannot silently drop a verdict from the figures.
        /// </summary>
        public static Verdict ParseVerdict(string[] cells)
        {
            if (cells.Length < 7)
            {
                throw new FormatException($"verdict needs 7 columns, has {cells.Length}: {string.Join(" | ", cells)}");
            }

            var where = new SourceLine(cells[0], cells[1], cells[2], int.Parse(cells[3], CultureInfo.InvariantCulture), cells[4]);
            var label = cells[5];
            var colon = label.IndexOf(':');
            var head = colon < 0 ? label : label.Substring(0, colon);
            var category = colon < 0 ? string.Empty : label.Substring(colon + 1);
            var kind = head switch
            {
                "right" when category.Length == 0 => VerdictKind.Right,
                "wrong" when category.Length > 0 => VerdictKind.Wrong,
                "missed" when category.Length > 0 => VerdictKind.Missed,
                _ => throw new FormatException($"unknown verdict label '{label}' at {where.Path}:{where.Line}"),
            };
            return new Verdict(where, kind, category, cells[6]);
        }

        public static IEnumerable<ProjectBinding> ReadProjects(IEnumerable<string> lines) =>
            Rows(lines).Select(c => new ProjectBinding(c[0], c[2], int.Parse(c[3], CultureInfo.InvariantCulture), int.Parse(c[5], CultureInfo.InvariantCulture), int.Parse(c[6], CultureInfo.InvariantCulture)));

        public static IReadOnlyList<Verdict> ReadVerdicts(string path) =>
            Rows(File.ReadAllLines(path)).Select(ParseVerdict).ToList();
    }
}
