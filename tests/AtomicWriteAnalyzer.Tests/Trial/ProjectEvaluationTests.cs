using System.IO;
using System.Linq;
using AtomicWriteAnalyzer.Trial;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Trial
{
    /// <summary>The trial's small MSBuild evaluation: which items a condition keeps, as a build would.</summary>
    public sealed class ProjectEvaluationTests
    {
        private const string Props = """
            <Project>
              <PropertyGroup>
                <TestProject>false</TestProject>
                <TestProject Condition="$(MSBuildProjectName.EndsWith('.Test'))">true</TestProject>
                <Kind Condition="'$(MSBuildProjectName)'=='App'">Exe</Kind>
              </PropertyGroup>
              <ItemGroup Condition="'$(TestProject)'=='true'">
                <PackageReference Include="NUnit" Version="3.14.0" />
              </ItemGroup>
              <ItemGroup Condition="'$(TestProject)'!='true' and '$(Kind)' == 'Exe'">
                <PackageReference Include="AppOnly" Version="1.0.0" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="Everywhere" Version="1.0.0" />
                <PackageReference Include="Undecided" Condition="Exists('some/file')" Version="1.0.0" />
                <PackageReference Include="Never" Condition="'$(Configuration)' == 'Debug' or !('true' == 'true')" Version="1.0.0" />
              </ItemGroup>
              <Choose>
                <When Condition="'$(OS)' == 'Windows_NT'"><ItemGroup><PackageReference Include="OnWindows" /></ItemGroup></When>
                <Otherwise><ItemGroup><PackageReference Include="Elsewhere" /></ItemGroup></Otherwise>
              </Choose>
            </Project>
            """;

        // project name → the packages the evaluation keeps (a condition it cannot decide keeps its item).
        [Theory]
        [InlineData("Lib.Core", "Everywhere,OnWindows,Undecided")]
        [InlineData("Lib.Core.Test", "Everywhere,NUnit,OnWindows,Undecided")]
        [InlineData("App", "AppOnly,Everywhere,OnWindows,Undecided")]
        public void Conditions_decide_which_packages_a_project_gets(string projectName, string expected)
        {
            var directory = Directory.CreateTempSubdirectory("trial-eval-").FullName;
            try
            {
                var props = Path.Combine(directory, "Directory.Build.props");
                var project = Path.Combine(directory, projectName + ".csproj");
                File.WriteAllText(props, Props);
                File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><IsTestProject Condition=\"'$(TestProject)' == 'true'\">true</IsTestProject></PropertyGroup></Project>");

                var evaluation = ProjectEvaluation.Evaluate(project, new[] { props, project });

                Assert.Equal(expected, string.Join(",", evaluation.Items("PackageReference").OrderBy(p => p, System.StringComparer.Ordinal)));
                Assert.Equal(projectName.EndsWith(".Test", System.StringComparison.Ordinal), evaluation.IsTrue("IsTestProject"));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
