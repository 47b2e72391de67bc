using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Infrastructure
{
    /// <summary>
    /// Whether a compilation is test code, where AW0001–AW0003 stay quiet unless <c>atomic_write.include_tests = true</c>:
    /// tests write settings and key files into throwaway fixture folders, and reporting them buries the real findings.
    /// Decided once per compilation from what the compiler already has: MSBuild's <c>IsTestProject</c> (made visible
    /// by the package's props), else a reference to a unit-test framework, by assembly name.
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

        /// <summary>Test code whose AW0001–AW0003 are off: test code, and the option does not opt back in.</summary>
        public static bool IsQuiet(Compilation compilation, AnalyzerOptionsReader options) =>
            !options.IncludeTests && (options.IsTestProject || ReferencesTestFramework(compilation));

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
