using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;

namespace AtomicWriteAnalyzer.Editor
{
    /// <summary>
    /// What an editor does with the language server: start it on a folder, answer its configuration request, open
    /// files, send edits, and pull each document's diagnostics (the mode VS Code's client uses; the server then sends no
    /// push diagnostics).
    /// </summary>
    internal sealed class EditorSession : IDisposable
    {
        private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

        private readonly LspConnection _server;
        private readonly string _folder;
        private readonly Dictionary<string, (string Text, int Version)> _open = new Dictionary<string, (string Text, int Version)>(StringComparer.Ordinal);

        private EditorSession(LspConnection server, string folder, bool analyzersEnabled)
        {
            _server = server;
            _folder = folder;
            _server.AnswerServerRequest = (method, parameters) => Answer(method, parameters, analyzersEnabled);
        }

        /// <summary>The last report pulled for each document, shown when a check fails.</summary>
        public Dictionary<string, DiagnosticReport> LastReports { get; } = new Dictionary<string, DiagnosticReport>(StringComparer.Ordinal);

        public IReadOnlyCollection<string> ServerLog => _server.LogLines;

        public IEnumerable<string> ServerRequestMethods => _server.ServerRequests.Select(r => r.Method).Distinct();

        /// <summary>Starts the server as a local tool, from <paramref name="toolFolder"/> (where the tool manifest is).</summary>
        public static EditorSession Start(string toolFolder, string folder, bool analyzersEnabled)
        {
            var server = LspConnection.Start("dotnet", "tool run csharp-ls", toolFolder);
            return new EditorSession(server, folder, analyzersEnabled);
        }

        public static string Uri(string path) => new Uri(path).AbsoluteUri;

        public string Text(string path) => _open[path].Text;

        /// <summary>initialize (pull diagnostics, code description links, code action literals), initialized.</summary>
        public async Task<string> InitializeAsync()
        {
            var capabilities = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["didSave"] = false, ["dynamicRegistration"] = false },
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false, ["relatedDocumentSupport"] = false },
                    ["publishDiagnostics"] = new JsonObject { ["codeDescriptionSupport"] = true, ["versionSupport"] = true },
                    ["codeAction"] = new JsonObject
                    {
                        ["codeActionLiteralSupport"] = new JsonObject
                        {
                            ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("", "quickfix", "refactor", "source") },
                        },
                        ["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") },
                    },
                },
            };
            var result = await _server.RequestAsync("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = Uri(_folder),
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = Uri(_folder), ["name"] = Path.GetFileName(_folder) }),
                ["capabilities"] = capabilities,
            }, RequestTimeout).ConfigureAwait(false);
            _server.Notify("initialized", new JsonObject());
            var info = result?["serverInfo"];
            return $"{(string?)info?["name"]} {(string?)info?["version"]}".Trim();
        }

        /// <summary>Waits for the server's workspace/configuration request to have been answered; false when it never came.</summary>
        public async Task<bool> WaitForConfigurationRequestAsync(TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (!ConfigurationAnswered && watch.Elapsed < timeout && !_server.HasExited)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }

            return ConfigurationAnswered;
        }

        private bool ConfigurationAnswered => _server.ServerRequests.Any(r => r.Method == "workspace/configuration");

        public void Open(string path, string text)
        {
            _open[path] = (text, 1);
            _server.Notify("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
            });
        }

        /// <summary>One didChange with one ranged content change.</summary>
        public void Change(string path, TextChange change)
        {
            var (text, version) = _open[path];
            var source = SourceText.From(text);
            var range = source.Lines.GetLinePositionSpan(change.Span);
            _open[path] = (source.WithChanges(change).ToString(), version + 1);
            _server.Notify("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version + 1 },
                ["contentChanges"] = new JsonArray(new JsonObject
                {
                    ["range"] = new JsonObject
                    {
                        ["start"] = new JsonObject { ["line"] = range.Start.Line, ["character"] = range.Start.Character },
                        ["end"] = new JsonObject { ["line"] = range.End.Line, ["character"] = range.End.Character },
                    },
                    ["text"] = change.NewText,
                }),
            });
        }

        public async Task<DiagnosticReport> PullAsync(string path)
        {
            var result = await _server.RequestAsync("textDocument/diagnostic", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri(path) },
            }, RequestTimeout).ConfigureAwait(false);
            var report = DiagnosticReport.From(result);
            LastReports[Path.GetFileName(path)] = report;
            return report;
        }

        /// <summary>Pulls until <paramref name="done"/> holds or the time is up; the last report either way.</summary>
        public async Task<(DiagnosticReport Report, bool Done)> PullUntilAsync(string path, Func<DiagnosticReport, bool> done, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                var report = await PullAsync(path).ConfigureAwait(false);
                if (done(report))
                {
                    return (report, true);
                }

                if (watch.Elapsed >= timeout || _server.HasExited)
                {
                    return (report, false);
                }

                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        /// <summary>The code actions the server offers over a diagnostic's range, the diagnostic as it was sent in the context (as an editor's light bulb asks).</summary>
        public async Task<IReadOnlyList<JsonObject>> CodeActionsAsync(string path, LspDiagnostic diagnostic)
        {
            var result = await _server.RequestAsync("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri(path) },
                ["range"] = diagnostic.Sent["range"]!.DeepClone(),
                ["context"] = new JsonObject
                {
                    ["diagnostics"] = new JsonArray(diagnostic.Sent.DeepClone()),
                    ["triggerKind"] = 1,
                },
            }, RequestTimeout).ConfigureAwait(false);
            return (result as JsonArray ?? new JsonArray()).OfType<JsonObject>().ToList();
        }

        /// <summary>Fills in an action's edit when the server sends it lazily (codeAction/resolve).</summary>
        public async Task<JsonObject> ResolveAsync(JsonObject action)
        {
            if (action["edit"] != null)
            {
                return action;
            }

            return await _server.RequestAsync("codeAction/resolve", action.DeepClone(), RequestTimeout).ConfigureAwait(false) as JsonObject ?? action;
        }

        public Task StopAsync() => _server.StopAsync();

        public void Dispose() => _server.Dispose();

        private JsonNode? Answer(string method, JsonNode? parameters, bool analyzersEnabled)
        {
            if (method != "workspace/configuration")
            {
                // client/registerCapability, window/workDoneProgress/create, workspace/diagnostic/refresh: acknowledged.
                return null;
            }

            var answers = new JsonArray();
            foreach (var item in parameters?["items"] as JsonArray ?? new JsonArray())
            {
                answers.Add((string?)item?["section"] == "csharp" ? new JsonObject { ["analyzersEnabled"] = analyzersEnabled } : null);
            }

            return answers;
        }
    }
}
