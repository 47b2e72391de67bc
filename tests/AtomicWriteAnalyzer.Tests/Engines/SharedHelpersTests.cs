using System;
using System.Linq;
using System.Reflection;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Sensitivity;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Engines
{
    /// <summary>The shared building blocks on their own: the API catalog, word splitting, globs, signals on names.</summary>
    public sealed class SharedHelpersTests
    {
        public static TheoryData<string> CatalogEntries()
        {
            var data = new TheoryData<string>();
            foreach (var entry in ApiCatalog.Entries.Where(e => !e.PathIsReceiver))
            {
                data.Add(entry.TypeMetadataName + "::" + entry.MemberName);
            }

            return data;
        }

        /// <summary>
        /// Every overload the running framework has of a catalogued member names its path parameter as the catalog
        /// says, so one entry per member covers every overload (including ones newer than net8.0).
        /// </summary>
        [Theory]
        [MemberData(nameof(CatalogEntries))]
        public void Catalog_path_parameter_names_match_every_overload(string member)
        {
            var entry = ApiCatalog.Entries.First(e => e.TypeMetadataName + "::" + e.MemberName == member);
            var type = Type.GetType(entry.TypeMetadataName + ", " + (entry.Namespace.StartsWith("System.Xml.Linq") ? "System.Xml.XDocument" : entry.Namespace.StartsWith("System.Xml") ? "System.Private.Xml" : "System.Private.CoreLib"), throwOnError: true)!;
            var overloads = entry.IsConstructor
                ? type.GetConstructors().Cast<MethodBase>()
                : type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Where(m => m.Name == entry.MemberName);

            int withPath = 0;
            foreach (var overload in overloads)
            {
                var stringParameters = overload.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => p.Name!).ToList();
                if (stringParameters.Count == 0)
                {
                    continue;
                }

                withPath++;
                Assert.True(stringParameters.Any(entry.PathParameters.Contains), $"{overload} has no parameter named {string.Join("/", entry.PathParameters)}");
            }

            Assert.True(withPath > 0, member + " has no overload taking a path");
        }

        [Fact]
        public void Catalog_name_filters_cover_every_entry()
        {
            foreach (var entry in ApiCatalog.Entries)
            {
                Assert.True(entry.IsConstructor ? ApiCatalog.ConstructorTypeNames.Contains(entry.TypeName) : ApiCatalog.MethodNames.Contains(entry.MemberName), entry.Display);
            }

            Assert.Contains(ApiCatalog.Entries, e => e.Role == ApiRole.Read);
            Assert.Contains(ApiCatalog.Entries, e => e.Role == ApiRole.Rename);
            Assert.DoesNotContain("AppendAllText", ApiCatalog.MethodNames);
        }

        [Theory]
        [InlineData("tokenPath", "token path")]
        [InlineData("_settingsFile", "settings file")]
        [InlineData("CREDENTIALS_FILE", "credentials file")]
        [InlineData("XMLSettings", "xml settings")]
        [InlineData("keyboard-layout.txt", "keyboard layout txt")]
        [InlineData("monkey_report.txt", "monkey report txt")]
        [InlineData("id_ed25519", "id ed")]
        [InlineData("config/app.json", "config app json")]
        [InlineData("C:\\Users\\me\\AppData", "c users me app data")]
        [InlineData("", "")]
        public void Words_split_on_humps_separators_and_digits(string text, string words)
        {
            Assert.Equal(words, string.Join(" ", WordSplitter.Split(text)));
        }

        [Theory]
        [InlineData("*.token", "**/auth.token", true)]
        [InlineData("*.token", "auth.token.bak", false)]
        [InlineData("**/config/*.json", "**/config/app.json", true)]
        [InlineData("**/config/*.json", "<ApplicationData>/MyApp/config/app.json", true)]
        [InlineData("**/config/*.json", "**/app.json", false)]
        [InlineData("**/config/*.json", "**/config/sub/app.json", false)]
        [InlineData("config/**", "**/CONFIG/sub/app.json", true)]
        [InlineData("**/logs/**", "C:\\data\\logs\\today.txt", true)]
        [InlineData("*.json", "**/settings-**.json", true)]
        [InlineData("settings.json", "**/settings.json", true)]
        [InlineData("settings.json", "**/my-settings.json", false)]
        [InlineData("/etc/app.conf", "/etc/app.conf", true)]
        [InlineData("/etc/app.conf", "/opt/etc/app.conf", false)]
        [InlineData("?.ini", "**/a.ini", true)]
        public void Globs_match_reconstructed_paths(string pattern, string path, bool matches)
        {
            Assert.Equal(matches, Glob.TryCreate(pattern)!.IsMatch(path));
        }

        [Theory]
        [InlineData("SaveSettings", "settings")]
        [InlineData("ConfigurationFile", "config")]
        [InlineData("UserSettingsService", "settings")]
        [InlineData("apiKeyPath", "apikey")]
        [InlineData("PrivateKeyFile", "private key")]
        [InlineData("TokenizerOutput", null)]
        [InlineData("Authors", null)]
        [InlineData("Statement", null)]
        public void Sensitive_words_are_whole_words(string name, string? word)
        {
            Assert.Equal(word, SensitiveWords.SensitiveWord(name));
        }

        [Theory]
        [InlineData("ExportSettings", "export")]
        [InlineData("logPath", "log")]
        [InlineData("Login", null)]
        [InlineData("Catalog", null)]
        public void Counter_words_are_whole_words(string name, string? word)
        {
            Assert.Equal(word, SensitiveWords.CounterWord(name));
        }
    }
}
