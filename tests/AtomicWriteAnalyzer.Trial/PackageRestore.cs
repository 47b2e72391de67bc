using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AtomicWriteAnalyzer.Trial
{
    /// <summary>
    /// Brings a repository's packages into the local NuGet folder through the ordinary client: one throwaway project
    /// per repository whose <c>PackageDownload</c> items name each package at the version the repository asks for
    /// (from its project files or its central <c>Directory.Packages.props</c>). A package the feed does not serve stays
    /// missing, and the run lists it.
    /// </summary>
    internal static class PackageRestore
    {
        private static readonly Regex Item = new(
            @"<(PackageReference|PackageVersion)\s+(Include|Update)\s*=\s*""(?<id>[^""$]+)""[^>]*?\bVersion(Override)?\s*=\s*""\[?(?<version>[0-9][^""\],]*)\]?""",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);

        public static void Run(string root, string work, References references)
        {
            var wanted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in Directory.EnumerateFiles(root, "*.*proj", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(root, "*.props", SearchOption.AllDirectories)))
            {
                foreach (Match match in Item.Matches(File.ReadAllText(file)))
                {
                    var id = match.Groups["id"].Value.Trim();
                    if (references.Package(id) is null)
                    {
                        wanted[id] = match.Groups["version"].Value.Trim();
                    }
                }
            }

            if (wanted.Count == 0)
            {
                return;
            }

            Directory.CreateDirectory(work);
            var project = Path.Combine(work, "restore.csproj");
            File.WriteAllLines(project, new[]
            {
                "<Project Sdk=\"Microsoft.NET.Sdk\">",
                "  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>",
                "  <ItemGroup>",
            }.Concat(wanted.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => $"    <PackageDownload Include=\"{p.Key}\" Version=\"[{p.Value}]\" />"))
             .Concat(new[] { "  </ItemGroup>", "</Project>" }));
            // Empty Directory.Build.* files stop the SDK from importing the trial's own build settings from above.
            File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />");
            File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />");

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, WorkingDirectory = work };
            foreach (var argument in new[] { "restore", project, "--verbosity", "quiet" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet restore");
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var notFound = Regex.Matches(output, @"NU1101[^\n]*?package (\S+)").Select(m => m.Groups[1].Value).Distinct().Count();
            Console.WriteLine($"  restore: {wanted.Count} packages asked for, {notFound} not served");
            references.Forget(wanted.Keys);
        }
    }
}
