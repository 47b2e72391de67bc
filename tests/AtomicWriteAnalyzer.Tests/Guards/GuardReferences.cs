using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Tests.Guards
{
    /// <summary>References to compile the analyzer's and the fixes' sources for a guard: the framework and Roslyn.</summary>
    internal static class GuardReferences
    {
        public static IReadOnlyList<MetadataReference> All { get; } = Load();

        private static IReadOnlyList<MetadataReference> Load()
        {
            var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            var roslyn = new[]
            {
                typeof(Compilation).Assembly.Location,
                typeof(CSharpCompilation).Assembly.Location,
                typeof(DiagnosticAnalyzer).Assembly.Location,
                typeof(CodeFixProvider).Assembly.Location,
                typeof(Microsoft.CodeAnalysis.CSharp.Formatting.CSharpFormattingOptions).Assembly.Location,
            };
            return framework.Concat(roslyn)
                .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .Where(path => !Path.GetFileName(path).StartsWith("AtomicWrite", StringComparison.Ordinal)) // the sources are compiled instead
                .Distinct(StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToList();
        }
    }
}
