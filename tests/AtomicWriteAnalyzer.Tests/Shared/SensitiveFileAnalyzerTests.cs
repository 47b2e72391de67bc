using System.Linq;
using System.Threading.Tasks;
using AtomicWriteAnalyzer.Rules;
using Xunit;
using VerifyAll = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Rules.SensitiveFileAnalyzer>;

namespace AtomicWriteAnalyzer.Tests.Shared
{
    /// <summary>
    /// The shipped analyzer of AW0001–AW0003 with every rule on: one pass over a type reports each rule where it
    /// applies, as the per-rule tests (which run one rule) expect, and nothing twice.
    /// </summary>
    public sealed class SensitiveFileAnalyzerTests
    {
        [Fact]
        public void Supports_the_three_type_rules()
        {
            var ids = new SensitiveFileAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToArray();
            Assert.Equal(new[] { "AW0001", "AW0002", "AW0003" }, ids);
        }

        [Theory]
        [InlineData("AW0001")]
        [InlineData("AW0002")]
        [InlineData("AW0003")]
        public void One_rule_analyzer_supports_only_that_rule(string id)
        {
            var ids = SensitiveFileAnalyzer.WithRules(id).SupportedDiagnostics.Select(d => d.Id).ToArray();
            Assert.Equal(new[] { id }, ids);
        }

        [Fact]
        public Task Every_rule_reports_from_one_pass()
        {
            const string code = @"
using System.IO;

class TokenStore
{
    private readonly string _directory = ""/var/app"";

    public void Save(string json)
    {
        var path = Path.Combine(_directory, ""tokens.json"");
        {|AW0001:File.WriteAllText(path, json)|};
    }

    public string Load() => {|AW0002:File.ReadAllText(Path.Combine(_directory, ""tokens.json""))|};

    public void Replace(string json)
    {
        var path = Path.Combine(_directory, ""settings.json"");
        var tmp = path + "".tmp"";
        {|AW0003:File.WriteAllText(tmp, json)|};
        File.Move(tmp, path, true);
    }
}
";
            return VerifyAll.VerifyAnalyzerAsync(code);
        }
    }
}
