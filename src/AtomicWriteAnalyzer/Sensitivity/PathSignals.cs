using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Paths;

namespace AtomicWriteAnalyzer.Sensitivity
{
    /// <summary>The sensitive signals of a path itself: its file kind, and the words of its file name, holders and folders.</summary>
    internal static class PathSignals
    {
        /// <summary>The strongest sensitive signal of the path itself, or a negative verdict.</summary>
        public static SensitivityVerdict FindSignal(PathModel path)
        {
            foreach (string text in path.Texts)
            {
                string? kind = SensitiveWords.FileKind(PathModel.LastSegment(text));
                if (kind != null)
                {
                    return new SensitivityVerdict(true, SignalKind.FileKind, kind);
                }
            }

            foreach (string text in path.Texts)
            {
                string name = PathModel.LastSegment(text);
                string? word = SensitiveWords.IsOpaque(name) ? null : SensitiveWords.SensitiveWord(name);
                if (word != null)
                {
                    return new SensitivityVerdict(true, SignalKind.FileNameWord, "file name contains '" + word + "'");
                }
            }

            foreach (var holder in path.Holders)
            {
                if (holder.IsWhole)
                {
                    string? word = SensitiveWords.SensitiveWord(holder.Name);
                    if (word != null)
                    {
                        return new SensitivityVerdict(true, SignalKind.HolderName, holder.KindText + " '" + holder.Name + "' contains '" + word + "'");
                    }
                }
            }

            foreach (string text in path.Texts)
            {
                var segments = SensitiveWords.Segments(text);
                for (int i = 0; i < segments.Count - 1; i++)
                {
                    string? word = SensitiveWords.SensitiveWord(segments[i]);
                    if (word != null)
                    {
                        return new SensitivityVerdict(true, SignalKind.FolderWord, "folder name contains '" + word + "'");
                    }
                }
            }

            foreach (var holder in path.Holders)
            {
                if (!holder.IsWhole)
                {
                    string? word = SensitiveWords.SensitiveWord(holder.Name);
                    if (word != null)
                    {
                        return new SensitivityVerdict(true, SignalKind.HolderName, holder.KindText + " '" + holder.Name + "' contains '" + word + "'");
                    }
                }
            }

            return SensitivityVerdict.No("no sensitive signal");
        }
    }
}
