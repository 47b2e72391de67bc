using System;
using System.Collections.Generic;

namespace AtomicWriteAnalyzer.Benchmarks.Corpus
{
    /// <summary>
    /// The one method in twenty that touches a file: sensitive overwrites (what AW0001 is for), reads of sensitive
    /// files, hand-rolled replaces, ordinary writes that must stay quiet (logs, reports, exports), writes through a
    /// small storage class whose path lives in a field, and — when the runtime has it — correct AtomicFile use.
    /// </summary>
    internal static class FileAccessMethods
    {
        private static readonly string[] StoreFiles = { "session.json", "profile.json", "cache.json", "state.dat", "export.txt", "preferences.xml" };

        public static IReadOnlyList<Func<MethodContext, GeneratedMember>> Get(bool atomicFileAvailable)
        {
            var all = new List<Func<MethodContext, GeneratedMember>>
            {
                SaveTokens, SaveCredentials, SaveSettingsAsync, WriteState, HandRolledReplace, SaveKey, ReadSettings,
                AppendLog, WriteReport, ReadInput, ExportLines,
                Store, Store,
            };
            if (atomicFileAvailable)
            {
                all.Add(AtomicStream);
            }

            return all;
        }

        private static GeneratedMember SaveTokens(MethodContext c) => new GeneratedMember($$"""
                public void SaveTokens{{c.Slot}}(IReadOnlyDictionary<string, string> tokens)
                {
                    var tokenPath = Path.Combine(_dataDirectory, "tokens.json");
                    File.WriteAllText(tokenPath, JsonSerializer.Serialize(tokens));
                }
        """, MemberKinds.Sensitive);

        private static GeneratedMember SaveCredentials(MethodContext c) => new GeneratedMember($$"""
                public void SaveCredentials{{c.Slot}}(byte[] data)
                {
                    using var stream = new FileStream(Path.Combine(_dataDirectory, "credentials.bin"), FileMode.Create, FileAccess.Write);
                    stream.Write(data, 0, data.Length);
                }
        """, MemberKinds.Sensitive);

        private static GeneratedMember SaveSettingsAsync(MethodContext c) => new GeneratedMember($$"""
                public async Task SaveSettings{{c.Slot}}Async(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
                {
                    var settingsPath = Path.Combine(_dataDirectory, "settings.json");
                    await File.WriteAllTextAsync(settingsPath, JsonSerializer.Serialize(settings), cancellationToken).ConfigureAwait(false);
                }
        """, MemberKinds.Sensitive);

        private static GeneratedMember WriteState(MethodContext c) => new GeneratedMember($$"""
                public void WriteState{{c.Slot}}()
                {
                    using var writer = new StreamWriter(Path.Combine(_dataDirectory, "state.json"));
                    writer.Write(JsonSerializer.Serialize(_items.Select(x => x.Id).ToList()));
                }
        """, MemberKinds.Sensitive);

        private static GeneratedMember HandRolledReplace(MethodContext c) => new GeneratedMember($$"""
                public void SaveConfig{{c.Slot}}(string json)
                {
                    var target = Path.Combine(_dataDirectory, "config.json");
                    var temp = target + ".tmp";
                    File.WriteAllText(temp, json);
                    File.Move(temp, target, overwrite: true);
                }
        """, MemberKinds.Sensitive);

        private static GeneratedMember SaveKey(MethodContext c) => new GeneratedMember($$"""
                public static void SaveKey{{c.Slot}}([SensitiveFile] string destination, byte[] key) => File.WriteAllBytes(destination, key);
        """, MemberKinds.Sensitive);

        private static GeneratedMember ReadSettings(MethodContext c) => new GeneratedMember($$"""
                public Dictionary<string, string> ReadSettings{{c.Slot}}()
                {
                    var json = File.ReadAllText(Path.Combine(_dataDirectory, "settings.json"));
                    return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>();
                }
        """, MemberKinds.Sensitive);

        private static GeneratedMember AppendLog(MethodContext c) => new GeneratedMember($$"""
                public void Log{{c.Slot}}(string message) =>
                    File.AppendAllText(Path.Combine(_dataDirectory, "app.log"), $"{DateTime.UtcNow:O} {message}{Environment.NewLine}");
        """, MemberKinds.NotSensitive);

        private static GeneratedMember WriteReport(MethodContext c) => new GeneratedMember($$"""
                public string WriteReport{{c.Slot}}()
                {
                    var reportPath = Path.Combine(_dataDirectory, $"report-{DateTime.UtcNow:yyyyMMdd}.csv");
                    File.WriteAllText(reportPath, string.Join(Environment.NewLine, _items.Select(x => $"{x.Id},{x.Name},{x.Amount}")));
                    return reportPath;
                }
        """, MemberKinds.NotSensitive);

        private static GeneratedMember ReadInput(MethodContext c) => new GeneratedMember($$"""
                public int Import{{c.Slot}}(string inputPath)
                {
                    var imported = 0;
                    foreach (var line in File.ReadLines(inputPath))
                    {
                        if (TryParseLine(line, out var item) && item is not null)
                        {
                            _items.Add(item);
                            imported++;
                        }
                    }

                    return imported;
                }
        """, MemberKinds.NotSensitive);

        private static GeneratedMember ExportLines(MethodContext c) => new GeneratedMember($$"""
                public void Export{{c.Slot}}(string outputPath) => File.WriteAllLines(outputPath, _items.Select(x => x.ToString()));
        """, MemberKinds.NotSensitive);

        private static GeneratedMember Store(MethodContext c)
        {
            var store = c.Entity + "Store" + c.Slot;
            var file = StoreFiles[(c.FileIndex + c.Slot) % StoreFiles.Length];
            var member = $$"""
                public void Persist{{c.Slot}}()
                {
                    var store = new {{store}}(_dataDirectory);
                    var names = store.Load().Concat(_items.Select(x => x.Name)).Distinct().ToList();
                    store.Save(names);
                }
        """;
            var type = $$"""
            public sealed class {{store}}
            {
                private readonly string _path;

                public {{store}}(string directory)
                {
                    _path = Path.Combine(directory, "{{file}}");
                }

                public void Save(IReadOnlyList<string> names) => File.WriteAllText(_path, JsonSerializer.Serialize(names));

                public IReadOnlyList<string> Load() =>
                    File.Exists(_path) ? JsonSerializer.Deserialize<List<string>>(File.ReadAllText(_path)) ?? new List<string>() : new List<string>();
            }
        """;
            // Persist itself touches no file: the store's Save and Load do.
            return new GeneratedMember(member, MemberKinds.Ordinary, type, companionFileMethods: 2);
        }

        // Correct use of the runtime: must stay quiet (AW0004 looks at it).
        private static GeneratedMember AtomicStream(MethodContext c) => new GeneratedMember($$"""
                public void SaveSnapshot{{c.Slot}}(byte[] data)
                {
                    using var stream = AtomicFile.Create(Path.Combine(_dataDirectory, "snapshot.bin"));
                    stream.Write(data, 0, data.Length);
                    stream.Commit();
                }
        """, MemberKinds.Atomic);
    }
}
