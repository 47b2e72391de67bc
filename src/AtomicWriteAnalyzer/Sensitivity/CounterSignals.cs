using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Sensitivity
{
    /// <summary>Why a path is not worth protecting: a log, temp, cache, export... location, or an origin that says so.</summary>
    internal static class CounterSignals
    {
        /// <summary>Why this path is not worth protecting (a log, temp, cache, export... location), or null.</summary>
        public static string? FindCounterSignal(PathModel path, string? writerName)
        {
            if ((path.Origins & PathOrigin.TempFileName) != 0 || (path.Origins & PathOrigin.TempDirectory) != 0)
            {
                return "a temp file (" + path.OriginDetail + ")";
            }

            if ((path.Origins & PathOrigin.RandomFileName) != 0)
            {
                return "a new random file name (" + path.OriginDetail + ")";
            }

            if ((path.Origins & PathOrigin.UserPicked) != 0)
            {
                return "a path the user picked (" + path.OriginDetail + ")";
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
                    string? word = SensitiveWords.CounterWord(segment);
                    if (word != null)
                    {
                        return "the path contains '" + word + "'";
                    }
                }
            }

            foreach (var holder in path.Holders)
            {
                string? word = SensitiveWords.CounterWord(holder.Name);
                if (word != null)
                {
                    return holder.KindText + " '" + holder.Name + "' contains '" + word + "'";
                }
            }

            string? writerWord = SensitiveWords.CounterWord(writerName);
            return writerWord != null ? "written by '" + writerName + "', which contains '" + writerWord + "'" : null;
        }
    }
}
