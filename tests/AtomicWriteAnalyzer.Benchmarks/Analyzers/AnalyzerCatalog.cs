using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Benchmarks.Analyzers
{
    /// <summary>The analyzers under measurement: ours (every C# <see cref="DiagnosticAnalyzer"/> in AtomicWriteAnalyzer.dll) and the peer's.</summary>
    internal sealed class AnalyzerCatalog
    {
        /// <summary>Meziantou's same-shape rule: it looks at invocations and filters them by method, as AW0001 does.</summary>
        public const string PeerInvocationRule = "DontUseDangerousThreadingMethodsAnalyzer";

        private AnalyzerCatalog(ImmutableArray<MeasuredAnalyzer> ours, ImmutableArray<MeasuredAnalyzer> peer, string peerPath, string ourPath)
        {
            Ours = ours;
            Peer = peer;
            PeerPath = peerPath;
            OurPath = ourPath;
        }

        public ImmutableArray<MeasuredAnalyzer> Ours { get; }

        public ImmutableArray<MeasuredAnalyzer> Peer { get; }

        public string PeerPath { get; }

        public string OurPath { get; }

        public IEnumerable<MeasuredAnalyzer> All => Ours.Concat(Peer);

        /// <param name="ourAssemblyPath">
        /// Null: the AtomicWriteAnalyzer.dll this benchmark was built with. Else another build of it (a work in
        /// progress, a released package's), loaded in a context of its own so both can coexist.
        /// </param>
        /// <param name="includePeer">False leaves Meziantou.Analyzer out (to profile ours alone).</param>
        /// <param name="perRule">
        /// Measure each rule of an analyzer of ours that reports several (it has an internal static <c>WithRules(string[])</c>
        /// factory) as an analyzer of its own, in place of the shipped one.
        /// </param>
        public static AnalyzerCatalog Load(string? ourAssemblyPath, bool includePeer = true, bool perRule = false)
        {
            var ourAssembly = ourAssemblyPath is null
                ? typeof(RuleIdentifiers).Assembly
                : new AssemblyLoadContext("measured AtomicWriteAnalyzer").LoadFromAssemblyPath(Path.GetFullPath(ourAssemblyPath));
            var ours = ourAssembly.GetTypes()
                .Where(t => t.IsClass && !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .SelectMany(t => perRule ? OneRuleInstances(t) : new[] { new MeasuredAnalyzer((DiagnosticAnalyzer)Activator.CreateInstance(t)!, isOurs: true) })
                .ToImmutableArray();

            if (!includePeer)
            {
                return new AnalyzerCatalog(ours, ImmutableArray<MeasuredAnalyzer>.Empty, "(left out)", ourAssembly.Location);
            }

            var peerPath = MeziantouPackage.AnalyzerPath();
            var reference = new AnalyzerFileReference(peerPath, new DefaultContextLoader());
            var failures = new List<string>();
            reference.AnalyzerLoadFailed += (_, e) => failures.Add(e.TypeName + ": " + e.Message);
            var peer = reference.GetAnalyzers(LanguageNames.CSharp)
                .OrderBy(a => a.GetType().Name, StringComparer.Ordinal)
                .Select(a => new MeasuredAnalyzer(a, isOurs: false))
                .ToImmutableArray();
            if (failures.Count > 0 || peer.IsEmpty)
            {
                throw new InvalidOperationException("Meziantou.Analyzer did not load from " + peerPath + ": " + string.Join("; ", failures));
            }

            return new AnalyzerCatalog(ours, peer, peerPath, ourAssembly.Location);
        }

        private static IEnumerable<MeasuredAnalyzer> OneRuleInstances(Type type)
        {
            var shipped = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            var withRules = type.GetMethod("WithRules", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public);
            if (withRules is null || shipped.SupportedDiagnostics.Length < 2)
            {
                return new[] { new MeasuredAnalyzer(shipped, isOurs: true) };
            }

            return shipped.SupportedDiagnostics.Select(d => d.Id).Distinct().Select(id => new MeasuredAnalyzer(
                (DiagnosticAnalyzer)withRules.Invoke(null, new object[] { new[] { id } })!,
                isOurs: true,
                type.Name + "[" + id + " alone]"));
        }

        /// <summary>
        /// Loads into the default context, where Microsoft.CodeAnalysis 4.8 already is: the peer's roslyn4.8 build
        /// binds to the same compiler our analyzers run on.
        /// </summary>
        private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }
    }

    /// <summary>Where PackageDownload put Meziantou.Analyzer, and which of its per-Roslyn builds matches ours.</summary>
    internal static class MeziantouPackage
    {
        public static string Version => Metadata("MeziantouAnalyzerVersion");

        /// <summary>The highest <c>analyzers/dotnet/roslynX.Y</c> folder not newer than the Roslyn this process runs.</summary>
        public static string AnalyzerPath()
        {
            var root = Path.Combine(Metadata("NuGetPackageRoot"), "meziantou.analyzer", Version, "analyzers", "dotnet");
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException(root + " is missing: restore the benchmark project (PackageDownload Meziantou.Analyzer).");
            }

            var roslyn = RoslynVersion;
            var folder = Directory.GetDirectories(root, "roslyn*")
                .Select(d => (Path: d, Version: System.Version.TryParse(Path.GetFileName(d).Substring("roslyn".Length), out var v) ? v : null))
                .Where(d => d.Version is not null && d.Version <= new System.Version(roslyn.Major, roslyn.Minor))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Path)
                .FirstOrDefault()
                ?? throw new InvalidOperationException($"No folder for Roslyn {roslyn} under {root}");
            return Path.Combine(folder, "cs", "Meziantou.Analyzer.dll");
        }

        public static System.Version RoslynVersion => typeof(Compilation).Assembly.GetName().Version!;

        private static string Metadata(string key) =>
            typeof(MeziantouPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException("No assembly metadata " + key);
    }
}
