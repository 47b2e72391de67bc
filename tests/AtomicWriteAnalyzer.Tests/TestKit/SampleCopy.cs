using System;
using System.IO;

namespace AtomicWriteAnalyzer.Tests.TestKit
{
    /// <summary>
    /// samples/TokenStore copied to a temp folder, building on its own: its project references to src/ become
    /// references to the assemblies this test was built with (the runtime, the analyzers and the fixes), and empty
    /// Directory.Build.* files stop MSBuild from looking further up. The sample itself is never modified.
    /// </summary>
    internal sealed class SampleCopy : IDisposable
    {
        private SampleCopy(string root)
        {
            Root = root;
            ProjectDirectory = Path.Combine(root, "TokenStore");
        }

        public string Root { get; }

        public string ProjectDirectory { get; }

        public string ProjectFile => Path.Combine(ProjectDirectory, "TokenStore.csproj");

        public static SampleCopy Create()
        {
            string root = Path.Combine(Path.GetTempPath(), "aw-client-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            var copy = new SampleCopy(root);
            Directory.CreateDirectory(copy.ProjectDirectory);
            foreach (string file in Directory.GetFiles(RepositoryPaths.Combine("samples", "TokenStore"), "*.cs"))
            {
                File.Copy(file, Path.Combine(copy.ProjectDirectory, Path.GetFileName(file)));
            }

            File.Copy(RepositoryPaths.Combine("nuget.config"), Path.Combine(root, "nuget.config"));
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");

            string built = AppContext.BaseDirectory;
            File.WriteAllText(copy.ProjectFile, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <LangVersion>latest</LangVersion>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="AtomicWrite" HintPath="{Path.Combine(built, "AtomicWrite.dll")}" />
                    <Analyzer Include="{Path.Combine(built, "AtomicWriteAnalyzer.dll")}" />
                    <Analyzer Include="{Path.Combine(built, "AtomicWriteAnalyzer.CodeFixes.dll")}" />
                  </ItemGroup>
                </Project>
                """);
            return copy;
        }

        public string Read(string fileName) => File.ReadAllText(Path.Combine(ProjectDirectory, fileName));

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing the test for.
            }
        }
    }
}
