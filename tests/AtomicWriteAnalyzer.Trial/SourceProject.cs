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
    /// binding. Values come from the project file and the <c>Directory.Build.props</c> files above it, unevaluated.
    /// </summary>
    internal sealed class SourceProject
    {
        private SourceProject(string path, string name, IReadOnlyList<string> sources, IReadOnlyList<string> packages, IReadOnlyList<string> projectReferences, bool implicitUsings, bool web, bool nullable, bool windowsDesktop)
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
                var text = File.ReadAllText(file) + string.Concat(DirectoryProps(root, group.Key).Select(File.ReadAllText));
                var sources = owner.TryGetValue(group.Key, out var found) ? found : new List<string>();
                projects.Add(new SourceProject(
                    file,
                    System.IO.Path.GetFileNameWithoutExtension(file),
                    sources.OrderBy(s => s, StringComparer.Ordinal).ToList(),
                    Includes(text, "PackageReference").ToList(),
                    Includes(text, "ProjectReference")
                        .Select(r => System.IO.Path.GetFullPath(System.IO.Path.Combine(group.Key, r.Replace('\\', '/'))))
                        .ToList(),
                    Regex.IsMatch(text, @"<ImplicitUsings>\s*(enable|true)\s*<", RegexOptions.IgnoreCase),
                    Regex.IsMatch(text, @"Sdk=""Microsoft\.NET\.Sdk\.(Web|Worker)""", RegexOptions.IgnoreCase),
                    Regex.IsMatch(text, @"<Nullable>\s*enable\s*<", RegexOptions.IgnoreCase),
                    Regex.IsMatch(text, @"<TargetFrameworks?>[^<]*-windows|<Use(WPF|WindowsForms)>\s*true\s*<", RegexOptions.IgnoreCase)));
            }

            return projects;
        }

        private static bool IsBuildOutput(string relative)
        {
            var parts = relative.Split('/', '\\');
            return parts.Any(p => p is "bin" or "obj" or "node_modules" or ".git");
        }

        private static IEnumerable<string> DirectoryProps(string root, string directory)
        {
            for (var current = directory; current is not null && current.Length >= root.Length; current = System.IO.Path.GetDirectoryName(current))
            {
                foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
                {
                    var candidate = System.IO.Path.Combine(current, name);
                    if (File.Exists(candidate))
                    {
                        yield return candidate;
                    }
                }
            }
        }

        private static IEnumerable<string> Includes(string text, string item) =>
            Regex.Matches(text, "<" + item + @"\s+Include\s*=\s*""([^""]+)""", RegexOptions.IgnoreCase)
                .Select(m => m.Groups[1].Value)
                .Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
