using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// The shapes through which real desktop apps shipped corrupted-settings bugs while the path's name said
    /// nothing — app state, serialized data, helpers, wrappers — each as a positive with a close negative twin (same
    /// shape, not sensitive). A twin is the positive with the one thing that made it sensitive taken away.
    /// </summary>
    public sealed class InPlaceOverwriteRealWorldTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.IO.Abstractions;
            using System.Runtime.Serialization;
            using System.Text.Json;
            using System.Threading.Tasks;
            using System.Xml;
            using System.Xml.Serialization;

            public sealed class AuthToken { public string Value { get; set; } = ""; }
            public sealed class Order { public int Id { get; set; } }
            public sealed class UserPreferences { public string Theme { get; set; } = ""; }
            public sealed class Profile { public string Name { get; set; } = ""; }
            [DataContract] public sealed class SessionState { [DataMember] public string User { get; set; } = ""; }
            [DataContract] public sealed class Invoice { [DataMember] public int Id { get; set; } }

            namespace Newtonsoft.Json
            {
                public static class JsonConvert { public static string SerializeObject(object? value) => ""; public static T? DeserializeObject<T>(string value) => default; }
            }

            """;

        private static string Code(string code) => Usings + code + Snippet.FileSystemAbstractions;

        /// <summary>Positive code carries <c>{|AW0001:...|}</c>; its twin is written out in full.</summary>
        public static TheoryData<string, string, string> Shapes => new()
        {
            {
                "1. generic JsonStorage<T>: path from the type name, read back by Load",
                """
                public class JsonStorage<T> where T : new()
                {
                    public JsonStorage(string directory) { FilePath = Path.Combine(directory, typeof(T).Name + ".json"); }
                    public string FilePath { get; }
                    public T Value { get; set; } = new T();
                    public void Save() => {|AW0001:File.WriteAllText(FilePath, JsonSerializer.Serialize(Value))|};
                    public void Load() { if (File.Exists(FilePath)) Value = JsonSerializer.Deserialize<T>(File.ReadAllText(FilePath)) ?? new T(); }
                }
                """,
                """
                public class JsonExporter<T> where T : new()
                {
                    public JsonExporter(string directory) { FilePath = Path.Combine(directory, typeof(T).Name + ".json"); }
                    public string FilePath { get; }
                    public T Value { get; set; } = new T();
                    public void Save() => File.WriteAllText(FilePath, JsonSerializer.Serialize(Value));
                }
                """
            },
            {
                "1. generic JsonStorage<T>: directory + \"Settings.json\"",
                """
                public class JsonStorage<T> where T : new()
                {
                    private readonly string _directory;
                    public JsonStorage(string directory) { _directory = directory; }
                    private string FilePath => Path.Combine(_directory, "Settings.json");
                    public void Save(T value) => {|AW0001:File.WriteAllText(FilePath, JsonSerializer.Serialize(value))|};
                }
                """,
                """
                public class JsonStorage<T> where T : new()
                {
                    private readonly string _directory;
                    public JsonStorage(string directory) { _directory = directory; }
                    private string FilePath => Path.Combine(_directory, "Snapshot.json");
                    public void Save(T value) => File.WriteAllText(FilePath, JsonSerializer.Serialize(value));
                }
                """
            },
            {
                "2. static helper in another type, called with a profiles path: reported at the call",
                """
                public static class FileHelpers
                {
                    public static void SerializeToFile<T>(string filePath, T value)
                    {
                        using var file = File.Create(filePath, 4096, FileOptions.WriteThrough);
                        JsonSerializer.Serialize(file, value);
                    }
                }
                public sealed class ProfileManager
                {
                    private readonly string _directory = "";
                    public void SaveAll(List<Profile> items) => {|AW0001:FileHelpers.SerializeToFile(Path.Combine(_directory, "profiles.json"), items)|};
                }
                """,
                """
                public static class FileHelpers
                {
                    public static void SerializeToFile<T>(string filePath, T value)
                    {
                        using var file = File.Create(filePath, 4096, FileOptions.WriteThrough);
                        JsonSerializer.Serialize(file, value);
                    }
                }
                public sealed class ProfileManager
                {
                    private readonly string _directory = "";
                    public void SaveAll(List<Order> items) => FileHelpers.SerializeToFile(Path.Combine(_directory, "orders-export.json"), items);
                }
                """
            },
            {
                "2. static helper in the same type: reported at the helper's write",
                """
                public sealed class Storage
                {
                    private readonly string _directory = "";
                    private static void SerializeToFile<T>(string filePath, T value)
                    {
                        using var file = {|AW0001:File.Create(filePath, 4096, FileOptions.WriteThrough)|};
                        JsonSerializer.Serialize(file, value);
                    }
                    public void Save(List<Order> items) => SerializeToFile(Path.Combine(_directory, "profiles.json"), items);
                }
                """,
                """
                public sealed class Storage
                {
                    private readonly string _directory = "";
                    private static void SerializeToFile<T>(string filePath, T value)
                    {
                        using var file = File.Create(filePath, 4096, FileOptions.WriteThrough);
                        JsonSerializer.Serialize(file, value);
                    }
                    public void Save(List<Order> items) => SerializeToFile(Path.Combine(_directory, "orders.json"), items);
                }
                """
            },
            {
                "3. XmlDocument.Save(Filename) in a configuration class",
                """
                public sealed class AppConfiguration
                {
                    private readonly string Filename = Path.Combine(AppContext.BaseDirectory, "app.xml");
                    public void Save() { var document = new XmlDocument(); document.LoadXml("<app/>"); {|AW0001:document.Save(Filename)|}; }
                }
                """,
                """
                public sealed class AppReportBuilder
                {
                    private readonly string Filename = Path.Combine(AppContext.BaseDirectory, "app.xml");
                    public void Save() { var document = new XmlDocument(); document.LoadXml("<app/>"); document.Save(Filename); }
                }
                """
            },
            {
                "3. File.Open(CONFIG_FILE, FileMode.Create) followed by a serializer",
                """
                public sealed class Store
                {
                    private const string CONFIG_FILE = "app.dat";
                    public void Save(UserPreferences value)
                    {
                        using var stream = {|AW0001:File.Open(CONFIG_FILE, FileMode.Create)|};
                        new XmlSerializer(typeof(UserPreferences)).Serialize(stream, value);
                    }
                }
                """,
                """
                public sealed class Store
                {
                    private const string DATA_FILE = "app.dat";
                    public void Save(Order value)
                    {
                        using var stream = File.Open(DATA_FILE, FileMode.Create);
                        new XmlSerializer(typeof(Order)).Serialize(stream, value);
                    }
                }
                """
            },
            {
                "3. new StreamWriter(fileName) in a class named ConfigFile that serializes itself",
                """
                public sealed class ConfigFile
                {
                    private readonly string fileName = "app.dat";
                    public string Theme { get; set; } = "";
                    public void Save()
                    {
                        using var writer = {|AW0001:new StreamWriter(fileName)|};
                        new XmlSerializer(typeof(ConfigFile)).Serialize(writer, this);
                    }
                }
                """,
                """
                public sealed class CsvFile
                {
                    private readonly string fileName = "app.dat";
                    public string Theme { get; set; } = "";
                    public void Save()
                    {
                        using var writer = new StreamWriter(fileName);
                        new XmlSerializer(typeof(CsvFile)).Serialize(writer, this);
                    }
                }
                """
            },
            {
                "4. un-awaited File.WriteAllTextAsync in a settings service",
                """
                public sealed class SettingsService
                {
                    private readonly string Filename = "app.dat";
                    private readonly object _current = new object();
                    public void Save()
                    {
                        var json = JsonSerializer.Serialize(_current);
                        {|AW0001:File.WriteAllTextAsync(Filename, json)|};
                    }
                }
                """,
                """
                public sealed class SyncService
                {
                    private readonly string Filename = "app.dat";
                    private readonly object _current = new object();
                    public void Save()
                    {
                        var json = JsonSerializer.Serialize(_current);
                        File.WriteAllTextAsync(Filename, json);
                    }
                }
                """
            },
            {
                "5. IFileSystem.File.WriteAllText(GetSettingsPath(...), json)",
                """
                public sealed class Preferences
                {
                    private readonly IFileSystem _fileSystem = null!;
                    private readonly string _root = "";
                    private string GetSettingsPath(string app) => Path.Combine(_root, app, "user.dat");
                    public void Save(string app, string json) => {|AW0001:_fileSystem.File.WriteAllText(GetSettingsPath(app), json)|};
                }
                """,
                """
                public sealed class Preferences
                {
                    private readonly IFileSystem _fileSystem = null!;
                    private readonly string _root = "";
                    private string GetExportPath(string app) => Path.Combine(_root, app, "user.dat");
                    public void Save(string app, string json) => _fileSystem.File.WriteAllText(GetExportPath(app), json);
                }
                """
            },
            {
                "5. look-alike wrapper interface mirroring File",
                """
                public interface IFileService { void WriteAllText(string path, string contents); }
                public sealed class Vault
                {
                    private readonly IFileService _files = null!;
                    public void Save(string directory, string json) => {|AW0001:_files.WriteAllText(Path.Combine(directory, "secrets.json"), json)|};
                }
                """,
                """
                public interface IAtomicFileService { void WriteAllText(string path, string contents); }
                public sealed class Vault
                {
                    private readonly IAtomicFileService _files = null!;
                    public void Save(string directory, string json) => _files.WriteAllText(Path.Combine(directory, "secrets.json"), json);
                }
                """
            },
            {
                "5. look-alike wrapper taking a FileMode",
                """
                public interface IStorage { Stream Open(string filePath, FileMode mode); }
                public sealed class TokenCacheless
                {
                    private readonly IStorage _storage = null!;
                    public Stream OpenForSave(string directory) => {|AW0001:_storage.Open(Path.Combine(directory, "tokens.bin"), FileMode.Create)|};
                }
                """,
                """
                public interface IStorage { Stream Open(string filePath, FileMode mode); }
                public sealed class TokenCacheless
                {
                    private readonly IStorage _storage = null!;
                    public Stream OpenForLoad(string directory) => _storage.Open(Path.Combine(directory, "tokens.bin"), FileMode.Open);
                }
                """
            },
            {
                "data: a serialized List<AuthToken>",
                """
                public sealed class Sync
                {
                    public void Save(string directory, List<AuthToken> items) => {|AW0001:File.WriteAllText(Path.Combine(directory, "data.json"), JsonSerializer.Serialize(items))|};
                }
                """,
                """
                public sealed class Sync
                {
                    public void Save(string directory, List<Order> items) => File.WriteAllText(Path.Combine(directory, "data.json"), JsonSerializer.Serialize(items));
                }
                """
            },
            {
                "data: Newtonsoft JsonConvert through a local",
                """
                public sealed class Persist
                {
                    public void Save(string directory, UserPreferences value)
                    {
                        string text = Newtonsoft.Json.JsonConvert.SerializeObject(value);
                        {|AW0001:File.WriteAllText(Path.Combine(directory, "data.json"), text)|};
                    }
                }
                """,
                """
                public sealed class Persist
                {
                    public void Save(string directory, Order value)
                    {
                        string text = Newtonsoft.Json.JsonConvert.SerializeObject(value);
                        File.WriteAllText(Path.Combine(directory, "data.json"), text);
                    }
                }
                """
            },
            {
                "data: DataContractSerializer into a FileStream",
                """
                public sealed class Persist
                {
                    public void Save(string path, SessionState value)
                    {
                        using (var stream = {|AW0001:new FileStream(path, FileMode.Create, FileAccess.Write)|})
                        {
                            new DataContractSerializer(typeof(SessionState)).WriteObject(stream, value);
                        }
                    }
                }
                """,
                """
                public sealed class Persist
                {
                    public void Save(string path, Invoice value)
                    {
                        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
                        {
                            new DataContractSerializer(typeof(Invoice)).WriteObject(stream, value);
                        }
                    }
                }
                """
            },
            {
                "app state: field set in the constructor, XmlSerializer write, OpenRead load",
                """
                public sealed class Store
                {
                    private readonly string _file;
                    public Store(string directory) { _file = Path.Combine(directory, "store.dat"); }
                    public void Save(Order value)
                    {
                        using var stream = {|AW0001:new FileStream(_file, FileMode.Create)|};
                        new XmlSerializer(typeof(Order)).Serialize(stream, value);
                    }
                    public Order Load()
                    {
                        using var stream = File.OpenRead(_file);
                        return (Order)new XmlSerializer(typeof(Order)).Deserialize(stream)!;
                    }
                }
                """,
                """
                public sealed class Store
                {
                    private readonly string _file;
                    public Store(string directory) { _file = Path.Combine(directory, "store.dat"); }
                    public void Save(Order value)
                    {
                        using var stream = new FileStream(_file, FileMode.Create);
                        new XmlSerializer(typeof(Order)).Serialize(stream, value);
                    }
                }
                """
            },
            {
                "app state: read back, but the data written is not serialized",
                """
                public sealed class Store
                {
                    private readonly string _file = "store.dat";
                    public void Save(Order value) => {|AW0001:File.WriteAllText(_file, JsonSerializer.Serialize(value))|};
                    public string Load() => File.ReadAllText(_file);
                }
                """,
                """
                public sealed class Store
                {
                    private readonly string _file = "store.dat";
                    public void Save(Order value) => File.WriteAllText(_file, value.Id.ToString());
                    public string Load() => File.ReadAllText(_file);
                }
                """
            },
            {
                "weak name: SaveSettings method with serialized data",
                """
                public sealed class Persist
                {
                    public void SaveSettings(string path, object value) => {|AW0001:File.WriteAllText(path, JsonSerializer.Serialize(value))|};
                }
                """,
                """
                public sealed class Persist
                {
                    public void ApplySettings(string path, object value) => File.WriteAllText(path, value.ToString());
                }
                """
            },
        };

        [Theory]
        [MemberData(nameof(Shapes))]
        public async Task Real_world_shape_is_reported_and_its_twin_is_not(string shape, string positive, string twin)
        {
            Assert.NotNull(shape);
            Assert.Contains("{|AW0001:", positive);
            Assert.DoesNotContain("{|AW0001:", twin);
            await VerifyCS.VerifyAnalyzerAsync(Code(positive));
            await VerifyCS.VerifyAnalyzerAsync(Code(twin));
        }

        public static TheoryData<string, string> QuietStores => new()
        {
            {
                "export to the path the user picked, serialized",
                """
                public sealed class SaveFileDialog { public string FileName { get; set; } = ""; public bool ShowDialog() => true; }
                public sealed class SettingsWindow
                {
                    public void Export(UserPreferences value)
                    {
                        var dialog = new SaveFileDialog();
                        if (dialog.ShowDialog()) File.WriteAllText(dialog.FileName, JsonSerializer.Serialize(value));
                    }
                }
                """
            },
            {
                "a cache that serializes and reads back",
                """
                public sealed class SettingsCache
                {
                    private readonly string _cacheFile = Path.Combine(Path.GetTempPath(), "prefs.bin");
                    public void Save(UserPreferences value) => File.WriteAllText(_cacheFile, JsonSerializer.Serialize(value));
                    public string Load() => File.ReadAllText(_cacheFile);
                }
                """
            },
            {
                "a correct temp-then-File.Replace store",
                """
                public sealed class SettingsStore
                {
                    private readonly string _path = "settings.json";
                    public void Save(UserPreferences value)
                    {
                        string temp = _path + "." + Guid.NewGuid().ToString("N");
                        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                        {
                            JsonSerializer.Serialize(stream, value);
                            stream.Flush(true);
                        }
                        File.Replace(temp, _path, _path + ".bak");
                    }
                    public UserPreferences? Load() => JsonSerializer.Deserialize<UserPreferences>(File.ReadAllText(_path));
                }
                """
            },
            {
                "a write-only file, never read back, no sensitive name",
                """
                public sealed class Snapshotter
                {
                    private readonly string _file = "snapshot.json";
                    public void Write(List<Order> orders) => File.WriteAllText(_file, JsonSerializer.Serialize(orders));
                }
                """
            },
            {
                "a crash report",
                """
                public sealed class SettingsService
                {
                    public void OnCrash(string directory, Exception error) => File.WriteAllText(Path.Combine(directory, "crash.json"), JsonSerializer.Serialize(error.Message));
                }
                """
            },
            {
                "a download",
                """
                public sealed class ProfileService
                {
                    public async Task Save(string downloadsFolder, Stream body)
                    {
                        using var file = new FileStream(Path.Combine(downloadsFolder, "avatar.png"), FileMode.Create);
                        await body.CopyToAsync(file);
                    }
                }
                """
            },
            {
                "a helper in another type whose body does a safe replace",
                """
                public static class SafeFiles
                {
                    public static void WriteText(string filePath, string text)
                    {
                        string temp = filePath + ".tmp";
                        File.WriteAllText(temp, text);
                        File.Move(temp, filePath, true);
                    }
                }
                public sealed class Vault
                {
                    public void Save(string directory, string json) => SafeFiles.WriteText(Path.Combine(directory, "secrets.json"), json);
                }
                """
            },
            {
                "a helper whose own parameter name is sensitive is reported once, at its write",
                """
                public static class TokenFiles
                {
                    public static void Write(string tokenFile, string text) => {|AW0001:File.WriteAllText(tokenFile, text)|};
                }
                public sealed class Session
                {
                    public void Save(string directory, string json) => TokenFiles.Write(Path.Combine(directory, "tokens.json"), json);
                }
                """
            },
        };

        [Theory]
        [MemberData(nameof(QuietStores))]
        public Task Counter_signals_safe_replaces_and_write_only_files_stay_quiet(string name, string code)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Code(code));
        }

        [Fact]
        public Task App_state_reason_names_the_reader()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Code("""
                    public sealed class Store
                    {
                        private readonly string _file = "store.dat";
                        public void Save(Order value) => {|#0:File.WriteAllText(_file, JsonSerializer.Serialize(value))|};
                        public Order? Load() => JsonSerializer.Deserialize<Order>(File.ReadAllText(_file));
                    }
                    """),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(0)
                    .WithArguments("store.dat", "File.WriteAllText", "read back by Store.Load and rewritten with serialized data"));
        }

        [Fact]
        public Task Helper_call_site_message_names_the_helper_and_its_api()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Code("""
                    public static class FileHelpers
                    {
                        public static void SerializeToFile<T>(string filePath, T value)
                        {
                            using var file = File.Create(filePath);
                            JsonSerializer.Serialize(file, value);
                        }
                    }
                    public sealed class ProfileManager
                    {
                        public void Save(string directory, List<Order> items) => {|#0:FileHelpers.SerializeToFile(Path.Combine(directory, "profiles.json"), items)|};
                    }
                    """),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(0)
                    .WithArguments("profiles.json", "FileHelpers.SerializeToFile (File.Create)", "file name contains 'profile'"));
        }

        [Fact]
        public Task Same_type_helper_message_names_the_caller()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Code("""
                    public sealed class ProfileStore
                    {
                        private static void Write(string filePath, string text) => {|#0:File.WriteAllText(filePath, text)|};
                        public void Save(string directory, string json) => Write(Path.Combine(directory, "profiles.json"), json);
                    }
                    """),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(0)
                    .WithArguments("profiles.json", "File.WriteAllText", "file name contains 'profile', passed by ProfileStore.Save"));
        }

        [Fact]
        public Task Data_type_and_weak_name_reasons()
        {
            return VerifyCS.VerifyAnalyzerAsync(
                Code("""
                    public sealed class SettingsService
                    {
                        public void Save(string path, object value) => {|#0:File.WriteAllText(path, JsonSerializer.Serialize(value))|};
                        public void SaveTokens(string path, List<AuthToken> tokens) => {|#1:File.WriteAllText(path, JsonSerializer.Serialize(tokens))|};
                    }
                    """),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(0)
                    .WithArguments("path", "File.WriteAllText", "type 'SettingsService' contains 'settings' and the data written is serialized"),
                VerifyCS.Diagnostic(DiagnosticDescriptors.AW0001_InPlaceOverwrite).WithLocation(1)
                    .WithArguments("path", "File.WriteAllText", "writes a serialized 'AuthToken', whose name contains 'auth'"));
        }
    }
}
