using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Engines
{
    /// <summary>
    /// Path reconstruction on its own, through <see cref="PathProbeAnalyzer"/>: the path a file call writes, as the rules
    /// see it. Each row is code in, and the model out: the alternative texts (<c>**</c> for what is not known, special
    /// folders as <c>&lt;Name&gt;</c>, '/' separating), the names the path flowed through (outermost first, <c>(part)</c>
    /// when a name holds whole segments only), and the origin (what alone says the file is not worth protecting).
    /// Cycles and bounds: <c>PathTracingBoundsTests</c>.
    /// </summary>
    public sealed class PathReconstructionTests
    {
        private const string None = "None";

        /// <summary>Statements of <c>M(string directory, string source, string json, ..., bool flag, ...)</c>, one file call.</summary>
        public static TheoryData<string, string, string, string, string> Statements => new()
        {
            // name, statements, texts, holders, origin
            { "Path.Combine of a parameter and a file name", "File.WriteAllText(Path.Combine(directory, \"tokens.json\"), json);", "**/tokens.json", "parameter directory (part)", None },
            { "Path.Combine of three parts", "File.WriteAllText(Path.Combine(directory, \"config\", \"settings.json\"), json);", "**/config/settings.json", "parameter directory (part)", None },
            { "Path.Combine drops what precedes a rooted part", "File.WriteAllText(Path.Combine(directory, \"/etc/app.json\"), json);", "/etc/app.json", "parameter directory (part)", None },
            { "Path.Join", "File.WriteAllText(Path.Join(directory, \"tokens.json\"), json);", "**/tokens.json", "parameter directory (part)", None },
            { "interpolation: the folder is a whole segment", "File.WriteAllText($\"{directory}/tokens.json\", json);", "**/tokens.json", "parameter directory (part)", None },
            { "interpolation: a fragment of the file name is not a holder", "var user = \"alice\";\nFile.WriteAllText($\"{directory}/{user}.json\", json);", "**/alice.json", "parameter directory (part)", None },
            { "concatenation", "File.WriteAllText(directory + \"/tokens.json\", json);", "**/tokens.json", "parameter directory (part)", None },
            { "concatenation with Path.DirectorySeparatorChar", "File.WriteAllText(directory + Path.DirectorySeparatorChar + \"tokens.json\", json);", "**tokens.json", "", None },
            { "string.Concat", "File.WriteAllText(string.Concat(directory, \"/\", \"tokens.json\"), json);", "**/tokens.json", "parameter directory (part)", None },
            { "string.Format is not read", "File.WriteAllText(string.Format(\"{0}/tokens.json\", directory), json);", "**", "", None },
            { "backslashes become '/'", "File.WriteAllText(directory + \"\\\\config\\\\tokens.json\", json);", "**/config/tokens.json", "parameter directory (part)", None },
            { "a parameter alone", "File.WriteAllText(source, json);", "**", "parameter source", None },
            { "a local with one definition", "var tokenPath = Path.Combine(directory, \"tokens.json\");\nFile.WriteAllText(tokenPath, json);", "**/tokens.json", "local tokenPath, parameter directory (part)", None },
            { "a local reassigned: each definition an alternative", "var target = Path.Combine(directory, \"a.json\");\nif (flag)\n{\n    target = Path.Combine(directory, \"b.json\");\n}\nFile.WriteAllText(target, json);", "**/a.json | **/b.json", "local target, parameter directory (part), parameter directory (part)", None },
            { "a const local", "const string name = \"tokens.json\";\nFile.WriteAllText(Path.Combine(directory, name), json);", "**/tokens.json", "parameter directory (part), local name (part)", None },
            { "a conditional", "File.WriteAllText(flag ? \"a.json\" : \"b.json\", json);", "a.json | b.json", "", None },
            { "a coalesce (null is an empty alternative)", "string? custom = flag ? null : source;\nFile.WriteAllText(custom ?? Path.Combine(directory, \"default.json\"), json);", " | ** | **/default.json", "local custom, parameter source, parameter directory (part)", None },
            { "Path.ChangeExtension", "File.WriteAllText(Path.ChangeExtension(Path.Combine(directory, \"tokens.json\"), \".bak\"), json);", "**/tokens.bak", "parameter directory (part)", None },
            { "Path.GetDirectoryName: the folder's holders are dropped", "File.WriteAllText(Path.Combine(Path.GetDirectoryName(source)!, \"tokens.json\"), json);", "**/tokens.json", "", None },
            { "Path.GetFileName keeps the name", "File.WriteAllText(Path.Combine(directory, Path.GetFileName(source)), json);", "**", "parameter directory (part), parameter source (part)", None },
            { "new FileInfo(path).FullName", "File.WriteAllText(new FileInfo(Path.Combine(directory, \"tokens.json\")).FullName, json);", "**/tokens.json", "parameter directory (part)", None },
            { "ToLowerInvariant: the same path", "File.WriteAllText(Path.Combine(directory, \"Tokens.json\").ToLowerInvariant(), json);", "**/Tokens.json", "parameter directory (part)", None },
            { "Environment.GetFolderPath(SpecialFolder.X)", "File.WriteAllText(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), \"MyApp\", \"settings.json\"), json);", "<ApplicationData>/MyApp/settings.json", "", None },
            { "Environment.GetFolderPath of a folder in a local", "var folder = Environment.SpecialFolder.LocalApplicationData;\nFile.WriteAllText(Path.Combine(Environment.GetFolderPath(folder), \"settings.json\"), json);", "<SpecialFolder>/settings.json", "", None },
            { "Environment.GetFolderPath of a cast constant: the folder is not named", "File.WriteAllText(Path.Combine(Environment.GetFolderPath((Environment.SpecialFolder)26), \"settings.json\"), json);", "<SpecialFolder>/settings.json", "", None },
            { "AppContext.BaseDirectory", "File.WriteAllText(Path.Combine(AppContext.BaseDirectory, \"settings.json\"), json);", "<BaseDirectory>/settings.json", "", None },
            { "an environment variable", "File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable(\"HOME\")!, \".app.json\"), json);", "<HOME>/.app.json", "", None },
            { "Environment.ExpandEnvironmentVariables", "File.WriteAllText(Environment.ExpandEnvironmentVariables(\"%APPDATA%\\\\app\\\\settings.json\"), json);", "%APPDATA%/app/settings.json", "", None },
            { "Path.GetTempPath: the temp folder", "File.WriteAllText(Path.Combine(Path.GetTempPath(), \"cache.bin\"), json);", "<Temp>/cache.bin", "", "TempDirectory (Path.GetTempPath())" },
            { "%TEMP%: the temp folder", "File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable(\"TEMP\")!, \"cache.bin\"), json);", "<Temp>/cache.bin", "", "TempDirectory (%TEMP%)" },
            { "Path.GetTempFileName: a new temp file", "File.WriteAllText(Path.GetTempFileName(), json);", "<Temp>/**.tmp", "", "TempFileName (Path.GetTempFileName())" },
            { "Path.GetRandomFileName: a new name", "File.WriteAllText(Path.Combine(directory, Path.GetRandomFileName()), json);", "**", "parameter directory (part)", "RandomFileName (Path.GetRandomFileName())" },
            { "Guid.NewGuid() in the name", "File.WriteAllText(Path.Combine(directory, $\"{Guid.NewGuid()}.json\"), json);", "**.json", "parameter directory (part)", "UniqueName (Guid.NewGuid())" },
            { "a Guid formatted", "File.WriteAllText(Path.Combine(directory, Guid.NewGuid().ToString(\"N\") + \".tmp\"), json);", "**.tmp", "parameter directory (part)", "UniqueName (Guid.NewGuid())" },
            { "the clock's ticks", "File.WriteAllText(Path.Combine(directory, $\"backup-{DateTime.Now.Ticks}.json\"), json);", "**/backup-**.json", "parameter directory (part)", "UniqueName (DateTime.Now)" },
            { "a unique name through a local", "var id = Guid.NewGuid().ToString(\"N\");\nFile.WriteAllText(Path.Combine(directory, id + \".json\"), json);", "**.json", "parameter directory (part)", "UniqueName (Guid.NewGuid())" },
        };

        /// <summary>Members of class <c>C</c>: paths held by fields, properties and methods.</summary>
        public static TheoryData<string, string, string, string, string> Members => new()
        {
            // name, members, texts, holders, origin
            {
                "a const field",
                "const string TokenFile = \"tokens.json\";\nvoid Save(string directory, string json) => File.WriteAllText(Path.Combine(directory, TokenFile), json);",
                "**/tokens.json", "parameter directory (part), field TokenFile (part)", None
            },
            {
                "a field set in the constructor",
                "private readonly string _tokenPath;\nC(string directory) { _tokenPath = Path.Combine(directory, \"tokens.json\"); }\nvoid Save(string json) => File.WriteAllText(_tokenPath, json);",
                "**/tokens.json", "field _tokenPath, parameter directory (part)", None
            },
            {
                "a get-only property set in the constructor",
                "string TokenPath { get; }\nC(string directory) { TokenPath = Path.Combine(directory, \"tokens.json\"); }\nvoid Save(string json) => File.WriteAllText(TokenPath, json);",
                "**/tokens.json", "property TokenPath, parameter directory (part)", None
            },
            {
                "a field set in two constructors",
                "private readonly string _path;\nC() { _path = \"settings.json\"; }\nC(string directory) { _path = Path.Combine(directory, \"settings.json\"); }\nvoid Save(string json) => File.WriteAllText(_path, json);",
                "settings.json | **/settings.json", "field _path, parameter directory (part)", None
            },
            {
                "a static readonly field from a special folder",
                "static readonly string TokenPath = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), \"App\", \"tokens.json\");\nvoid Save(string json) => File.WriteAllText(TokenPath, json);",
                "<ApplicationData>/App/tokens.json", "field TokenPath", None
            },
            {
                "a property over a field",
                "static readonly string Root = AppContext.BaseDirectory;\nstring SettingsPath => Path.Combine(Root, \"settings.json\");\nvoid Save(string json) => File.WriteAllText(SettingsPath, json);",
                "<BaseDirectory>/settings.json", "property SettingsPath, field Root (part)", None
            },
            {
                "a method of the type",
                "static string CachePath() { return Path.Combine(Path.GetTempPath(), \"cache.bin\"); }\nvoid Save(string json) => File.WriteAllText(CachePath(), json);",
                "<Temp>/cache.bin", "method CachePath", "TempDirectory (Path.GetTempPath())"
            },
            {
                "a method of another type: its name only",
                "static class Paths { public static string Tokens() => Path.Combine(AppContext.BaseDirectory, \"tokens.json\"); }\nvoid Save(string json) => File.WriteAllText(Paths.Tokens(), json);",
                "**", "method Tokens", None
            },
            {
                "a field of unknown value",
                "private string? _custom;\nvoid Save(string json) => File.WriteAllText(_custom!, json);",
                "**", "field _custom", None
            },
            {
                "a path the user picked",
                "class SaveFileDialog { public string FileName { get; set; } = \"\"; }\nvoid Export(SaveFileDialog dialog, string json) => File.WriteAllText(dialog.FileName, json);",
                "**", "", "UserPicked (SaveFileDialog.FileName)"
            },
        };

        [Theory]
        [MemberData(nameof(Statements))]
        public Task Statements_are_reconstructed(string name, string statements, string texts, string holders, string origin) =>
            AssertProbeAsync(name, Snippet.Body(statements), texts, holders, origin);

        [Theory]
        [MemberData(nameof(Members))]
        public Task Members_are_reconstructed(string name, string members, string texts, string holders, string origin) =>
            AssertProbeAsync(name, Snippet.Members(members), texts, holders, origin);

        private static async Task AssertProbeAsync(string name, string code, string texts, string holders, string origin)
        {
            _ = name;
            var probe = Assert.Single(await AnalyzerVerifier<PathProbeAnalyzer>.DiagnosticsAsync(code));
            Assert.Equal(
                (texts, holders, origin),
                (probe.GetMessage().Split(" ← ")[0], probe.Properties[PathProbeAnalyzer.HoldersProperty], probe.Properties[PathProbeAnalyzer.OriginProperty]));
        }
    }
}
