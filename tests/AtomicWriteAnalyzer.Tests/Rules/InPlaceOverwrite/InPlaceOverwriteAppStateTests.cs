using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// App state with no word in its name: the same path, computed the same way, read by one member of the type and
    /// rewritten with serialized data by another. Each reported row has a quiet twin: another file, unserialized text,
    /// or a path that is a parameter (another file in each body).
    /// </summary>
    public sealed class InPlaceOverwriteAppStateTests
    {
        private const string Item = "public sealed class Item { public int Id { get; set; } }\n";

        public static TheoryData<string, string> Cases => new()
        {
            {
                "the same Path.Combine in Load and Save",
                "public List<Item> Load() => JsonSerializer.Deserialize<List<Item>>(File.ReadAllText(Path.Combine(_dir, \"banned.json\")))!;\npublic void Save(List<Item> items) => {|AW0001:File.WriteAllText(Path.Combine(_dir, \"banned.json\"), JsonSerializer.Serialize(items))|};"
            },
            {
                "through a local in each body",
                "public List<Item> Load()\n{\n    var file = Path.Combine(_dir, \"banned.json\");\n    return JsonSerializer.Deserialize<List<Item>>(File.ReadAllText(file))!;\n}\npublic void Save(List<Item> items)\n{\n    var target = Path.Combine(_dir, \"banned.json\");\n    {|AW0001:File.WriteAllText(target, JsonSerializer.Serialize(items))|};\n}"
            },
            {
                "another file read: quiet",
                "public List<Item> Load() => JsonSerializer.Deserialize<List<Item>>(File.ReadAllText(Path.Combine(_dir, \"seed.json\")))!;\npublic void Save(List<Item> items) => File.WriteAllText(Path.Combine(_dir, \"banned.json\"), JsonSerializer.Serialize(items));"
            },
            {
                "unserialized text: quiet",
                "public string Load() => File.ReadAllText(Path.Combine(_dir, \"banned.txt\"));\npublic void Save(string text) => File.WriteAllText(Path.Combine(_dir, \"banned.txt\"), text);"
            },
            {
                "a parameter path in each body: quiet",
                "public List<Item> Load(string file) => JsonSerializer.Deserialize<List<Item>>(File.ReadAllText(file))!;\npublic void Save(string file, List<Item> items) => File.WriteAllText(file, JsonSerializer.Serialize(items));"
            },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public Task The_same_path_read_and_rewritten_is_app_state(string name, string members)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Usings + Item + "public sealed class Prison\n{\n    private readonly string _dir = AppContext.BaseDirectory;\n\n" + members + "\n}\n");
        }
    }
}
