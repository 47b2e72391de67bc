using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using AtomicWriteAnalyzer.Tests.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AtomicWriteAnalyzer.Tests
{
    /// <summary>Every rule has a unique id, a help link of the documented form, a doc page and a release-tracking row.</summary>
    public sealed class RuleMetadataTests
    {
        public static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
            typeof(DiagnosticDescriptors)
                .GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

        public static IEnumerable<object[]> Descriptors() => AllDescriptors().Select(d => new object[] { d.Id });

        private static DiagnosticDescriptor Get(string id) => AllDescriptors().Single(d => d.Id == id);

        [Fact]
        public void Ids_are_unique()
        {
            var ids = AllDescriptors().Select(d => d.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(new[] { "AW0001", "AW0002", "AW0003", "AW0004", "AW0005" }, ids.OrderBy(id => id));
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void Help_link_points_at_the_rule_page_under_RepositoryUrl(string id)
        {
            string repositoryUrl = ReadRepositoryUrl();
            Assert.Equal($"{repositoryUrl}/blob/main/docs/rules/{id}.md", Get(id).HelpLinkUri);
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void Doc_page_exists_and_its_title_matches(string id)
        {
            string page = RepositoryPaths.Combine("docs", "rules", id + ".md");
            Assert.True(File.Exists(page), "missing " + page);
            string firstLine = File.ReadLines(page).First();
            Assert.Equal($"# {id}: {Get(id).Title}", firstLine);
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void Release_tracking_lists_the_rule_with_its_severity(string id)
        {
            var descriptor = Get(id);
            string tracking = File.ReadAllText(RepositoryPaths.Combine("src", "AtomicWriteAnalyzer", "AnalyzerReleases.Unshipped.md"))
                + File.ReadAllText(RepositoryPaths.Combine("src", "AtomicWriteAnalyzer", "AnalyzerReleases.Shipped.md"));
            Assert.Matches(new Regex($@"^{id}\s*\|\s*{descriptor.Category}\s*\|\s*{descriptor.DefaultSeverity}\s*\|", RegexOptions.Multiline), tracking);
        }

        [Fact]
        public void Every_analyzer_reports_only_catalogued_descriptors()
        {
            var known = AllDescriptors().Select(d => d.Id).ToHashSet();
            var analyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToList();

            foreach (var analyzer in analyzers)
            {
                Assert.NotEmpty(analyzer.SupportedDiagnostics);
                Assert.All(analyzer.SupportedDiagnostics, d => Assert.Contains(d.Id, known));
                Assert.All(analyzer.SupportedDiagnostics, d => Assert.Equal(RuleIdentifiers.GetHelpUri(d.Id), d.HelpLinkUri));
            }
        }

        private static string ReadRepositoryUrl()
        {
            string props = File.ReadAllText(RepositoryPaths.Combine("Directory.Build.props"));
            var match = Regex.Match(props, "<RepositoryUrl>([^<]+)</RepositoryUrl>");
            Assert.True(match.Success, "RepositoryUrl not found in Directory.Build.props");
            return match.Groups[1].Value.Trim();
        }
    }
}
