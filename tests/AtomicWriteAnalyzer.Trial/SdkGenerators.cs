using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Trial
{
    /// <summary>
    /// The source generators the SDK's reference packs ship (System.Text.Json contexts, logging, options, regex, interop).
    /// A build runs them; without them a call whose argument is a generated member (a JSON type info) does not bind.
    /// </summary>
    internal static class SdkGenerators
    {
        public static IReadOnlyList<ISourceGenerator> Load(string packsRoot)
        {
            var loader = new Loader();
            return new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" }
                .Select(pack => Path.Combine(packsRoot, pack))
                .Where(Directory.Exists)
                .Select(pack => Directory.GetDirectories(pack).OrderByDescending(d => d, StringComparer.Ordinal).First())
                .Select(version => Path.Combine(version, "analyzers", "dotnet", "cs"))
                .Where(Directory.Exists)
                .SelectMany(folder => Directory.GetFiles(folder, "*.dll"))
                .SelectMany(dll => new AnalyzerFileReference(dll, loader).GetGenerators(LanguageNames.CSharp))
                .ToList();
        }

        public static CSharpCompilation Run(IReadOnlyList<ISourceGenerator> generators, CSharpCompilation compilation, CSharpParseOptions parse)
        {
            CSharpGeneratorDriver.Create(generators, parseOptions: parse).RunGeneratorsAndUpdateCompilation(compilation, out var updated, out _);
            return (CSharpCompilation)updated;
        }

        private sealed class Loader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }
}
