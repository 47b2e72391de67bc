using System;
using AtomicWriteAnalyzer.Infrastructure;

namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>Parameter names that say they hold a path: how helpers and look-alike wrappers are told from other methods.</summary>
    internal static class PathLikeNames
    {
        /// <summary>Whether a parameter name says it holds a path (<c>path</c>, <c>filePath</c>, <c>fileName</c>, <c>settingsFile</c>).</summary>
        public static bool IsPathLike(string name)
        {
            // Runs for every call to a method of the compilation: a substring test first, the word split only on a hit.
            if (name.IndexOf("ath", StringComparison.OrdinalIgnoreCase) < 0 && name.IndexOf("ile", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            foreach (string word in WordSplitter.Split(name))
            {
                if (word == "path" || word == "file" || word == "filename" || word == "filepath")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
