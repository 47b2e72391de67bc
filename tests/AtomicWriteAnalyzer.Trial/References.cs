using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Trial
{
    /// <summary>
    /// Metadata references without a restore: the SDK's reference packs, and for each package a project names, the
    /// newest version already in the local NuGet folder (a package not there is recorded as missing).
    /// </summary>
    internal sealed class References
    {
        private static readonly string[] PreferredFrameworks =
        {
            "net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.3",
        };

        private readonly string _packageRoot;
        private readonly Dictionary<string, IReadOnlyList<MetadataReference>?> _packages = new(StringComparer.OrdinalIgnoreCase);

        private References(string packageRoot, IReadOnlyList<MetadataReference> framework, IReadOnlyList<MetadataReference> windowsDesktop, IReadOnlyList<ISourceGenerator> generators)
        {
            Generators = generators;
            _packageRoot = packageRoot;
            Framework = framework;
            WindowsDesktop = windowsDesktop;
        }

        public IReadOnlyList<MetadataReference> Framework { get; }

        /// <summary>The reference packs' source generators, run on every project as the SDK runs them.</summary>
        public IReadOnlyList<ISourceGenerator> Generators { get; }

        /// <summary>
        /// WPF and Windows Forms for projects that use them. The SDK here has no Windows Desktop reference pack; the
        /// runtime package's assemblies (when in the local NuGet folder) declare the same public API.
        /// </summary>
        public IReadOnlyList<MetadataReference> WindowsDesktop { get; }

        public static References Load()
        {
            var metadata = typeof(References).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value ?? string.Empty);
            var packs = metadata["NetCoreTargetingPackRoot"];
            var framework = new List<MetadataReference>();
            foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref", "Microsoft.WindowsDesktop.App.Ref" })
            {
                var folder = Newest(Path.Combine(packs, pack));
                var refFolder = folder is null ? null : Directory.GetDirectories(Path.Combine(folder, "ref")).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();
                if (refFolder is not null)
                {
                    framework.AddRange(Directory.GetFiles(refFolder, "*.dll").Select(f => MetadataReference.CreateFromFile(f)));
                }
            }

            var desktop = new List<MetadataReference>();
            var runtime = Newest(Path.Combine(metadata["NuGetPackageRoot"], "microsoft.windowsdesktop.app.runtime.win-x64"));
            var runtimeLib = runtime is null ? null : Path.Combine(runtime, "runtimes", "win-x64", "lib");
            var desktopFolder = runtimeLib is not null && Directory.Exists(runtimeLib)
                ? Directory.GetDirectories(runtimeLib).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
                : null;
            if (desktopFolder is not null)
            {
                // Only assemblies the .NET reference pack lacks: a second copy of a type would make its uses ambiguous.
                var known = new HashSet<string>(framework.Select(r => Path.GetFileName(r.Display!)), StringComparer.OrdinalIgnoreCase);
                desktop.AddRange(Directory.GetFiles(desktopFolder, "*.dll").Where(f => !known.Contains(Path.GetFileName(f))).Select(f => MetadataReference.CreateFromFile(f)));
            }

            return new References(metadata["NuGetPackageRoot"], framework, desktop, SdkGenerators.Load(packs));
        }

        /// <summary>
        /// The package's assemblies and those of the packages it depends on (per its .nuspec, those in the local folder),
        /// or null when the package itself is not there.
        /// </summary>
        public IReadOnlyList<MetadataReference>? PackageWithDependencies(string id)
        {
            if (Package(id) is null)
            {
                return null;
            }

            var result = new List<MetadataReference>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<string>(new[] { id });
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (!seen.Add(current) || Package(current) is not { } assemblies)
                {
                    continue;
                }

                result.AddRange(assemblies);
                foreach (var dependency in Dependencies(current))
                {
                    pending.Push(dependency);
                }
            }

            return result;
        }

        private IEnumerable<string> Dependencies(string id)
        {
            var version = Newest(Path.Combine(_packageRoot, id.ToLowerInvariant()));
            var nuspec = version is null ? null : Directory.GetFiles(version, "*.nuspec").FirstOrDefault();
            return nuspec is null
                ? Array.Empty<string>()
                : System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(nuspec), @"<dependency\s+id=""([^""]+)""")
                    .Select(m => m.Groups[1].Value)
                    // Framework packages: the reference packs already hold them, and a second copy would make types ambiguous.
                    .Where(d => !d.StartsWith("System.", StringComparison.OrdinalIgnoreCase) && !d.StartsWith("Microsoft.NETCore.", StringComparison.OrdinalIgnoreCase)
                        && !d.StartsWith("Microsoft.Win32.", StringComparison.OrdinalIgnoreCase) && !d.Equals("NETStandard.Library", StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The package's assemblies, or null when the package is not in the local folder.</summary>
        public IReadOnlyList<MetadataReference>? Package(string id)
        {
            if (_packages.TryGetValue(id, out var known))
            {
                return known;
            }

            IReadOnlyList<MetadataReference>? found = null;
            var version = Newest(Path.Combine(_packageRoot, id.ToLowerInvariant()));
            if (version is not null)
            {
                var lib = Path.Combine(version, "lib");
                var frameworkFolder = PreferredFrameworks.Select(f => Path.Combine(lib, f)).FirstOrDefault(Directory.Exists);
                found = frameworkFolder is null
                    ? Array.Empty<MetadataReference>()
                    : Directory.GetFiles(frameworkFolder, "*.dll").Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
            }

            _packages[id] = found;
            return found;
        }

        /// <summary>Looks again for packages a restore may have brought since they were found missing.</summary>
        public void Forget(IEnumerable<string> ids)
        {
            foreach (var id in ids)
            {
                _packages.Remove(id);
            }
        }

        private static string? Newest(string folder) =>
            Directory.Exists(folder)
                ? Directory.GetDirectories(folder).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)).FirstOrDefault()
                : null;
    }
}
