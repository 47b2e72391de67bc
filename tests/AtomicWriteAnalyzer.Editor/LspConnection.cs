using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace AtomicWriteAnalyzer.Editor
{
    /// <summary>
    /// JSON-RPC over a language server's stdin/stdout, framed with Content-Length headers as LSP requires.
    /// Requests from the server are answered by <see cref="AnswerServerRequest"/>; its log messages are kept so that a
    /// failure can show them.
    /// </summary>
    internal sealed class LspConnection : IDisposable
    {
        private readonly Process _process;
        private readonly Stream _input;
        private readonly Stream _output;
        private readonly object _writeLock = new object();
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>>();
        private readonly ConcurrentQueue<string> _log = new ConcurrentQueue<string>();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _nextId;

        private LspConnection(Process process)
        {
            _process = process;
            _input = process.StandardInput.BaseStream;
            _output = process.StandardOutput.BaseStream;
            // Runs until the server closes its output; pending requests then fail.
            _ = Task.Run(ReadLoop);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data != null)
                {
                    Log("stderr: " + e.Data);
                }
            };
            process.BeginErrorReadLine();
        }

        /// <summary>Answers a request from the server (method, params); null answers null.</summary>
        public Func<string, JsonNode?, JsonNode?> AnswerServerRequest { get; set; } = (_, _) => null;

        /// <summary>Server requests answered, by method, with the time the answer was sent.</summary>
        public ConcurrentQueue<(string Method, TimeSpan At)> ServerRequests { get; } = new ConcurrentQueue<(string Method, TimeSpan At)>();

        public bool HasExited => _process.HasExited;

        public static LspConnection Start(string fileName, string arguments, string workingDirectory)
        {
            var start = new ProcessStartInfo(fileName, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{fileName} {arguments}'");
            return new LspConnection(process);
        }

        /// <summary>The server's window/logMessage, window/showMessage and stderr lines, oldest first.</summary>
        public IReadOnlyCollection<string> LogLines => _log.ToArray();

        public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
        {
            int id = Interlocked.Increment(ref _nextId);
            var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = answer;
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            var finished = await Task.WhenAny(answer.Task, Task.Delay(timeout)).ConfigureAwait(false);
            if (finished != answer.Task)
            {
                _pending.TryRemove(id, out _);
                throw new TimeoutException($"{method}: no answer within {timeout.TotalSeconds:F0} s" + (_process.HasExited ? $" (server exited with {_process.ExitCode})" : ""));
            }

            return await answer.Task.ConfigureAwait(false);
        }

        public void Notify(string method, JsonNode? parameters)
        {
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });
        }

        /// <summary>Asks the server to shut down and exit; kills it when it does not within a few seconds.</summary>
        public async Task StopAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    await RequestAsync("shutdown", null, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                    Notify("exit", null);
                }
            }
            catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException or LspException)
            {
                Log("shutdown: " + e.Message);
            }

            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(exited.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private void Log(string line) => _log.Enqueue($"[{_clock.Elapsed.TotalSeconds,6:F1} s] {line}");

        private void Send(JsonObject message)
        {
            byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
            byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            lock (_writeLock)
            {
                _input.Write(header);
                _input.Write(body);
                _input.Flush();
            }
        }

        private async Task ReadLoop()
        {
            try
            {
                while (true)
                {
                    var message = await ReadMessageAsync().ConfigureAwait(false);
                    if (message == null)
                    {
                        break;
                    }

                    Dispatch(message);
                }
            }
            catch (Exception e) when (e is IOException or JsonException or FormatException or ObjectDisposedException)
            {
                Log("reader stopped: " + e.Message);
            }

            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new IOException("the server closed its output"));
            }
        }

        private void Dispatch(JsonObject message)
        {
            string? method = (string?)message["method"];
            var id = message["id"];
            if (method == null)
            {
                if (id != null && _pending.TryRemove((int)id, out var answer))
                {
                    if (message["error"] is JsonObject error)
                    {
                        answer.TrySetException(new LspException($"{(string?)error["message"]} (code {error["code"]})"));
                    }
                    else
                    {
                        answer.TrySetResult(message["result"]?.DeepClone());
                    }
                }

                return;
            }

            var parameters = message["params"];
            if (method is "window/logMessage" or "window/showMessage")
            {
                Log($"{method}: {(string?)parameters?["message"]}");
            }

            if (id == null)
            {
                return;
            }

            JsonNode? result;
            try
            {
                result = AnswerServerRequest(method, parameters);
            }
            catch (InvalidOperationException e)
            {
                Log($"could not answer {method}: {e.Message}");
                result = null;
            }

            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
            ServerRequests.Enqueue((method, _clock.Elapsed));
        }

        private async Task<JsonObject?> ReadMessageAsync()
        {
            int length = -1;
            while (true)
            {
                string? line = await ReadHeaderLineAsync().ConfigureAwait(false);
                if (line == null)
                {
                    return null;
                }

                if (line.Length == 0)
                {
                    break;
                }

                const string prefix = "Content-Length:";
                if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line.Substring(prefix.Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            if (length < 0)
            {
                throw new FormatException("a message without Content-Length");
            }

            byte[] body = new byte[length];
            await _output.ReadExactlyAsync(body).ConfigureAwait(false);
            return JsonNode.Parse(body) as JsonObject ?? throw new FormatException("a message that is not a JSON object");
        }

        private async Task<string?> ReadHeaderLineAsync()
        {
            var bytes = new List<byte>();
            byte[] one = new byte[1];
            while (true)
            {
                int read = await _output.ReadAsync(one).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                if (one[0] == '\n')
                {
                    return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
                }

                bytes.Add(one[0]);
            }
        }
    }

    internal sealed class LspException : Exception
    {
        public LspException(string message)
            : base(message)
        {
        }
    }
}
