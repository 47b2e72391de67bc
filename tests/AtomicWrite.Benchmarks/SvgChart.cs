using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using AtomicWrite.Benchmarking;

namespace AtomicWrite.Benchmarks
{
    /// <summary>p50 per save as a ratio to the floor, one group of bars per size: a small SVG for docs/benchmarks.md.</summary>
    internal static class SvgChart
    {
        private static readonly string[] Colors = { "#9e9e9e", "#424242", "#64b5f6", "#1e88e5", "#0d47a1", "#fb8c00", "#e65100" };

        public static void Write(string path, IReadOnlyList<SaveMethod> methods, IReadOnlyList<int> sizes, IReadOnlyList<SaveResult> results)
        {
            const int barHeight = 16, gap = 4, left = 300, width = 760, groupGap = 28, top = 40;
            var ratios = sizes.ToDictionary(s => s, s => methods.Select(m => Statistics.Ratio(RuntimeReport.Find(results, m.Key, s)!.P50, RuntimeReport.Find(results, "floor", s)!.P50)).ToList());
            var max = Math.Max(1.0, ratios.Values.SelectMany(r => r).Where(r => !double.IsNaN(r)).DefaultIfEmpty(1).Max());
            var scale = (width - left - 70) / max;
            var height = top + sizes.Count * (methods.Count * (barHeight + gap) + groupGap) + 20;
            var svg = new StringBuilder();
            svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
            svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            svg.Append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">p50 time per save ÷ the minimal durable sequence (lower is faster)</text>\n");
            var y = top;
            foreach (var size in sizes)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{y + 12}\" font-weight=\"bold\">{Payload.Describe(size)}</text>\n");
                y += 18;
                for (var i = 0; i < methods.Count; i++)
                {
                    var ratio = ratios[size][i];
                    var w = double.IsNaN(ratio) ? 0 : ratio * scale;
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + barHeight - 4}\" text-anchor=\"end\">{WebUtility.HtmlEncode(methods[i].Name)}</text>\n");
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y}\" width=\"{w:F1}\" height=\"{barHeight}\" fill=\"{Colors[i % Colors.Length]}\"/>\n");
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + w + 4:F1}\" y=\"{y + barHeight - 4}\">{WebUtility.HtmlEncode(Fmt.Ratio(ratio))}</text>\n");
                    y += barHeight + gap;
                }

                y += groupGap - 18;
            }

            var floorX = left + scale;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{floorX:F1}\" y1=\"{top}\" x2=\"{floorX:F1}\" y2=\"{y}\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"/>\n");
            svg.Append("</svg>\n");
            File.WriteAllText(path, svg.ToString());
        }
    }
}
