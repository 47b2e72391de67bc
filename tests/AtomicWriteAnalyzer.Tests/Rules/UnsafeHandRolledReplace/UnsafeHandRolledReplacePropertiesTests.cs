using System.Threading.Tasks;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;

namespace AtomicWriteAnalyzer.Tests.Rules.UnsafeHandRolledReplace
{
    /// <summary>
    /// What AW0003 hands to its fix: the missing steps (<see cref="DiagnosticPropertyNames.Problems"/>), whether the
    /// write and the move can collapse into one <c>AtomicFile.WriteAll*</c> (<see cref="DiagnosticPropertyNames.Fix"/>),
    /// and, as additional locations after the rename, the statements the fix removes.
    /// </summary>
    public sealed class UnsafeHandRolledReplacePropertiesTests
    {
        private const string Target = "var path = Path.Combine(directory, \"settings.json\");\n";
        private const string Predictable = Target + "var tmp = path + \".tmp\";\n";
        private const string Unique = Target + "var tmp = Path.Combine(directory, Path.GetRandomFileName());\n";

        public static TheoryData<string, string, string, int> Shapes => new()
        {
            // body, Problems, Fix, statements the fix removes
            { Predictable + "File.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);", "NotFlushed,PredictableName", "Collapse", 1 },
            { Target + "File.WriteAllText(path + \".tmp\", json);\nFile.Move(path + \".tmp\", path, overwrite: true);", "NotFlushed,PredictableName", "Collapse", 0 },
            { Unique + "File.WriteAllBytes(tmp, bytes);\nFile.Move(tmp, path, true);", "NotFlushed", "Collapse", 1 },
            { Predictable + "File.WriteAllLines(tmp, lines, Encoding.UTF8);\nFile.Move(tmp, path, true);", "NotFlushed,PredictableName", "Collapse", 1 },
            { Predictable + "await File.WriteAllTextAsync(tmp, json, ct);\nFile.Move(tmp, path, true);", "NotFlushed,PredictableName", "Collapse", 1 },
            { Predictable + "await File.WriteAllTextAsync(tmp, json, ct).ConfigureAwait(false);\nFile.Move(tmp, path, true);", "NotFlushed,PredictableName", "Collapse", 1 },
            { Predictable + "File.WriteAllText(tmp, json);\nFile.Delete(path);\nFile.Move(tmp, path);", "NotFlushed,PredictableName,DeleteThenMove", "Collapse", 2 },
            { Predictable + "File.WriteAllText(tmp, json);\nif (File.Exists(path)) File.Delete(path);\nFile.Move(tmp, path);", "NotFlushed,PredictableName,DeleteThenMove", "Collapse", 2 },
            { Target + "var tmp = Temp(path);\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);", "NotFlushed", "Collapse", 0 },
            { Predictable + "File.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);\nConsole.WriteLine(tmp);", "NotFlushed,PredictableName", "Collapse", 0 },
            { Target + "var tmp = Path.GetTempFileName();\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, path, true);", "NotFlushed,CrossFileSystem", "Collapse", 1 },
            { Predictable + "File.Delete(path);\nFile.WriteAllText(tmp, json);\nFile.Move(tmp, path);", "NotFlushed,PredictableName,DeleteThenMove", "None", 0 },
            { Predictable + "File.WriteAllText(tmp, json);\nFile.Move(tmp, path, flag);", "NotFlushed,PredictableName", "None", 0 },
            { Predictable + "File.WriteAllText(tmp, json);\nFile.Replace(tmp, path, null);", "NotFlushed,PredictableName", "None", 0 },
            { Predictable + "File.WriteAllText(tmp, json);\nnew FileInfo(tmp).MoveTo(path, true);", "NotFlushed,PredictableName", "None", 0 },
            { Predictable + "File.WriteAllText(tmp, json);\nConsole.WriteLine(tmp);\nFile.Move(tmp, path, true);", "NotFlushed,PredictableName", "None", 0 },
            { Predictable + "if (flag)\n{\n    File.WriteAllText(tmp, json);\n}\nFile.Move(tmp, path, true);", "NotFlushed,PredictableName", "None", 0 },
            { Predictable + "File.WriteAllText(tmp, json);\nFile.Move(tmp, Locate(), true);", "NotFlushed", "None", 0 },
            { Predictable + "using (var s = File.Create(tmp)) { }\nFile.Move(tmp, path, true);", "NotFlushed,PredictableName", "None", 0 },
            { Predictable + "File.Copy(source, tmp, true);\nFile.Move(tmp, path, true);", "NotFlushed,PredictableName", "None", 0 },
            { Predictable + "fs.File.WriteAllText(tmp, json);\nfs.File.Delete(path);\nfs.File.Move(tmp, path);", "NotFlushed,PredictableName,DeleteThenMove", "None", 0 },
        };

        [Theory]
        [MemberData(nameof(Shapes))]
        public async Task Problems_and_fix_are_chosen_by_the_analyzer(string body, string problems, string fix, int removed)
        {
            string code = Snippet.Body(
                body,
                "private readonly System.IO.Abstractions.IFileSystem fs = null!;\nstatic string Temp(string p) => p + \".new\";\nstatic string Locate() => \"settings.json\";")
                + Snippet.FileSystemAbstractions;

            var diagnostic = Assert.Single(await AnalyzerVerifier<UnsafeHandRolledReplaceOnly>.DiagnosticsAsync(code));

            Assert.Equal(problems, diagnostic.Properties[DiagnosticPropertyNames.Problems]);
            Assert.Equal(fix, diagnostic.Properties[DiagnosticPropertyNames.Fix]);
            Assert.Equal(fix == "None" ? "false" : "true", diagnostic.Properties[DiagnosticPropertyNames.Fixable]);
            Assert.Equal(1 + removed, diagnostic.AdditionalLocations.Count);
        }
    }
}
