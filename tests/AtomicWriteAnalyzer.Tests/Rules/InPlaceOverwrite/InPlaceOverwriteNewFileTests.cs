using System.Threading.Tasks;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using VerifyCS = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>
    /// Writes that create a file rather than overwrite one: under a does-not-exist guard, or to a name that is new
    /// every time. Each negative has a positive twin that differs in the one thing that makes it an overwrite. Also:
    /// the words of data types count only for types the app declares.
    /// </summary>
    public sealed class InPlaceOverwriteNewFileTests
    {
        private const string Token = "var path = Path.Combine(directory, \"tokens.json\");\n";

        public static TheoryData<string, string> Creates => new()
        {
            { "if (!File.Exists(path))", Token + "if (!File.Exists(path))\n{\n    File.WriteAllText(path, json);\n}" },
            { "if (!File.Exists(path)) without braces", Token + "if (!File.Exists(path))\n    File.WriteAllText(path, json);" },
            { "File.Exists(path) == false", Token + "if (File.Exists(path) == false)\n{\n    File.WriteAllText(path, json);\n}" },
            { "!File.Exists(path) && flag", Token + "if (!File.Exists(path) && flag)\n{\n    File.WriteAllText(path, json);\n}" },
            { "else of if (File.Exists(path))", Token + "if (File.Exists(path))\n{\n    json = File.ReadAllText(path);\n}\nelse\n{\n    File.WriteAllText(path, json);\n}" },
            { "after if (File.Exists(path)) return", Token + "if (File.Exists(path))\n{\n    return;\n}\nFile.WriteAllText(path, json);" },
            { "after if (File.Exists(path)) throw", Token + "if (File.Exists(path)) throw new IOException(\"exists\");\nFile.WriteAllText(path, json);" },
            { "if (!new FileInfo(path).Exists)", Token + "if (!new FileInfo(path).Exists)\n{\n    using var stream = new FileStream(path, FileMode.Create);\n}" },
            { "the same path built twice", "if (!File.Exists(Path.Combine(directory, \"tokens.json\")))\n{\n    File.WriteAllText(Path.Combine(directory, \"tokens.json\"), json);\n}" },
            { "Guid.NewGuid() in the name", "File.WriteAllText(Path.Combine(directory, $\"tokens-{Guid.NewGuid():N}.json\"), json);" },
            { "Guid.NewGuid().ToString() in a local", "var id = Guid.NewGuid().ToString();\nFile.WriteAllText(Path.Combine(directory, \"settings-\" + id + \".json\"), json);" },
            { "a timestamp in the name", "File.WriteAllText(Path.Combine(directory, \"settings-\" + DateTime.Now.ToString(\"yyyyMMddHHmmss\") + \".json\"), json);" },
            { "ticks in the name", "File.WriteAllText(Path.Combine(directory, $\"state.{DateTime.UtcNow.Ticks}.json\"), json);" },
            { "a unique folder", "File.WriteAllText(Path.Combine(directory, Guid.NewGuid().ToString(\"N\"), \"config.json\"), json);" },
        };

        public static TheoryData<string, string> Overwrites => new()
        {
            { "if (File.Exists(path)): overwrites only what exists", Token + "if (File.Exists(path))\n{\n    {|AW0001:File.WriteAllText(path, json)|};\n}" },
            { "!File.Exists(path) || flag: runs when it exists too", Token + "if (!File.Exists(path) || flag)\n{\n    {|AW0001:File.WriteAllText(path, json)|};\n}" },
            { "the guard tests another file", Token + "if (!File.Exists(Path.Combine(directory, \"marker\")))\n{\n    {|AW0001:File.WriteAllText(path, json)|};\n}" },
            { "after if (File.Exists(path)) without an exit", Token + "if (File.Exists(path))\n{\n    json = json.Trim();\n}\n{|AW0001:File.WriteAllText(path, json)|};" },
            { "then-branch of if (File.Exists(path)) with an else", Token + "if (File.Exists(path))\n{\n    {|AW0001:File.WriteAllText(path, json)|};\n}\nelse\n{\n    json = \"\";\n}" },
            { "the guard is in the caller, outside the lambda", Token + "if (!File.Exists(path))\n{\n    Action save = () => {|AW0001:File.WriteAllText(path, json)|};\n    save();\n}" },
            { "a machine name is not unique", "{|AW0001:File.WriteAllText(Path.Combine(directory, $\"settings-{Environment.MachineName}.json\"), json)|};" },
            { "a date formatted from a fixed value is not unique", "{|AW0001:File.WriteAllText(Path.Combine(directory, \"settings-\" + new DateTime(2020, 1, 1).ToString(\"yyyy\") + \".json\"), json)|};" },
        };

        [Theory]
        [MemberData(nameof(Creates))]
        public Task Writes_that_only_create_are_not_reported(string name, string body)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(body));
        }

        [Theory]
        [MemberData(nameof(Overwrites))]
        public Task Their_twins_that_overwrite_are_reported(string name, string body)
        {
            Assert.NotNull(name);
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(body));
        }

        /// <summary>The project's own wrapper of a fresh value, in another type: read from its declaration, one level deep.</summary>
        public static TheoryData<string, string, string, bool> UniqueWrappers => new()
        {
            {
                "a Guid wrapper with a fallback", "Ids.Next(false)",
                "public static string Next(bool full = true)\n{\n    try\n    {\n        if (full)\n        {\n            return Guid.NewGuid().ToString(\"D\");\n        }\n\n        return BitConverter.ToInt64(Guid.NewGuid().ToByteArray(), 0).ToString();\n    }\n    catch (Exception)\n    {\n    }\n\n    return string.Empty;\n}",
                false
            },
            { "a timestamp wrapper", "Ids.Stamp()", "public static string Stamp() => DateTime.UtcNow.ToString(\"yyyyMMddHHmmssfff\");", false },
            { "a random name wrapper, formatted", "string.Format(\"{0}.json\", Ids.Random())", "public static string Random() => Path.GetFileNameWithoutExtension(Path.GetRandomFileName());", false },
            { "an id made once and kept", "Ids.Current()", "private static readonly string _id = Guid.NewGuid().ToString();\npublic static string Current() => _id;", true },
            { "a wrapper that may return a fixed name", "Ids.Next(flag)", "public static string Next(bool fresh)\n{\n    if (fresh)\n    {\n        return Guid.NewGuid().ToString();\n    }\n\n    return \"default\";\n}", true },
        };

        [Theory]
        [MemberData(nameof(UniqueWrappers))]
        public Task A_name_from_the_projects_own_unique_value_method_is_a_new_file(string name, string call, string wrapper, bool reported)
        {
            Assert.NotNull(name);
            string write = $"File.WriteAllText(Path.Combine(directory, \"settings-\" + {call} + \".json\"), json)";
            string body = (reported ? "{|AW0001:" + write + "|}" : write) + ";";
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(body) + "\nstatic class Ids\n{\n" + wrapper + "\n}\n");
        }

        /// <summary>A path the project's own method builds from a name: a new name makes a new path.</summary>
        public static TheoryData<string, string, bool> PathsBuiltFromANewName => new()
        {
            { "a Guid name", "Folders.InConfigs(\"settings-\" + Guid.NewGuid() + \".json\")", false },
            { "a random name", "Folders.InConfigs(Path.GetRandomFileName())", false },
            { "a fixed name", "Folders.InConfigs(\"settings.json\")", true },
            { "a fixed name from a local", "Folders.InConfigs(Path.GetFileName(source))", true },
        };

        [Theory]
        [MemberData(nameof(PathsBuiltFromANewName))]
        public Task A_path_the_project_builds_from_a_new_name_is_a_new_file(string name, string path, bool reported)
        {
            Assert.NotNull(name);
            string write = $"File.WriteAllText({path}, json)";
            string body = (reported ? "{|AW0001:" + write + "|}" : write) + ";";
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(body) + "\nstatic class Folders\n{\n    public static string InConfigs(string name) => Path.Combine(\"configs\", name);\n}\n");
        }

        public static TheoryData<string, string, bool> SerializedTypes => new()
        {
            { "a type the app declares", "class SessionCookie { public string Value { get; set; } = \"\"; }", true },
            { "a library type with the same word", "", false },
        };

        [Theory]
        [MemberData(nameof(SerializedTypes))]
        public Task Data_type_words_count_for_the_apps_own_types(string name, string declaration, bool reported)
        {
            Assert.NotNull(name);
            string value = declaration.Length > 0 ? "new SessionCookie()" : "new System.Net.Cookie()";
            string write = $"File.WriteAllText(Path.Combine(directory, \"data.json\"), JsonSerializer.Serialize({value}));";
            return VerifyCS.VerifyAnalyzerAsync(Snippet.Body(reported ? "{|AW0001:" + write.TrimEnd(';') + "|};" : write) + "\n" + declaration);
        }
    }
}
