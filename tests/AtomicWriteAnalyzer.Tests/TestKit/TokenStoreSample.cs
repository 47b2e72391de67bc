using System.IO;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>The demo's sources (<c>samples/TokenStore</c>), for tests that check what the demo shows.</summary>
    internal static class TokenStoreSample
    {
        /// <summary>The file's text with <c>\n</c> line ends, so that tests can find and replace lines in it.</summary>
        public static string Read(string fileName) =>
            File.ReadAllText(RepositoryPaths.Combine("samples", "TokenStore", fileName)).Replace("\r\n", "\n");

        /// <summary>The model types every store of the sample compiles against, as a test source.</summary>
        public static (string Name, string Text) Models => ("AuthToken.cs", Read("AuthToken.cs"));
    }
}
