using System;
using System.Text;
using System.Text.RegularExpressions;

namespace AtomicWriteAnalyzer.Infrastructure
{
    /// <summary>
    /// A glob from <c>.editorconfig</c>, matched against a path as the analyzer reconstructs it from code.
    /// <c>*</c> matches within one segment, <c>**</c> across segments, <c>?</c> one character; case is ignored and
    /// <c>/</c> equals <c>\</c>. A glob without a separator matches the file name in any folder (<c>*.token</c>);
    /// any other glob matches the end of the path at a segment boundary, as if it began with <c>**/</c>.
    /// Parts of the path the analyzer could not know are written <c>**</c> in the reconstructed path: they only
    /// match wildcards of the glob, never its literal text.
    /// </summary>
    internal sealed class Glob
    {
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
        private readonly Regex _regex;

        private Glob(string pattern, Regex regex)
        {
            Pattern = pattern;
            _regex = regex;
        }

        public string Pattern { get; }

        public static Glob? TryCreate(string pattern)
        {
            string trimmed = pattern.Trim();
            if (trimmed.Length == 0)
            {
                return null;
            }

            try
            {
                return new Glob(trimmed, new Regex(ToRegex(Normalize(trimmed)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout));
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        public bool IsMatch(string path)
        {
            try
            {
                return _regex.IsMatch(Normalize(path));
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        private static string Normalize(string text) => text.Replace('\\', '/');

        private static string ToRegex(string glob)
        {
            var regex = new StringBuilder("^");
            if (glob.StartsWith("/", StringComparison.Ordinal))
            {
                // Anchored: "/etc/app.conf" matches that path only.
                glob = glob.Substring(1);
                regex.Append("/?");
            }
            else if (!glob.StartsWith("**", StringComparison.Ordinal))
            {
                // Relative globs match at any depth: "config/*.json" matches ".../config/app.json".
                regex.Append("(?:.*/)?");
            }

            for (int i = 0; i < glob.Length; i++)
            {
                char c = glob[i];
                if (c == '*')
                {
                    bool doubleStar = i + 1 < glob.Length && glob[i + 1] == '*';
                    if (!doubleStar)
                    {
                        regex.Append("[^/]*");
                        continue;
                    }

                    i++;
                    if (i + 1 < glob.Length && glob[i + 1] == '/')
                    {
                        // "**/" matches zero or more whole segments.
                        i++;
                        regex.Append("(?:.*/)?");
                    }
                    else
                    {
                        regex.Append(".*");
                    }
                }
                else if (c == '?')
                {
                    regex.Append("[^/]");
                }
                else
                {
                    regex.Append(Regex.Escape(c.ToString()));
                }
            }

            regex.Append('$');
            return regex.ToString();
        }
    }
}
