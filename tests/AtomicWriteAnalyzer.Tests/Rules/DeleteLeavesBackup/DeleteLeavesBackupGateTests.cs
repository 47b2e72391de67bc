using System.Linq;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Rules;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Rules.DeleteLeavesBackup
{
    /// <summary>
    /// AW0005 registers nothing in a compilation where <c>AtomicWrite.AtomicFile</c> cannot exist; the gate reads the
    /// references and the source declarations, so an AtomicFile declared in source (no runtime reference) still counts.
    /// </summary>
    public sealed class DeleteLeavesBackupGateTests
    {
        private const string Code = """
            using System.IO;
            namespace AtomicWrite
            {
                public static class AtomicFile { public static void WriteAllText(string path, string contents) { } }
            }
            public sealed class Session
            {
                private const string TokenPath = "tokens.json";
                public void Save(string json) => AtomicWrite.AtomicFile.WriteAllText(TokenPath, json);
                public void SignOut() => File.Delete(TokenPath);
            }
            """;

        [Theory]
        [InlineData(true, 1)]
        [InlineData(false, 0)]
        public async Task AW0005_runs_where_AtomicFile_is_declared_in_source_without_the_runtime(bool declared, int expected)
        {
            var code = declared ? Code : Code.Replace("AtomicWrite.AtomicFile.WriteAllText(TokenPath, json)", "File.WriteAllText(TokenPath, json)");
            var diagnostics = await AnalyzerVerifier<DeleteLeavesBackupAnalyzer>.DiagnosticsOnAsync(TestReferences.Net80, code);
            Assert.Equal(expected, diagnostics.Count(d => d.Id == "AW0005"));
        }
    }
}
