using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>How messages name a file.</summary>
    internal static class PathDisplay
    {
        private const int MaxShownPathLength = 60;

        /// <summary>The reconstructed file name when it is fully known, else the path expression as written.</summary>
        public static string ShownFileName(PathModel path, IOperation pathOperation)
        {
            string? known = path.KnownFileName;
            if (known != null)
            {
                return known;
            }

            string written = pathOperation.Syntax.ToString().Trim();
            return written.Length <= MaxShownPathLength ? written : written.Substring(0, MaxShownPathLength - 1) + "…";
        }
    }
}
