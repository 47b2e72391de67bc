using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>What test code compiles against: the net8.0 reference assemblies plus the AtomicWrite runtime.</summary>
    internal static class TestReferences
    {
        /// <summary>
        /// net8.0, the oldest framework our users target. <see cref="ReferenceAssemblies.Net.Net80"/> asks for
        /// Microsoft.NETCore.App.Ref 8.0.0, which this workplace's feed does not serve; 8.0.28 has the same API.
        /// </summary>
        public static readonly ReferenceAssemblies Net80 =
            new ReferenceAssemblies("net8.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.28"), Path.Combine("ref", "net8.0"));

        /// <summary>For APIs newer than net8.0 (9.0.0 is not served here).</summary>
        public static readonly ReferenceAssemblies Net90 =
            new ReferenceAssemblies("net9.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "9.0.16"), Path.Combine("ref", "net9.0"));

        /// <summary>The AtomicWrite runtime (net8.0 build), so that fixed code must compile against the real API.</summary>
        public static readonly MetadataReference AtomicWrite =
            MetadataReference.CreateFromFile(typeof(global::AtomicWrite.SensitiveFileAttribute).Assembly.Location);

        public static ImmutableArray<MetadataReference> Runtime => ImmutableArray.Create(AtomicWrite);
    }
}
