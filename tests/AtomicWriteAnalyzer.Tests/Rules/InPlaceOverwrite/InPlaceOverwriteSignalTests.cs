using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// Which paths count as sensitive: each signal (file name words and kinds, folder words, the names of the members
    /// holding the path, traced through locals, fields, properties and methods) and each counter-signal that wins.
    /// Every case writes with <c>File.WriteAllText</c>; only the path changes.
    /// </summary>
    public sealed class InPlaceOverwriteSignalTests
    {
        public static TheoryData<string, string> SensitiveFileNames => new()
        {
            { "tokens.json", "\"tokens.json\"" },
            { "secrets.json", "\"secrets.json\"" },
            { "credentials.json", "\"credentials.json\"" },
            { "password.txt", "\"password.txt\"" },
            { "passwd", "\"passwd\"" },
            { "apikey.txt", "\"apikey.txt\"" },
            { "api_key.txt", "\"api_key.txt\"" },
            { "ApiKeys.json", "\"ApiKeys.json\"" },
            { "auth.json", "\"auth.json\"" },
            { "oauth.json", "\"oauth.json\"" },
            { "cookies.dat", "\"cookies.dat\"" },
            { "wallet.dat", "\"wallet.dat\"" },
            { "keystore.bin", "\"keystore.bin\"" },
            { "login.keychain", "\"login.keychain\"" },
            { "tokens.json.new: a next version, not a download", "\"tokens.json.new\"" },
            { "settings.json", "\"settings.json\"" },
            { "appsettings.json", "\"appsettings.json\"" },
            { "user-settings.json", "\"user-settings.json\"" },
            { "config.json", "\"config.json\"" },
            { "configuration.xml", "\"configuration.xml\"" },
            { "app.conf", "\"app.conf\"" },
            { "preferences.xml", "\"preferences.xml\"" },
            { "prefs.json", "\"prefs.json\"" },
            { "user_profile.json", "\"user_profile.json\"" },
            { "AppState.json", "\"AppState.json\"" },
            { "license.dat", "\"license.dat\"" },
            { "license.lic", "\"license.lic\"" },
            { "LicenseKey.txt", "\"LicenseKey.txt\"" },
            { "token-cache.json (its own name wins over cache)", "\"token-cache.json\"" },
            { "tokens.json in a cache folder (its own name wins)", "\"cache\", \"tokens.json\"" },
            { "session.json", "\"session.json\"" },
            { ".env", "\".env\"" },
            { ".env.local", "\".env.local\"" },
            { "server.pem", "\"server.pem\"" },
            { "private.key", "\"private.key\"" },
            { "cert.pfx", "\"cert.pfx\"" },
            { "cert.p12", "\"cert.p12\"" },
            { "vault.kdbx", "\"vault.kdbx\"" },
            { "app.ini", "\"app.ini\"" },
            { "app.cfg", "\"app.cfg\"" },
            { "id_rsa", "\".ssh\", \"id_rsa\"" },
            { "id_ed25519", "\".ssh\", \"id_ed25519\"" },
            { ".netrc", "\".netrc\"" },
            { ".npmrc", "\".npmrc\"" },
            { "config folder", "\"config\", \"app.json\"" },
            { "secrets folder", "\"secrets\", \"db.json\"" },
            { "accounts.json", "\"accounts.json\"" },
            { "an authenticator's .maFile", "\"authenticator\", \"76561198.maFile\"" },
            { "a client key by compound", "\"myhost_ClientKey.txt\"" },
            { "a host key", "\"ssh_host_key\"" },
            { "keybindings.json", "\"keybindings.json\"" },
            { "shortcuts.json", "\"shortcuts.json\"" },
            { "presets.json", "\"presets.json\"" },
            { "SecureStorage.dat", "\"SecureStorage.dat\"" },
            { "the hosts file", "\"etc\", \"hosts\"" },
            { "vault.json", "\"vault.json\"" },
        };

        [Theory]
        [MemberData(nameof(SensitiveFileNames))]
        public Task Sensitive_file_names_and_folders_are_reported(string name, string combineArguments)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body($"{{|AW0001:File.WriteAllText(Path.Combine(directory, {combineArguments}), json)|}};"));
        }

        public static TheoryData<string, string> SensitiveHoldersAndTracing => new()
        {
            { "parameter named tokenPath", Snippet.Members("void Save(string tokenPath, string json) => {|AW0001:File.WriteAllText(tokenPath, json)|};") },
            { "parameter named settingsFile", Snippet.Members("void Save(string settingsFile, byte[] data) => {|AW0001:File.WriteAllBytes(settingsFile, data)|};") },
            { "local named credentialsPath", Snippet.Body("string credentialsPath = directory;\n{|AW0001:File.WriteAllText(credentialsPath, json)|};") },
            { "field named _secretFile", Snippet.Members("private string _secretFile = \"\";\nvoid Save(string json) => {|AW0001:File.WriteAllText(_secretFile, json)|};") },
            { "property named ConfigPath", Snippet.Members("public string ConfigPath { get; set; } = \"\";\nvoid Save(string json) => {|AW0001:File.WriteAllText(ConfigPath, json)|};") },
            { "method named GetSettingsPath", Snippet.Members("string GetSettingsPath() => Environment.GetEnvironmentVariable(\"APP_HOME\") ?? \"\";\nvoid Save(string json) => {|AW0001:File.WriteAllText(GetSettingsPath(), json)|};") },
            { "const named StateFile", Snippet.Members("const string StateFile = \"data.bin\";\nvoid Save(byte[] data) => {|AW0001:File.WriteAllBytes(StateFile, data)|};") },
            { "member of another type named TokenFile", Snippet.Members("void Save(string json) => {|AW0001:File.WriteAllText(Paths.TokenFile, json)|};") + "\nstatic class Paths { public static string TokenFile = \"\"; }" },
            { "field assigned in the constructor", Snippet.Members("""
                private readonly string _path;
                C(string directory) { _path = Path.Combine(directory, "tokens.json"); }
                void Save(string json) => {|AW0001:File.WriteAllText(_path, json)|};
                """) },
            { "static readonly field initialized in the type", Snippet.Members("""
                private static readonly string StorePath = Path.Combine(AppContext.BaseDirectory, "settings.json");
                void Save(string json) => {|AW0001:File.WriteAllText(StorePath, json)|};
                """) },
            { "auto-property initializer", Snippet.Members("""
                public string StorePath { get; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "MyApp", "preferences.json");
                void Save(string json) => {|AW0001:File.WriteAllText(StorePath, json)|};
                """) },
            { "expression-bodied property over a field", Snippet.Members("""
                private readonly string _directory = "";
                public string StorePath => Path.Combine(_directory, "wallet.dat");
                void Save(byte[] data) => {|AW0001:File.WriteAllBytes(StorePath, data)|};
                """) },
            { "method returning the path", Snippet.Members("""
                private static string Locate(string directory) { return Path.Combine(directory, "session.json"); }
                void Save(string directory, string json) => {|AW0001:File.WriteAllText(Locate(directory), json)|};
                """) },
            { "interpolation", Snippet.Body("{|AW0001:File.WriteAllText($\"{directory}/secrets.json\", json)|};") },
            { "concatenation", Snippet.Body("{|AW0001:File.WriteAllText(directory + \"/secrets.json\", json)|};") },
            { "Path.Join", Snippet.Body("{|AW0001:File.WriteAllText(Path.Join(directory, \"auth.json\"), json)|};") },
            { "Path.ChangeExtension to a key", Snippet.Body("{|AW0001:File.WriteAllText(Path.ChangeExtension(Path.Combine(directory, \"server\"), \".pem\"), json)|};") },
            { "Path.GetFullPath", Snippet.Body("{|AW0001:File.WriteAllText(Path.GetFullPath(\"appsettings.json\"), json)|};") },
            { "special folder", Snippet.Body("{|AW0001:File.WriteAllText(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), \"MyApp\", \"state.json\"), json)|};") },
            { "conditional path", Snippet.Body("{|AW0001:File.WriteAllText(flag ? Path.Combine(directory, \"tokens.json\") : Path.Combine(directory, \"tokens.old.json\"), json)|};") },
            { "local through two locals", Snippet.Body("var folder = Path.Combine(directory, \"MyApp\");\nvar file = Path.Combine(folder, \"credentials.json\");\n{|AW0001:File.WriteAllText(file, json)|};") },
            { "sensitive folder holder", Snippet.Body("var configDirectory = directory;\n{|AW0001:File.WriteAllText(Path.Combine(configDirectory, \"app.json\"), json)|};") },
            { "FileInfo field", Snippet.Members("""
                private readonly FileInfo _file = new FileInfo("profile.json");
                void Save() { using var stream = {|AW0001:_file.Create()|}; }
                """) },
            { "FileInfo.FullName", Snippet.Body("var info = new FileInfo(Path.Combine(directory, \"cookies.txt\"));\n{|AW0001:File.WriteAllText(info.FullName, json)|};") },
            { "static method in a static class", "using System.IO;\nstatic class Store { public static void Save(string tokenPath, string json) => {|AW0001:File.WriteAllText(tokenPath, json)|}; }" },
            { "struct", "using System.IO;\nstruct Store { public void Save(string json) => {|AW0001:File.WriteAllText(\"settings.json\", json)|}; }" },
            { "record", "using System.IO;\nrecord Store(string Directory) { public void Save(string json) => {|AW0001:File.WriteAllText(Path.Combine(Directory, \"settings.json\"), json)|}; }" },
            { "nested type", "using System.IO;\nclass Outer { class Inner { void Save(string json) => {|AW0001:File.WriteAllText(\"tokens.json\", json)|}; } }" },
            { "partial type across files (field set in the other part)", "using System.IO;\npartial class Store { private readonly string _path = Path.Combine(\"data\", \"secrets.json\"); }\npartial class Store { void Save(string json) => {|AW0001:File.WriteAllText(_path, json)|}; }" },
        };

        [Theory]
        [MemberData(nameof(SensitiveHoldersAndTracing))]
        public Task Names_holding_the_path_and_traced_values_are_reported(string name, string code)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(code);
        }

        public static TheoryData<string, string> NotSensitive => new()
        {
            // Word boundaries: these contain a sensitive word only as part of another word.
            { "keyboard-layout.txt", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"keyboard-layout.txt\"), json);") },
            { "accountant.csv: a word, not a part", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"accountant.csv\"), json);") },
            { "a desktop shortcut is a launcher", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"shortcuts\", \"app.lnk\"), json);") },
            { "hosts.txt is not the hosts file", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"hosts.txt\"), json);") },
            { "a key alone is not a client key", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"client.txt\"), json);") },
            { "monkey_report.txt", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"monkey_report.txt\"), json);") },
            { "tokenizer-output.txt", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"tokenizer-output.txt\"), json);") },
            { "authors.txt", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"authors.txt\"), json);") },
            { "statements.csv", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"statements.csv\"), json);") },
            { "profiler.txt", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"profiler.txt\"), json);") },
            { "configure.sh", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"configure.sh\"), json);") },
            { "hotkeys.txt", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"hotkeys.txt\"), json);") },
            { "keynote.md", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"keynote.md\"), json);") },
            { "UserProfile special folder is not a profile", Snippet.Body("File.WriteAllText(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), \"notes.txt\"), json);") },
            { "fragment holder: {sessionId}.txt", Snippet.Body("var sessionId = Guid.NewGuid().ToString();\nFile.WriteAllText(Path.Combine(directory, $\"{sessionId}.txt\"), json);") },
            { "no signal at all", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"data.json\"), json);") },
            { "parameter named path", Snippet.Members("void Save(string path, string json) => File.WriteAllText(path, json);") },
            { "folder of the settings file is not the settings file", Snippet.Members("void Save(string settingsPath, string json) => File.WriteAllText(Path.Combine(Path.GetDirectoryName(settingsPath)!, \"notes.txt\"), json);") },
            // Counter-signals win.
            { "app.log", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"app.log\"), json);") },
            { "settings.log", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"settings.log\"), json);") },
            { "rotated log", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"session.log.1\"), json);") },
            { "logs folder", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"logs\", \"config.json\"), json);") },
            { "logPath", Snippet.Members("void Save(string logPath, string json) => File.WriteAllText(logPath, json);") },
            { "Path.GetTempFileName", Snippet.Body("var settingsPath = Path.GetTempFileName();\nFile.WriteAllText(settingsPath, json);") },
            { "Path.GetTempPath", Snippet.Body("File.WriteAllText(Path.Combine(Path.GetTempPath(), \"settings.json\"), json);") },
            { "TEMP variable", Snippet.Body("File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable(\"TEMP\")!, \"tokens.json\"), json);") },
            { "Path.GetRandomFileName", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"config\", Path.GetRandomFileName()), json);") },
            { "a .tmp file", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"settings.json.tmp\"), json);") },
            { "a partial download (.part)", Snippet.Body("File.WriteAllBytes(Path.Combine(directory, \"tokens.json.part\"), bytes);") },
            { "a partial download (.crdownload)", Snippet.Body("File.WriteAllBytes(Path.Combine(directory, \"wallet.dat.crdownload\"), bytes);") },
            { "temp folder", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"temp\", \"settings.json\"), json);") },
            { "a file in a cache folder with no sensitive word in its own name", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"settings-cache\", \"index.json\"), json);") },
            { "LICENSE.txt is the licence's text", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"LICENSE.txt\"), json);") },
            { "licenses.json lists licences", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"licenses.json\"), json);") },
            { "license.md", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"license.md\"), json);") },
            { "cacheFile holder", Snippet.Members("private readonly string _settingsCacheFile = \"\";\nvoid Save(string json) => File.WriteAllText(_settingsCacheFile, json);") },
            { "downloads folder", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"Downloads\", \"config.json\"), json);") },
            { "exportPath", Snippet.Members("void Export(string exportPath, string json) => File.WriteAllText(exportPath, json);") },
            { "export folder", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"export\", \"settings.json\"), json);") },
            { "ExportSettings writer", Snippet.Members("void ExportSettings(string settingsFile, string json) => File.WriteAllText(settingsFile, json);") },
            { "report.csv", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"report.csv\"), json);") },
            { "output folder", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"output\", \"appsettings.json\"), json);") },
            { "outputPath", Snippet.Members("void Write(string outputPath, string json) => File.WriteAllText(outputPath, json);") },
            { "crash report", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"crash-state.txt\"), json);") },
            { "dump", Snippet.Body("File.WriteAllText(Path.Combine(directory, \"state.dump\"), json);") },
            { "SaveFileDialog.FileName", Snippet.Body("var dialog = new SaveFileDialog();\nvar settingsPath = dialog.FileName;\nFile.WriteAllText(settingsPath, json);") + "\nclass SaveFileDialog { public string FileName { get; set; } = \"\"; }" },
            // Not in-place: the temp half of a replace (whether the replace is safe is AW0003's question).
            { "temp then File.Move", Snippet.Body("""
                var settingsPath = Path.Combine(directory, "settings.json");
                var tempPath = settingsPath + ".new";
                File.WriteAllText(tempPath, json);
                File.Move(tempPath, settingsPath, true);
                """) },
            { "temp then File.Replace with flush", Snippet.Body("""
                var tokenPath = Path.Combine(directory, "tokens.json");
                var tokenNext = tokenPath + "." + Guid.NewGuid().ToString("N");
                using (var stream = new FileStream(tokenNext, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(bytes);
                    stream.Flush(true);
                }
                File.Replace(tokenNext, tokenPath, tokenPath + ".bak");
                """) },
            { "stream temp then FileInfo.MoveTo", Snippet.Body("""
                var next = new FileInfo(Path.Combine(directory, "credentials.json.next"));
                using (var stream = next.Create())
                {
                    stream.Write(bytes);
                }
                next.MoveTo(Path.Combine(directory, "credentials.json"), true);
                """) },
            { "expression temp then File.Move of the same expression", Snippet.Members("""
                private readonly string _configPath = "config.json";
                void Save(string json)
                {
                    File.WriteAllText(_configPath + ".staged", json);
                    File.Move(_configPath + ".staged", _configPath, overwrite: true);
                }
                """) },
        };

        [Theory]
        [MemberData(nameof(NotSensitive))]
        public Task Word_traps_counter_signals_and_replace_temps_are_not_reported(string name, string code)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(code);
        }

        [Fact]
        public Task Reason_names_the_holder_when_the_file_name_is_unknown()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Members("void Save(string tokenPath, string json) => {|#0:File.WriteAllText(tokenPath, json)|};"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(0)
                    .WithArguments("tokenPath", "File.WriteAllText", "parameter 'tokenPath' contains 'token'"));
        }

        [Fact]
        public Task Reason_names_the_file_kind()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Snippet.Body("{|#0:File.WriteAllText(Path.Combine(directory, \".ssh\", \"id_rsa\"), json)|};"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(0)
                    .WithArguments("id_rsa", "File.WriteAllText", "'id_rsa' is an SSH private key"));
        }
    }
}
