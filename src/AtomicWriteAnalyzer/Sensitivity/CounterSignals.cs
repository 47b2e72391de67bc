using AtomicWriteAnalyzer.Paths;

namespace AtomicWriteAnalyzer.Sensitivity
{
    /// <summary>Why a path is not worth protecting: a log, temp, cache, export... location, or an origin that says so.</summary>
    internal static class CounterSignals
    {
        /// <summary>
        /// Why this path is not worth protecting (a log, temp, cache, export... location), or null. "cache" yields to a
        /// sensitive word in the file's own name: a token cache (<c>token-cache.json</c>, <c>cache/tokens.json</c>) is
        /// the only copy of a sign-in, not something rebuilt from elsewhere.
        /// </summary>
        public static string? FindCounterSignal(PathModel path, string? writerName)
        {
            bool ownNameSensitive = OwnNameIsSensitive(path);
            string? Counter(string? name)
            {
                string? word = SensitiveWords.CounterWord(name);
                return word == "cache" && ownNameSensitive ? null : word;
            }

            string? origin = OriginCounterSignal(path);
            if (origin != null)
            {
                return origin;
            }

            foreach (string text in path.Texts)
            {
                string name = PathModel.LastSegment(text).ToLowerInvariant();
                string[] dotted = name.Split('.');
                for (int i = 1; i < dotted.Length; i++)
                {
                    if (dotted[i] == "log")
                    {
                        return "a '.log' file";
                    }

                    if (dotted[i] == "tmp" || dotted[i] == "temp")
                    {
                        return "a '." + dotted[i] + "' file";
                    }
                }

                foreach (string segment in SensitiveWords.Segments(text))
                {
                    string? word = Counter(segment);
                    if (word != null)
                    {
                        return "the path contains '" + word + "'";
                    }
                }
            }

            foreach (var holder in path.Holders)
            {
                string? word = Counter(holder.Name);
                if (word != null)
                {
                    return holder.KindText + " '" + holder.Name + "' contains '" + word + "'";
                }
            }

            string? writerWord = Counter(writerName);
            return writerWord != null ? "written by '" + writerName + "', which contains '" + writerWord + "'" : null;
        }

        /// <summary>An origin that says the file is not worth protecting: temp, random, unique, picked by the user.</summary>
        private static string? OriginCounterSignal(PathModel path)
        {
            if ((path.Origins & PathOrigin.TempFileName) != 0 || (path.Origins & PathOrigin.TempDirectory) != 0)
            {
                return "a temp file (" + path.OriginDetail + ")";
            }

            if ((path.Origins & PathOrigin.RandomFileName) != 0)
            {
                return "a new random file name (" + path.OriginDetail + ")";
            }

            if ((path.Origins & PathOrigin.UniqueName) != 0)
            {
                return "a new file every time: its name holds " + path.OriginDetail;
            }

            if ((path.Origins & PathOrigin.UserPicked) != 0)
            {
                return "a path the user picked (" + path.OriginDetail + ")";
            }

            return null;
        }

        private static bool OwnNameIsSensitive(PathModel path)
        {
            foreach (string text in path.Texts)
            {
                string name = PathModel.LastSegment(text);
                if (!SensitiveWords.IsOpaque(name) && (SensitiveWords.SensitiveWord(name) != null || SensitiveWords.FileKind(name) != null))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
