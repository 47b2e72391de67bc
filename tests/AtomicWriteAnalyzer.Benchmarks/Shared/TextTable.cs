using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AtomicWrite.Benchmarking
{
    /// <summary>A table printed as GitHub markdown, so that a run's output pastes into docs/benchmarks.md as is.</summary>
    internal sealed class TextTable
    {
        private readonly string[] _headers;
        private readonly bool[] _rightAligned;
        private readonly List<string[]> _rows = new List<string[]>();

        /// <summary>A header ending in '&gt;' is right-aligned (numbers); the marker is not printed.</summary>
        public TextTable(params string[] headers)
        {
            _rightAligned = headers.Select(h => h.EndsWith(">", StringComparison.Ordinal)).ToArray();
            _headers = headers.Select(h => h.TrimEnd('>')).ToArray();
        }

        public TextTable Add(params object?[] cells)
        {
            if (cells.Length != _headers.Length)
            {
                throw new ArgumentException($"{cells.Length} cells for {_headers.Length} columns", nameof(cells));
            }

            _rows.Add(cells.Select(Format).ToArray());
            return this;
        }

        public override string ToString()
        {
            var widths = _headers.Select((h, i) => Math.Max(3, _rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
            widths = widths.Select((w, i) => Math.Max(w, _headers[i].Length)).ToArray();
            var sb = new StringBuilder();
            AppendRow(sb, _headers, widths);
            sb.Append('|');
            for (var i = 0; i < widths.Length; i++)
            {
                sb.Append(' ').Append(new string('-', widths[i] - 1)).Append(_rightAligned[i] ? ':' : '-').Append(" |");
            }

            sb.AppendLine();
            foreach (var row in _rows)
            {
                AppendRow(sb, row, widths);
            }

            return sb.ToString();
        }

        private void AppendRow(StringBuilder sb, string[] cells, int[] widths)
        {
            sb.Append('|');
            for (var i = 0; i < cells.Length; i++)
            {
                sb.Append(' ').Append(_rightAligned[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i])).Append(" |");
            }

            sb.AppendLine();
        }

        private static string Format(object? cell) => cell switch
        {
            null => "",
            double d when double.IsNaN(d) => "n/a",
            double d => d.ToString(Math.Abs(d) >= 100 ? "F0" : Math.Abs(d) >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString() ?? "",
        };
    }

    /// <summary>Formats used by both benchmarks.</summary>
    internal static class Fmt
    {
        public static string Ratio(double r) => double.IsNaN(r) ? "n/a" : r.ToString(r >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture) + "×";

        public static string Percent(double fraction) =>
            double.IsNaN(fraction) ? "n/a" : (fraction * 100).ToString(fraction < 0.01 ? "F3" : "F2", CultureInfo.InvariantCulture) + "%";

        public static string Verdict(bool met, string detail) => (met ? "met" : "MISSED") + " (" + detail + ")";
    }
}
