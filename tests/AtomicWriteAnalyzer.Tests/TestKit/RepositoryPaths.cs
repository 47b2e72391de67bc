using System;
using System.IO;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>Finds files of this repository from the test's output folder.</summary>
    internal static class RepositoryPaths
    {
        public static string Root { get; } = FindRoot();

        public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AtomicWriteAnalyzer.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("AtomicWriteAnalyzer.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
