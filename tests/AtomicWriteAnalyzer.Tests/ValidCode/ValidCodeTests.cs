using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly>;

namespace AtomicWriteAnalyzer.Tests.ValidCode
{
    /// <summary>
    /// The false-positive regression suite: each file of this folder (other than this one) is realistic code that
    /// compiles with the tests and must give zero AW0001 diagnostics.
    /// </summary>
    public sealed class ValidCodeTests
    {
        private static string Folder => RepositoryPaths.Combine("tests", "AtomicWriteAnalyzer.Tests", "ValidCode");

        public static IEnumerable<object[]> Files() =>
            Directory.GetFiles(Folder, "*.cs")
                .Select(Path.GetFileName)
                .Where(name => name != nameof(ValidCodeTests) + ".cs")
                .OrderBy(name => name)
                .Select(name => new object[] { name! });

        [Fact]
        public void Corpus_is_not_empty()
        {
            Assert.True(Files().Count() >= 4);
        }

        [Theory]
        [MemberData(nameof(Files))]
        public Task Gives_no_diagnostics(string file)
        {
            return VerifyCS.VerifyAnalyzerAsync(File.ReadAllText(Path.Combine(Folder, file)));
        }
    }
}
