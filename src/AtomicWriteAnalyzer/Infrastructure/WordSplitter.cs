using System.Collections.Generic;

namespace AtomicWriteAnalyzer.Infrastructure
{
    /// <summary>
    /// Splits identifiers and path text into lower-case words: on camelCase and PascalCase humps, digits,
    /// '_', '-', '.', spaces and path separators. Signals match whole words only, so that
    /// <c>keyboard-layout.txt</c>, <c>monkey_report.txt</c>, <c>tokenizer-output.txt</c> and <c>authors.txt</c>
    /// never look like keys, tokens or auth files.
    /// </summary>
    internal static class WordSplitter
    {
        public static List<string> Split(string? text)
        {
            var words = new List<string>();
            if (string.IsNullOrEmpty(text))
            {
                return words;
            }

            int start = -1;
            for (int i = 0; i < text!.Length; i++)
            {
                char c = text[i];
                if (!char.IsLetter(c))
                {
                    Flush(text, ref start, i, words);
                    continue;
                }

                if (start < 0)
                {
                    start = i;
                    continue;
                }

                char previous = text[i - 1];
                bool hump = char.IsUpper(c) && char.IsLower(previous);
                // "XMLSettings" -> "XML", "Settings": an upper-case letter followed by a lower-case one starts a word.
                bool acronymEnd = char.IsUpper(c) && char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]);
                if (hump || acronymEnd)
                {
                    Flush(text, ref start, i, words);
                    start = i;
                }
            }

            Flush(text, ref start, text.Length, words);
            return words;
        }

        private static void Flush(string text, ref int start, int end, List<string> words)
        {
            if (start >= 0 && end > start)
            {
                words.Add(text.Substring(start, end - start).ToLowerInvariant());
            }

            start = -1;
        }
    }
}
