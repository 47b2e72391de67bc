using System.Threading.Tasks;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// The weakest signal: a write whose path says nothing either way, in a method whose name says it saves something
    /// sensitive (a save verb, then a sensitive word). Counter-signals of the path or of the name still win.
    /// </summary>
    public sealed class InPlaceOverwriteWriterNameTests
    {
        public static TheoryData<string, string> Reported => new()
        {
            { "SaveConfig(config, fullPath)", "void SaveConfig(string config, string fullPath) => {|AW0001:File.WriteAllText(fullPath, config)|};" },
            { "WriteSettings through File.Open(Create)", "void WriteSettings(string target, byte[] data)\n{\n    using var stream = {|AW0001:File.Open(target, FileMode.Create, FileAccess.Write)|};\n    stream.Write(data);\n}" },
            { "PersistCredentials", "void PersistCredentials(string file, string text) => {|AW0001:File.WriteAllText(file, text)|};" },
            { "StoreTokenAsync", "async Task StoreTokenAsync(string location, string text) => await {|AW0001:File.WriteAllTextAsync(location, text)|};" },
            { "TrySaveAccounts", "bool TrySaveAccounts(string target, string[] rows)\n{\n    {|AW0001:File.WriteAllLines(target, rows)|};\n    return true;\n}" },
            { "SaveProfile with a file name of no word", "void SaveProfile(string folder, string text) => {|AW0001:File.WriteAllText(Path.Combine(folder, \"data.json\"), text)|};" },
        };

        public static TheoryData<string, string> NotReported => new()
        {
            { "ExportSettings: an export", "void ExportSettings(string target, string text) => File.WriteAllText(target, text);" },
            { "SaveLog: a log", "void SaveLog(string target, string text) => File.WriteAllText(target, text);" },
            { "SaveReport: a report", "void SaveReport(string target, string text) => File.WriteAllText(target, text);" },
            { "Save: no word", "void Save(string target, string text) => File.WriteAllText(target, text);" },
            { "LoadConfig: no save verb", "void LoadConfig(string target, string text) => File.WriteAllText(target, text);" },
            { "OnConfigSaved: the verb is not first", "void OnConfigSaved(string target, string text) => File.WriteAllText(target, text);" },
            { "SaveConfig into the temp folder", "void SaveConfig(string text) => File.WriteAllText(Path.Combine(Path.GetTempPath(), \"data.json\"), text);" },
            { "SaveConfig to a .log file", "void SaveConfig(string folder, string text) => File.WriteAllText(Path.Combine(folder, \"run.log\"), text);" },
            { "SaveConfig to a path the user picked", "void SaveConfig(Microsoft.Win32.SaveFileDialog dialog, string text) => File.WriteAllText(dialog.FileName, text);" },
        };

        [Theory]
        [MemberData(nameof(Reported))]
        public Task A_method_named_for_saving_something_sensitive_makes_a_silent_path_sensitive(string name, string members)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Members(members));
        }

        [Theory]
        [MemberData(nameof(NotReported))]
        public Task Counter_signals_and_other_names_stay_quiet(string name, string members)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Members(members) + DialogStub);
        }

        [Fact]
        public async Task The_reason_names_the_method()
        {
            string code = Snippet.Members("void SaveConfig(string config, string fullPath) => File.WriteAllText(fullPath, config);");
            var diagnostic = Assert.Single(await AnalyzerVerifier<InPlaceOverwriteOnly>.DiagnosticsAsync(code));
            Assert.Equal("written by 'SaveConfig', whose name says it saves 'config'", diagnostic.Properties[DiagnosticPropertyNames.Reason]);
            Assert.Equal(nameof(SignalKind.WriterName), diagnostic.Properties[DiagnosticPropertyNames.Signal]);
            Assert.Contains("written by 'SaveConfig'", diagnostic.GetMessage());
        }

        /// <summary>A stand-in for WPF's dialog, so that the test compiles without the desktop packs.</summary>
        private const string DialogStub = "\nnamespace Microsoft.Win32 { public class SaveFileDialog { public string FileName { get; set; } = \"\"; } }\n";
    }
}
