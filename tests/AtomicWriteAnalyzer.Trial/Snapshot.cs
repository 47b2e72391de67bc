using System;
using System.Diagnostics;
using System.IO;

namespace AtomicWriteAnalyzer.Trial
{
    /// <summary>Extracts a repository at its recorded commit from a bare snapshot (<c>&lt;dir&gt;/owner+name/repo</c>).</summary>
    internal static class Snapshot
    {
        /// <summary>The snapshot's git directory, or null when it has not been brought here.</summary>
        public static string? FindGitDirectory(string snapshots, TrialRepo repo)
        {
            var folder = Path.Combine(snapshots, repo.SnapshotFolder);
            foreach (var candidate in new[] { Path.Combine(folder, "repo"), Path.Combine(folder, ".git"), folder })
            {
                if (File.Exists(Path.Combine(candidate, "HEAD")))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>Writes the sources and project files of <paramref name="commit"/> to <paramref name="target"/> (emptied first).</summary>
        public static void Extract(string gitDirectory, string commit, string target)
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.CreateDirectory(target);
            // git archive | tar: no work tree or index is created in the snapshot, which stays read-only. Only sources
            // and project files, listed first: a snapshot lacks its large binaries (archiving one would fail), and an
            // archive pathspec that matches nothing is an error.
            Run("bash", "-c", $"git --git-dir='{gitDirectory}' ls-tree -r -z --name-only '{commit}' | grep -zE '\\.(cs|csproj|props|targets)$' | xargs -0 -r sh -c 'git --literal-pathspecs --git-dir=\"$0\" archive --format=tar {commit} -- \"$@\" | tar -x -C \"{target}\"' '{gitDirectory}'");
        }

        private static void Run(string file, params string[] arguments)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {error.Trim()}");
            }
        }
    }
}
