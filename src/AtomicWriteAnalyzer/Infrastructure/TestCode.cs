using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Infrastructure
{
    /// <summary>
    /// Whether a compilation is test code, where AW0001–AW0003 stay quiet unless <c>atomic_write.include_tests = true</c>:
    /// tests write settings and key files into throwaway fixture folders, and reporting them buries the real findings.
    /// Decided once per compilation from what the compiler already has: MSBuild's <c>IsTestProject</c> (made visible
    /// by the package's props), a reference to a unit-test framework, by assembly name, or the compilation's own
    /// assembly name when it says test or build tool (<see cref="ToolingSegments"/>).
    /// </summary>
    internal static class TestCode
    {
        /// <summary>
        /// The assemblies test code compiles against (the packages' own assembly names): xUnit v2 and v3, NUnit,
        /// MSTest (v1, v2–v3 and v4 names) and TUnit. Runners, adapters and mocking libraries are left out: test
        /// helpers reference them too rarely to matter, and other projects sometimes do.
        /// </summary>
        internal static readonly ImmutableHashSet<string> FrameworkAssemblyNames = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "xunit.core",
            "xunit.assert",
            "xunit.v3.core",
            "xunit.v3.assert",
            "nunit.framework",
            "Microsoft.VisualStudio.QualityTools.UnitTestFramework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework",
            "MSTest.TestFramework",
            "TUnit.Core");

        /// <summary>
        /// Dotted segments after the first of an assembly name that make it test code (<c>App.Tests</c>, <c>App.Test.Common</c>) or a
        /// build tool (<c>App.Packager</c>, Nuke's <c>_build</c>): a build, packaging or code-generation step writes
        /// outputs it makes again on the next run, never a user's state.
        /// </summary>
        internal static readonly ImmutableHashSet<string> ToolingSegments = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "Test", "Tests", "Testing", "Specs", "UnitTests", "IntegrationTests", "FunctionalTests", "TestUtilities", "TestHelpers",
            "Build", "Builder", "Packager", "Packaging", "Publish", "Publisher", "Deploy", "Deployment",
            "Benchmark", "Benchmarks", "CodeGen", "Generator", "Generators", "SourceGenerator", "SourceGenerators");

        /// <summary>Test code whose AW0001–AW0003 are off: test or build-tool code, and the option does not opt back in.</summary>
        public static bool IsQuiet(Compilation compilation, AnalyzerOptionsReader options) =>
            !options.IncludeTests && (options.IsTestProject || ReferencesTestFramework(compilation) || IsToolingAssembly(compilation.AssemblyName));

        /// <summary>Whether a segment of the assembly name says test or build tool (<see cref="ToolingSegments"/>).</summary>
        public static bool IsToolingAssembly(string? assemblyName)
        {
            if (string.IsNullOrEmpty(assemblyName))
            {
                return false;
            }

            // The first segment names the product (a scratch project called "Test" still ships its writes); Nuke's
            // build project is "_build" by convention.
            string[] segments = assemblyName!.Split('.');
            if (segments.Length == 1)
            {
                return string.Equals(assemblyName, "_build", StringComparison.OrdinalIgnoreCase);
            }

            for (int i = 1; i < segments.Length; i++)
            {
                if (ToolingSegments.Contains(segments[i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the compilation references a unit-test framework.</summary>
        public static bool ReferencesTestFramework(Compilation compilation)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (FrameworkAssemblyNames.Contains(identity.Name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
