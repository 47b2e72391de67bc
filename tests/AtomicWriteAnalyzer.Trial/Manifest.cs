using System.Collections.Generic;
using System.IO;
using System.Linq;
using AtomicWriteAnalyzer.Trial.Scoring;

namespace AtomicWriteAnalyzer.Trial
{
    /// <summary>One repository of the trial: <c>owner/name</c>, the commit judged, what kind of app, and whether held out.</summary>
    internal sealed record TrialRepo(string Name, string Commit, string Kind, bool HeldOut)
    {
        /// <summary>The folder a snapshot of <c>owner/name</c> lands in: <c>owner+name</c>.</summary>
        public string SnapshotFolder => Name.Replace('/', '+');

        public static IReadOnlyList<TrialRepo> Read(string path) =>
            TrialFiles.Rows(File.ReadAllLines(path))
                .Select(c => new TrialRepo(c[0], c[1], c[2], c.Length > 3 && c[3] == "held-out"))
                .ToList();
    }
}
