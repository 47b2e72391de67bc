using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AtomicWriteAnalyzer.Trial
{
    /// <summary>
    /// What the trial reads from a project file: its sources (the SDK's default glob: every .cs under the project's
    /// folder, outside bin/obj and nested projects), package and project references, and the properties that change
    /// binding, evaluated (<see cref="ProjectEvaluation"/>) from the project file and the <c>Directory.Build.*</c> files above it.
    /// </summary>
    internal sealed class SourceProject
    {
        private SourceProject(string path, string name, IReadOnlyList<string> sources, IReadOnlyList<string> packages, IReadOnlyList<string> projectReferences, bool implicitUsings, bool web, bool nullable, bool windowsDesktop, bool isTestProject)
        {
            Path = path;
            Name = name;
            Sources = sources;
            Packages = packages;
            ProjectReferences = projectReferences;
            ImplicitUsings = implicitUsings;
            Web = web;
            Nullable = nullable;
            WindowsDesktop = windowsDesktop;
            IsTestProject = isTestProject;
        }

        public string Path { get; }

        public string Name { get; }

        public IReadOnlyList<string> Sources { get; }

        public IReadOnlyList<string> Packages { get; }

        /// <summary>Full paths of referenced project files.</summary>
        public IReadOnlyList<string> ProjectReferences { get; }

        public bool ImplicitUsings { get; }

        public bool Web { get; }

        public bool Nullable { get; }

        /// <summary>Targets Windows or uses WPF or Windows Forms.</summary>
        public bool WindowsDesktop { get; }

        /// <summary>MSBuild's <c>IsTestProject</c> as evaluated; a build hands it to the analyzer.</summary>
        public bool IsTestProject { get; }

        public static IReadOnlyList<SourceProject> FindAll(string root)
        {
            var projectFiles = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(System.IO.Path.GetRelativePath(root, p)))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
            var projectDirectories = new HashSet<string>(projectFiles.Select(p => System.IO.Path.GetDirectoryName(p)!), StringComparer.Ordinal);
            var allSources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(System.IO.Path.GetRelativePath(root, p)))
                .ToList();

            var owner = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var source in allSources)
            {
                // The nearest project folder above a file owns it, as the SDK's glob does when projects nest.
                for (var directory = System.IO.Path.GetDirectoryName(source); directory is not null && directory.Length >= root.Length; directory = System.IO.Path.GetDirectoryName(directory))
                {
                    if (projectDirectories.Contains(directory))
                    {
                        if (!owner.TryGetValue(directory, out var list))
                        {
                            owner[directory] = list = new List<string>();
                        }

                        list.Add(source);
                        break;
                    }
                }
            }

            var projects = new List<SourceProject>();
            foreach (var group in projectFiles.GroupBy(p => System.IO.Path.GetDirectoryName(p)!))
            {
                // Two project files in one folder share its sources; the first is analyzed, as one build would be.
                var file = group.First();
                var evaluation = ProjectEvaluation.Evaluate(file, ImportOrder(root, group.Key, file));
                var sources = owner.TryGetValue(group.Key, out var found) ? found : new List<string>();
                var frameworks = Value(evaluation, "TargetFramework") + ";" + Value(evaluation, "TargetFrameworks");
                projects.Add(new SourceProject(
                    file,
                    System.IO.Path.GetFileNameWithoutExtension(file),
                    sources.OrderBy(s => s, StringComparer.Ordinal).ToList(),
                    evaluation.Items("PackageReference").ToList(),
                    evaluation.Items("ProjectReference")
                        .Select(r => System.IO.Path.GetFullPath(System.IO.Path.Combine(group.Key, r.Replace('\\', '/'))))
                        .ToList(),
                    Value(evaluation, "ImplicitUsings") is "enable" or "true",
                    Regex.IsMatch(File.ReadAllText(file), @"Sdk=""Microsoft\.NET\.Sdk\.(Web|Worker)""", RegexOptions.IgnoreCase),
                    Value(evaluation, "Nullable") == "enable",
                    frameworks.Contains("-windows", StringComparison.OrdinalIgnoreCase) || evaluation.IsTrue("UseWPF") || evaluation.IsTrue("UseWindowsForms"),
                    evaluation.IsTrue("IsTestProject")));
            }

            return projects;
        }

        private static bool IsBuildOutput(string relative)
        {
            var parts = relative.Split('/', '\\');
            return parts.Any(p => p is "bin" or "obj" or "node_modules" or ".git");
        }

        /// <summary>
        /// The files MSBuild reads for a project, in its order: the <c>Directory.Build.props</c> files above it (the
        /// outermost first: repositories chain them), the project file, then the <c>Directory.Build.targets</c> files.
        /// </summary>
        private static IReadOnlyList<string> ImportOrder(string root, string directory, string projectFile)
        {
            var above = new List<string>();
            for (var current = directory; current is not null && current.Length >= root.Length; current = System.IO.Path.GetDirectoryName(current))
            {
                above.Add(current);
            }

            above.Reverse();
            var files = above.Select(d => System.IO.Path.Combine(d, "Directory.Build.props")).Where(File.Exists).ToList();
            files.Add(projectFile);
            files.AddRange(above.Select(d => System.IO.Path.Combine(d, "Directory.Build.targets")).Where(File.Exists));
            return files;
        }

        private static string Value(ProjectEvaluation evaluation, string property) =>
            evaluation.Properties.TryGetValue(property, out var value) ? value.Trim().ToLowerInvariant() : string.Empty;
    }
}
