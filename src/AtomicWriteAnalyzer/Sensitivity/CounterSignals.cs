using System.Collections.Immutable;
using AtomicWriteAnalyzer.Paths;

namespace AtomicWriteAnalyzer.Sensitivity
{
    /// <summary>Why a path is not worth protecting: a log, temp, cache, export... location, or an origin that says so.</summary>
    internal static class CounterSignals
    {
        /// <summary>
        /// Scripts and launchers (<c>.sh</c>, <c>.desktop</c>, <c>.lnk</c>...): the app writes them from its own
        /// template (an autostart entry, a helper script) and writes them again whenever they are needed; a torn one is
        /// regenerated, nothing a user made is lost.
        /// </summary>
        private static readonly ImmutableHashSet<string> RegeneratedExtensions = ImmutableHashSet.Create(
            System.StringComparer.Ordinal, "sh", "bash", "bat", "cmd", "ps1", "vbs", "command", "desktop", "service", "lnk", "url");

        /// <summary>
        /// The suffixes browsers and download code give a file still being downloaded (<c>setup.exe.part</c>,
        /// <c>.crdownload</c>): what it replaces once complete is a download, fetched again if lost.
        /// </summary>
        private static readonly ImmutableHashSet<string> PartialDownloadExtensions = ImmutableHashSet.Create(
            System.StringComparer.Ordinal, "part", "partial", "crdownload", "download", "downloading");

        /// <summary>
        /// The counter words a writing type's name may carry (<c>UniqueIdCache</c>, <c>DownloadManager</c>): the
        /// type says what its files are for. Words that name a role rather than a kind of file (report, output) are
        /// left out: a <c>ReportSettings</c> type keeps settings.
        /// </summary>
        private static readonly ImmutableHashSet<string> TypeCounterWords = ImmutableHashSet.Create(
            System.StringComparer.Ordinal, "cache", "log", "download", "dump", "crash", "temp");

        /// <summary>
        /// Why this path is not worth protecting (a log, temp, cache, export... location), or null. "cache" yields to a
        /// sensitive word in the file's own name: a token cache (<c>token-cache.json</c>, <c>cache/tokens.json</c>) is
        /// the only copy of a sign-in, not something rebuilt from elsewhere.
        /// </summary>
        public static string? FindCounterSignal(PathModel path, string? writerName, string? typeName = null)
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

            string? inPath = PathCounterSignal(path, Counter);
            if (inPath != null)
            {
                return inPath;
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
            if (writerWord != null)
            {
                return "written by '" + writerName + "', which contains '" + writerWord + "'";
            }

            // A token cache type (TokenCache) keeps the only copy of a sign-in: "cache" yields to its sensitive word.
            string? typeWord = SensitiveWords.CounterWord(typeName);
            if (typeWord != null && TypeCounterWords.Contains(typeWord) && SensitiveWords.SensitiveWord(typeName) == null && !(typeWord == "cache" && ownNameSensitive))
            {
                return "written by type '" + typeName + "', which contains '" + typeWord + "'";
            }

            return null;
        }

        /// <summary>A counter-signal in the path's text: its extension (log, temp, a script or launcher) or a folder or file word.</summary>
        private static string? PathCounterSignal(PathModel path, System.Func<string?, string?> counter)
        {
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

                    if (i == dotted.Length - 1 && PartialDownloadExtensions.Contains(dotted[i]))
                    {
                        return PartialDownloadReason(dotted[i]);
                    }

                    if (i == dotted.Length - 1 && RegeneratedExtensions.Contains(dotted[i]))
                    {
                        return "a script or launcher ('." + dotted[i] + "'), written again from the app's template when needed";
                    }
                }

                foreach (string segment in SensitiveWords.Segments(text))
                {
                    string? word = counter(segment);
                    if (word != null)
                    {
                        return "the path contains '" + word + "'";
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Why a hand-rolled replace's temp says it carries a download (<c>fileName + ".part"</c> moved over
        /// <c>fileName</c>): the file it replaces is a download too, whatever the target's own name. Null otherwise.
        /// </summary>
        public static string? PartialDownload(PathModel temp)
        {
            foreach (string text in temp.Texts)
            {
                string name = PathModel.LastSegment(text).ToLowerInvariant();
                int dot = name.LastIndexOf('.');
                if (dot > 0 && PartialDownloadExtensions.Contains(name.Substring(dot + 1)))
                {
                    return PartialDownloadReason(name.Substring(dot + 1));
                }
            }

            return null;
        }

        private static string PartialDownloadReason(string extension) => "a partial download ('." + extension + "')";

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
