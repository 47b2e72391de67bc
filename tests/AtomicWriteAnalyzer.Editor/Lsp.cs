using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AtomicWriteAnalyzer.Editor
{
    /// <summary>One LSP diagnostic as the server sent it (<paramref name="Sent"/>: its JSON, returned as a code action's context).</summary>
    internal sealed record LspDiagnostic(string Code, int Severity, int Line, int Character, string Message, string? Href, JsonNode Sent)
    {
        public const int Error = 1;
        public const int Warning = 2;
        public const int Information = 3;

        public static LspDiagnostic From(JsonNode item)
        {
            var code = item["code"];
            return new LspDiagnostic(
                code?.ToString() ?? "",
                (int?)item["severity"] ?? 0,
                (int)item["range"]!["start"]!["line"]!,
                (int)item["range"]!["start"]!["character"]!,
                (string?)item["message"] ?? "",
                (string?)item["codeDescription"]?["href"],
                item.DeepClone());
        }

        public static string SeverityName(int severity) => severity switch
        {
            Error => "error",
            Warning => "warning",
            Information => "information",
            4 => "hint",
            _ => "severity " + severity,
        };

        public override string ToString() => $"{Line + 1}:{Character + 1} {Code} {SeverityName(Severity)}: {Shorten(Message)}";

        private static string Shorten(string message) => message.Length <= 90 ? message : message.Substring(0, 90) + "...";
    }

    /// <summary>A pull report for one document: resultId is null until the server has the document in a loaded project.</summary>
    internal sealed record DiagnosticReport(string? ResultId, IReadOnlyList<LspDiagnostic> Items)
    {
        public static DiagnosticReport From(JsonNode? result)
        {
            var items = (result?["items"] as JsonArray ?? new JsonArray()).Select(i => LspDiagnostic.From(i!)).ToList();
            return new DiagnosticReport((string?)result?["resultId"], items);
        }

        public IEnumerable<LspDiagnostic> Ours => Items.Where(d => d.Code.StartsWith("AW", StringComparison.Ordinal));

        public IEnumerable<LspDiagnostic> CompilerErrors => Items.Where(d => d.Code.StartsWith("CS", StringComparison.Ordinal) && d.Severity == LspDiagnostic.Error);
    }
}
