using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Text;

namespace AtomicWriteAnalyzer.Editor
{
    /// <summary>Applies an LSP WorkspaceEdit to one document's text, and turns two texts into one change.</summary>
    internal static class WorkspaceEdits
    {
        /// <summary>The text after the edit's changes to <paramref name="uri"/> ("changes" or "documentChanges").</summary>
        public static string Apply(string text, string uri, JsonNode? edit)
        {
            var edits = new List<JsonNode>();
            if (edit?["changes"]?[uri] is JsonArray changes)
            {
                edits.AddRange(changes.Where(c => c != null)!);
            }

            foreach (var documentChange in edit?["documentChanges"] as JsonArray ?? new JsonArray())
            {
                if ((string?)documentChange?["textDocument"]?["uri"] == uri && documentChange?["edits"] is JsonArray documentEdits)
                {
                    edits.AddRange(documentEdits.Where(c => c != null)!);
                }
            }

            if (edits.Count == 0)
            {
                throw new InvalidOperationException("the code action's edit does not change the document");
            }

            var source = SourceText.From(text);
            var textChanges = edits.Select(e => new TextChange(source.Lines.GetTextSpan(new LinePositionSpan(Position(e["range"]!["start"]!), Position(e["range"]!["end"]!))), (string?)e["newText"] ?? ""));
            return source.WithChanges(textChanges).ToString();
        }

        /// <summary>One change that turns <paramref name="before"/> into <paramref name="after"/> (common prefix and suffix kept).</summary>
        public static TextChange Difference(string before, string after)
        {
            int prefix = 0;
            while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
            {
                prefix++;
            }

            int suffix = 0;
            while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
            {
                suffix++;
            }

            return new TextChange(TextSpan.FromBounds(prefix, before.Length - suffix), after.Substring(prefix, after.Length - suffix - prefix));
        }

        private static LinePosition Position(JsonNode node) => new LinePosition((int)node["line"]!, (int)node["character"]!);
    }
}
