using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace AtomicWrite.Benchmarks
{
    /// <summary>
    /// npm write-file-atomic, pinned in node/package.json + package-lock.json and installed with <c>npm ci</c>,
    /// driven by node/save-driver.mjs. Each save is timed inside node, so the pipe and process start are not counted.
    /// </summary>
    internal sealed class NodePeer
    {
        private NodePeer(string directory, string node)
        {
            Directory = directory;
            Node = node;
        }

        public string Directory { get; }

        public string Node { get; }

        public string Script => Path.Combine(Directory, "save-driver.mjs");

        public string Version { get; private set; } = "?";

        /// <summary>The peer, installed if needed; or null and why not.</summary>
        public static NodePeer? TryCreate(string repositoryRoot, out string reason)
        {
            var directory = Path.Combine(repositoryRoot, "tests", "AtomicWrite.Benchmarks", "node");
            var node = Tools.Find("node");
            var npm = Tools.Find("npm");
            if (node is null || npm is null)
            {
                reason = "node/npm not found on PATH";
                return null;
            }

            var installed = Path.Combine(directory, "node_modules", "write-file-atomic", "package.json");
            var lockFile = Path.Combine(directory, "package-lock.json");
            if (!File.Exists(installed) || File.GetLastWriteTimeUtc(installed) < File.GetLastWriteTimeUtc(lockFile))
            {
                var (code, output) = Tools.Run(npm, directory, TimeSpan.FromMinutes(3), "ci", "--no-audit", "--no-fund", "--loglevel=error");
                if (code != 0 || !File.Exists(installed))
                {
                    reason = $"npm ci failed ({code}): {output.Trim()}";
                    return null;
                }
            }

            var peer = new NodePeer(directory, node);
            var manifest = File.ReadAllText(installed);
            var at = manifest.IndexOf("\"version\"", StringComparison.Ordinal);
            if (at >= 0)
            {
                var start = manifest.IndexOf('"', manifest.IndexOf(':', at) + 1) + 1;
                peer.Version = manifest.Substring(start, manifest.IndexOf('"', start) - start);
            }

            reason = "";
            return peer;
        }

        /// <summary>Both of its APIs: the promise one (what most callers use) and <c>.sync</c>.</summary>
        public IEnumerable<SaveMethod> Methods()
        {
            var server = new Server(this);
            yield return new Method(server, "async", $"write-file-atomic {Version} (node, async)", "temp, write, fsync, chown/chmod, rename; no dir fsync", owner: true);
            yield return new Method(server, "sync", $"write-file-atomic {Version} (node, .sync)", "same, synchronous", owner: false);
        }

        private sealed class Server : IDisposable
        {
            private readonly Process _process;

            public Server(NodePeer peer)
            {
                var start = new ProcessStartInfo(peer.Node) { WorkingDirectory = peer.Directory, RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
                start.ArgumentList.Add(peer.Script);
                start.ArgumentList.Add("serve");
                _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            }

            public double Save(string mode, string path, int bytes)
            {
                _process.StandardInput.WriteLine($"save {mode} {path} {bytes.ToString(CultureInfo.InvariantCulture)}");
                _process.StandardInput.Flush();
                var answer = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("node save-driver.mjs exited");
                if (!answer.StartsWith("ok ", StringComparison.Ordinal))
                {
                    throw new IOException("write-file-atomic: " + answer);
                }

                return long.Parse(answer.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture) / 1000.0;
            }

            public void Dispose()
            {
                if (!_process.HasExited)
                {
                    _process.StandardInput.WriteLine("quit");
                    _process.StandardInput.Flush();
                    if (!_process.WaitForExit(10_000))
                    {
                        _process.Kill();
                    }
                }

                _process.Dispose();
            }
        }

        private sealed class Method : SaveMethod
        {
            private readonly Server _server;
            private readonly string _mode;
            private readonly bool _owner;

            public Method(Server server, string mode, string name, string does, bool owner)
            {
                _server = server;
                _mode = mode;
                _owner = owner;
                Name = name;
                Does = does;
            }

            public override string Key => "wfa-" + _mode;

            public string Mode => _mode;

            public override string Name { get; }

            public override string Does { get; }

            // Paths carry no spaces: the benchmark's own temp folder.
            public override double Save(string path, string contents) => _server.Save(_mode, path, contents.Length);

            public override void Dispose()
            {
                if (_owner)
                {
                    _server.Dispose();
                }
            }
        }
    }
}
