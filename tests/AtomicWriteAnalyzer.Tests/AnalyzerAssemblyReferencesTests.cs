using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace AtomicWriteAnalyzer.Tests
{
    /// <summary>
    /// The analyzers must load in the compilers our users have (.NET 8 SDK, Visual Studio 17.8+): a reference to a
    /// newer Roslyn or System.Collections.Immutable makes the host refuse them with CS8032.
    /// </summary>
    public sealed class AnalyzerAssemblyReferencesTests
    {
        public static IEnumerable<object[]> AnalyzerAssemblies() => new[]
        {
            new object[] { typeof(RuleIdentifiers).Assembly.Location },
            new object[] { typeof(AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwriteFixer).Assembly.Location },
        };

        [Theory]
        [MemberData(nameof(AnalyzerAssemblies))]
        public void References_only_what_the_oldest_supported_compiler_provides(string path)
        {
            var references = ReadReferences(path);

            foreach (var (name, version) in references)
            {
                if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                {
                    Assert.True(version <= new Version(4, 8, 0, 0), $"{Path.GetFileName(path)} references {name} {version} (> 4.8)");
                }

                if (name == "System.Collections.Immutable" || name == "System.Reflection.Metadata")
                {
                    Assert.True(version <= new Version(7, 0, 0, 0), $"{Path.GetFileName(path)} references {name} {version} (> 7.0)");
                }

                Assert.NotEqual("AtomicWrite", name);
            }

            Assert.Contains(references, r => r.Name == "Microsoft.CodeAnalysis");
        }

        [Theory]
        [MemberData(nameof(AnalyzerAssemblies))]
        public void Targets_netstandard20(string path)
        {
            Assert.Contains(ReadReferences(path), r => r.Name == "netstandard" && r.Version == new Version(2, 0, 0, 0));
        }

        private static List<(string Name, Version Version)> ReadReferences(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            return reader.AssemblyReferences
                .Select(handle => reader.GetAssemblyReference(handle))
                .Select(reference => (reader.GetString(reference.Name), reference.Version))
                .ToList();
        }
    }
}
