using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// Files nothing is lost in: scripts and launchers the app writes from its own template, files of a type that
    /// says it caches, paths the user picks in a file picker. Each quiet case has a twin that differs in the one thing
    /// that makes the file worth keeping.
    /// </summary>
    public sealed class InPlaceOverwriteRegeneratedFileTests
    {
        private const string Autostart = "var path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), \".config\", \"autostart\", ";

        public static TheoryData<string, string> QuietBodies => new()
        {
            { "a .desktop launcher under ~/.config", Autostart + "\"app.desktop\");\nFile.WriteAllText(path, json);" },
            { "a .sh script under a config folder", "var shFilePath = Path.Combine(directory, \"config\", \"start.sh\");\nFile.WriteAllText(shFilePath, json);" },
            { "a .cmd script named settings", "File.WriteAllText(Path.Combine(directory, \"settings.cmd\"), json);" },
            { "a scripts folder", "File.WriteAllText(Path.Combine(directory, \"config\", \"scripts\", \"hook\"), json);" },
        };

        public static TheoryData<string, string> ReportedBodies => new()
        {
            { "a .json file under ~/.config", Autostart + "\"app.json\");\n{|AW0001:File.WriteAllText(path, json)|};" },
            { "a .json file under a config folder", "var filePath = Path.Combine(directory, \"config\", \"start.json\");\n{|AW0001:File.WriteAllText(filePath, json)|};" },
            { "settings with a .desktop folder name", "{|AW0001:File.WriteAllText(Path.Combine(directory, \"app.desktop\", \"settings.json\"), json)|};" },
        };

        [Theory]
        [MemberData(nameof(QuietBodies))]
        public Task Scripts_and_launchers_are_not_reported(string name, string body)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(body));
        }

        [Theory]
        [MemberData(nameof(ReportedBodies))]
        public Task Their_twins_are_reported(string name, string body)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(body));
        }

        private const string StoreType = """
            public sealed class {0}
            {{
                private readonly FileInfo configFile;

                public {0}(FileInfo saveFile) => configFile = saveFile;

                public void Save(string json) => {1};
            }}
            """;

        // type name → reported: the writing type's name counts as a cache, log, download... place unless it names what
        // it keeps (a token cache keeps the only copy of a sign-in).
        [Theory]
        [InlineData("UniqueIdCache", false)]
        [InlineData("DownloadManager", false)]
        [InlineData("CrashLogWriter", false)]
        [InlineData("UniqueIdStore", true)]
        [InlineData("TokenCache", true)]
        [InlineData("ReportSettings", true)]
        public Task The_writing_types_name_can_say_cache(string typeName, bool reported)
        {
            string write = reported ? "{|AW0001:File.WriteAllText(configFile.FullName, json)|}" : "File.WriteAllText(configFile.FullName, json)";
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Usings + string.Format(System.Globalization.CultureInfo.InvariantCulture, StoreType, typeName, write));
        }

        private const string Pickers = """
            public interface IStorageFile { Uri Path { get; } }
            public interface IStorageProvider
            {
                Task<IStorageFile?> SaveFilePickerAsync(object options);
                Task<IStorageFile?> GetFileAsync(string name);
            }
            public sealed class SaveFileDialog { public string FileName { get; set; } = ""; }
            public sealed class ProfileDialog { public string FileName { get; set; } = ""; }

            """;

        public static TheoryData<string, string> PickerMembers => new()
        {
            {
                "a file picker's item path: quiet",
                "private readonly IStorageProvider provider = null!;\npublic async Task Export(string json)\n{\n    var picked = await provider.SaveFilePickerAsync(new object());\n    string settingsPath = picked!.Path.LocalPath;\n    using var writer = new StreamWriter(settingsPath);\n    writer.Write(json);\n}"
            },
            {
                "the project's own SaveFileDialog: quiet",
                "private readonly SaveFileDialog dialog = new();\npublic void Export(string json)\n{\n    string settingsPath = Path.Combine(AppContext.BaseDirectory, \"profiles\", dialog.FileName);\n    File.WriteAllText(settingsPath, json);\n}"
            },
            {
                "a project dialog that asks for a profile name: reported",
                "private readonly ProfileDialog dialog = new();\npublic void Save(string json)\n{\n    string settingsPath = Path.Combine(AppContext.BaseDirectory, \"profiles\", dialog.FileName);\n    {|AW0001:File.WriteAllText(settingsPath, json)|};\n}"
            },
            {
                "a storage item the app names itself: reported",
                "private readonly IStorageProvider provider = null!;\npublic async Task Save(string json)\n{\n    var file = await provider.GetFileAsync(\"settings.json\");\n    string settingsPath = file!.Path.LocalPath;\n    {|AW0001:File.WriteAllText(settingsPath, json)|};\n}"
            },
        };

        [Theory]
        [MemberData(nameof(PickerMembers))]
        public Task Paths_the_user_picks(string name, string members)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Usings + Pickers + "public sealed class C\n{\n" + members + "\n}\n");
        }
    }
}
